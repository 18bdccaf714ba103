/*
 * Weekly digest page: subscribers, preview and send log.
 */
import { api, query } from './api.js';
import { append, h } from './dom.js';
import { state } from './state.js';
import { empty, pageHeader } from './ui.js';


export async function digestPage(root) {
  const [subscribers, sends] = await Promise.all([
    api('/api/v1/surveys/' + state.survey.id + '/digest-subscribers'),
    api('/api/v1/digests/sends' + query({ surveyId: state.survey.id })),
  ]);
  append(root, pageHeader('Weekly digest', 'The email subscribers get once per ISO week, shown here for week ' + state.week + '.'));
  const message = h('div', { role: 'status' });
  const list = h('textarea', { name: 'subscribers', rows: 4, cols: 50, 'aria-label': 'Subscribers, one email address per line' });
  list.value = subscribers.subscribers.join('\n');
  const form = h('form', { class: 'survey panel', onSubmit: async (e) => {
    e.preventDefault();
    const emails = list.value.split(/[\n,;]+/).map((x) => x.trim()).filter((x) => x);
    try {
      const saved = await api('/api/v1/surveys/' + state.survey.id + '/digest-subscribers', { method: 'PUT', body: { subscribers: emails } });
      list.value = saved.subscribers.join('\n');
      message.className = 'ok';
      message.textContent = saved.subscribers.length + ' subscriber(s) saved.';
    } catch (err) {
      message.className = 'error';
      message.textContent = err.message + (err.problem && err.problem.details ? ' ' + Object.entries(err.problem.details).map(([k, v]) => k + ': ' + v).join('; ') : '');
    }
  } }, h('h2', {}, 'Subscribers'), h('label', {}, h('span', {}, 'One email address per line'), list), h('button', { type: 'submit' }, 'Save subscribers'));
  const frame = h('iframe', { class: 'digest', sandbox: '', title: 'Digest preview', src: '/api/v1/digests/preview' + query({ surveyId: state.survey.id, week: state.week }) });
  const log = sends.sends.slice(0, 50);
  append(root, message, form, h('div', { class: 'panel' }, h('h2', {}, 'Preview'), frame),
    h('div', { class: 'panel' }, h('h2', {}, 'Send log'), log.length ? h('table', {},
      h('thead', {}, h('tr', {}, ['Week', 'Recipient', 'Status', 'Attempts', 'Sent', 'Last error'].map((t) => h('th', {}, t)))),
      h('tbody', {}, log.map((x) => h('tr', {}, h('td', {}, x.week), h('td', {}, x.recipient), h('td', {}, x.status), h('td', { class: 'num' }, x.attempts),
        h('td', {}, x.sentAt || '–'), h('td', { class: 'muted' }, x.lastError || ''))))) : empty('Nothing sent yet.')));
}

/*
 * Theme runs on the Themes page: when the week was last themed, how many comments wait, the next
 * scheduled check, and "Run now" with the run's progress (polled from the run log).
 */
import { api, query } from './api.js';
import { h } from './dom.js';
import { fmt } from './format.js';
import { state } from './state.js';

const STAGES = { queued: 'waiting to start', enrich: 'clearing names and reading comments', assign: 'placing answers', label: 'naming themes', name: 'naming themes', store: 'storing', requests: 'finding feature requests' };

function when(instant) {
  if (!instant) return null;
  const d = new Date(instant);
  return d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function progressText(run) {
  const p = run.progress;
  if (!p) return 'Run ' + run.id + ' is going…';
  const share = p.total > 0 ? ' ' + Math.round((100 * p.done) / p.total) + '%' : '';
  return 'Run ' + run.id + ': ' + (STAGES[p.stage] || p.stage) + share + ' (' + fmt.seconds(run.durationSeconds) + ')';
}

/** The run panel for {@code status} (the "runs" object of GET /api/v1/themes); {@code onDone} re-renders the page. */
export function runPanel(status, onDone, themed) {
  const last = h('span', { 'data-last-themed': true }, status && status.lastRunAt ? 'Last themed ' + when(status.lastRunAt) : themed ? 'Themed before runs were logged' : 'Not themed by a run yet');
  const waiting = h('span', { 'data-waiting': status ? status.waiting : 0 }, status ? ' · ' + fmt.int(status.waiting) + (status.waiting === 1 ? ' new comment waits' : ' new comments wait') : '');
  const schedule = h('span', { class: 'muted' }, !status ? '' : status.nextCheck
    ? ' · next automatic check ' + when(status.nextCheck) + ' (every ' + (status.intervalMinutes % 60 === 0 ? status.intervalMinutes / 60 + ' h' : status.intervalMinutes + ' min') + ')'
    : ' · automatic runs are off');
  const message = h('div', { role: 'status', class: 'run-progress muted' });
  const button = h('button', { type: 'button', 'data-run-now': true, title: 'Theme this week\'s comments now' }, 'Run now');
  async function follow(run) {
    button.disabled = true;
    message.className = 'run-progress muted';
    message.textContent = progressText(run);
    while (run.status === 'running') {
      await new Promise((r) => setTimeout(r, 1000));
      run = await api('/api/v1/themes/runs/' + run.id);
      message.textContent = progressText(run);
    }
    if (run.status === 'succeeded') {
      message.className = 'run-progress ok';
      message.textContent = 'Run ' + run.id + ' finished in ' + fmt.seconds(run.durationSeconds) + ': ' + fmt.int(run.answers) + ' answers themed.';
      setTimeout(onDone, 600);
    } else {
      message.className = 'run-progress error';
      message.textContent = 'Run ' + run.id + ' ' + run.status + ': ' + (run.error || 'see the server log');
      button.disabled = false;
    }
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const run = await api('/api/v1/themes/runs' + query({ surveyId: state.survey.id, week: state.week }), { method: 'POST' });
      await follow(run);
    } catch (err) {
      message.className = 'run-progress error';
      message.textContent = err.message;
      button.disabled = false;
      if (err.status === 409 && err.problem && err.problem.details && err.problem.details.runId) {
        follow(await api('/api/v1/themes/runs/' + err.problem.details.runId));
      }
    }
  });
  if (status && status.running) follow(status.running);
  return h('div', { class: 'panel run-panel', 'data-runs': true },
    h('div', { class: 'run-line' }, h('div', {}, last, waiting, schedule), button), message);
}

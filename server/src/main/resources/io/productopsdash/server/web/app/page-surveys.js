/*
 * Surveys page: list, create, edit and the embed snippet.
 */
import { api, query } from './api.js';
import { append, h } from './dom.js';
import { fmt } from './format.js';
import { loadSurveys, navigate } from './shell.js';
import { state } from './state.js';
import { currentParams, link, pageHeader } from './ui.js';


export async function surveysPage(root) {
  const data = await api('/api/v1/surveys');
  state.surveys = data.surveys;
  append(root, pageHeader('Surveys', 'The weekly survey the widget asks; changing the question or the scale of a survey with answers makes a new version.'));
  append(root, h('p', {}, link('/app/surveys/new', currentParams(), h('button', { type: 'button' }, 'New survey'))));
  append(root, h('div', { class: 'panel' }, h('table', { class: 'surveys' },
    h('thead', {}, h('tr', {}, ['Name', 'Question', 'Scale', 'Sample rate', 'Cooldown', 'Status', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, data.surveys.map((s) => h('tr', { 'data-survey': s.id },
      h('td', {}, s.name, h('div', { class: 'muted' }, '#' + s.id + ' · version ' + s.version)),
      h('td', {}, s.question),
      h('td', {}, s.kind + ' ' + s.min + '–' + s.max),
      h('td', { class: 'num' }, fmt.pct(s.sampleRate, 0)),
      h('td', { class: 'num' }, s.cooldownWeeks + ' wk'),
      h('td', {}, s.supersededBy ? 'superseded by #' + s.supersededBy : s.active ? 'live' : 'paused'),
      h('td', {}, s.supersededBy ? null : link('/app/surveys/' + s.id, { surveyId: s.id, week: state.week }, 'Edit · embed'))))))));
}

export async function surveyForm(root, id) {
  const existing = id ? await api('/api/v1/surveys/' + encodeURIComponent(id)) : null;
  append(root, h('p', {}, link('/app/surveys', currentParams(), '← All surveys')));
  append(root, pageHeader(existing ? 'Edit "' + existing.name + '"' : 'New survey',
    existing ? 'Version ' + existing.version + '. Changing the question or the scale after answers arrived creates version ' + (existing.version + 1) + '; earlier answers stay with this one.' : 'Asked weekly of a random sample of users by the widget.'));
  const message = h('div', { role: 'status' });
  const field = (label, input) => h('label', {}, h('span', {}, label), input);
  const v = existing || { name: '', question: '', kind: 'CSAT', points: 7, minLabel: 'Very dissatisfied', maxLabel: 'Very satisfied', openQuestion: 'How can we make it better?', sampleRate: 0.1, cooldownWeeks: 4, active: true };
  const inputs = {
    name: h('input', { type: 'text', name: 'name', value: v.name, required: true }),
    question: h('input', { type: 'text', name: 'question', value: v.question, required: true }),
    kind: h('select', { name: 'kind' }, h('option', { value: 'CSAT' }, 'CSAT'), h('option', { value: 'NPS' }, 'NPS (0–10)')),
    points: h('input', { type: 'number', name: 'points', min: 5, max: 11, value: v.points }),
    minLabel: h('input', { type: 'text', name: 'minLabel', value: v.minLabel || '' }),
    maxLabel: h('input', { type: 'text', name: 'maxLabel', value: v.maxLabel || '' }),
    openQuestion: h('input', { type: 'text', name: 'openQuestion', value: v.openQuestion || '' }),
    sampleRate: h('input', { type: 'number', name: 'sampleRate', min: 0, max: 1, step: 0.01, value: v.sampleRate }),
    cooldownWeeks: h('input', { type: 'number', name: 'cooldownWeeks', min: 0, max: 52, value: v.cooldownWeeks }),
    active: h('input', { type: 'checkbox', name: 'active', checked: v.active }),
  };
  inputs.kind.value = v.kind;
  const form = h('form', { class: 'survey panel', onSubmit: async (e) => {
    e.preventDefault();
    const body = {
      name: inputs.name.value, question: inputs.question.value, kind: inputs.kind.value, points: Number(inputs.points.value),
      minLabel: inputs.minLabel.value, maxLabel: inputs.maxLabel.value, openQuestion: inputs.openQuestion.value || null,
      sampleRate: Number(inputs.sampleRate.value), cooldownWeeks: Number(inputs.cooldownWeeks.value), active: inputs.active.checked,
    };
    try {
      const reply = existing
        ? await api('/api/v1/surveys/' + existing.id, { method: 'PATCH', body, withStatus: true })
        : await api('/api/v1/surveys', { method: 'POST', body, withStatus: true });
      await loadSurveys(reply.body.id);
      const versioned = existing && reply.status === 201;
      navigate('/app/surveys/' + reply.body.id + query({ surveyId: reply.body.id, week: state.week, saved: versioned ? 'version' : 'yes' }));
    } catch (err) {
      message.className = 'error';
      message.textContent = err.message + (err.problem && err.problem.details ? ' ' + Object.entries(err.problem.details).map(([k, val]) => k + ': ' + val).join('; ') : '');
    }
  } },
  field('Name', inputs.name), field('Question', inputs.question), field('Kind', inputs.kind), field('Points (5–11; NPS has 11)', inputs.points),
  field('Label of the lowest score', inputs.minLabel), field('Label of the highest score', inputs.maxLabel),
  field('Open question (optional)', inputs.openQuestion), field('Sample rate (0–1, share of users asked each week)', inputs.sampleRate),
  field('Cooldown (weeks without a survey after an answer or dismissal)', inputs.cooldownWeeks), h('label', {}, inputs.active, ' Live'),
  h('button', { type: 'submit' }, existing ? 'Save' : 'Create survey'));
  const saved = new URLSearchParams(location.search).get('saved');
  if (saved) {
    message.className = 'ok';
    message.textContent = saved === 'version'
      ? 'Saved as a new version, because the survey already had answers.'
      : 'Saved.';
  }
  append(root, message, form);
  if (existing) {
    const snippet = '<script src="' + location.origin + '/widget.js"></script>\n<script>\n  ProductOpsDash.init({ host: \'' + location.origin + '\', surveyId: ' + existing.id + ', userId: CURRENT_USER_ID });\n</script>';
    const pre = h('pre', { class: 'snippet', id: 'embed' }, snippet);
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Embed in your app'),
      h('p', { class: 'muted' }, 'Add this to every page of your web app; replace CURRENT_USER_ID with the signed-in user\'s id.'),
      pre, h('button', { type: 'button', class: 'secondary', onClick: async (e) => {
        try { await navigator.clipboard.writeText(snippet); e.target.textContent = 'Copied'; } catch (err) {
          window.getSelection().selectAllChildren(pre); e.target.textContent = 'Selected: press Ctrl+C';
        }
      } }, 'Copy')));
  }
}

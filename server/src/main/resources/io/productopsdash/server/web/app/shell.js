/*
 * The shell: survey and week pickers, and navigation (main.js renders on app:navigate).
 */
import { api } from './api.js';
import { h } from './dom.js';
import { state } from './state.js';


export async function loadSurveys(preferredId) {
  const data = await api('/api/v1/surveys');
  state.surveys = data.surveys;
  const select = document.getElementById('survey');
  select.replaceChildren(...state.surveys.filter((s) => !s.supersededBy).map((s) => h('option', { value: s.id }, s.name + ' (v' + s.version + ')')));
  const wanted = state.surveys.find((s) => String(s.id) === String(preferredId));
  state.survey = wanted || state.surveys.find((s) => !s.supersededBy && s.active) || state.surveys[0] || null;
  if (state.survey) select.value = state.survey.id;
}

export async function loadWeeks(preferredWeek) {
  const select = document.getElementById('week');
  if (!state.survey) return;
  const scores = await api('/api/v1/surveys/' + state.survey.id + '/scores');
  const weeks = scores.weeks.map((w) => w.week);
  let latest = weeks[weeks.length - 1];
  for (const w of scores.weeks) if (w.score.n > 0) latest = w.week;
  state.weeks = weeks.slice().reverse();
  state.week = preferredWeek && /^\d{4}-W\d{2}$/.test(preferredWeek) ? preferredWeek : latest;
  if (!state.weeks.includes(state.week)) state.weeks.unshift(state.week);
  select.replaceChildren(...state.weeks.map((w) => h('option', { value: w }, w)));
  select.value = state.week;
}

export function navigate(url) {
  history.pushState(null, '', url);
  window.dispatchEvent(new Event('app:navigate'));
}

export function withSelection(path) {
  const params = new URLSearchParams(location.search);
  if (state.survey) params.set('surveyId', state.survey.id);
  if (state.week) params.set('week', state.week);
  const keep = new URLSearchParams();
  for (const key of ['surveyId', 'week']) if (params.get(key)) keep.set(key, params.get(key));
  return path + '?' + keep.toString();
}

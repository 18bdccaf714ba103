/*
 * Small page parts shared by pages: headers, cards, links that keep the selection, badges.
 */
import { api, query } from './api.js';
import { h } from './dom.js';
import { TREND_ARROW, TREND_TEXT, state } from './state.js';

export function scoreClass(score) {
  const s = state.survey;
  if (!s) return 'mid';
  if (s.kind === 'NPS') return score <= 6 ? 'low' : score >= 9 ? 'high' : 'mid';
  if (score < s.min + s.topBox) return 'low';
  return score > s.max - s.topBox ? 'high' : 'mid';
}

export function scoreBadge(score) {
  return h('span', { class: 'score ' + scoreClass(score), title: 'Score ' + score }, score);
}


export function pageHeader(title, subtitle) {
  return [h('h1', {}, title), subtitle ? h('p', { class: 'sub' }, subtitle) : null];
}

export function empty(text) {
  return h('div', { class: 'empty' }, text);
}

export function link(path, params, ...children) {
  return h('a', { href: path + query(params), 'data-nav': true }, ...children);
}

export function currentParams() {
  return { surveyId: state.survey ? state.survey.id : null, week: state.week };
}

export function trendBadge(trend) {
  return h('span', { class: 'badge ' + trend, title: 'Trend: ' + TREND_TEXT[trend] }, TREND_ARROW[trend] + ' ' + TREND_TEXT[trend]);
}

export async function themesOf(week) {
  try {
    return await api('/api/v1/themes' + query({ surveyId: state.survey.id, week }));
  } catch (e) {
    if (e.status === 404 || e.status === 400) return { themes: [], unclustered: null };
    throw e;
  }
}

export function card(label, value, note, extra) {
  return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value, extra || null), h('div', { class: 'note' }, note));
}

/**
 * The note on a report served from an imported snapshot (the Spark job's rollups): where the
 * numbers come from, their weeks, evaluation instant and event count. Null for a report computed
 * from the stored events.
 */
export function snapshotNote(report) {
  const s = report.snapshot;
  if (!s) return null;
  const at = (iso) => iso.slice(0, 16).replace('T', ' ') + ' UTC';
  return h('p', { class: 'notice', role: 'note' },
    h('strong', {}, 'From an imported snapshot'), ': ' + s.source + ', weeks ' + s.from + ' – ' + s.to + ', as of ' + at(s.asOf) + ', '
      + Number(s.events).toLocaleString('en-US') + ' events (imported ' + at(s.importedAt) + '). The stored events do not cover these weeks.');
}

/*
 * Small page parts shared by pages: headers, cards, links that keep the selection, badges.
 */
import { api, query } from './api.js';
import { h } from './dom.js';
import { TREND_ARROW, TREND_HELP, TREND_TEXT, state } from './state.js';
import { fmt } from './format.js';

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

/** A theme's flag as a badge; the p-value of a share test goes into the badge's title. */
export function trendBadge(trend, pValue) {
  const title = TREND_HELP[trend] + (pValue !== null && pValue !== undefined ? ' (' + fmt.p(pValue) + ')' : '');
  return h('span', { class: 'badge ' + trend, title }, TREND_ARROW[trend] + ' ' + TREND_TEXT[trend]);
}

/**
 * A theme's change against the mean of its recent themed weeks (what its flag is tested on), worded
 * to agree with the flag: an arrow only when the share test flagged it, the flag's word for a theme
 * created this week.
 */
export function changeText(t) {
  if (t.trend === 'NEW' || t.trend === 'FOUND_LATE' || t.trend === 'SPLIT') return { text: TREND_TEXT[t.trend], cls: '', title: TREND_HELP[t.trend] };
  if (t.recentMean === null || t.recentMean === undefined) return { text: '–', cls: '', title: 'No earlier week to compare with' };
  const delta = Math.round((t.size - t.recentMean) * 10) / 10;
  const signed = (delta > 0 ? '+' : delta < 0 ? '−' : '±') + Math.abs(delta).toLocaleString('en-US');
  const title = t.size + ' answers against ' + t.recentMean.toFixed(1) + ' a week over the last ' + t.recentWeeks + ' themed weeks';
  if (t.trend === 'GROWING') return { text: '▲ ' + signed, cls: 'up', title };
  if (t.trend === 'SHRINKING') return { text: '▼ ' + signed, cls: 'down', title };
  return { text: signed, cls: 'muted', title: title + ' (no significant change of share)' };
}

/**
 * A week-over-week test's verdict as a badge, worded by the API's one rule (Significance):
 * significant, not significant, or too few answers (fewer than 30 in either week).
 */
export function verdictBadge(verdict) {
  if (!verdict || verdict === 'NONE') return null;
  const text = { SIGNIFICANT: 'significant', NOT_SIGNIFICANT: 'not significant', TOO_FEW_ANSWERS: 'too few answers' }[verdict];
  const title = { SIGNIFICANT: 'p < 0.05 with at least 30 answers in both weeks', NOT_SIGNIFICANT: 'p ≥ 0.05', TOO_FEW_ANSWERS: 'Fewer than 30 answers in one of the weeks: the test is not trusted, whatever its p-value' }[verdict];
  return h('span', { class: 'badge ' + (verdict === 'SIGNIFICANT' ? 'sig' : 'STABLE'), title }, text);
}

/** A badge for a cohort whose conversion window is still open or a week that has not ended. */
export function progressBadge(text, title) {
  return h('span', { class: 'badge progress', title }, text);
}

export async function themesOf(week) {
  try {
    return await api('/api/v1/themes' + query({ surveyId: state.survey.id, week }));
  } catch (e) {
    if (e.status === 404 || e.status === 400) return { themes: [], gone: [], unclustered: null };
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

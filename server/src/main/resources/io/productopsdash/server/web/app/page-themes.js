/*
 * Themes page and theme detail.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, sparkline } from './charts.js';
import { append, h, highlightKeywords } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, state } from './state.js';
import { currentParams, empty, link, pageHeader, scoreBadge, themesOf, trendBadge } from './ui.js';
import { weekRange } from './weeks.js';


export async function themesPage(root) {
  const weeks = weekRange(state.week, RANGE_WEEKS);
  const lists = await Promise.all(weeks.map((w) => themesOf(w)));
  const current = lists[lists.length - 1];
  append(root, pageHeader('Themes', 'What answers to "' + (state.survey.openQuestion || 'the open question') + '" are about, week ' + state.week));
  const themes = (current.themes || []).slice().sort((a, b) => b.size - a.size || a.id - b.id);
  if (!themes.length) {
    append(root, h('div', { class: 'panel' }, empty('No themes for this week: run the theme engine (POST /api/v1/themes/run) once answers have comments.')));
    return;
  }
  const sizes = (id) => lists.map((l) => ((l.themes || []).find((t) => t.id === id) || { size: 0 }).size);
  const rows = themes.map((t) => {
    const spark = h('div', { class: 'spark', 'aria-label': 'answers per week' });
    const row = h('tr', { 'data-theme': t.id },
      h('td', {}, link('/app/themes/' + t.id, currentParams(), t.label), trendBadge(t.trend),
        h('div', {}, t.keywords.slice(0, 6).map((k) => h('span', { class: 'kw' }, k)))),
      h('td', { class: 'num' }, fmt.int(t.size), h('div', { class: 'muted' }, fmt.pct(t.share))),
      h('td', {}, spark),
      h('td', { class: 'num' }, fmt.num(t.meanScore), h('div', { class: 'muted' }, t.meanInterval ? '[' + fmt.num(t.meanInterval.low) + ', ' + fmt.num(t.meanInterval.high) + ']' : '')),
      h('td', {}, sentimentText(t.sentimentMix)));
    return { row, spark, values: sizes(t.id) };
  });
  append(root, h('div', { class: 'panel' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Size'), h('th', {}, 'Trend (12 weeks)'), h('th', { class: 'num' }, 'Mean score'), h('th', {}, 'Sentiment'))),
    h('tbody', {}, rows.map((r) => r.row)))));
  for (const r of rows) sparkline(r.spark, r.values);
  if (current.unclustered && current.unclustered.size) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Unclustered (' + current.unclustered.size + ' answers, ' + fmt.pct(current.unclustered.share) + ')'),
      current.unclustered.quotes.map((q) => h('div', { class: 'quote' }, q.text))));
  }
}

export function sentimentText(mix) {
  if (!mix) return h('span', { class: 'muted' }, '–');
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  if (!total) return h('span', { class: 'muted' }, 'pending');
  return Object.entries(mix).filter(([, n]) => n > 0).map(([k, n]) => h('div', { class: 'muted' }, k + ' ' + Math.round((100 * n) / total) + '%'));
}

export async function themeDetail(root, id) {
  const detail = await api('/api/v1/themes/' + encodeURIComponent(id) + query({ week: state.week }));
  const t = detail.theme;
  const weeks = weekRange(state.week, RANGE_WEEKS);
  const lists = await Promise.all(weeks.map((w) => themesOf(w)));
  append(root, h('p', {}, link('/app/themes', currentParams(), '← All themes')));
  append(root, h('h1', {}, t.label, trendBadge(t.trend)));
  append(root, h('p', { class: 'sub' }, fmt.int(t.size) + ' answers (' + fmt.pct(t.share) + ' of the week\'s comments) · mean score ' + fmt.num(t.meanScore)
    + (t.pValue !== null && t.pValue !== undefined ? ' · change ' + fmt.p(t.pValue) : '')));
  append(root, h('div', {}, t.keywords.map((k) => h('span', { class: 'kw' }, k))));
  const trend = h('div', { class: 'panel' }, h('h2', {}, 'Answers per week'), chartBox('small'));
  append(root, trend);
  draw(trend.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
    series: [{ name: 'Answers', type: 'bar', data: lists.map((l) => ((l.themes || []).find((x) => x.id === t.id) || { size: 0 }).size) }],
  });
  const subs = detail.subThemes || [];
  if (subs.length) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Sub-themes'),
      subs.map((s) => h('div', { class: 'subtheme' }, h('strong', {}, s.label), h('span', { class: 'muted' }, ' · ' + s.size + ' answers'),
        s.quotes.map((q) => h('div', { class: 'quote' }, q.text || ''))))));
  }
  append(root, h('div', { class: 'panel answers' }, h('h2', {}, 'Answers (' + detail.answers.length + ')'),
    detail.answers.map((a) => h('div', { class: 'answer', 'data-answer': a.id },
      h('div', { class: 'meta' }, scoreBadge(a.score), ' #' + a.id + ' · ' + a.week),
      h('div', { class: 'text' }, highlightKeywords(a.comment || '', t.keywords))))));
}

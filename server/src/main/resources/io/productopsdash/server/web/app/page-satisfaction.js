/*
 * Satisfaction × usage page.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, palette } from './charts.js';
import { append, esc, h } from './dom.js';
import { fmt } from './format.js';
import { metricsRange, onboarding, usage } from './page-metrics.js';
import { state } from './state.js';
import { card, pageHeader, snapshotNote } from './ui.js';


export async function satisfaction(root) {
  const report = await api('/api/v1/metrics/satisfaction' + query(Object.assign({ surveyId: state.survey.id }, metricsRange())));
  append(root, pageHeader('Satisfaction × usage', 'Scores of ' + report.from + ' – ' + report.to + ' by the answering user\'s signup cohort, onboarding outcome and feature-area adoption.'), snapshotNote(report));
  append(root, h('div', { class: 'cards' }, card('All answers', fmt.num(report.overall.mean), 'n = ' + fmt.int(report.overall.n))));
  const groups = (title, rows) => {
    const panel = h('div', { class: 'panel' }, h('h2', {}, title), chartBox('small'), scoreTable(rows));
    return { panel, rows };
  };
  const cohort = groups('By signup cohort', report.bySignupCohort.map((g) => ({ key: g.key, score: g.score })));
  const onboard = groups('By onboarding outcome', report.byOnboarding.map((g) => ({ key: g.key, score: g.score })));
  append(root, h('div', { class: 'grid2' }, cohort.panel, onboard.panel));
  for (const g of [cohort, onboard]) scoreChart(g.panel.querySelector('.chart'), g.rows);
  const areaPanel = h('div', { class: 'panel' }, h('h2', {}, 'By feature-area adoption'), chartBox('small'), h('table', {},
    h('thead', {}, h('tr', {}, ['Area', 'Adopters n', 'Adopters mean', 'Others n', 'Others mean', 'Difference', 'p (Welch)'].map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
    h('tbody', {}, report.byArea.map((a) => h('tr', {}, h('td', {}, a.area), h('td', { class: 'num' }, fmt.int(a.adopters.n)), h('td', { class: 'num' }, fmt.num(a.adopters.mean)),
      h('td', { class: 'num' }, fmt.int(a.others.n)), h('td', { class: 'num' }, fmt.num(a.others.mean)), h('td', { class: 'num ' + (a.meanDelta > 0 ? 'pos' : a.meanDelta < 0 ? 'neg' : '') }, fmt.signed(a.meanDelta)),
      h('td', { class: 'num' }, fmt.p(a.pValue)))))));
  append(root, areaPanel);
  draw(areaPanel.querySelector('.chart'), {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip((v) => fmt.num(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: report.byArea.map((a) => a.area) }, axisStyle(), { axisLabel: { interval: 0, formatter: shortLabel, lineHeight: 14, color: palette().muted } }),
    yAxis: Object.assign({ type: 'value', min: state.survey.min, max: state.survey.max }, axisStyle()),
    series: [{ name: 'Adopters', type: 'bar', data: report.byArea.map((a) => a.adopters.mean) }, { name: 'Others', type: 'bar', data: report.byArea.map((a) => a.others.mean) }],
  });
}

/** A mean's interval as text, clipped to the scale (t intervals of tiny groups overshoot it). */
export function ciText(ci) {
  if (!ci) return '–';
  const low = Math.max(ci.low, state.survey.min);
  const high = Math.min(ci.high, state.survey.max);
  return fmt.num(low) + ' – ' + fmt.num(high);
}

export function scoreTable(rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, ['Group', 'n', 'Mean', '95% CI', 'Top box'].map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.key), h('td', { class: 'num' }, fmt.int(r.score.n)), h('td', { class: 'num' }, fmt.num(r.score.mean)),
      h('td', { class: 'num' }, ciText(r.score.meanCi), r.score.lowSample ? h('span', { class: 'badge STABLE', title: 'Fewer than 30 answers: the interval is wide' }, 'too few answers') : null), h('td', { class: 'num' }, fmt.pct(r.score.topBox))))));
}

/**
 * A category label that fits under its bar: an ISO week without its year ("W35"), other labels
 * broken into lines of about 10 characters, so every label shows ("in progress" too).
 */
export function shortLabel(label) {
  const text = String(label);
  if (/^\d{4}-W\d{2}$/.test(text)) return text.slice(5);
  const lines = [];
  for (const word of text.split(' ')) {
    if (lines.length && (lines[lines.length - 1] + ' ' + word).length <= 10) lines[lines.length - 1] += ' ' + word;
    else lines.push(word);
  }
  return lines.join('\n');
}

export function scoreChart(box, rows) {
  draw(box, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => {
      const r = rows[params[0].dataIndex];
      return esc(r.key) + '<br>mean ' + esc(fmt.num(r.score.mean)) + (r.score.meanCi ? ' [' + esc(fmt.num(r.score.meanCi.low)) + ', ' + esc(fmt.num(r.score.meanCi.high)) + ']' : '') + '<br>n = ' + esc(r.score.n);
    } },
    // Every group's label is shown (interval 0), wrapped, so none (such as "in progress") is dropped.
    xAxis: Object.assign({ type: 'category', data: rows.map((r) => r.key) }, axisStyle(), { axisLabel: { interval: 0, formatter: shortLabel, lineHeight: 14, color: palette().muted } }),
    yAxis: Object.assign({ type: 'value', min: state.survey.min, max: state.survey.max }, axisStyle()),
    series: [{ name: 'Mean score', type: 'bar', data: rows.map((r) => r.score.mean) }],
  });
}

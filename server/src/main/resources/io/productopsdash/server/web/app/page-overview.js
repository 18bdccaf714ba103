/*
 * Overview page: mean score per week with its CI band, response rate, this week against last, top themes.
 */
import { api, query } from './api.js';
import { axisStyle, chartBox, draw, palette } from './charts.js';
import { append, esc, h } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, state } from './state.js';
import { card, changeText, currentParams, empty, link, pageHeader, themesOf, trendBadge, verdictBadge } from './ui.js';
import { plusWeeks } from './weeks.js';


export async function overview(root) {
  const from = plusWeeks(state.week, -(RANGE_WEEKS - 1));
  const [scores, themes] = await Promise.all([
    api('/api/v1/surveys/' + state.survey.id + '/scores' + query({ from, to: state.week })),
    themesOf(state.week),
  ]);
  const weeks = scores.weeks;
  const now = weeks[weeks.length - 1];
  const change = now.change;
  append(root, pageHeader('Overview', state.survey.question + ' · week ' + state.week));
  append(root, h('div', { class: 'cards' },
    card('Mean score', now.score.n ? fmt.num(now.score.mean) : '–',
      now.score.meanCi ? '95% CI ' + fmt.num(now.score.meanCi.low) + ' – ' + fmt.num(now.score.meanCi.high) : 'no answers',
      now.score.lowSample ? h('span', { class: 'badge STABLE' }, 'too few answers') : null),
    card('vs last week', change && change.meanDelta !== null ? fmt.signed(change.meanDelta) : '–',
      change ? fmt.p(change.meanPValue) + ' (Welch t-test)' : 'no previous week',
      change ? verdictBadge(change.meanVerdict) : null),
    card('Top box', fmt.pct(now.score.topBox),
      now.score.topBoxCi ? 'CI ' + fmt.pct(now.score.topBoxCi.low) + ' – ' + fmt.pct(now.score.topBoxCi.high) : ''),
    card('Answers', fmt.int(now.score.n), fmt.int(now.impressions) + ' shown'),
    card('Response rate', fmt.pct(now.responseRate), fmt.int(now.respondents) + ' of ' + fmt.int(now.impressions) + ' users shown answered')));

  const trendPanel = h('div', { class: 'panel' }, h('h2', {}, 'Satisfaction per week, with 95% CI'), chartBox());
  const themePanel = h('div', { class: 'panel' }, h('h2', {}, 'Top themes this week'));
  append(root, trendPanel, themePanel);
  const labels = weeks.map((w) => w.week);
  const lows = weeks.map((w) => (w.score.meanCi ? w.score.meanCi.low : null));
  const bands = weeks.map((w) => (w.score.meanCi ? w.score.meanCi.high - w.score.meanCi.low : null));
  draw(trendPanel.querySelector('.chart'), {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const w = weeks[params[0].dataIndex];
        return esc(w.week) + '<br>mean ' + esc(fmt.num(w.score.mean)) + (w.score.meanCi ? ' [' + esc(fmt.num(w.score.meanCi.low)) + ', ' + esc(fmt.num(w.score.meanCi.high)) + ']' : '')
          + '<br>n = ' + esc(w.score.n) + ', response rate ' + esc(fmt.pct(w.responseRate)) + ' (' + esc(w.respondents) + ' of ' + esc(w.impressions) + ' shown)';
      },
    },
    legend: { data: ['Mean score', 'Response rate'], textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: labels }, axisStyle()),
    yAxis: [
      Object.assign({ type: 'value', name: 'score', min: state.survey.min, max: state.survey.max }, axisStyle()),
      Object.assign({ type: 'value', name: 'response rate', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%', color: palette().muted }, splitLine: { show: false } }),
    ],
    series: [
      { name: '_ciLow', type: 'line', data: lows, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
      { name: '_ciBand', type: 'line', data: bands, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(61,90,254,0.18)' }, silent: true },
      { name: 'Mean score', type: 'line', data: weeks.map((w) => w.score.mean), color: '#3d5afe', symbolSize: 6 },
      { name: 'Response rate', type: 'bar', yAxisIndex: 1, data: weeks.map((w) => w.responseRate), color: 'rgba(38,166,154,0.35)', barWidth: '40%' },
    ],
  });
  const top = (themes.themes || []).slice().sort((a, b) => b.size - a.size || a.id - b.id).slice(0, 8);
  if (!top.length) {
    append(themePanel, empty('No themes for this week yet.'));
  } else {
    append(themePanel, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Answers'), h('th', { class: 'num', title: 'Answers against the mean of the recent themed weeks; an arrow only where the share test found a change' }, 'Change'), h('th', { class: 'num' }, 'Mean score'))),
      h('tbody', {}, top.map((t) => {
        const change = changeText(t);
        return h('tr', { 'data-theme': t.id },
          h('td', {}, link('/app/themes/' + t.id, currentParams(), t.name), trendBadge(t.trend, t.pValue)),
          h('td', { class: 'num' }, fmt.int(t.size)),
          h('td', { class: 'num ' + change.cls, title: change.title }, change.text),
          h('td', { class: 'num' }, fmt.num(t.meanScore)));
      }))));
  }
}

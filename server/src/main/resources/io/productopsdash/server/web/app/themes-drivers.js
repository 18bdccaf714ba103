/*
 * Theme impact ("drivers"): which themes pull the week's score down or lift it, and a theme's impact
 * over 12 weeks. Every number comes from the API (ThemeImpact on the server).
 */
import { axisStyle, axisTooltip, chartBox, draw } from './charts.js';
import { h } from './dom.js';
import { fmt } from './format.js';
import { currentParams, empty, link } from './ui.js';

function unit(measure) {
  return measure === 'nps' ? 'NPS points' : 'points of mean score';
}

function digits(measure) {
  return measure === 'nps' ? 1 : 2;
}

function interval(d, measure) {
  return d.interval ? '[' + fmt.signed(d.interval.low, digits(measure)) + ', ' + fmt.signed(d.interval.high, digits(measure)) + ']' : 'no interval';
}

function driverTable(rows, measure, label) {
  return h('table', { class: 'drivers', 'aria-label': label },
    h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Impact'), h('th', { class: 'num' }, '95% interval'),
      h('th', { class: 'num' }, 'Share'), h('th', { class: 'num' }, 'Theme vs others'))),
    h('tbody', {}, rows.map((d) => h('tr', { 'data-driver': d.themeId },
      h('td', {}, link('/app/themes/' + d.themeId, currentParams(), d.name)),
      h('td', { class: 'num ' + (d.impact < 0 ? 'down' : 'up') }, fmt.signed(d.impact, digits(measure))),
      h('td', { class: 'num muted' }, interval(d, measure)),
      h('td', { class: 'num' }, fmt.pct(d.share), h('div', { class: 'muted' }, fmt.int(d.size) + ' answers')),
      h('td', { class: 'num muted' }, fmt.num(d.themeScore, digits(measure)) + ' vs ' + fmt.num(d.outsideScore, digits(measure)))))));
}

/** The Drivers view of a week ({@code drivers} of GET /api/v1/themes). */
export function driversView(drivers) {
  if (!drivers || !drivers.answers) return [h('div', { class: 'panel' }, empty('No answers this week, so no theme moves the score.'))];
  const m = drivers.measure;
  const help = 'Impact: the week\'s ' + (m === 'nps' ? 'NPS (' + fmt.num(drivers.score, 1) + ')' : 'mean score (' + fmt.num(drivers.score) + ')')
    + ' minus that of the answers outside the theme, in ' + unit(m) + ', with a Welch 95% interval; ranked by impact × share. '
    + 'Themes with fewer than ' + drivers.minAnswers + ' answers are not ranked.';
  const out = [h('p', { class: 'muted drivers-help' }, help)];
  out.push(h('div', { class: 'panel', 'data-drivers': 'negative' }, h('h2', {}, 'Pulling the score down'),
    drivers.negative.length ? driverTable(drivers.negative, m, 'Pulling the score down') : empty('No ranked theme pulls the score down.')));
  out.push(h('div', { class: 'panel', 'data-drivers': 'positive' }, h('h2', {}, 'Lifting the score'),
    drivers.positive.length ? driverTable(drivers.positive, m, 'Lifting the score') : empty('No ranked theme lifts the score.')));
  if (drivers.tooFew.length) {
    out.push(h('div', { class: 'panel', 'data-drivers': 'too-few' }, h('h2', {}, 'Not ranked'),
      h('ul', { class: 'history' }, drivers.tooFew.map((d) => h('li', { 'data-driver': d.themeId },
        link('/app/themes/' + d.themeId, currentParams(), d.name),
        h('span', { class: 'muted' }, ' · ' + fmt.int(d.size) + (d.size === 1 ? ' answer' : ' answers')
          + (d.impact === null ? '' : ' · impact ' + fmt.signed(d.impact, digits(m)) + ' ' + interval(d, m)) + ' · ' + d.note))))));
  }
  return out;
}

/** Appends to {@code root} a theme's impact per week with its interval ({@code impact} of GET /api/v1/themes/{id}). */
export function appendImpactPanel(root, history) {
  if (!history || !history.weeks.length) return;
  const points = history.weeks;
  const m = history.measure;
  const weeks = points.map((p) => p.week);
  const value = (p) => (p.driver && p.driver.impact !== null ? p.driver.impact : null);
  const low = (p) => (p.driver && p.driver.interval ? p.driver.interval.low : null);
  const high = (p) => (p.driver && p.driver.interval ? p.driver.interval.high : null);
  const latest = points[points.length - 1].driver;
  const note = latest
    ? (latest.impact === null ? 'This week: ' + latest.note : 'This week: impact ' + fmt.signed(latest.impact, digits(m)) + ' ' + unit(m) + ' ' + interval(latest, m)
      + ', ' + fmt.pct(latest.share) + ' of answers' + (latest.note ? ' (' + latest.note + ')' : ''))
    : 'No answers in this theme this week.';
  const panel = h('div', { class: 'panel', 'data-impact': true }, h('h2', {}, 'Impact on the score (12 weeks)'),
    h('p', { class: 'muted' }, note), chartBox('small'));
  // Drawn once in the page: a detached box has no size to draw into.
  root.appendChild(panel);
  draw(panel.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value' }, axisStyle()),
    series: [
      { name: '_low', type: 'line', data: points.map(low), lineStyle: { opacity: 0 }, symbol: 'none', stack: 'ci' },
      { name: '_width', type: 'line', data: points.map((p) => (low(p) === null ? null : high(p) - low(p))), lineStyle: { opacity: 0 }, symbol: 'none', stack: 'ci', areaStyle: { opacity: 0.15 } },
      { name: 'Impact', type: 'line', data: points.map(value), connectNulls: false },
    ],
  });
}

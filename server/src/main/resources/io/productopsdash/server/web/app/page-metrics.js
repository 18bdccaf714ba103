/*
 * Acquisition, onboarding and usage pages (the product-event rollups).
 */
import { api, query } from './api.js';
import { HATCH, axisStyle, axisTooltip, chartBox, draw, palette } from './charts.js';
import { append, h } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, state } from './state.js';
import { card, pageHeader, progressBadge, snapshotNote } from './ui.js';
import { plusWeeks } from './weeks.js';


export function metricsRange() {
  return { from: plusWeeks(state.week, -(RANGE_WEEKS - 1)), to: state.week };
}

export async function acquisition(root) {
  const report = await api('/api/v1/metrics/acquisition' + query(metricsRange()));
  append(root, pageHeader('Acquisition', 'Signups per ISO week by source and segment, ' + report.from + ' – ' + report.to), snapshotNote(report));
  const weeks = report.weeks.map(weekLabel);
  const sources = topKeys(report.weeks.map((w) => w.bySource), 8);
  const chartPanel = h('div', { class: 'panel' }, h('h2', {}, 'Signups by source'), chartBox());
  const total = report.weeks.reduce((a, w) => a + w.signups, 0);
  const last = report.weeks[report.weeks.length - 1];
  const prev = report.weeks[report.weeks.length - 2];
  // A week still in progress is never compared with a complete one.
  const note = last.partial ? 'week in progress, not compared' : prev && !prev.partial ? fmt.signed(last.signups - prev.signups, 0) + ' vs ' + prev.week : '';
  append(root, h('div', { class: 'cards' },
    card('Signups, week ' + last.week, fmt.int(last.signups), note, last.partial ? progressBadge('partial', 'This week has not ended yet') : null),
    card('Signups, 12 weeks', fmt.int(total), sources.length + ' sources')));
  append(root, chartPanel);
  draw(chartPanel.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    legend: { type: 'scroll', textStyle: { color: palette().muted } },
    grid: { left: 56, right: 20, top: 40, bottom: 36 },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value' }, axisStyle()),
    series: sources.map((s) => ({ name: s, type: 'bar', stack: 'signups', data: report.weeks.map((w) => hatched(countOf(w.bySource, s), w.partial)) })),
  });
  const segments = topKeys(report.weeks.map((w) => w.bySegment), 12);
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'By segment'), h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Week'), h('th', { class: 'num' }, 'Signups'), segments.map((s) => h('th', { class: 'num' }, s)))),
    h('tbody', {}, report.weeks.slice().reverse().map((w) => h('tr', { class: w.partial ? 'partial' : null }, h('td', {}, w.week, w.partial ? progressBadge('partial', 'This week has not ended yet') : null), h('td', { class: 'num' }, fmt.int(w.signups)),
      segments.map((s) => h('td', { class: 'num' }, fmt.int(countOf(w.bySegment, s))))))))));
}

/** A week's axis label: a week that has not ended is marked "(partial)". */
export function weekLabel(w) {
  return w.partial ? w.week + ' (partial)' : w.week;
}

/** A bar value, hatched when it belongs to an incomplete cohort or a partial week. */
export function hatched(value, incomplete) {
  return incomplete ? { value, itemStyle: { decal: HATCH, opacity: 0.75 } } : value;
}

/**
 * A line over cohorts as two series: solid over complete cohorts, dashed over those still in
 * progress (joined at the last complete one), so a young cohort's dip never reads as a fall.
 */
export function splitLine(name, cohorts, value, extra) {
  if (cohorts.every((c) => c.complete)) return [Object.assign({ name, type: 'line', data: cohorts.map(value) }, extra)];
  const lastComplete = cohorts.map((c) => c.complete).lastIndexOf(true);
  const solid = cohorts.map((c) => (c.complete ? value(c) : null));
  const dashed = cohorts.map((c, i) => (!c.complete || i === lastComplete ? value(c) : null));
  return [Object.assign({ name, type: 'line', data: solid }, extra),
    Object.assign({ name: name + ' (in progress)', type: 'line', data: dashed, lineStyle: Object.assign({ type: 'dashed' }, extra && extra.color ? { color: extra.color } : {}) }, extra, { lineStyle: Object.assign({ type: 'dashed' }, extra && extra.color ? { color: extra.color } : {}) })];
}

/** A weekly line, dashed into a partial week (joined at the last complete one). */
function partialLine(name, weeks, value, color) {
  return splitLine(name, weeks.map((w) => ({ complete: !w.partial, w })), (c) => value(c.w), { color });
}

export function topKeys(lists, limit) {
  const totals = new Map();
  for (const list of lists) for (const kc of list) totals.set(kc.key, (totals.get(kc.key) || 0) + kc.users);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map((e) => e[0]);
}

export function countOf(list, key) {
  const found = list.find((kc) => kc.key === key);
  return found ? found.users : 0;
}

export async function onboarding(root) {
  const report = await api('/api/v1/metrics/onboarding' + query(metricsRange()));
  append(root, pageHeader('Onboarding', 'Signup-week cohorts: first transaction within ' + report.conversionWindowDays + ' days, time to it, and who gave up silently (30 days without activity). '
    + 'A cohort is in progress until its ' + report.conversionWindowDays + '-day window has closed: hatched bars and dashed lines, never compared as a change.'), snapshotNote(report));
  const cohorts = report.cohorts;
  const weeks = cohorts.map((c) => (c.complete ? c.week : c.week + ' (in progress)'));
  const outcome = h('div', { class: 'panel' }, h('h2', {}, 'Outcome per cohort'), chartBox());
  const time = h('div', { class: 'panel' }, h('h2', {}, 'Time to first transaction (converted users)'), chartBox());
  append(root, h('div', { class: 'grid2' }, outcome, time));
  draw(outcome.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v, p) => (p.seriesName.startsWith('Conversion') ? fmt.pct(v) : fmt.int(v))) },
    legend: {},
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: [Object.assign({ type: 'value', name: 'users' }, axisStyle()),
      Object.assign({ type: 'value', name: 'conversion', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%', color: palette().muted }, splitLine: { show: false } })],
    series: [
      { name: 'Converted', type: 'bar', stack: 'o', data: cohorts.map((c) => hatched(c.converted, !c.complete)), color: '#26a69a' },
      { name: 'In progress', type: 'bar', stack: 'o', data: cohorts.map((c) => hatched(c.inProgress, !c.complete)), color: '#90a4ae' },
      { name: 'Silent give-ups', type: 'bar', stack: 'o', data: cohorts.map((c) => hatched(c.silentGiveUps, !c.complete)), color: '#ef5350' },
      ...splitLine('Conversion', cohorts, (c) => c.conversionRate, { yAxisIndex: 1, color: '#3d5afe' }),
    ],
  });
  const timeColors = { median: '#3d5afe', p75: '#ff7043', p90: '#26a69a' };
  draw(time.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.hours(v)) },
    legend: {},
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', name: 'hours' }, axisStyle()),
    series: ['median', 'p75', 'p90'].flatMap((k) => splitLine(k, cohorts, (c) => c.hoursToFirstTransaction[k], { color: timeColors[k] })),
  });
  const inProgress = progressBadge('in progress', 'The conversion window of this cohort has not closed yet: its numbers can still change');
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'Cohorts'), h('p', { class: 'muted' }, 'Time to first transaction for converted users; hover a heading for its definition.'), h('div', { class: 'table-scroll' }, h('table', { class: 'cohorts' },
    h('thead', {}, h('tr', {}, [['Cohort'], ['Users'], ['Converted'], ['Rate', 'Conversion rate'], ['Median', 'Time to first transaction: median'], ['p75', 'Time to first transaction: 75th percentile'], ['p90', 'Time to first transaction: 90th percentile'], ['Steps', 'Steps to first transaction (median)'], ['Sessions', 'Sessions to first transaction (median)'], ['Days', 'Days to first transaction (median)'], ['Tickets', 'Share of users with a support ticket'], ['Gave up', 'Silent give-ups: 30 days without activity'], ['Trying', 'Still in progress: neither converted nor silent']]
      .map(([t, title], i) => h('th', { class: i ? 'num' : '', title: title || null }, t)))),
    h('tbody', {}, cohorts.slice().reverse().map((c) => h('tr', { class: c.complete ? null : 'partial' },
      h('td', {}, c.week, c.complete ? null : inProgress.cloneNode(true)), h('td', { class: 'num' }, fmt.int(c.users)), h('td', { class: 'num' }, fmt.int(c.converted)), h('td', { class: 'num' }, fmt.pct(c.conversionRate)),
      h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.median)), h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.p75)), h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.p90)),
      h('td', { class: 'num' }, fmt.num(c.steps.median, 0)), h('td', { class: 'num' }, fmt.num(c.sessions.median, 0)), h('td', { class: 'num' }, fmt.num(c.days.median, 0)),
      h('td', { class: 'num' }, fmt.pct(c.supportTickets.shareWithAny)), h('td', { class: 'num' }, fmt.int(c.silentGiveUps)), h('td', { class: 'num' }, fmt.int(c.inProgress)))))))));
}

export async function usage(root) {
  const report = await api('/api/v1/metrics/usage' + query(metricsRange()));
  append(root, pageHeader('Usage', 'Active users, sessions (30-minute gaps) and feature-area depth per ISO week.'), snapshotNote(report));
  const weeks = report.weeks;
  const selected = weeks[weeks.length - 1];
  const activity = h('div', { class: 'panel' }, h('h2', {}, 'Active users and sessions'), chartBox());
  const adoption = h('div', { class: 'panel' }, h('h2', {}, 'Share of active users per feature area'), chartBox());
  const depth = h('div', { class: 'panel' }, h('h2', {}, 'Depth per area, week ' + selected.week), chartBox('small'));
  append(root, h('div', { class: 'cards' },
    card('Active users', fmt.int(selected.activeUsers), 'week ' + selected.week + (selected.partial ? ', in progress' : ''), selected.partial ? progressBadge('partial', 'This week has not ended yet') : null),
    card('Sessions', fmt.int(selected.sessions), fmt.num(selected.sessionsPerUser.mean, 1) + ' per user'),
    card('Session time per user', fmt.seconds(selected.sessionSecondsPerUser.median), 'median in week ' + selected.week)),
  h('div', { class: 'grid2' }, activity, adoption), depth);
  draw(activity.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.int(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks.map(weekLabel) }, axisStyle()),
    yAxis: Object.assign({ type: 'value' }, axisStyle()),
    series: [...partialLine('Active users', weeks, (w) => w.activeUsers, '#3d5afe'), ...partialLine('Sessions', weeks, (w) => w.sessions, '#ff7043')],
  });
  const areas = [...new Set(weeks.flatMap((w) => w.areas.map((a) => a.area)))];
  draw(adoption.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.pct(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks.map(weekLabel) }, axisStyle()),
    yAxis: Object.assign({ type: 'value', min: 0, axisLabel: { formatter: (v) => Math.round(v * 100) + '%', color: palette().muted } }),
    series: areas.map((area) => ({ name: area, type: 'line', data: weeks.map((w) => { const a = w.areas.find((x) => x.area === area); return a ? a.shareOfActiveUsers : null; }) })),
  });
  draw(depth.querySelector('.chart'), {
    grid: { left: 120, right: 30, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip((v) => fmt.int(v) + ' users') },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'value' }, axisStyle()),
    yAxis: Object.assign({ type: 'category', data: selected.areas.map((a) => a.area) }, axisStyle()),
    series: [['1 event', 'depth1'], ['2–5 events', 'depth2to5'], ['6+ events', 'depth6plus']].map(([name, key]) => ({ name, type: 'bar', stack: 'd', data: selected.areas.map((a) => a[key]) })),
  });
  const features = selected.features.slice().sort((a, b) => b.users - a.users || (a.key < b.key ? -1 : 1)).slice(0, 30);
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'Features and pages, week ' + selected.week), h('table', { class: 'features' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Feature / page'), h('th', {}, 'Kind'), h('th', { class: 'num' }, 'Users'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Sessions'), h('th', { class: 'num' }, 'Session time'))),
    h('tbody', {}, features.map((f) => h('tr', {}, h('td', {}, f.key), h('td', { class: 'muted' }, f.kind), h('td', { class: 'num' }, fmt.int(f.users)),
      h('td', { class: 'num' }, fmt.int(f.events)), h('td', { class: 'num' }, fmt.int(f.sessions)), h('td', { class: 'num' }, fmt.seconds(f.sessionSeconds))))))));
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'Feature areas, week ' + selected.week), h('table', {},
    h('thead', {}, h('tr', {}, ['Area', 'Users', 'Share of active', 'Events per user', 'Active days per user', '1 event', '2–5', '6+'].map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
    h('tbody', {}, selected.areas.map((a) => h('tr', {}, h('td', {}, a.area), h('td', { class: 'num' }, fmt.int(a.users)), h('td', { class: 'num' }, fmt.pct(a.shareOfActiveUsers)),
      h('td', { class: 'num' }, fmt.num(a.eventsPerUser, 1)), h('td', { class: 'num' }, fmt.num(a.activeDaysPerUser, 1)), h('td', { class: 'num' }, fmt.int(a.depth1)),
      h('td', { class: 'num' }, fmt.int(a.depth2to5)), h('td', { class: 'num' }, fmt.int(a.depth6plus))))))));
}

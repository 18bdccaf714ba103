/*
 * Acquisition, onboarding and usage pages (the product-event rollups).
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, palette } from './charts.js';
import { append, h } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, state } from './state.js';
import { card, pageHeader, snapshotNote } from './ui.js';
import { plusWeeks } from './weeks.js';


export function metricsRange() {
  return { from: plusWeeks(state.week, -(RANGE_WEEKS - 1)), to: state.week };
}

export async function acquisition(root) {
  const report = await api('/api/v1/metrics/acquisition' + query(metricsRange()));
  append(root, pageHeader('Acquisition', 'Signups per ISO week by source and segment, ' + report.from + ' – ' + report.to), snapshotNote(report));
  const weeks = report.weeks.map((w) => w.week);
  const sources = topKeys(report.weeks.map((w) => w.bySource), 8);
  const chartPanel = h('div', { class: 'panel' }, h('h2', {}, 'Signups by source'), chartBox());
  const total = report.weeks.reduce((a, w) => a + w.signups, 0);
  const last = report.weeks[report.weeks.length - 1];
  const prev = report.weeks[report.weeks.length - 2];
  append(root, h('div', { class: 'cards' },
    card('Signups this week', fmt.int(last.signups), prev ? fmt.signed(last.signups - prev.signups, 0) + ' vs last week' : ''),
    card('Signups, 12 weeks', fmt.int(total), sources.length + ' sources')));
  append(root, chartPanel);
  draw(chartPanel.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    legend: { type: 'scroll', textStyle: { color: palette().muted } },
    grid: { left: 56, right: 20, top: 40, bottom: 36 },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value' }, axisStyle()),
    series: sources.map((s) => ({ name: s, type: 'bar', stack: 'signups', data: report.weeks.map((w) => countOf(w.bySource, s)) })),
  });
  const segments = topKeys(report.weeks.map((w) => w.bySegment), 12);
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'By segment'), h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Week'), h('th', { class: 'num' }, 'Signups'), segments.map((s) => h('th', { class: 'num' }, s)))),
    h('tbody', {}, report.weeks.slice().reverse().map((w) => h('tr', {}, h('td', {}, w.week), h('td', { class: 'num' }, fmt.int(w.signups)),
      segments.map((s) => h('td', { class: 'num' }, fmt.int(countOf(w.bySegment, s))))))))));
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
  append(root, pageHeader('Onboarding', 'Signup-week cohorts: first transaction within ' + report.conversionWindowDays + ' days, time to it, and who gave up silently (30 days without activity).'), snapshotNote(report));
  const cohorts = report.cohorts;
  const weeks = cohorts.map((c) => c.week);
  const outcome = h('div', { class: 'panel' }, h('h2', {}, 'Outcome per cohort'), chartBox());
  const time = h('div', { class: 'panel' }, h('h2', {}, 'Time to first transaction (converted users)'), chartBox());
  append(root, h('div', { class: 'grid2' }, outcome, time));
  draw(outcome.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v, p) => (p.seriesName === 'Conversion' ? fmt.pct(v) : fmt.int(v))) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: [Object.assign({ type: 'value', name: 'users' }, axisStyle()),
      Object.assign({ type: 'value', name: 'conversion', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%', color: palette().muted }, splitLine: { show: false } })],
    series: [
      { name: 'Converted', type: 'bar', stack: 'o', data: cohorts.map((c) => c.converted), color: '#26a69a' },
      { name: 'In progress', type: 'bar', stack: 'o', data: cohorts.map((c) => c.inProgress), color: '#90a4ae' },
      { name: 'Silent give-ups', type: 'bar', stack: 'o', data: cohorts.map((c) => c.silentGiveUps), color: '#ef5350' },
      { name: 'Conversion', type: 'line', yAxisIndex: 1, data: cohorts.map((c) => c.conversionRate), color: '#3d5afe' },
    ],
  });
  draw(time.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.hours(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', name: 'hours' }, axisStyle()),
    series: ['median', 'p75', 'p90'].map((k) => ({ name: k, type: 'line', data: cohorts.map((c) => c.hoursToFirstTransaction[k]) })),
  });
  append(root, h('div', { class: 'panel' }, h('h2', {}, 'Cohorts'), h('table', { class: 'cohorts' },
    h('thead', {}, h('tr', {}, ['Cohort', 'Users', 'Converted', 'Conversion', 'TTFT median', 'p75', 'p90', 'Steps (median)', 'Sessions (median)', 'Days (median)', 'With tickets', 'Silent give-ups', 'In progress']
      .map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
    h('tbody', {}, cohorts.slice().reverse().map((c) => h('tr', {},
      h('td', {}, c.week), h('td', { class: 'num' }, fmt.int(c.users)), h('td', { class: 'num' }, fmt.int(c.converted)), h('td', { class: 'num' }, fmt.pct(c.conversionRate)),
      h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.median)), h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.p75)), h('td', { class: 'num' }, fmt.hours(c.hoursToFirstTransaction.p90)),
      h('td', { class: 'num' }, fmt.num(c.steps.median, 0)), h('td', { class: 'num' }, fmt.num(c.sessions.median, 0)), h('td', { class: 'num' }, fmt.num(c.days.median, 0)),
      h('td', { class: 'num' }, fmt.pct(c.supportTickets.shareWithAny)), h('td', { class: 'num' }, fmt.int(c.silentGiveUps)), h('td', { class: 'num' }, fmt.int(c.inProgress))))))));
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
    card('Active users', fmt.int(selected.activeUsers), 'week ' + selected.week),
    card('Sessions', fmt.int(selected.sessions), fmt.num(selected.sessionsPerUser.mean, 1) + ' per user'),
    card('Session time per user', fmt.seconds(selected.sessionSecondsPerUser.median), 'median per week')),
  h('div', { class: 'grid2' }, activity, adoption), depth);
  draw(activity.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.int(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks.map((w) => w.week) }, axisStyle()),
    yAxis: Object.assign({ type: 'value' }, axisStyle()),
    series: [{ name: 'Active users', type: 'line', data: weeks.map((w) => w.activeUsers) }, { name: 'Sessions', type: 'line', data: weeks.map((w) => w.sessions) }],
  });
  const areas = [...new Set(weeks.flatMap((w) => w.areas.map((a) => a.area)))];
  draw(adoption.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => fmt.pct(v)) },
    legend: { textStyle: { color: palette().muted } },
    xAxis: Object.assign({ type: 'category', data: weeks.map((w) => w.week) }, axisStyle()),
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

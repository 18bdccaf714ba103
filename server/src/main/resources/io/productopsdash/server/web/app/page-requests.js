/*
 * Feature requests page.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, palette, sparkline } from './charts.js';
import { append, h } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, STATUSES, state } from './state.js';
import { empty, pageHeader } from './ui.js';
import { weekRange } from './weeks.js';


export async function featureRequests(root) {
  const data = await api('/api/v1/feature-requests' + query({ surveyId: state.survey.id }));
  const weeks = weekRange(state.week, RANGE_WEEKS);
  append(root, pageHeader('Feature requests', 'Answers that ask for something, grouped; requesters are distinct users.'));
  const requests = data.featureRequests.slice().sort((a, b) => b.requesters - a.requesters || a.id - b.id);
  if (!requests.length) {
    append(root, h('div', { class: 'panel' }, empty('No feature requests detected yet.')));
    return;
  }
  const message = h('div', { role: 'status' });
  const rows = requests.map((r) => {
    const spark = h('div', { class: 'spark' });
    const select = h('select', { 'aria-label': 'Status of ' + r.label, onChange: async () => {
      try {
        await api('/api/v1/feature-requests/' + r.id, { method: 'PATCH', body: { status: select.value } });
        message.className = 'ok';
        message.textContent = 'Status of "' + r.label + '" set to ' + select.value + '.';
      } catch (e) {
        message.className = 'error';
        message.textContent = e.message;
      }
    } }, STATUSES.map((s) => h('option', { value: s }, s)));
    select.value = r.status;
    const row = h('tr', { 'data-request': r.id },
      h('td', {}, r.label), h('td', { class: 'num' }, fmt.int(r.requesters)), h('td', { class: 'num' }, fmt.int(r.answers)), h('td', {}, spark), h('td', {}, select));
    return { row, spark, values: weeks.map((w) => (r.weekly && r.weekly[w]) || 0) };
  });
  const top = requests.slice(0, 10).reverse();
  const chartPanel = h('div', { class: 'panel' }, h('h2', {}, 'Most requested'), chartBox());
  append(root, message, chartPanel, h('div', { class: 'panel' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Request'), h('th', { class: 'num' }, 'Requesters'), h('th', { class: 'num' }, 'Answers'), h('th', {}, 'Weekly (12 weeks)'), h('th', {}, 'Status'))),
    h('tbody', {}, rows.map((r) => r.row)))));
  draw(chartPanel.querySelector('.chart'), {
    grid: { left: 220, right: 30, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
    yAxis: Object.assign({ type: 'category', data: top.map((r) => r.label) }, axisStyle(), { axisLabel: { width: 200, overflow: 'truncate', color: palette().muted } }),
    series: [{ name: 'Requesters', type: 'bar', data: top.map((r) => r.requesters) }],
  });
  for (const r of rows) sparkline(r.spark, r.values);
}

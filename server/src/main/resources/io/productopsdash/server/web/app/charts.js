/*
 * ECharts helpers: one palette, escaped tooltips, sparklines; charts are disposed on navigation.
 */
import { esc, h } from './dom.js';
import { state } from './state.js';


export function chartBox(cls) {
  return h('div', { class: 'chart' + (cls ? ' ' + cls : '') });
}

export function palette() {
  const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return { text: dark ? '#e6eaf0' : '#1c2430', muted: dark ? '#9aa6b6' : '#5d6b7e', line: dark ? '#2c3440' : '#e2e6ec' };
}

/** Draws an ECharts option into {@code box}; the box must already be in the document. */
export function draw(box, option) {
  const colors = palette();
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  const base = {
    textStyle: { color: colors.text },
    grid: { left: 56, right: 56, top: 36, bottom: 36 },
    color: ['#3d5afe', '#ff7043', '#26a69a', '#ab47bc', '#ffa726', '#8d6e63', '#42a5f5', '#ec407a', '#9ccc65', '#78909c'],
    animation: false,
  };
  chart.setOption(Object.assign(base, option));
  state.charts.push(chart);
  return chart;
}

/** A tooltip formatter for axis tooltips that escapes every name and value. */
export function axisTooltip(valueFormat) {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    if (!list.length) return '';
    const lines = [esc(list[0].axisValueLabel !== undefined ? list[0].axisValueLabel : list[0].name)];
    for (const p of list) {
      if (p.seriesName && p.seriesName.startsWith('_')) continue;
      const value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      lines.push(p.marker + esc(p.seriesName) + ': ' + esc(valueFormat ? valueFormat(value, p) : value));
    }
    return lines.join('<br>');
  };
}

export function axisStyle() {
  const colors = palette();
  return { axisLine: { lineStyle: { color: colors.line } }, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.line } } };
}

export function sparkline(box, values) {
  draw(box, {
    grid: { left: 2, right: 2, top: 2, bottom: 2 },
    xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [{ type: 'line', data: values, symbol: 'none', lineStyle: { width: 1.5 }, areaStyle: { opacity: 0.15 } }],
  });
}

export function resizeCharts() {
  for (const c of state.charts) c.resize();
}

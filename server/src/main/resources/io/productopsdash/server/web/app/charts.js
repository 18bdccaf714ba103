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

const COLORS = ['#3d5afe', '#ff7043', '#26a69a', '#ab47bc', '#ffa726', '#8d6e63', '#42a5f5', '#ec407a', '#9ccc65', '#78909c'];

/** The hatching that marks a bar of an incomplete cohort or a partial week. */
export const HATCH = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' };

/**
 * Draws an ECharts option into {@code box}; the box must already be in the document. A legend is
 * drawn as a row of HTML items above the chart (never inside the canvas, where it collided with
 * axis names on narrow screens); clicking an item toggles its series. Labels are kept inside the
 * grid ({@code containLabel}) so the chart fits any width.
 */
export function draw(box, option) {
  const colors = palette();
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  const base = {
    textStyle: { color: colors.text },
    grid: { left: 12, right: 12, top: 36, bottom: 12, containLabel: true },
    color: COLORS,
    animation: false,
  };
  const wantsLegend = !!option.legend;
  const merged = Object.assign(base, option);
  merged.grid = Object.assign({}, option.grid || base.grid, { containLabel: true });
  if (wantsLegend) merged.legend = Object.assign({}, option.legend, { show: false });
  chart.setOption(merged);
  if (wantsLegend) htmlLegend(box, chart, merged);
  state.charts.push(chart);
  return chart;
}

function htmlLegend(box, chart, option) {
  const palette0 = option.color || COLORS;
  const names = option.legend.data || option.series.map((s) => s.name);
  const colorOf = (name) => {
    const i = option.series.findIndex((s) => s.name === name);
    const s = option.series[i];
    if (!s) return palette0[0];
    if (typeof s.color === 'string') return s.color;
    if (s.lineStyle && s.lineStyle.color) return s.lineStyle.color;
    return palette0[i % palette0.length];
  };
  const dashedOf = (name) => { const s = option.series.find((x) => x.name === name); return !!(s && s.lineStyle && s.lineStyle.type === 'dashed'); };
  const items = names.filter((n) => n && !String(n).startsWith('_')).map((name) => {
    const item = h('button', { type: 'button', class: 'legend-item', 'aria-pressed': 'true', onClick: () => {
      chart.dispatchAction({ type: 'legendToggleSelect', name });
      const on = item.getAttribute('aria-pressed') !== 'true';
      item.setAttribute('aria-pressed', String(on));
    } }, h('span', { class: 'swatch' + (dashedOf(name) ? ' dashed' : ''), style: '--swatch:' + colorOf(name) }), h('span', {}, name));
    return item;
  });
  box.parentNode.insertBefore(h('div', { class: 'legend', role: 'group', 'aria-label': 'Legend' }, items), box);
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

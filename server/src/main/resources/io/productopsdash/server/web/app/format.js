/*
 * Number, percentage, p-value and duration formats used on every page.
 */
import { h } from './dom.js';

export const fmt = {
  num: (v, d = 2) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(d)),
  int: (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US')),
  pct: (v, d = 1) => (v === null || v === undefined ? '–' : (100 * v).toFixed(d) + '%'),
  signed: (v, d = 2) => (v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(d)),
  p: (v) => (v === null || v === undefined ? '–' : v < 0.001 ? 'p < 0.001' : 'p = ' + v.toFixed(3)),
  hours: (v) => (v === null || v === undefined ? '–' : v < 48 ? v.toFixed(1) + ' h' : (v / 24).toFixed(1) + ' d'),
  seconds: (v) => (v === null || v === undefined ? '–' : v < 120 ? v.toFixed(0) + ' s' : v < 3600 ? (v / 60).toFixed(1) + ' min'
    : (v / 3600).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' h'),
};

/*
 * Shared state of the dashboard: the selected survey and week, live charts, and display constants.
 */

export const STATUSES = ['new', 'acknowledged', 'planned', 'shipped', 'declined'];
export const TREND_TEXT = { NEW: 'new', GROWING: 'growing', SHRINKING: 'shrinking', STABLE: 'stable' };
export const TREND_ARROW = { NEW: '★', GROWING: '▲', SHRINKING: '▼', STABLE: '→' };
export const RANGE_WEEKS = 12;

export const state = { surveys: [], survey: null, week: null, weeks: [], charts: [], renderSeq: 0 };
export const main = document.getElementById('main');

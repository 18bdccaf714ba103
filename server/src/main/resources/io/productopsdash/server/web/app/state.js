/*
 * Shared state of the dashboard: the selected survey and week, live charts, and display constants.
 */

export const STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined'];
export const TREND_TEXT = { NEW: 'new', FOUND_LATE: 'found late', SPLIT: 'split off', GROWING: 'growing', SHRINKING: 'shrinking', STABLE: 'stable' };
export const TREND_ARROW = { NEW: '★', FOUND_LATE: '☆', SPLIT: '↳', GROWING: '▲', SHRINKING: '▼', STABLE: '·' };
export const TREND_HELP = {
  NEW: 'Created this week from this week\'s answers',
  FOUND_LATE: 'Created this week mostly from earlier weeks\' unclustered answers: a known topic found late',
  SPLIT: 'Split off another theme this week',
  GROWING: 'Its share of the week\'s comments rose significantly against its recent weeks',
  SHRINKING: 'Its share of the week\'s comments fell significantly against its recent weeks',
  STABLE: 'No significant change of share against its recent weeks',
};
export const RANGE_WEEKS = 12;

export const state = { surveys: [], survey: null, week: null, weeks: [], charts: [], renderSeq: 0 };
export const main = document.getElementById('main');

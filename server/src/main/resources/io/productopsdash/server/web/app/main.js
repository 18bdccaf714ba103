/*
 * The ProductOpsDash dashboard: a small single-page app over the JSON API, as ES modules (one per
 * page plus shared helpers). This module maps paths to pages and renders them.
 *
 * Safety rule: user text (comments, labels, sources, survey names) only ever enters the page as
 * text nodes (see h() in dom.js) or, inside chart tooltips, through esc(). No HTML string is ever
 * parsed into the page.
 */
import { api } from './api.js';
import { resizeCharts } from './charts.js';
import { append, h } from './dom.js';
import { digestPage } from './page-digest.js';
import { acquisition, onboarding, usage } from './page-metrics.js';
import { overview } from './page-overview.js';
import { featureRequestDetail, featureRequests } from './page-requests.js';
import { satisfaction } from './page-satisfaction.js';
import { searchPage } from './page-search.js';
import { settingsPage } from './page-settings.js';
import { surveyForm, surveysPage } from './page-surveys.js';
import { themeDetail, themesPage } from './page-themes.js';
import { loadSurveys, loadWeeks, navigate, withSelection } from './shell.js';
import { main, state } from './state.js';
import { link, pageHeader } from './ui.js';

const ROUTES = [
  [/^\/app\/?$/, 'overview', overview],
  [/^\/app\/overview$/, 'overview', overview],
  [/^\/app\/themes$/, 'themes', themesPage],
  [/^\/app\/themes\/(\d+)$/, 'themes', themeDetail],
  [/^\/app\/search$/, 'search', searchPage],
  [/^\/app\/feature-requests$/, 'feature-requests', featureRequests],
  [/^\/app\/feature-requests\/(\d+)$/, 'feature-requests', featureRequestDetail],
  [/^\/app\/acquisition$/, 'acquisition', acquisition],
  [/^\/app\/onboarding$/, 'onboarding', onboarding],
  [/^\/app\/usage$/, 'usage', usage],
  [/^\/app\/satisfaction$/, 'satisfaction', satisfaction],
  [/^\/app\/digest$/, 'digest', digestPage],
  [/^\/app\/surveys$/, 'surveys', surveysPage],
  [/^\/app\/surveys\/new$/, 'surveys', (root) => surveyForm(root, null)],
  [/^\/app\/surveys\/(\d+)$/, 'surveys', surveyForm],
  [/^\/app\/settings$/, 'settings', settingsPage],
];

async function render() {
  const seq = ++state.renderSeq;
  for (const c of state.charts) c.dispose();
  state.charts = [];
  const path = location.pathname.replace(/\/$/, '') || '/app';
  const route = ROUTES.find(([re]) => re.test(path));
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', route && a.dataset.page === route[1]);
  const root = h('div', { class: 'page', 'data-page': route ? route[1] : 'none' });
  main.replaceChildren(root);
  main.setAttribute('aria-busy', 'true');
  try {
    if (!route) {
      append(root, pageHeader('Not found', 'There is no dashboard page at ' + path + '.'));
    } else if (!state.survey && route[1] !== 'surveys') {
      append(root, pageHeader('No survey yet', 'Create the weekly survey first.'), link('/app/surveys/new', {}, 'New survey'));
    } else {
      const m = route[0].exec(path);
      await route[2](root, m[1]);
    }
  } catch (e) {
    if (seq !== state.renderSeq) return;
    if (e.status !== 401) {
      console.warn('Page failed', e);
      append(root, h('div', { class: 'error' }, 'Could not load this page: ' + e.message));
    }
  } finally {
    if (seq === state.renderSeq) {
      main.setAttribute('aria-busy', 'false');
      root.setAttribute('data-ready', 'true');
    }
  }
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-nav]');
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  const url = new URL(a.href);
  navigate(url.search ? url.pathname + url.search : withSelection(url.pathname));
});
window.addEventListener('popstate', () => start(false));
// On a phone the page list hides behind the Menu button; choosing a page closes it again.
document.getElementById('menu').addEventListener('click', (e) => {
  const open = document.body.classList.toggle('menu-open');
  e.currentTarget.setAttribute('aria-expanded', String(open));
});
document.getElementById('nav').addEventListener('click', (e) => {
  if (e.target.closest('a')) {
    document.body.classList.remove('menu-open');
    document.getElementById('menu').setAttribute('aria-expanded', 'false');
  }
});
window.addEventListener('app:navigate', () => render());
window.addEventListener('resize', resizeCharts);
document.getElementById('survey').addEventListener('change', async (e) => {
  await loadSurveys(e.target.value);
  await loadWeeks(state.week);
  navigate(withSelection(location.pathname));
});
document.getElementById('week').addEventListener('change', (e) => {
  state.week = e.target.value;
  navigate(withSelection(location.pathname.replace(/^\/app\/themes\/\d+$/, '/app/themes')));
});
document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'X-ProductOpsDash': '1' } });
  location.assign('/login');
});

async function start(first) {
  const params = new URLSearchParams(location.search);
  // Links from the digest name a range (from, to) on the metrics pages: its end is the week.
  const week = params.get('week') || params.get('to');
  try {
    if (first || String(state.survey && state.survey.id) !== params.get('surveyId')) {
      await loadSurveys(params.get('surveyId'));
      await loadWeeks(week);
    } else if (week && week !== state.week) {
      await loadWeeks(week);
    }
  } catch (e) {
    if (e.status !== 401) append(main, h('div', { class: 'error' }, 'Could not load surveys: ' + e.message));
    return;
  }
  await render();
}

start(true);

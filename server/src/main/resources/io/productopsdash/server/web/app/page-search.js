/*
 * Search page: query, facets as filters, highlighted hits, similar answers.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw } from './charts.js';
import { append, h, snippetNodes } from './dom.js';
import { fmt } from './format.js';
import { navigate } from './shell.js';
import { RANGE_WEEKS, state } from './state.js';
import { empty, link, pageHeader, scoreBadge } from './ui.js';
import { weekRange } from './weeks.js';


export function bucketRange(bucket) {
  const s = state.survey;
  if (s.kind === 'NPS') return { low: [0, 6], mid: [7, 8], high: [9, 10] }[bucket];
  return { low: [s.min, s.min + s.topBox - 1], mid: [s.min + s.topBox, s.max - s.topBox], high: [s.max - s.topBox + 1, s.max] }[bucket];
}

export async function searchPage(root) {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const key of ['q', 'mode', 'theme', 'from', 'to', 'minScore', 'maxScore', 'sentiment', 'featureRequest', 'sort', 'page', 'uncommented']) {
    if (params.get(key)) filters[key] = params.get(key);
  }
  const go = (changes) => {
    const next = Object.assign({}, filters, changes, { surveyId: state.survey.id, week: state.week });
    if (!('page' in changes)) delete next.page;
    navigate('/app/search' + query(next));
  };
  append(root, pageHeader('Search', 'Every answer of this survey with a comment (identical comments shown once, with how many gave them); Lucene query syntax (AND, OR, "phrases", wild*).'));
  const input = h('input', { type: 'search', name: 'q', placeholder: 'e.g. fees, swap AND slow, "seed phrase"', value: filters.q || '', 'aria-label': 'Query' });
  const mode = h('select', { name: 'mode', 'aria-label': 'Mode' }, h('option', { value: '' }, 'Keywords (BM25)'), h('option', { value: 'hybrid' }, 'Hybrid (keywords + meaning)'));
  mode.value = filters.mode || '';
  const sort = h('select', { name: 'sort', 'aria-label': 'Sort' }, h('option', { value: '' }, 'Relevance'), h('option', { value: 'date' }, 'Newest first'));
  sort.value = filters.sort || '';
  const uncommented = h('input', { type: 'checkbox', name: 'uncommented', checked: filters.uncommented === 'true' });
  const form = h('form', { class: 'searchbar', onSubmit: (e) => { e.preventDefault(); go({ q: input.value.trim() || null, mode: mode.value || null, sort: sort.value || null, uncommented: uncommented.checked ? 'true' : null }); } },
    input, mode, sort, h('label', { class: 'check', title: 'Answers with a score only; a blank query lists them' }, uncommented, ' without comments too'), h('button', { type: 'submit' }, 'Search'));
  append(root, form);
  const request = Object.assign({ surveyId: state.survey.id, pageSize: 20 }, filters);
  let result;
  try {
    result = await api('/api/v1/search' + query(request));
  } catch (e) {
    if (e.status === 400) {
      append(root, h('div', { class: 'error' }, e.message, e.problem && e.problem.details ? ' ' + Object.entries(e.problem.details).map(([k, v]) => k + ': ' + v).join('; ') : ''));
      return;
    }
    throw e;
  }
  const chips = [];
  const chip = (text, remove) => chips.push(h('span', { class: 'chip' }, text, h('button', { type: 'button', 'aria-label': 'Remove filter ' + text, onClick: () => go(remove) }, '×')));
  // The reply names every theme its hits and facets mention, by its current name.
  const names = result.themeNames || {};
  const themeName = (id) => names[String(id)] || 'Theme ' + id;
  if (filters.theme) chip('theme: ' + themeName(filters.theme), { theme: null });
  if (filters.from || filters.to) chip('weeks: ' + (filters.from || '…') + ' – ' + (filters.to || '…'), { from: null, to: null });
  if (filters.minScore || filters.maxScore) chip('score: ' + (filters.minScore || state.survey.min) + ' – ' + (filters.maxScore || state.survey.max), { minScore: null, maxScore: null });
  if (filters.sentiment) chip('sentiment: ' + filters.sentiment, { sentiment: null });
  if (filters.featureRequest) chip('feature requests only', { featureRequest: null });
  if (filters.uncommented) chip('answers without comments too', { uncommented: null });
  if (chips.length) append(root, h('div', { class: 'chips' }, chips));

  const facetList = (title, dim, label, onPick, isOn) => {
    const values = (result.facets[dim] || []);
    if (!values.length) return null;
    return h('div', { class: 'facet', 'data-facet': dim }, h('h3', {}, title),
      values.map((f) => h('button', { type: 'button', class: isOn(f.label) ? 'on' : '', onClick: () => onPick(f.label) }, h('span', {}, label(f.label)), h('span', { class: 'muted' }, f.count))));
  };
  const facets = h('aside', { class: 'facets' },
    facetList('Theme', 'theme', themeName, (v) => go({ theme: v }), (v) => filters.theme === v),
    facetList('Week', 'week', (v) => v, (v) => go({ from: v, to: v }), (v) => filters.from === v && filters.to === v),
    facetList('Score', 'score_bucket', (v) => { const r = bucketRange(v); return v + ' (' + r[0] + '–' + r[1] + ')'; }, (v) => { const r = bucketRange(v); go({ minScore: r[0], maxScore: r[1] }); },
      (v) => { const r = bucketRange(v); return String(r[0]) === filters.minScore && String(r[1]) === filters.maxScore; }),
    facetList('Sentiment', 'sentiment', (v) => v, (v) => go({ sentiment: v }), (v) => filters.sentiment === v),
    h('div', { class: 'facet' }, h('h3', {}, 'Kind'), h('button', { type: 'button', class: filters.featureRequest ? 'on' : '', onClick: () => go({ featureRequest: filters.featureRequest ? null : 'true' }) }, h('span', {}, 'Feature requests'))));
  const results = h('div', { class: 'grow' },
    // Answers first, as the facets count them; identical comments are one hit each below.
    h('p', { class: 'muted', id: 'total' }, fmt.int(result.answers) + ' answers' + (result.answers !== result.total ? ', ' + fmt.int(result.total) + ' distinct comments' : '')
      + (result.literalFallback ? ' (the query did not parse, so it was searched as plain words)' : '')),
    result.hits.length ? result.hits.map((hit) => hitView(hit, themeName)) : empty('No answers match.'));
  const page = result.page;
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages > 1) {
    append(results, h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onClick: () => go({ page: page - 1 }) }, '← Previous'),
      h('span', { class: 'muted' }, 'Page ' + (page + 1) + ' of ' + pages),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onClick: () => go({ page: page + 1 }) }, 'Next →')));
  }
  const weekly = h('div', { class: 'panel' }, h('h2', {}, 'Matching answers per week'), chartBox('small'));
  append(root, weekly, h('div', { class: 'row' }, facets, results));
  const weeks = weekRange(state.week, RANGE_WEEKS);
  const perWeek = new Map((result.facets.week || []).map((f) => [f.label, f.count]));
  draw(weekly.querySelector('.chart'), {
    grid: { left: 48, right: 20, top: 16, bottom: 30 },
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
    series: [{ name: 'Answers', type: 'bar', data: weeks.map((w) => perWeek.get(w) || 0) }],
  });
}

export function hitView(hit, themeName) {
  const similarBox = h('div', { class: 'similar', hidden: true });
  const button = h('button', { type: 'button', class: 'secondary', onClick: async () => {
    button.disabled = true;
    const similar = await api('/api/v1/answers/' + hit.answerId + '/similar' + query({ k: 5 }));
    similarBox.hidden = false;
    append(similarBox, h('div', { class: 'muted' }, 'Similar answers'),
      similar.similar.map((s) => h('div', { class: 'quote' }, h('span', { class: 'muted' }, '#' + s.answerId + ' · ' + fmt.num(s.similarity) + ' · '), s.comment)));
  } }, 'Similar answers');
  return h('div', { class: 'answer hit', 'data-answer': hit.answerId },
    h('div', { class: 'meta' }, scoreBadge(hit.score), ' #' + hit.answerId + ' · ' + hit.week + (hit.themeId ? ' · ' : ''),
      hit.themeId ? link('/app/themes/' + hit.themeId, { surveyId: state.survey.id, week: hit.week }, themeName(hit.themeId)) : null,
      hit.sentiment ? ' · ' + hit.sentiment : ''),
    h('div', { class: 'text' }, hit.snippet ? snippetNodes(hit.snippet) : h('span', { class: 'muted' }, '(no comment)')),
    sameTextView(hit), hit.snippet ? button : null, similarBox);
}

/** The other answers with the identical comment, behind a summary that opens them. */
function sameTextView(hit) {
  if (!hit.sameTextCount) return null;
  const n = hit.sameTextCount;
  const listed = hit.sameText || [];
  return h('details', { class: 'same-text', 'data-same-text': n },
    h('summary', {}, '+' + fmt.int(n) + ' identical ' + (n === 1 ? 'answer' : 'answers')),
    h('ul', {}, listed.map((t) => h('li', {}, scoreBadge(t.score), ' #' + t.answerId + ' · ' + t.week))),
    n > listed.length ? h('p', { class: 'muted' }, 'and ' + fmt.int(n - listed.length) + ' more') : null);
}

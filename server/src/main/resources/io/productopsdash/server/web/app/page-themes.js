/*
 * Themes page and theme detail.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, sparkline } from './charts.js';
import { append, h, highlightKeywords } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, state } from './state.js';
import { changeText, currentParams, empty, link, pageHeader, scoreBadge, themesOf, trendBadge } from './ui.js';
import { weekRange } from './weeks.js';
import { appendImpactPanel, driversView } from './themes-drivers.js';
import { runPanel } from './themes-runs.js';


export async function themesPage(root) {
  const weeks = weekRange(state.week, RANGE_WEEKS);
  const lists = await Promise.all(weeks.map((w) => themesOf(w)));
  const current = lists[lists.length - 1];
  append(root, pageHeader('Themes', 'What answers to "' + (state.survey.openQuestion || 'the open question') + '" are about, week ' + state.week));
  append(root, runPanel(current.runs, () => window.dispatchEvent(new Event('app:navigate')), (current.themes || []).length > 0 && current.week === state.week));
  const themes = (current.themes || []).slice().sort((a, b) => b.size - a.size || a.id - b.id);
  if (!themes.length || current.week !== state.week) {
    append(root, h('div', { class: 'panel' }, empty('No themes for this week yet: they appear after the next run (automatic, or "Run now" above) once answers have comments.')));
    return;
  }
  const drivers = new URLSearchParams(location.search).get('view') === 'drivers';
  append(root, h('nav', { class: 'views', 'aria-label': 'Themes views' },
    link('/app/themes', currentParams(), h('span', { class: drivers ? '' : 'on' }, 'Themes')),
    link('/app/themes', Object.assign({ view: 'drivers' }, currentParams()), h('span', { class: drivers ? 'on' : '' }, 'Drivers'))));
  if (drivers) {
    append(root, driversView(current.drivers));
    return;
  }
  const sizes = (id) => lists.map((l) => ((l.themes || []).find((t) => t.id === id) || { size: 0 }).size);
  const rows = themes.map((t) => {
    const spark = h('div', { class: 'spark', 'aria-label': 'answers per week' });
    const row = h('tr', { 'data-theme': t.id },
      h('td', {}, link('/app/themes/' + t.id, currentParams(), t.name), trendBadge(t.trend, t.pValue),
        h('div', {}, t.keywords.slice(0, 6).map((k) => h('span', { class: 'kw' }, k)))),
      h('td', { class: 'num' }, fmt.int(t.size), h('div', { class: 'muted' }, fmt.pct(t.share))),
      h('td', { class: 'num ' + changeText(t).cls, title: changeText(t).title }, changeText(t).text),
      h('td', {}, spark),
      h('td', { class: 'num' }, fmt.num(t.meanScore), h('div', { class: 'muted' }, t.meanInterval ? '[' + fmt.num(t.meanInterval.low) + ', ' + fmt.num(t.meanInterval.high) + ']' : '')),
      h('td', {}, sentimentText(t.sentimentMix)));
    return { row, spark, values: sizes(t.id) };
  });
  append(root, h('div', { class: 'panel' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Size'), h('th', { class: 'num', title: 'Answers against the mean of the recent themed weeks; an arrow only where the share test found a change' }, 'Change'), h('th', {}, 'Trend (12 weeks)'), h('th', { class: 'num' }, 'Mean score'), h('th', {}, 'Sentiment'))),
    h('tbody', {}, rows.map((r) => r.row)))));
  for (const r of rows) sparkline(r.spark, r.values);
  if (current.gone && current.gone.length) {
    append(root, h('div', { class: 'panel', 'data-gone': true }, h('h2', {}, 'Gone this week'),
      h('p', { class: 'muted' }, 'Themes with answers in ' + current.gone[0].lastWeek + ' and none this week.'),
      h('ul', { class: 'history' }, current.gone.map((g) => h('li', {},
        link('/app/themes/' + g.id, { surveyId: state.survey.id, week: g.lastWeek }, g.name),
        h('span', { class: 'badge GONE' }, 'gone'), h('span', { class: 'muted' }, ' · ' + fmt.int(g.lastSize) + ' answers in ' + g.lastWeek))))));
  }
  if (current.unclustered && current.unclustered.size) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Unclustered (' + current.unclustered.size + ' answers, ' + fmt.pct(current.unclustered.share) + ')'),
      current.unclustered.quotes.map((q) => h('div', { class: 'quote' }, q.text))));
  }
}

export function sentimentText(mix) {
  if (!mix) return h('span', { class: 'muted' }, '–');
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  if (!total) return h('span', { class: 'muted' }, '–');
  // Answers still waiting for the background sentiment run are progress, not a sentiment.
  const pending = mix.pending || 0;
  const scored = total - pending;
  const parts = Object.entries(mix).filter(([k, n]) => k !== 'pending' && n > 0)
    .map(([k, n]) => h('div', { class: 'muted' }, k + ' ' + Math.round((100 * n) / scored) + '%'));
  if (pending) parts.push(h('div', { class: 'muted', title: pending + ' of ' + total + ' answers still being scored' }, 'computing sentiment… ' + fmt.int(scored) + ' of ' + fmt.int(total)));
  return parts;
}

export async function themeDetail(root, id) {
  const detail = await api('/api/v1/themes/' + encodeURIComponent(id) + query({ week: state.week, surveyId: state.survey.id }));
  const t = detail.theme;
  const weeks = Object.keys(detail.weekly);
  append(root, h('p', {}, link('/app/themes', currentParams(), '← All themes')));
  const title = h('h1', {}, t.name, trendBadge(t.trend, t.pValue), t.pinned ? h('span', { class: 'badge STABLE', title: 'A PM set this name; runs keep it' }, 'pinned') : null);
  append(root, title);
  append(root, h('p', { class: 'sub' }, fmt.int(t.size) + ' answers (' + fmt.pct(t.share) + ' of the week\'s comments) · mean score ' + fmt.num(t.meanScore)
    + (t.pValue !== null && t.pValue !== undefined ? ' · share against recent weeks ' + fmt.p(t.pValue) : '')));
  append(root, h('div', {}, h('span', { class: 'muted' }, 'Keywords: '), t.keywords.map((k) => h('span', { class: 'kw' }, k))));
  append(root, renameForm(t));
  const trend = h('div', { class: 'panel' }, h('h2', {}, 'Answers per week'), chartBox('small'));
  append(root, trend);
  draw(trend.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
    series: [{ name: 'Answers', type: 'bar', data: weeks.map((w) => detail.weekly[w]) }],
  });
  appendImpactPanel(root, detail.impact);
  const subs = detail.subThemes || [];
  if (subs.length > 1) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Sub-themes'),
      subs.map((s) => h('div', { class: 'subtheme' }, h('strong', {}, s.label), h('span', { class: 'muted' }, ' · ' + s.size + ' answers'),
        s.quotes.map((q) => h('div', { class: 'quote' }, q.text || ''))))));
  }
  if ((detail.history || []).length) {
    append(root, h('div', { class: 'panel', 'data-history': true }, h('h2', {}, 'History'),
      h('ul', { class: 'history' }, detail.history.map((e) => h('li', {}, h('span', { class: 'muted' }, e.week + ' · '), historyText(e, t.id))))));
  }
  append(root, h('div', { class: 'panel answers' }, h('h2', {}, 'Answers (' + detail.answers.length + ')'),
    detail.answers.map((a) => h('div', { class: 'answer', 'data-answer': a.id },
      h('div', { class: 'meta' }, scoreBadge(a.score), ' #' + a.id + ' · ' + a.week),
      h('div', { class: 'text' }, highlightKeywords(a.comment || '', t.keywords))))));
}

/** One recorded decision about a theme, in words (names as text nodes). */
function historyText(e, themeId) {
  const other = e.other ? link('/app/themes/' + e.other, currentParams(), e.otherName || ('theme ' + e.other)) : null;
  switch (e.kind) {
    case 'created': return ['Created as "', e.to || '', '"'];
    case 'found_late': return ['Found late as "', e.to || '', '", from answers that had waited unclustered'];
    case 'split_from': return ['Split off ', other, ' as "', e.to || '', '"'];
    case 'merged_into': return e.theme === themeId ? ['Merged into ', other] : [link('/app/themes/' + e.theme, currentParams(), e.themeName || ('theme ' + e.theme)), ' was merged into this theme'];
    case 'renamed': return ['Renamed from "', e.from || '', '" to "', e.to || '', '"', e.byPm ? ' by a PM' : ' (its answers had drifted)'];
    case 'retired': return ['Retired'];
    default: return [e.kind];
  }
}

/** Renaming pins the name: runs keep it. */
function renameForm(t) {
  const message = h('span', { role: 'status' });
  const input = h('input', { type: 'text', name: 'name', value: t.name, maxlength: 80, 'aria-label': 'Theme name' });
  const form = h('form', { class: 'rename', onSubmit: async (e) => {
    e.preventDefault();
    try {
      const saved = await api('/api/v1/themes/' + t.id, { method: 'PATCH', body: { name: input.value } });
      message.className = 'ok';
      message.textContent = 'Renamed to "' + saved.name + '" and pinned: later runs keep this name.';
      const h1 = document.querySelector('h1');
      if (h1 && h1.firstChild) h1.firstChild.textContent = saved.name;
    } catch (err) {
      message.className = 'error';
      message.textContent = err.message + (err.problem && err.problem.details ? ' ' + Object.entries(err.problem.details).map(([k, v]) => k + ': ' + v).join('; ') : '');
    }
  } }, input, h('button', { type: 'submit' }, 'Rename and pin'), message);
  return form;
}

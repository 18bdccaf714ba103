'use strict';
/*
 * The ProductOpsDash dashboard: a small single-page app over the JSON API.
 *
 * Safety rule: user text (comments, labels, sources, survey names) only ever enters the page as
 * text nodes (see h()) or, inside chart tooltips, through esc(). No HTML string is ever parsed into the page.
 */
(function () {
  const STATUSES = ['new', 'acknowledged', 'planned', 'shipped', 'declined'];
  const TREND_TEXT = { NEW: 'new', GROWING: 'growing', SHRINKING: 'shrinking', STABLE: 'stable' };
  const TREND_ARROW = { NEW: '★', GROWING: '▲', SHRINKING: '▼', STABLE: '→' };
  const RANGE_WEEKS = 12;

  const state = { surveys: [], survey: null, week: null, weeks: [], charts: [], renderSeq: 0 };
  const main = document.getElementById('main');

  // ---------- DOM and text helpers ----------

  /** Creates an element; strings and numbers among the children become text nodes. */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
      else if (key === 'class') node.className = value;
      else if (key === 'value') node.value = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  /** Appends children (nested arrays flattened; strings as text nodes) to {@code node}. */
  function append(node, ...children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, ...child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
  }

  /** HTML-escapes text for the one place HTML strings exist: ECharts tooltips. */
  function esc(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /** The text of an HTML-escaped string (the search snippets are escaped HTML with <em> marks). */
  function unescapeHtml(text) {
    return text.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (m, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/' })[e]);
  }

  /** A search snippet as nodes: the text between <em> and </em> becomes a mark, all else text. */
  function snippetNodes(snippet) {
    const nodes = [];
    const parts = String(snippet).split(/(<em>|<\/em>)/);
    let inMark = false;
    for (const part of parts) {
      if (part === '<em>') { inMark = true; continue; }
      if (part === '</em>') { inMark = false; continue; }
      if (!part) continue;
      const text = unescapeHtml(part);
      nodes.push(inMark ? h('mark', {}, text) : text);
    }
    return nodes;
  }

  /** {@code text} with every word starting with one of {@code keywords} wrapped in a mark. */
  function highlightKeywords(text, keywords) {
    const words = (keywords || []).filter((k) => k && k.length > 1).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (!words.length) return [text];
    const re = new RegExp('\\b(' + words.join('|') + ')[\\w\'-]*', 'gi');
    const nodes = [];
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) nodes.push(text.slice(last, m.index));
      nodes.push(h('mark', {}, m[0]));
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  }

  const fmt = {
    num: (v, d = 2) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(d)),
    int: (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US')),
    pct: (v, d = 1) => (v === null || v === undefined ? '–' : (100 * v).toFixed(d) + '%'),
    signed: (v, d = 2) => (v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(d)),
    p: (v) => (v === null || v === undefined ? '–' : v < 0.001 ? 'p < 0.001' : 'p = ' + v.toFixed(3)),
    hours: (v) => (v === null || v === undefined ? '–' : v < 48 ? v.toFixed(1) + ' h' : (v / 24).toFixed(1) + ' d'),
    seconds: (v) => (v === null || v === undefined ? '–' : v < 120 ? v.toFixed(0) + ' s' : (v / 60).toFixed(1) + ' min'),
  };

  function scoreClass(score) {
    const s = state.survey;
    if (!s) return 'mid';
    if (s.kind === 'NPS') return score <= 6 ? 'low' : score >= 9 ? 'high' : 'mid';
    if (score < s.min + s.topBox) return 'low';
    return score > s.max - s.topBox ? 'high' : 'mid';
  }

  function scoreBadge(score) {
    return h('span', { class: 'score ' + scoreClass(score), title: 'Score ' + score }, score);
  }

  // ---------- ISO weeks ----------

  function weekMonday(week) {
    const m = /^(\d{4})-W(\d{2})$/.exec(week);
    if (!m) return null;
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    return new Date(monday1.getTime() + (Number(m[2]) - 1) * 7 * 86400000);
  }

  function weekOf(date) {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3); // the Thursday of its week
    const year = d.getUTCFullYear();
    const firstThursday = new Date(Date.UTC(year, 0, 4));
    firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
    const week = 1 + Math.round((d - firstThursday) / (7 * 86400000));
    return year + '-W' + String(week).padStart(2, '0');
  }

  function plusWeeks(week, n) {
    const monday = weekMonday(week);
    return weekOf(new Date(monday.getTime() + n * 7 * 86400000));
  }

  function weekRange(to, count) {
    const out = [];
    for (let i = count - 1; i >= 0; i--) out.push(plusWeeks(to, -i));
    return out;
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && problem.title ? problem.title : 'Request failed with ' + status);
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, options = {}) {
    const init = { method: options.method || 'GET', credentials: 'same-origin', headers: {} };
    if (init.method !== 'GET') init.headers['X-ProductOpsDash'] = '1';
    if (options.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      throw new ApiError(401, { title: 'Logged out' });
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return options.withStatus ? { status: response.status, body } : body;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }

  // ---------- charts ----------

  function chartBox(cls) {
    return h('div', { class: 'chart' + (cls ? ' ' + cls : '') });
  }

  function palette() {
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    return { text: dark ? '#e6eaf0' : '#1c2430', muted: dark ? '#9aa6b6' : '#5d6b7e', line: dark ? '#2c3440' : '#e2e6ec' };
  }

  /** Draws an ECharts option into {@code box}; the box must already be in the document. */
  function draw(box, option) {
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
  function axisTooltip(valueFormat) {
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

  function axisStyle() {
    const colors = palette();
    return { axisLine: { lineStyle: { color: colors.line } }, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.line } } };
  }

  function sparkline(box, values) {
    draw(box, {
      grid: { left: 2, right: 2, top: 2, bottom: 2 },
      xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [{ type: 'line', data: values, symbol: 'none', lineStyle: { width: 1.5 }, areaStyle: { opacity: 0.15 } }],
    });
  }

  function resizeCharts() {
    for (const c of state.charts) c.resize();
  }

  // ---------- page frame ----------

  function pageHeader(title, subtitle) {
    return [h('h1', {}, title), subtitle ? h('p', { class: 'sub' }, subtitle) : null];
  }

  function empty(text) {
    return h('div', { class: 'empty' }, text);
  }

  function link(path, params, ...children) {
    return h('a', { href: path + query(params), 'data-nav': true }, ...children);
  }

  function currentParams() {
    return { surveyId: state.survey ? state.survey.id : null, week: state.week };
  }

  function trendBadge(trend) {
    return h('span', { class: 'badge ' + trend, title: 'Trend: ' + TREND_TEXT[trend] }, TREND_ARROW[trend] + ' ' + TREND_TEXT[trend]);
  }

  async function themesOf(week) {
    try {
      return await api('/api/v1/themes' + query({ surveyId: state.survey.id, week }));
    } catch (e) {
      if (e.status === 404 || e.status === 400) return { themes: [], unclustered: null };
      throw e;
    }
  }

  // ---------- overview ----------

  async function overview(root) {
    const from = plusWeeks(state.week, -(RANGE_WEEKS - 1));
    const [scores, themes, previous] = await Promise.all([
      api('/api/v1/surveys/' + state.survey.id + '/scores' + query({ from, to: state.week })),
      themesOf(state.week),
      themesOf(plusWeeks(state.week, -1)),
    ]);
    const weeks = scores.weeks;
    const now = weeks[weeks.length - 1];
    const change = now.change;
    const significant = change && !change.lowSample && change.meanPValue !== null && change.meanPValue < 0.05;
    append(root, pageHeader('Overview', state.survey.question + ' · week ' + state.week));
    append(root, h('div', { class: 'cards' },
      card('Mean score', now.score.n ? fmt.num(now.score.mean) : '–',
        now.score.meanCi ? '95% CI ' + fmt.num(now.score.meanCi.low) + ' – ' + fmt.num(now.score.meanCi.high) : 'no answers',
        now.score.lowSample ? h('span', { class: 'badge STABLE' }, 'too few answers') : null),
      card('vs last week', change && change.meanDelta !== null ? fmt.signed(change.meanDelta) : '–',
        change ? fmt.p(change.meanPValue) + ' (Welch t-test)' : 'no previous week',
        change ? h('span', { class: 'badge ' + (significant ? 'sig' : 'STABLE') }, significant ? 'significant' : 'not significant') : null),
      card('Top box', fmt.pct(now.score.topBox),
        now.score.topBoxCi ? 'CI ' + fmt.pct(now.score.topBoxCi.low) + ' – ' + fmt.pct(now.score.topBoxCi.high) : ''),
      card('Answers', fmt.int(now.score.n), fmt.int(now.impressions) + ' shown'),
      card('Response rate', fmt.pct(now.responseRate), 'answers / impressions')));

    const trendPanel = h('div', { class: 'panel' }, h('h2', {}, 'Satisfaction per week, with 95% CI'), chartBox());
    const themePanel = h('div', { class: 'panel' }, h('h2', {}, 'Top themes this week'));
    append(root, trendPanel, themePanel);
    const labels = weeks.map((w) => w.week);
    const lows = weeks.map((w) => (w.score.meanCi ? w.score.meanCi.low : null));
    const bands = weeks.map((w) => (w.score.meanCi ? w.score.meanCi.high - w.score.meanCi.low : null));
    draw(trendPanel.querySelector('.chart'), {
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const w = weeks[params[0].dataIndex];
          return esc(w.week) + '<br>mean ' + esc(fmt.num(w.score.mean)) + (w.score.meanCi ? ' [' + esc(fmt.num(w.score.meanCi.low)) + ', ' + esc(fmt.num(w.score.meanCi.high)) + ']' : '')
            + '<br>n = ' + esc(w.score.n) + ', response rate ' + esc(fmt.pct(w.responseRate));
        },
      },
      legend: { data: ['Mean score', 'Response rate'], textStyle: { color: palette().muted } },
      xAxis: Object.assign({ type: 'category', data: labels }, axisStyle()),
      yAxis: [
        Object.assign({ type: 'value', name: 'score', min: state.survey.min, max: state.survey.max }, axisStyle()),
        Object.assign({ type: 'value', name: 'response rate', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%', color: palette().muted }, splitLine: { show: false } }),
      ],
      series: [
        { name: '_ciLow', type: 'line', data: lows, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
        { name: '_ciBand', type: 'line', data: bands, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(61,90,254,0.18)' }, silent: true },
        { name: 'Mean score', type: 'line', data: weeks.map((w) => w.score.mean), color: '#3d5afe', symbolSize: 6 },
        { name: 'Response rate', type: 'bar', yAxisIndex: 1, data: weeks.map((w) => w.responseRate), color: 'rgba(38,166,154,0.35)', barWidth: '40%' },
      ],
    });
    const previousById = new Map((previous.themes || []).map((t) => [t.id, t]));
    const top = (themes.themes || []).slice().sort((a, b) => b.size - a.size || a.id - b.id).slice(0, 8);
    if (!top.length) {
      append(themePanel, empty('No themes for this week yet.'));
    } else {
      append(themePanel, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Answers'), h('th', { class: 'num' }, 'Change'), h('th', { class: 'num' }, 'Mean score'))),
        h('tbody', {}, top.map((t) => {
          const before = previousById.get(t.id);
          const delta = before ? t.size - before.size : null;
          return h('tr', {},
            h('td', {}, link('/app/themes/' + t.id, currentParams(), t.label), trendBadge(t.trend)),
            h('td', { class: 'num' }, fmt.int(t.size)),
            h('td', { class: 'num ' + (delta > 0 ? 'up' : delta < 0 ? 'down' : '') }, delta === null ? 'new' : (delta > 0 ? '▲ +' : delta < 0 ? '▼ ' : '') + delta),
            h('td', { class: 'num' }, fmt.num(t.meanScore)));
        }))));
    }
  }

  function card(label, value, note, extra) {
    return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value, extra || null), h('div', { class: 'note' }, note));
  }

  // ---------- themes ----------

  async function themesPage(root) {
    const weeks = weekRange(state.week, RANGE_WEEKS);
    const lists = await Promise.all(weeks.map((w) => themesOf(w)));
    const current = lists[lists.length - 1];
    append(root, pageHeader('Themes', 'What answers to "' + (state.survey.openQuestion || 'the open question') + '" are about, week ' + state.week));
    const themes = (current.themes || []).slice().sort((a, b) => b.size - a.size || a.id - b.id);
    if (!themes.length) {
      append(root, h('div', { class: 'panel' }, empty('No themes for this week: run the theme engine (POST /api/v1/themes/run) once answers have comments.')));
      return;
    }
    const sizes = (id) => lists.map((l) => ((l.themes || []).find((t) => t.id === id) || { size: 0 }).size);
    const rows = themes.map((t) => {
      const spark = h('div', { class: 'spark', 'aria-label': 'answers per week' });
      const row = h('tr', { 'data-theme': t.id },
        h('td', {}, link('/app/themes/' + t.id, currentParams(), t.label), trendBadge(t.trend),
          h('div', {}, t.keywords.slice(0, 6).map((k) => h('span', { class: 'kw' }, k)))),
        h('td', { class: 'num' }, fmt.int(t.size), h('div', { class: 'muted' }, fmt.pct(t.share))),
        h('td', {}, spark),
        h('td', { class: 'num' }, fmt.num(t.meanScore), h('div', { class: 'muted' }, t.meanInterval ? '[' + fmt.num(t.meanInterval.low) + ', ' + fmt.num(t.meanInterval.high) + ']' : '')),
        h('td', {}, sentimentText(t.sentimentMix)));
      return { row, spark, values: sizes(t.id) };
    });
    append(root, h('div', { class: 'panel' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Theme'), h('th', { class: 'num' }, 'Size'), h('th', {}, 'Trend (12 weeks)'), h('th', { class: 'num' }, 'Mean score'), h('th', {}, 'Sentiment'))),
      h('tbody', {}, rows.map((r) => r.row)))));
    for (const r of rows) sparkline(r.spark, r.values);
    if (current.unclustered && current.unclustered.size) {
      append(root, h('div', { class: 'panel' }, h('h2', {}, 'Unclustered (' + current.unclustered.size + ' answers, ' + fmt.pct(current.unclustered.share) + ')'),
        current.unclustered.quotes.map((q) => h('div', { class: 'quote' }, q.text))));
    }
  }

  function sentimentText(mix) {
    if (!mix) return h('span', { class: 'muted' }, '–');
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    if (!total) return h('span', { class: 'muted' }, 'pending');
    return Object.entries(mix).filter(([, n]) => n > 0).map(([k, n]) => h('div', { class: 'muted' }, k + ' ' + Math.round((100 * n) / total) + '%'));
  }

  async function themeDetail(root, id) {
    const detail = await api('/api/v1/themes/' + encodeURIComponent(id) + query({ week: state.week }));
    const t = detail.theme;
    const weeks = weekRange(state.week, RANGE_WEEKS);
    const lists = await Promise.all(weeks.map((w) => themesOf(w)));
    append(root, h('p', {}, link('/app/themes', currentParams(), '← All themes')));
    append(root, h('h1', {}, t.label, trendBadge(t.trend)));
    append(root, h('p', { class: 'sub' }, fmt.int(t.size) + ' answers (' + fmt.pct(t.share) + ' of the week\'s comments) · mean score ' + fmt.num(t.meanScore)
      + (t.pValue !== null && t.pValue !== undefined ? ' · change ' + fmt.p(t.pValue) : '')));
    append(root, h('div', {}, t.keywords.map((k) => h('span', { class: 'kw' }, k))));
    const trend = h('div', { class: 'panel' }, h('h2', {}, 'Answers per week'), chartBox('small'));
    append(root, trend);
    draw(trend.querySelector('.chart'), {
      tooltip: { trigger: 'axis', formatter: axisTooltip() },
      xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
      yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
      series: [{ name: 'Answers', type: 'bar', data: lists.map((l) => ((l.themes || []).find((x) => x.id === t.id) || { size: 0 }).size) }],
    });
    const subs = detail.subThemes || [];
    if (subs.length) {
      append(root, h('div', { class: 'panel' }, h('h2', {}, 'Sub-themes'),
        subs.map((s) => h('div', { class: 'subtheme' }, h('strong', {}, s.label), h('span', { class: 'muted' }, ' · ' + s.size + ' answers'),
          s.quotes.map((q) => h('div', { class: 'quote' }, q.text || ''))))));
    }
    append(root, h('div', { class: 'panel answers' }, h('h2', {}, 'Answers (' + detail.answers.length + ')'),
      detail.answers.map((a) => h('div', { class: 'answer', 'data-answer': a.id },
        h('div', { class: 'meta' }, scoreBadge(a.score), ' #' + a.id + ' · ' + a.week),
        h('div', { class: 'text' }, highlightKeywords(a.comment || '', t.keywords))))));
  }

  // ---------- search ----------

  function bucketRange(bucket) {
    const s = state.survey;
    if (s.kind === 'NPS') return { low: [0, 6], mid: [7, 8], high: [9, 10] }[bucket];
    return { low: [s.min, s.min + s.topBox - 1], mid: [s.min + s.topBox, s.max - s.topBox], high: [s.max - s.topBox + 1, s.max] }[bucket];
  }

  async function searchPage(root) {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const key of ['q', 'mode', 'theme', 'from', 'to', 'minScore', 'maxScore', 'sentiment', 'featureRequest', 'sort', 'page']) {
      if (params.get(key)) filters[key] = params.get(key);
    }
    const go = (changes) => {
      const next = Object.assign({}, filters, changes, { surveyId: state.survey.id, week: state.week });
      if (!('page' in changes)) delete next.page;
      navigate('/app/search' + query(next));
    };
    append(root, pageHeader('Search', 'Every answer of this survey with a comment; Lucene query syntax (AND, OR, "phrases", wild*).'));
    const input = h('input', { type: 'search', name: 'q', placeholder: 'e.g. fees, swap AND slow, "seed phrase"', value: filters.q || '', 'aria-label': 'Query' });
    const mode = h('select', { name: 'mode', 'aria-label': 'Mode' }, h('option', { value: '' }, 'Keywords (BM25)'), h('option', { value: 'hybrid' }, 'Hybrid (keywords + meaning)'));
    mode.value = filters.mode || '';
    const sort = h('select', { name: 'sort', 'aria-label': 'Sort' }, h('option', { value: '' }, 'Relevance'), h('option', { value: 'date' }, 'Newest first'));
    sort.value = filters.sort || '';
    const form = h('form', { class: 'searchbar', onSubmit: (e) => { e.preventDefault(); go({ q: input.value.trim() || null, mode: mode.value || null, sort: sort.value || null }); } },
      input, mode, sort, h('button', { type: 'submit' }, 'Search'));
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
    // A tracked theme keeps its id across weeks while its label may change: name it by the
    // selected week's label wherever it appears, else by the label stored with the answer.
    const themeLabels = new Map();
    const current = await themesOf(state.week);
    for (const t of current.themes || []) themeLabels.set(String(t.id), t.label);
    for (const hit of result.hits) if (hit.themeId && !themeLabels.has(String(hit.themeId))) themeLabels.set(String(hit.themeId), hit.themeLabel);
    const themeName = (id) => themeLabels.get(String(id)) || 'Theme ' + id;
    if (filters.theme) chip('theme: ' + themeName(filters.theme), { theme: null });
    if (filters.from || filters.to) chip('weeks: ' + (filters.from || '…') + ' – ' + (filters.to || '…'), { from: null, to: null });
    if (filters.minScore || filters.maxScore) chip('score: ' + (filters.minScore || state.survey.min) + ' – ' + (filters.maxScore || state.survey.max), { minScore: null, maxScore: null });
    if (filters.sentiment) chip('sentiment: ' + filters.sentiment, { sentiment: null });
    if (filters.featureRequest) chip('feature requests only', { featureRequest: null });
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
      h('p', { class: 'muted', id: 'total' }, fmt.int(result.total) + ' answers' + (result.literalFallback ? ' (the query did not parse, so it was searched as plain words)' : '')),
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

  function hitView(hit, themeName) {
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
      h('div', { class: 'text' }, snippetNodes(hit.snippet || '')),
      button, similarBox);
  }

  // ---------- feature requests ----------

  async function featureRequests(root) {
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

  // ---------- acquisition, onboarding, usage ----------

  function metricsRange() {
    return { from: plusWeeks(state.week, -(RANGE_WEEKS - 1)), to: state.week };
  }

  async function acquisition(root) {
    const report = await api('/api/v1/metrics/acquisition' + query(metricsRange()));
    append(root, pageHeader('Acquisition', 'Signups per ISO week by source and segment, ' + report.from + ' – ' + report.to));
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

  function topKeys(lists, limit) {
    const totals = new Map();
    for (const list of lists) for (const kc of list) totals.set(kc.key, (totals.get(kc.key) || 0) + kc.users);
    return [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map((e) => e[0]);
  }

  function countOf(list, key) {
    const found = list.find((kc) => kc.key === key);
    return found ? found.users : 0;
  }

  async function onboarding(root) {
    const report = await api('/api/v1/metrics/onboarding' + query(metricsRange()));
    append(root, pageHeader('Onboarding', 'Signup-week cohorts: first transaction within ' + report.conversionWindowDays + ' days, time to it, and who gave up silently (30 days without activity).'));
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

  async function usage(root) {
    const report = await api('/api/v1/metrics/usage' + query(metricsRange()));
    append(root, pageHeader('Usage', 'Active users, sessions (30-minute gaps) and feature-area depth per ISO week.'));
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

  // ---------- satisfaction × usage ----------

  async function satisfaction(root) {
    const report = await api('/api/v1/metrics/satisfaction' + query(Object.assign({ surveyId: state.survey.id }, metricsRange())));
    append(root, pageHeader('Satisfaction × usage', 'Scores of ' + report.from + ' – ' + report.to + ' by the answering user\'s signup cohort, onboarding outcome and feature-area adoption.'));
    append(root, h('div', { class: 'cards' }, card('All answers', fmt.num(report.overall.mean), 'n = ' + fmt.int(report.overall.n))));
    const groups = (title, rows) => {
      const panel = h('div', { class: 'panel' }, h('h2', {}, title), chartBox('small'), scoreTable(rows));
      return { panel, rows };
    };
    const cohort = groups('By signup cohort', report.bySignupCohort.map((g) => ({ key: g.key, score: g.score })));
    const onboard = groups('By onboarding outcome', report.byOnboarding.map((g) => ({ key: g.key, score: g.score })));
    append(root, h('div', { class: 'grid2' }, cohort.panel, onboard.panel));
    for (const g of [cohort, onboard]) scoreChart(g.panel.querySelector('.chart'), g.rows);
    const areaPanel = h('div', { class: 'panel' }, h('h2', {}, 'By feature-area adoption'), chartBox('small'), h('table', {},
      h('thead', {}, h('tr', {}, ['Area', 'Adopters n', 'Adopters mean', 'Others n', 'Others mean', 'Difference', 'p (Welch)'].map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
      h('tbody', {}, report.byArea.map((a) => h('tr', {}, h('td', {}, a.area), h('td', { class: 'num' }, fmt.int(a.adopters.n)), h('td', { class: 'num' }, fmt.num(a.adopters.mean)),
        h('td', { class: 'num' }, fmt.int(a.others.n)), h('td', { class: 'num' }, fmt.num(a.others.mean)), h('td', { class: 'num ' + (a.meanDelta > 0 ? 'pos' : a.meanDelta < 0 ? 'neg' : '') }, fmt.signed(a.meanDelta)),
        h('td', { class: 'num' }, fmt.p(a.pValue)))))));
    append(root, areaPanel);
    draw(areaPanel.querySelector('.chart'), {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip((v) => fmt.num(v)) },
      legend: { textStyle: { color: palette().muted } },
      xAxis: Object.assign({ type: 'category', data: report.byArea.map((a) => a.area) }, axisStyle()),
      yAxis: Object.assign({ type: 'value', min: state.survey.min, max: state.survey.max }, axisStyle()),
      series: [{ name: 'Adopters', type: 'bar', data: report.byArea.map((a) => a.adopters.mean) }, { name: 'Others', type: 'bar', data: report.byArea.map((a) => a.others.mean) }],
    });
  }

  /** A mean's interval as text, clipped to the scale (t intervals of tiny groups overshoot it). */
  function ciText(ci) {
    if (!ci) return '–';
    const low = Math.max(ci.low, state.survey.min);
    const high = Math.min(ci.high, state.survey.max);
    return fmt.num(low) + ' – ' + fmt.num(high);
  }

  function scoreTable(rows) {
    return h('table', {}, h('thead', {}, h('tr', {}, ['Group', 'n', 'Mean', '95% CI', 'Top box'].map((t, i) => h('th', { class: i ? 'num' : '' }, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, r.key), h('td', { class: 'num' }, fmt.int(r.score.n)), h('td', { class: 'num' }, fmt.num(r.score.mean)),
        h('td', { class: 'num' }, ciText(r.score.meanCi), r.score.lowSample ? h('span', { class: 'badge STABLE' }, 'few answers') : null), h('td', { class: 'num' }, fmt.pct(r.score.topBox))))));
  }

  function scoreChart(box, rows) {
    draw(box, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => {
        const r = rows[params[0].dataIndex];
        return esc(r.key) + '<br>mean ' + esc(fmt.num(r.score.mean)) + (r.score.meanCi ? ' [' + esc(fmt.num(r.score.meanCi.low)) + ', ' + esc(fmt.num(r.score.meanCi.high)) + ']' : '') + '<br>n = ' + esc(r.score.n);
      } },
      xAxis: Object.assign({ type: 'category', data: rows.map((r) => r.key) }, axisStyle()),
      yAxis: Object.assign({ type: 'value', min: state.survey.min, max: state.survey.max }, axisStyle()),
      series: [{ name: 'Mean score', type: 'bar', data: rows.map((r) => r.score.mean) }],
    });
  }

  // ---------- surveys ----------

  async function surveysPage(root) {
    const data = await api('/api/v1/surveys');
    state.surveys = data.surveys;
    append(root, pageHeader('Surveys', 'The weekly survey the widget asks; changing the question or the scale of a survey with answers makes a new version.'));
    append(root, h('p', {}, link('/app/surveys/new', currentParams(), h('button', { type: 'button' }, 'New survey'))));
    append(root, h('div', { class: 'panel' }, h('table', { class: 'surveys' },
      h('thead', {}, h('tr', {}, ['Name', 'Question', 'Scale', 'Sample rate', 'Cooldown', 'Status', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, data.surveys.map((s) => h('tr', { 'data-survey': s.id },
        h('td', {}, s.name, h('div', { class: 'muted' }, '#' + s.id + ' · version ' + s.version)),
        h('td', {}, s.question),
        h('td', {}, s.kind + ' ' + s.min + '–' + s.max),
        h('td', { class: 'num' }, fmt.pct(s.sampleRate, 0)),
        h('td', { class: 'num' }, s.cooldownWeeks + ' wk'),
        h('td', {}, s.supersededBy ? 'superseded by #' + s.supersededBy : s.active ? 'live' : 'paused'),
        h('td', {}, s.supersededBy ? null : link('/app/surveys/' + s.id, { surveyId: s.id, week: state.week }, 'Edit · embed'))))))));
  }

  async function surveyForm(root, id) {
    const existing = id ? await api('/api/v1/surveys/' + encodeURIComponent(id)) : null;
    append(root, h('p', {}, link('/app/surveys', currentParams(), '← All surveys')));
    append(root, pageHeader(existing ? 'Edit "' + existing.name + '"' : 'New survey',
      existing ? 'Version ' + existing.version + '. Changing the question or the scale after answers arrived creates version ' + (existing.version + 1) + '; earlier answers stay with this one.' : 'Asked weekly of a random sample of users by the widget.'));
    const message = h('div', { role: 'status' });
    const field = (label, input) => h('label', {}, h('span', {}, label), input);
    const v = existing || { name: '', question: '', kind: 'CSAT', points: 7, minLabel: 'Very dissatisfied', maxLabel: 'Very satisfied', openQuestion: 'How can we make it better?', sampleRate: 0.1, cooldownWeeks: 4, active: true };
    const inputs = {
      name: h('input', { type: 'text', name: 'name', value: v.name, required: true }),
      question: h('input', { type: 'text', name: 'question', value: v.question, required: true }),
      kind: h('select', { name: 'kind' }, h('option', { value: 'CSAT' }, 'CSAT'), h('option', { value: 'NPS' }, 'NPS (0–10)')),
      points: h('input', { type: 'number', name: 'points', min: 5, max: 11, value: v.points }),
      minLabel: h('input', { type: 'text', name: 'minLabel', value: v.minLabel || '' }),
      maxLabel: h('input', { type: 'text', name: 'maxLabel', value: v.maxLabel || '' }),
      openQuestion: h('input', { type: 'text', name: 'openQuestion', value: v.openQuestion || '' }),
      sampleRate: h('input', { type: 'number', name: 'sampleRate', min: 0, max: 1, step: 0.01, value: v.sampleRate }),
      cooldownWeeks: h('input', { type: 'number', name: 'cooldownWeeks', min: 0, max: 52, value: v.cooldownWeeks }),
      active: h('input', { type: 'checkbox', name: 'active', checked: v.active }),
    };
    inputs.kind.value = v.kind;
    const form = h('form', { class: 'survey panel', onSubmit: async (e) => {
      e.preventDefault();
      const body = {
        name: inputs.name.value, question: inputs.question.value, kind: inputs.kind.value, points: Number(inputs.points.value),
        minLabel: inputs.minLabel.value, maxLabel: inputs.maxLabel.value, openQuestion: inputs.openQuestion.value || null,
        sampleRate: Number(inputs.sampleRate.value), cooldownWeeks: Number(inputs.cooldownWeeks.value), active: inputs.active.checked,
      };
      try {
        const reply = existing
          ? await api('/api/v1/surveys/' + existing.id, { method: 'PATCH', body, withStatus: true })
          : await api('/api/v1/surveys', { method: 'POST', body, withStatus: true });
        await loadSurveys(reply.body.id);
        const versioned = existing && reply.status === 201;
        navigate('/app/surveys/' + reply.body.id + query({ surveyId: reply.body.id, week: state.week, saved: versioned ? 'version' : 'yes' }));
      } catch (err) {
        message.className = 'error';
        message.textContent = err.message + (err.problem && err.problem.details ? ' ' + Object.entries(err.problem.details).map(([k, val]) => k + ': ' + val).join('; ') : '');
      }
    } },
    field('Name', inputs.name), field('Question', inputs.question), field('Kind', inputs.kind), field('Points (5–11; NPS has 11)', inputs.points),
    field('Label of the lowest score', inputs.minLabel), field('Label of the highest score', inputs.maxLabel),
    field('Open question (optional)', inputs.openQuestion), field('Sample rate (0–1, share of users asked each week)', inputs.sampleRate),
    field('Cooldown (weeks without a survey after an answer or dismissal)', inputs.cooldownWeeks), h('label', {}, inputs.active, ' Live'),
    h('button', { type: 'submit' }, existing ? 'Save' : 'Create survey'));
    const saved = new URLSearchParams(location.search).get('saved');
    if (saved) {
      message.className = 'ok';
      message.textContent = saved === 'version'
        ? 'Saved as a new version, because the survey already had answers.'
        : 'Saved.';
    }
    append(root, message, form);
    if (existing) {
      const snippet = '<script src="' + location.origin + '/widget.js"></script>\n<script>\n  ProductOpsDash.init({ host: \'' + location.origin + '\', surveyId: ' + existing.id + ', userId: CURRENT_USER_ID });\n</script>';
      const pre = h('pre', { class: 'snippet', id: 'embed' }, snippet);
      append(root, h('div', { class: 'panel' }, h('h2', {}, 'Embed in your app'),
        h('p', { class: 'muted' }, 'Add this to every page of your web app; replace CURRENT_USER_ID with the signed-in user\'s id.'),
        pre, h('button', { type: 'button', class: 'secondary', onClick: async (e) => {
          try { await navigator.clipboard.writeText(snippet); e.target.textContent = 'Copied'; } catch (err) {
            window.getSelection().selectAllChildren(pre); e.target.textContent = 'Selected: press Ctrl+C';
          }
        } }, 'Copy')));
    }
  }

  // ---------- weekly digest ----------

  async function digestPage(root) {
    const [subscribers, sends] = await Promise.all([
      api('/api/v1/surveys/' + state.survey.id + '/digest-subscribers'),
      api('/api/v1/digests/sends' + query({ surveyId: state.survey.id })),
    ]);
    append(root, pageHeader('Weekly digest', 'The email subscribers get once per ISO week, shown here for week ' + state.week + '.'));
    const message = h('div', { role: 'status' });
    const list = h('textarea', { name: 'subscribers', rows: 4, cols: 50, 'aria-label': 'Subscribers, one email address per line' });
    list.value = subscribers.subscribers.join('\n');
    const form = h('form', { class: 'survey panel', onSubmit: async (e) => {
      e.preventDefault();
      const emails = list.value.split(/[\n,;]+/).map((x) => x.trim()).filter((x) => x);
      try {
        const saved = await api('/api/v1/surveys/' + state.survey.id + '/digest-subscribers', { method: 'PUT', body: { subscribers: emails } });
        list.value = saved.subscribers.join('\n');
        message.className = 'ok';
        message.textContent = saved.subscribers.length + ' subscriber(s) saved.';
      } catch (err) {
        message.className = 'error';
        message.textContent = err.message + (err.problem && err.problem.details ? ' ' + Object.entries(err.problem.details).map(([k, v]) => k + ': ' + v).join('; ') : '');
      }
    } }, h('h2', {}, 'Subscribers'), h('label', {}, h('span', {}, 'One email address per line'), list), h('button', { type: 'submit' }, 'Save subscribers'));
    const frame = h('iframe', { class: 'digest', sandbox: '', title: 'Digest preview', src: '/api/v1/digests/preview' + query({ surveyId: state.survey.id, week: state.week }) });
    const log = sends.sends.slice(0, 50);
    append(root, message, form, h('div', { class: 'panel' }, h('h2', {}, 'Preview'), frame),
      h('div', { class: 'panel' }, h('h2', {}, 'Send log'), log.length ? h('table', {},
        h('thead', {}, h('tr', {}, ['Week', 'Recipient', 'Status', 'Attempts', 'Sent', 'Last error'].map((t) => h('th', {}, t)))),
        h('tbody', {}, log.map((x) => h('tr', {}, h('td', {}, x.week), h('td', {}, x.recipient), h('td', {}, x.status), h('td', { class: 'num' }, x.attempts),
          h('td', {}, x.sentAt || '–'), h('td', { class: 'muted' }, x.lastError || ''))))) : empty('Nothing sent yet.')));
  }

  // ---------- shell: survey and week pickers, routing ----------

  async function loadSurveys(preferredId) {
    const data = await api('/api/v1/surveys');
    state.surveys = data.surveys;
    const select = document.getElementById('survey');
    select.replaceChildren(...state.surveys.filter((s) => !s.supersededBy).map((s) => h('option', { value: s.id }, s.name + ' (v' + s.version + ')')));
    const wanted = state.surveys.find((s) => String(s.id) === String(preferredId));
    state.survey = wanted || state.surveys.find((s) => !s.supersededBy && s.active) || state.surveys[0] || null;
    if (state.survey) select.value = state.survey.id;
  }

  async function loadWeeks(preferredWeek) {
    const select = document.getElementById('week');
    if (!state.survey) return;
    const scores = await api('/api/v1/surveys/' + state.survey.id + '/scores');
    const weeks = scores.weeks.map((w) => w.week);
    let latest = weeks[weeks.length - 1];
    for (const w of scores.weeks) if (w.score.n > 0) latest = w.week;
    state.weeks = weeks.slice().reverse();
    state.week = preferredWeek && /^\d{4}-W\d{2}$/.test(preferredWeek) ? preferredWeek : latest;
    if (!state.weeks.includes(state.week)) state.weeks.unshift(state.week);
    select.replaceChildren(...state.weeks.map((w) => h('option', { value: w }, w)));
    select.value = state.week;
  }

  const ROUTES = [
    [/^\/app\/?$/, 'overview', overview],
    [/^\/app\/overview$/, 'overview', overview],
    [/^\/app\/themes$/, 'themes', themesPage],
    [/^\/app\/themes\/(\d+)$/, 'themes', themeDetail],
    [/^\/app\/search$/, 'search', searchPage],
    [/^\/app\/feature-requests$/, 'feature-requests', featureRequests],
    [/^\/app\/acquisition$/, 'acquisition', acquisition],
    [/^\/app\/onboarding$/, 'onboarding', onboarding],
    [/^\/app\/usage$/, 'usage', usage],
    [/^\/app\/satisfaction$/, 'satisfaction', satisfaction],
    [/^\/app\/digest$/, 'digest', digestPage],
    [/^\/app\/surveys$/, 'surveys', surveysPage],
    [/^\/app\/surveys\/new$/, 'surveys', (root) => surveyForm(root, null)],
    [/^\/app\/surveys\/(\d+)$/, 'surveys', surveyForm],
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

  function navigate(url) {
    history.pushState(null, '', url);
    render();
  }

  function withSelection(path) {
    const params = new URLSearchParams(location.search);
    if (state.survey) params.set('surveyId', state.survey.id);
    if (state.week) params.set('week', state.week);
    const keep = new URLSearchParams();
    for (const key of ['surveyId', 'week']) if (params.get(key)) keep.set(key, params.get(key));
    return path + '?' + keep.toString();
  }

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    const url = new URL(a.href);
    navigate(url.search ? url.pathname + url.search : withSelection(url.pathname));
  });
  window.addEventListener('popstate', () => start(false));
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
})();

/*
 * Feature requests: one row per ask (families with their members beneath), sortable, with status
 * set in place and CSV export; a request opens to its answers, requesters, trend and history, and
 * can be renamed, given a status with a note, linked, merged into another or split.
 */
import { api, query } from './api.js';
import { axisStyle, axisTooltip, chartBox, draw, sparkline } from './charts.js';
import { append, h } from './dom.js';
import { fmt } from './format.js';
import { RANGE_WEEKS, STATUSES, state } from './state.js';
import { currentParams, empty, link, pageHeader, scoreBadge } from './ui.js';
import { weekRange } from './weeks.js';

const SORTS = [['requesters', 'Requesters'], ['reach', 'Reach'], ['trend', 'Trend'], ['recent', 'Most recent']];

export function statusText(status) {
  return String(status).replace(/_/g, ' ');
}

function statusSelect(request, message) {
  const select = h('select', { 'aria-label': 'Status of ' + request.name, 'data-status': request.id, onChange: async () => {
    try {
      await api('/api/v1/feature-requests/' + request.id, { method: 'PATCH', body: { status: select.value } });
      say(message, 'ok', 'Status of "' + request.name + '" set to ' + statusText(select.value) + '.');
    } catch (e) {
      say(message, 'error', problemText(e));
      select.value = request.status;
    }
  } }, STATUSES.map((s) => h('option', { value: s }, statusText(s))));
  select.value = request.status;
  return select;
}

function say(box, kind, text) {
  box.className = kind;
  box.textContent = text;
}

function problemText(e) {
  const p = e.problem;
  if (p && p.details) return p.title + ': ' + Object.entries(p.details).map(([k, v]) => k + ' ' + v).join('; ');
  return e.message;
}

function trendText(t) {
  return (t > 0 ? '▲ +' : t < 0 ? '▼ ' : '→ ') + t;
}

export async function featureRequests(root) {
  const params = new URLSearchParams(location.search);
  const sort = SORTS.some(([s]) => s === params.get('sort')) ? params.get('sort') : 'requesters';
  const data = await api('/api/v1/feature-requests' + query({ surveyId: state.survey.id, week: state.week, sort }));
  const weeks = weekRange(state.week, RANGE_WEEKS);
  append(root, pageHeader('Feature requests', 'One row per ask; requesters are distinct users, reach is their share of '
    + (data.reachWindow ? data.reachWindow.baseKind + ' in ' + data.reachWindow.from + '–' + data.reachWindow.to : 'active users') + '.'));
  const requests = data.featureRequests;
  if (!requests.length) {
    append(root, h('div', { class: 'panel' }, empty('No feature requests detected yet.')));
    return;
  }
  const message = h('div', { role: 'status' });
  const sortSelect = h('select', { 'aria-label': 'Sort by', onChange: () => {
    const q = new URLSearchParams(location.search);
    q.set('sort', sortSelect.value);
    history.replaceState(null, '', location.pathname + '?' + q.toString());
    window.dispatchEvent(new Event('app:navigate'));
  } }, SORTS.map(([v, label]) => h('option', { value: v }, label)));
  sortSelect.value = sort;
  const csv = h('a', { href: '/api/v1/feature-requests.csv' + query({ surveyId: state.survey.id, week: state.week, sort }), download: '' }, 'Export CSV');
  append(root, h('div', { class: 'toolbar' }, h('label', {}, 'Sort by ', sortSelect), csv), message);

  const byId = new Map(requests.map((r) => [r.id, r]));
  const top = requests.filter((r) => r.parentId === null || !byId.has(r.parentId));
  const rows = [];
  const sparks = [];
  const row = (r, child) => {
    const spark = h('div', { class: 'spark' });
    sparks.push({ spark, values: weeks.map((w) => (r.weekly && r.weekly[w]) || 0) });
    return h('tr', { 'data-request': r.id, class: child ? 'child' : null },
      h('td', {}, child ? h('span', { class: 'muted', 'aria-hidden': 'true' }, '↳ ') : null,
        link('/app/feature-requests/' + r.id, currentParams(), r.name),
        r.children.length ? h('span', { class: 'muted' }, ' · ' + r.children.length + ' asks') : null,
        r.link ? h('a', { href: r.link, rel: 'noopener noreferrer', target: '_blank', class: 'ext', title: r.link }, ' ↗') : null),
      h('td', { class: 'num' }, fmt.int(r.requesters)),
      h('td', { class: 'num' }, fmt.pct(r.reach)),
      h('td', { class: 'num' }, fmt.num(r.meanScore)),
      h('td', { class: 'num ' + (r.trend > 0 ? 'up' : '') }, trendText(r.trend)),
      h('td', {}, spark),
      h('td', {}, statusSelect(r, message)));
  };
  for (const r of top) {
    rows.push(row(r, false));
    for (const id of r.children) if (byId.has(id)) rows.push(row(byId.get(id), true));
  }
  append(root, h('div', { class: 'panel' }, h('table', { class: 'requests' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Request'), h('th', { class: 'num' }, 'Requesters'), h('th', { class: 'num' }, 'Reach'),
      h('th', { class: 'num' }, 'Mean score'), h('th', { class: 'num' }, 'Trend'), h('th', {}, 'Weekly (12 weeks)'), h('th', {}, 'Status'))),
    h('tbody', {}, rows))));
  for (const s of sparks) sparkline(s.spark, s.values);
}

export async function featureRequestDetail(root, id) {
  const detail = await api('/api/v1/feature-requests/' + encodeURIComponent(id) + query({ week: state.week }));
  const all = await api('/api/v1/feature-requests' + query({ surveyId: state.survey.id, week: state.week }));
  const r = detail.request;
  const weeks = weekRange(state.week, RANGE_WEEKS);
  const message = h('div', { role: 'status' });
  append(root, h('p', {}, link('/app/feature-requests', currentParams(), '← All feature requests'),
    detail.parent ? [' · part of ', link('/app/feature-requests/' + detail.parent.id, currentParams(), detail.parent.name)] : null));
  append(root, h('h1', { 'data-name': r.id }, r.name), message);
  if (r.mergedInto) {
    append(root, h('div', { class: 'ok' }, 'This request was merged into ', link('/app/feature-requests/' + r.mergedInto, currentParams(), 'request #' + r.mergedInto), '; its answers are there.'));
    return;
  }
  append(root, h('div', { class: 'cards' },
    card('Requesters', fmt.int(r.requesters), fmt.int(r.answers) + ' answers'),
    card('Reach', fmt.pct(detail.reach.share), detail.reach.requesters + ' of ' + fmt.int(detail.reach.base) + ' ' + detail.reach.baseKind + ', ' + (detail.reach.from || '') + '–' + (detail.reach.to || '')),
    card('Requesters\' mean score', fmt.num(r.meanScore), 'over their answers here'),
    card('Trend', trendText(r.trend), 'requesters, last 4 weeks against the 4 before')));

  // Manage: rename, status with a note, link, merge.
  const nameInput = h('input', { type: 'text', value: r.name, maxlength: 80, 'aria-label': 'Name', size: 40 });
  const statusSel = h('select', { 'aria-label': 'Status' }, STATUSES.map((s) => h('option', { value: s }, statusText(s))));
  statusSel.value = r.status;
  const note = h('textarea', { rows: 2, cols: 50, maxlength: 2000, 'aria-label': 'Status note', placeholder: 'Note (why, when)' });
  const linkInput = h('input', { type: 'text', value: r.link || '', 'aria-label': 'External link', placeholder: 'https://tracker.example.com/issue/1', size: 40 });
  const others = all.featureRequests.filter((o) => o.id !== r.id);
  const mergeSel = h('select', { 'aria-label': 'Merge into' }, h('option', { value: '' }, 'Merge into…'), others.map((o) => h('option', { value: o.id }, o.name + ' (' + o.requesters + ')')));
  const act = (fn) => async () => {
    try {
      await fn();
    } catch (e) {
      say(message, 'error', problemText(e));
    }
  };
  const reload = () => window.dispatchEvent(new Event('app:navigate'));
  append(root, h('div', { class: 'panel manage' }, h('h2', {}, 'Manage'),
    h('div', { class: 'toolbar' }, nameInput, h('button', { type: 'button', 'data-action': 'rename', onClick: act(async () => {
      await api('/api/v1/feature-requests/' + r.id, { method: 'PATCH', body: { name: nameInput.value } });
      reload();
    }) }, 'Rename')),
    h('div', { class: 'toolbar' }, statusSel, note, h('button', { type: 'button', 'data-action': 'status', onClick: act(async () => {
      const body = { status: statusSel.value };
      if (note.value.trim()) body.note = note.value;
      await api('/api/v1/feature-requests/' + r.id, { method: 'PATCH', body });
      reload();
    }) }, 'Set status')),
    h('div', { class: 'toolbar' }, linkInput, h('button', { type: 'button', 'data-action': 'link', onClick: act(async () => {
      await api('/api/v1/feature-requests/' + r.id, { method: 'PATCH', body: { link: linkInput.value.trim() || null } });
      reload();
    }) }, 'Save link'), r.link ? h('a', { href: r.link, rel: 'noopener noreferrer', target: '_blank' }, 'Open link ↗') : null),
    h('div', { class: 'toolbar' }, mergeSel, h('button', { type: 'button', class: 'secondary', 'data-action': 'merge', onClick: act(async () => {
      if (!mergeSel.value) return say(message, 'error', 'Choose the request to merge into.');
      const target = await api('/api/v1/feature-requests/' + r.id + '/merge', { method: 'POST', body: { into: Number(mergeSel.value) } });
      history.pushState(null, '', '/app/feature-requests/' + target.id + query(currentParams()));
      reload();
    }) }, 'Merge'))));
  if (r.statusBy) {
    append(root, h('p', { class: 'muted' }, 'Status ' + statusText(r.status) + ' set by ' + r.statusBy + (r.statusAt ? ' on ' + r.statusAt.slice(0, 10) : '')
      + (r.statusNote ? ': “' + r.statusNote + '”' : '')));
  }

  if (detail.children.length) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'Asks in this family'), h('table', {}, h('tbody', {},
      detail.children.map((c) => h('tr', {}, h('td', {}, link('/app/feature-requests/' + c.id, currentParams(), c.name)),
        h('td', { class: 'num' }, fmt.int(c.requesters) + ' requesters'), h('td', {}, statusText(c.status))))))));
  }

  const trend = h('div', { class: 'panel' }, h('h2', {}, 'Requesters per week'), chartBox('small'));
  append(root, trend);
  draw(trend.querySelector('.chart'), {
    tooltip: { trigger: 'axis', formatter: axisTooltip() },
    xAxis: Object.assign({ type: 'category', data: weeks }, axisStyle()),
    yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
    series: [{ name: 'Requesters', type: 'bar', data: weeks.map((w) => (r.weekly && r.weekly[w]) || 0) }],
  });

  // Answers, with split.
  const checks = [];
  const splitName = h('input', { type: 'text', maxlength: 80, 'aria-label': 'Name of the new request', placeholder: 'Name of the new request (optional)', size: 36 });
  append(root, h('div', { class: 'panel answers' }, h('h2', {}, 'Answers (' + detail.answers.length + ')'),
    h('div', { class: 'toolbar' }, splitName, h('button', { type: 'button', class: 'secondary', 'data-action': 'split', onClick: act(async () => {
      const answers = checks.filter((c) => c.checked).map((c) => Number(c.value));
      if (!answers.length) return say(message, 'error', 'Tick the answers to move out first.');
      const body = { answers };
      if (splitName.value.trim()) body.name = splitName.value;
      const created = await api('/api/v1/feature-requests/' + r.id + '/split', { method: 'POST', body });
      say(message, 'ok', answers.length + ' answers moved to "' + created.name + '".');
      reload();
    }) }, 'Move ticked answers to a new request')),
    detail.answers.map((a) => {
      const check = h('input', { type: 'checkbox', value: a.answerId, 'aria-label': 'Select answer ' + a.answerId });
      checks.push(check);
      return h('div', { class: 'answer', 'data-answer': a.answerId },
        h('div', { class: 'meta' }, check, ' ', scoreBadge(a.score), ' #' + a.answerId + ' · ' + a.week + ' · user ' + a.userId,
          a.requestId !== r.id ? h('span', { class: 'muted' }, ' · in a member ask') : null),
        h('div', { class: 'text' }, a.comment || ''),
        a.phrase ? h('div', { class: 'muted' }, 'asks for: ' + a.phrase) : null);
    })));

  append(root, h('div', { class: 'panel' }, h('h2', {}, 'Requesters (' + detail.requesters.length + ')'),
    h('p', {}, h('a', { href: '/api/v1/feature-requests/' + r.id + '/requesters.csv', download: '' }, 'Export requesters as CSV')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Plan'), h('th', {}, 'Segment'), h('th', { class: 'num' }, 'Answers'),
      h('th', { class: 'num' }, 'Mean score'), h('th', {}, 'Last week'))),
    h('tbody', {}, detail.requesters.map((q) => h('tr', {}, h('td', {}, q.userId), h('td', {}, q.plan || '–'), h('td', {}, q.segment || '–'),
      h('td', { class: 'num' }, fmt.int(q.answers)), h('td', { class: 'num' }, fmt.num(q.meanScore)), h('td', {}, q.lastWeek)))))));

  if (detail.history.length) {
    append(root, h('div', { class: 'panel' }, h('h2', {}, 'History'), h('ul', { class: 'history' },
      detail.history.map((e) => h('li', {}, e.at.slice(0, 16).replace('T', ' ') + ' · ' + e.actor + ' · ' + e.kind
        + (e.oldValue || e.newValue ? ': ' + (e.oldValue ? statusText(e.oldValue) + ' → ' : '') + (e.newValue ? statusText(e.newValue) : '') : '')
        + (e.note ? ' (“' + e.note + '”)' : ''))))));
  }
}

function card(label, value, note) {
  return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), h('div', { class: 'note' }, note));
}

/*
 * Settings page: the product vocabulary (the glossary of terms never redacted as person names),
 * a dry run of redaction, and the redaction report per week for the selected survey.
 */
import { api, query } from './api.js';
import { append, h } from './dom.js';
import { state } from './state.js';
import { empty, pageHeader } from './ui.js';

const REASONS = {
  'known name': 'removed: a known given or family name',
  'name cue': 'removed: a name cue stands before it',
  'product term': 'kept: a product term',
  'no evidence': 'kept: no sign that it is a person',
};

function problemText(err) {
  const details = err.problem && err.problem.details ? Object.entries(err.problem.details).map(([k, v]) => k + ': ' + v).join('; ') : '';
  return err.message + (details ? ' ' + details : '');
}

function vocabularyPanel(vocabulary) {
  const message = h('div', { role: 'status' });
  const terms = h('textarea', { name: 'terms', rows: 8, cols: 50, 'aria-label': 'Product terms, one per line' });
  terms.value = vocabulary.terms.join('\n');
  const count = h('span', { class: 'muted' }, vocabulary.terms.length + ' term(s) saved');
  const form = h('form', { class: 'survey', 'data-form': 'vocabulary', onSubmit: async (e) => {
    e.preventDefault();
    const list = terms.value.split('\n').map((x) => x.trim()).filter((x) => x);
    try {
      const saved = await api('/api/v1/config/vocabulary', { method: 'PUT', body: { terms: list } });
      terms.value = saved.terms.join('\n');
      count.textContent = saved.terms.length + ' term(s) saved';
      message.className = 'ok';
      message.textContent = saved.terms.length + ' term(s) saved. They apply to comments that arrive from now on.';
    } catch (err) {
      message.className = 'error';
      message.textContent = problemText(err);
    }
  } },
  h('label', {}, h('span', {}, 'Your product terms, one per line (features, plans, partners: up to ' + vocabulary.maxTerms.toLocaleString('en-US') + ', '
    + vocabulary.maxTermLength + ' characters each)'), terms),
  h('button', { type: 'submit' }, 'Save terms'), ' ', count);
  const builtIn = vocabulary.builtIn;
  return h('div', { class: 'panel', 'data-panel': 'vocabulary' },
    h('h2', {}, 'Product vocabulary'),
    h('p', {}, 'Words in the product vocabulary are never replaced by [name]. Secrets such as emails, phone and card numbers are always removed, '
      + 'so terms shaped like them are refused.'),
    h('p', { class: 'note', 'data-note': 'no-restore' }, 'A change applies to comments that arrive after you save it. Comments stored earlier cannot be restored: '
      + 'the original text is never stored.'),
    message, form,
    h('p', { class: 'muted' }, 'Also kept: the built-in list (version ' + builtIn.version + ', ' + builtIn.terms.toLocaleString('en-US') + ' terms of technology, finance and crypto '
      + 'brands, chains, tokens, wallets, exchanges and devices), ' + vocabulary.workspace.configurationTerms.toLocaleString('en-US')
      + ' names from the metrics configuration and received events and pages, and ' + vocabulary.workspace.surveyTerms.toLocaleString('en-US') + ' words of your surveys.'),
    h('details', {}, h('summary', {}, 'Sources of the built-in list'), h('ul', {}, builtIn.sources.map((s) => h('li', {}, s)))));
}

function previewPanel() {
  const text = h('textarea', { name: 'text', rows: 3, cols: 50, 'aria-label': 'A comment to try' });
  text.value = 'Please add Solana and Cardano support, thanks Maria Lopez';
  const result = h('div', { 'data-result': 'preview' });
  const form = h('form', { class: 'survey', 'data-form': 'preview', onSubmit: async (e) => {
    e.preventDefault();
    try {
      const p = await api('/api/v1/redactions/preview', { method: 'POST', body: { text: text.value } });
      const kinds = Object.entries(p.redacted);
      result.replaceChildren(
        h('p', {}, h('span', { class: 'muted' }, 'Stored as: '), h('q', { 'data-stored': true }, p.text)),
        h('p', { class: 'muted' }, kinds.length ? 'Removed: ' + kinds.map(([k, n]) => n + ' ' + k).join(', ') : 'Nothing removed.'),
        p.candidates.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Words taken for a person'), h('th', {}, 'Decision'))),
          h('tbody', {}, p.candidates.map((c) => h('tr', { 'data-redacted': String(c.redacted) }, h('td', {}, c.text), h('td', {}, REASONS[c.reason] || c.reason))))) : null);
    } catch (err) {
      result.replaceChildren(h('div', { class: 'error' }, problemText(err)));
    }
  } }, h('label', {}, h('span', {}, 'Comment'), text), h('button', { type: 'submit' }, 'Show what would be stored'));
  return h('div', { class: 'panel', 'data-panel': 'preview' }, h('h2', {}, 'Try a comment'),
    h('p', { class: 'muted' }, 'A dry run with the same rules and vocabulary as arriving answers; nothing is stored.'), form, result);
}

function reportPanel(summary) {
  const kinds = summary.kinds.filter((k) => summary.totals[k] > 0);
  const rows = summary.weeks.slice().reverse();
  return h('div', { class: 'panel', 'data-panel': 'report' }, h('h2', {}, 'What was redacted, per week'),
    h('p', { class: 'muted' }, 'Counts only, never the removed text, for ' + state.survey.name + ' from ' + summary.from + ' to ' + summary.to
      + '. A sudden rise of names can mean product words are being taken for people: add them above.'),
    rows.length ? h('table', {},
      h('thead', {}, h('tr', {}, ['Week', 'Comments', 'Redacted', 'Waiting for name clearing'].concat(kinds).map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((w) => h('tr', {}, h('td', {}, w.week), h('td', { class: 'num' }, w.commentedAnswers), h('td', { class: 'num' }, w.redactedAnswers),
        h('td', { class: 'num' }, w.namesPending), kinds.map((k) => h('td', { class: 'num' }, w.kinds[k] ? w.kinds[k].spans : 0)))))) : empty('No comments in these weeks.'));
}

export async function settingsPage(root) {
  const [vocabulary, summary] = await Promise.all([
    api('/api/v1/config/vocabulary'),
    api('/api/v1/redactions/summary' + query({ surveyId: state.survey.id, to: state.week })),
  ]);
  append(root, pageHeader('Settings', 'Redaction: what is removed from comments before they are stored, and what is kept.'),
    vocabularyPanel(vocabulary), previewPanel(), reportPanel(summary));
}

// The app page: wires the state, the editor, the worker client, the views
// (columns, inspector, summary), storage, exports and shortcuts together.
// Everything the page shows of an article goes through the render modules,
// which insert text only as text.

import { buildModelInSlices } from '../model/report.js';
import { ColumnsView } from '../render/columns.js';
import { renderInspector } from '../render/diff-panel.js';
import { renderSummary } from '../render/summary.js';
import { append, h } from '../render/dom.js';
import { articleLetter, percent, plural, strictnessWords } from '../render/palette.js';
import { createState, nameFromText, newArticle } from './state.js';
import { createEditor, placeArticles, showSource } from './editor.js';
import { CancelledError, CompareClient } from './worker-client.js';
import { readArticleFiles, describeSource, summarizeSource, ACCEPT, READABLE } from './files.js';
import { loadDraft, saveDraft, saveDraftNow, clearDraft } from './storage.js';
import { download, exportName, matchesCsv, reportHtml, reportJson } from './export.js';
import { installAppShortcuts } from './shortcuts.js';
import { createStatusLine, buildTotals } from './status-line.js';
import { installFileDrop } from './drop.js';

const TYPING_DELAY_MS = 300;
const SAVE_DELAY_MS = 200;
const MAX_COLUMNS = 6; // more articles: a focus article against one other
// Work on a long report runs in slices of this many milliseconds, so that the page answers in between.
const RENDER_SLICE_MS = 8;

const app = document.querySelector('#app');
const $ = (selector) => app.querySelector(selector);
const state = createState();

// --- announcements and notices -------------------------------------------

const live = $('.ac-live');
function announce(message) {
  // Cleared first so that the same words are read again.
  live.textContent = '';
  setTimeout(() => (live.textContent = message), 30);
}

function notify(message, { tone = 'info', timeout = 0, topic = null } = {}) {
  // A notice on a topic replaces the earlier one on it.
  if (topic) for (const old of app.querySelectorAll(`.ac-notice[data-topic="${topic}"]`)) old.remove();
  const dismiss = h(document, 'button', { type: 'button', class: 'ac-icon-button', 'aria-label': 'Dismiss' }, '×');
  const item = h(document, 'li', { class: `ac-notice ac-notice-${tone}`, 'data-topic': topic }, h(document, 'span', { dir: 'auto' }, message), dismiss);
  dismiss.addEventListener('click', () => item.remove());
  $('.ac-notices').append(item);
  if (timeout) setTimeout(() => item.remove(), timeout);
  return item;
}

// --- comparing ------------------------------------------------------------

const client = new CompareClient({
  onRestart: () => notify('The comparison engine stopped unexpectedly and was restarted. Your articles are safe.', { tone: 'warning', timeout: 12_000 }),
  // A report made before the semantic sketch arrived is made again with it.
  onSemanticReady: () => compareIfChanged(0),
});

/** The articles that have text, with the names they are compared under. */
function comparable() {
  return state.get().articles
    .map((a, i) => ({ ...a, name: a.name.trim() || nameFromText(a.text) || `Article ${articleLetter(i)}` }))
    .filter((a) => a.text.trim());
}

let compareTimer = 0;
let lastInput = null;

/** Compares after `delay` ms; a change while comparing cancels the running one. */
function scheduleCompare(delay = TYPING_DELAY_MS) {
  clearTimeout(compareTimer);
  client.cancel();
  const articles = comparable();
  if (articles.length < 2) {
    lastInput = null;
    state.set({ phase: 'idle', report: null, texts: [], compared: [], error: null });
    return;
  }
  state.set({ phase: 'waiting' });
  compareTimer = setTimeout(runCompare, delay);
}

async function runCompare() {
  clearTimeout(compareTimer);
  const articles = comparable();
  if (articles.length < 2) return scheduleCompare(0);
  const options = compareOptions();
  state.set({ phase: 'comparing', startedAt: performance.now() });
  try {
    // `source`, when there is one, becomes the report's documents[].source.
    const input = articles.map(({ name, text, source }) => (source ? { name, text, source } : { name, text }));
    const { report, ms } = await client.compare(input, options, { onProgress: showProgress });
    lastInput = { articles, options };
    const compared = articles.map(({ file, original }) => ({ file, original }));
    state.set({ phase: 'done', report, texts: articles.map((a) => a.text), compared, ms, error: null });
  } catch (e) {
    if (e instanceof CancelledError) return;
    state.set({ phase: 'failed', error: e });
  }
}

// Matches come without their word diffs, about a quarter of a long report:
// the inspector asks for the few it shows.
function compareOptions() {
  return { strictness: state.get().strictness, detect_boilerplate: true, word_diffs: true, include_diffs: false };
}

/**
 * Whether the last report was made from exactly these articles and options,
 * with the semantic sketch if it is there.
 */
function answered(articles, options) {
  if (!lastInput || !state.get().report) return false;
  if (client.semantic && !state.get().report.semantic_model) return false;
  const same = (a, b) => a.name === b.name && a.text === b.text && a.source === b.source;
  return lastInput.options.strictness === options.strictness
    && lastInput.articles.length === articles.length
    && lastInput.articles.every((a, i) => same(a, articles[i]));
}

/** Compares unless the last report already answers this input. */
function compareIfChanged(delay) {
  if (!answered(comparable(), compareOptions())) {
    scheduleCompare(delay);
  } else if (state.get().phase !== 'done') {
    // Back to what the shown report answers (an edit undone): nothing to do.
    clearTimeout(compareTimer);
    client.cancel();
    state.set({ phase: 'done' });
  }
}

// --- status line and progress ----------------------------------------------

const statusLine = createStatusLine(app, { articleCount: () => comparable().length, notify, announce });
const { showProgress, showPhase } = statusLine;

// --- the result ------------------------------------------------------------

let view = null; // the ColumnsView on screen
let model = null; // the view model of the report shown
let pinned = false; // whether the inspector holds a selected sentence
let inspected = null; // the segment the inspector shows
const askedForDiff = new WeakSet(); // matches whose word diff is on its way
let summaryShown = null; // the model the summary was last built from

/** Which documents the columns show: all, or the focus and one other. */
function shownDocs(s) {
  const count = s.report.documents.length;
  if (count <= MAX_COLUMNS) return s.report.documents.map((_, i) => i);
  const focus = Math.min(s.focus, count - 1);
  return [focus, againstOf(s, focus)];
}

function againstOf(s, focus) {
  const { overlap } = s.report;
  if (s.against !== null && s.against !== focus && s.against < overlap.length) return s.against;
  let best = focus === 0 ? 1 : 0;
  overlap[focus].forEach((share, j) => {
    if (j !== focus && share > overlap[focus][best]) best = j;
  });
  return best;
}

/**
 * Shows a new report (or none): summary, columns, inspector, announcement.
 * The view model is built a time slice at a time, so that a long report
 * does not hold the page.
 */
async function showReport() {
  let s = state.get();
  let next = null;
  if (s.report) {
    app.dataset.rendering = 'true';
    const started = performance.now();
    next = await buildModelInSlices(s.report, s.texts, { budgetMs: RENDER_SLICE_MS });
    // A long report's model took the time of a slice: the view gets a task of its own.
    if (performance.now() - started > RENDER_SLICE_MS) await new Promise((resolve) => setTimeout(resolve, 0));
    // A newer report (or none) came meanwhile: it is shown by its own call.
    if (state.get().report !== s.report) return;
    s = state.get();
  }
  app.report = s.report;
  app.dataset.hasReport = String(Boolean(s.report));
  model = next;
  if (!model) {
    delete app.dataset.rendering;
    view?.destroy();
    view = null;
    summaryShown = null;
    renderFocusNav(s);
    $('.ac-columns-host').replaceChildren();
    $('.ac-panel-summary').replaceChildren();
    inspect(null);
    return;
  }
  $('.ac-version').textContent = s.report.version;
  summaryShown = null;
  if (s.view === 'summary') showSummary();
  const badge = $('.ac-tab-badge');
  badge.hidden = !model.discrepancies.length;
  badge.textContent = String(model.discrepancies.length);
  badge.title = plural(model.discrepancies.length, 'discrepancy', 'discrepancies');
  showColumns();
  announce(`Compared ${plural(s.report.documents.length, 'article')}: ${buildTotals(s.report)}.`);
  for (const old of app.querySelectorAll('.ac-notice[data-topic^="report-warning"]')) old.remove();
  s.report.warnings.forEach((w, i) => notify(w.message, { tone: 'warning', topic: `report-warning-${i}` }));
}

/** Builds the summary of the current report, once: on demand, since it can be long. */
function showSummary() {
  if (!model || summaryShown === model) return;
  summaryShown = model;
  renderSummary($('.ac-panel-summary'), model, { onJump: jumpTo });
}
addEventListener('beforeprint', showSummary);

/** (Re)builds the columns for the documents shown, keeping their scroll positions. */
function showColumns() {
  const s = state.get();
  const host = $('.ac-columns-host');
  const scrolls = view ? [...host.querySelectorAll('.ac-column-body')].map((b) => b.scrollTop) : [];
  view?.destroy();
  pinned = false;
  renderFocusNav(s);
  const current = new ColumnsView(host, model, {
    docs: shownDocs(s),
    filter: s.filter,
    showBoilerplate: s.showBoilerplate,
    onPreview: (ref) => {
      if (!pinned) inspect(ref);
    },
    onSelect: (ref) => {
      pinned = Boolean(ref);
      inspect(ref);
    },
  });
  view = current;
  addSourceLines(s);
  app.dataset.rendering = 'true';
  current.ready.then(() => {
    if (view !== current) return;
    host.querySelectorAll('.ac-column-body').forEach((b, i) => (b.scrollTop = scrolls[i] ?? 0));
    delete app.dataset.rendering;
  });
  inspect(null);
}

/** Under each column's title, how its text was read, with a way to see it beside the original. */
function addSourceLines(s) {
  if (!s.report.documents.some((d) => d.source)) return;
  for (const [doc, { column }] of view.columns) {
    const { source } = s.report.documents[doc];
    const line = h(document, 'p', { class: 'ac-column-source' });
    // An empty line under a typed article keeps the column heads level.
    if (source) {
      const { file, original } = s.compared[doc];
      const button = h(document, 'button', {
        type: 'button', class: 'ac-link-button', 'aria-haspopup': 'dialog',
        'aria-label': `Show the extracted text of ${s.report.documents[doc].name} beside the original`,
      }, 'Show text');
      button.addEventListener('click', () => showSource(sourceDialog, { text: s.texts[doc], source, file, original }));
      line.append(h(document, 'span', { class: 'ac-column-source-text', dir: 'auto', title: describeSource(source, file) }, summarizeSource(source, file)), button);
    }
    column.querySelector('.ac-column-title').after(line);
  }
}

function inspect(ref) {
  const body = $('.ac-inspector-body');
  app.classList.toggle('ac-inspecting', Boolean(ref));
  inspected = ref;
  if (!model) {
    body.replaceChildren();
    return;
  }
  renderInspector(body, model, ref, { onJump: jumpTo, pinned: pinned && Boolean(ref) });
  if (ref) fillDiffs(ref);
}

/** Whether the report left match `m`'s word diff out (see compareOptions). */
function lacksDiff(report, m) {
  return report.options.word_diffs && report.options.include_diffs === false && m.diff.length === 0;
}

/** Asks the worker for the word diffs of `matches`, matches of `report`. */
function fetchDiffs(report, matches) {
  const text = (r) => report.documents[r.doc].segments[r.segment].text;
  return client.diffs(matches.map((m) => [text(m.a), text(m.b)]));
}

/** Fetches the word diffs the inspector's matches lack, then shows them. */
async function fillDiffs(ref) {
  // The shown model's report: a newer one may be in the state, its model
  // not yet built.
  const shown = model;
  const { report } = shown;
  const missing = shown.counterparts(ref).map((c) => c.match).filter((m) => m && lacksDiff(report, m) && !askedForDiff.has(m));
  if (!missing.length) return;
  missing.forEach((m) => askedForDiff.add(m));
  try {
    const diffs = await fetchDiffs(report, missing);
    missing.forEach((m, i) => (m.diff = diffs[i]));
  } catch {
    missing.forEach((m) => askedForDiff.delete(m));
    return;
  }
  // Not while the reader is inside the inspector: drawing it again would
  // take their focus away.
  if (model === shown && inspected === ref && !$('.ac-inspector').contains(document.activeElement)) inspect(ref);
}

/** The report with every match's word diff, as the command line's --json has it. */
async function withDiffs(report) {
  if (report.options.include_diffs !== false) return report;
  const diffs = await fetchDiffs(report, report.matches);
  return {
    ...report,
    options: { ...report.options, include_diffs: true },
    matches: report.matches.map((m, i) => ({ ...m, diff: diffs[i] })),
  };
}

/** Scrolls the page so that the comparison fills the window, unless it already does. */
function bringResultsIntoView() {
  const results = $('#comparison');
  const top = results.getBoundingClientRect().top;
  if (top < 0 || top > innerHeight * 0.3) results.scrollIntoView({ block: 'start' });
}

/** Shows segment `ref` in the columns, selected and focused; `against` is a document to show beside it. */
function jumpTo(ref, { against } = {}) {
  if (!view) return;
  if (!view.columns.has(ref.doc) || (against !== undefined && !view.columns.has(against))) {
    // More than six articles: this one becomes the focus, beside `against`
    // or the article the reader came from.
    const [focus, other] = shownDocs(state.get());
    state.set({ focus: ref.doc, against: against ?? (focus === ref.doc ? other : focus) });
    showColumns();
  }
  if (state.get().filter !== 'all' && !view.isVisible(ref)) setFilter('all');
  if (state.get().view !== 'columns') showView('columns');
  const target = view;
  target.ready.then(() => {
    if (view !== target) return;
    if (!view.isVisible(ref) && model.status(ref) === 'boilerplate') setShowBoilerplate(true);
    bringResultsIntoView();
    view.select(ref, { focus: true, reveal: true, align: true });
  });
}

// --- more than six articles: a focus article against one other -------------

function renderFocusNav(s) {
  const nav = $('.ac-focus-nav');
  const count = s.report?.documents.length ?? 0;
  nav.hidden = count <= MAX_COLUMNS;
  if (nav.hidden) {
    // Emptied, not only hidden: its buttons hold the report they were made for.
    for (const list of nav.querySelectorAll('select, ol')) list.replaceChildren();
    return;
  }
  const [focus, against] = shownDocs(s);
  const option = (d, i, selected) => h(document, 'option', { value: i, selected: i === selected }, `${articleLetter(i)}. ${d.name}`);
  $('.ac-focus-select').replaceChildren(...s.report.documents.map((d, i) => option(d, i, focus)));
  $('.ac-against-select').replaceChildren(...s.report.documents.map((d, i) => option(d, i, against)).filter((_, i) => i !== focus));
  $('.ac-focus-list').replaceChildren(...s.report.documents.map((d, i) => {
    const button = h(document, 'button', { type: 'button', class: 'ac-focus-item', 'aria-pressed': String(i === focus || i === against) },
      h(document, 'span', { class: 'ac-focus-letter' }, articleLetter(i)),
      h(document, 'span', { class: 'ac-focus-name', dir: 'auto' }, d.name),
      h(document, 'span', { class: 'ac-focus-share' }, i === focus ? 'focus' : `holds ${percent(s.report.overlap[focus][i])} of the focus`));
    button.addEventListener('click', () => {
      if (i === focus) return;
      state.set({ against: i });
      showColumns();
    });
    return h(document, 'li', {}, button);
  }));
}

$('.ac-focus-select').addEventListener('change', (e) => {
  state.set({ focus: Number(e.target.value), against: null });
  showColumns();
});
$('.ac-against-select').addEventListener('change', (e) => {
  state.set({ against: Number(e.target.value) });
  showColumns();
});

// --- toolbar: tabs, filters, page chrome, strictness -------------------------

const tabs = [...app.querySelectorAll('[role="tab"]')];
function showView(name) {
  if (name === 'summary') showSummary();
  state.set({ view: name });
  app.dataset.view = name;
  for (const tab of tabs) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`#${tab.getAttribute('aria-controls')}`).hidden = !selected;
  }
}
for (const tab of tabs) {
  tab.addEventListener('click', () => showView(tab.id.replace('tab-', '')));
  tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    showView(next.id.replace('tab-', ''));
    next.focus();
  });
}

function setFilter(filter) {
  state.set({ filter });
  for (const radio of app.querySelectorAll('input[name="filter"]')) radio.checked = radio.value === filter;
  view?.setFilter(filter);
}
for (const radio of app.querySelectorAll('input[name="filter"]')) {
  radio.addEventListener('change', () => radio.checked && setFilter(radio.value));
}

function setShowBoilerplate(show) {
  state.set({ showBoilerplate: show });
  $('.ac-chrome-switch').checked = show;
  view?.setShowBoilerplate(show);
  saveSoon();
}
$('.ac-chrome-switch').addEventListener('change', (e) => setShowBoilerplate(e.target.checked));

const slider = $('#strictness');
function showStrictness(value) {
  const words = strictnessWords(value);
  $('.ac-strictness-words').textContent = words;
  slider.setAttribute('aria-valuetext', `${words} (${value.toFixed(2)})`);
}
slider.addEventListener('input', () => {
  const value = Number(slider.value);
  showStrictness(value);
  state.set({ strictness: value });
  saveSoon();
  compareIfChanged(TYPING_DELAY_MS);
});

$('.ac-compare-button').addEventListener('click', () => {
  if (comparable().length < 2) {
    announce('Add at least two articles with text to compare.');
    notify('Add at least two articles with text to compare.', { timeout: 6000, topic: 'compare-hint' });
    return;
  }
  scheduleCompare(0);
});
$('.ac-stop-button').addEventListener('click', () => {
  clearTimeout(compareTimer);
  client.cancel();
  state.set({ phase: 'stopped' });
  announce('Comparison stopped.');
});
$('.ac-inspector-close').addEventListener('click', () => view?.select(null));

// --- the articles ------------------------------------------------------------

const sourceDialog = $('.ac-source-dialog');
const editor = createEditor($('.ac-input'), state, {
  onFiles: addFiles,
  onShowSource: (article) => showSource(sourceDialog, article),
  notify: (message) => {
    notify(message, { tone: 'warning', timeout: 12_000, topic: 'paste' });
    announce(message);
  },
});
$('.ac-file-input').accept = ACCEPT;
$('.ac-readable').textContent = READABLE;

function setCollapsed(collapsed) {
  const section = $('.ac-input');
  section.dataset.collapsed = String(collapsed);
  const button = $('.ac-collapse-button');
  button.setAttribute('aria-expanded', String(!collapsed));
  button.textContent = collapsed ? 'Edit articles' : 'Hide articles';
}
$('.ac-collapse-button').addEventListener('click', () => setCollapsed($('.ac-input').dataset.collapsed !== 'true'));

function showInputSummary(s) {
  const names = s.articles.map((a, i) => (a.text.trim() ? a.name || `Article ${articleLetter(i)}` : null)).filter(Boolean);
  // Each name isolated, so that none can turn the others around.
  const summary = $('.ac-input-summary');
  summary.replaceChildren();
  if (names.length) append(summary, [`${plural(names.length, 'article')}: `, names.map((name, i) => [i ? ' · ' : null, h(document, 'span', { dir: 'auto' }, name)])]);
  app.dataset.hasText = String(names.length > 0);
}

async function addFiles(files) {
  const { articles, problems } = await readArticleFiles(files);
  const list = $('.ac-file-problems');
  list.replaceChildren(...problems.map((p) => {
    const dismiss = h(document, 'button', { type: 'button', class: 'ac-icon-button', 'aria-label': `Dismiss the message about ${p.name}` }, '×');
    // The file's name isolated from the words about it (a name can hold an override).
    const message = p.message.startsWith(p.name) ? [h(document, 'span', { dir: 'auto' }, p.name), p.message.slice(p.name.length)] : p.message;
    const item = h(document, 'li', { class: 'ac-file-problem' }, h(document, 'span', { dir: 'auto' }, message), dismiss);
    dismiss.addEventListener('click', () => item.remove());
    return item;
  }));
  if (articles.length) {
    const placed = placeArticles(state.get().articles, articles);
    state.set({ articles: placed.articles });
    if (placed.dropped) notify(`${plural(placed.dropped, 'file')} left out: at most ${placed.articles.length} articles at a time.`, { tone: 'warning' });
    if (comparable().length >= 2) {
      setCollapsed(true);
      scheduleCompare(0);
    }
  }
  const loaded = articles.length ? `${plural(articles.length, 'file')} added.` : '';
  const failed = problems.length ? ` ${plural(problems.length, 'file')} could not be read: ${problems.map((p) => p.message).join(' ')}` : '';
  announce(`${loaded}${failed}`.trim());
}

// Files dropped anywhere on the page become articles.
installFileDrop(document, $('.ac-drop-overlay'), (files) => addFiles(files));

// --- example, clear all --------------------------------------------------------

const confirmDialog = $('.ac-confirm-dialog');
function confirmWith({ title, text, action }) {
  confirmDialog.querySelector('h2').textContent = title;
  confirmDialog.querySelector('p').textContent = text;
  confirmDialog.querySelector('[value="confirm"]').textContent = action;
  confirmDialog.returnValue = '';
  confirmDialog.showModal();
  return new Promise((resolve) => confirmDialog.addEventListener('close', () => resolve(confirmDialog.returnValue === 'confirm'), { once: true }));
}

async function loadExample() {
  if (comparable().length && !(await confirmWith({
    title: 'Replace your articles with the example?',
    text: 'The articles you pasted or dropped will be removed from this page and from this browser’s storage.',
    action: 'Load the example',
  }))) return;
  try {
    const response = await fetch(new URL('../pkg/examples.json', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const examples = await response.json();
    state.set({ articles: examples.map((e) => newArticle({ name: e.name, text: e.text, named: true })), focus: 0, against: null });
    setCollapsed(true);
    scheduleCompare(0);
    announce(`Example loaded: ${examples.map((e) => e.name).join(', ')}.`);
  } catch (e) {
    notify(`The example could not be loaded (${e.message}). Run scripts/build-wasm.sh to build it.`, { tone: 'error' });
  }
}
for (const button of app.querySelectorAll('.ac-example-button')) button.addEventListener('click', loadExample);

$('.ac-clear-button').addEventListener('click', async () => {
  if (!(await confirmWith({
    title: 'Clear all articles?',
    text: 'Every article on this page and in this browser’s storage will be removed. This cannot be undone.',
    action: 'Clear all',
  }))) return;
  clearTimeout(compareTimer);
  client.cancel();
  lastInput = null;
  state.set({ articles: [newArticle(), newArticle()], report: null, texts: [], compared: [], phase: 'idle', error: null, focus: 0, against: null });
  $('.ac-file-problems').replaceChildren();
  $('.ac-notices').replaceChildren();
  setCollapsed(false);
  await clearDraft().catch(() => {});
  editor.focusFirstEmpty();
  announce('All articles cleared.');
});

// --- exports -------------------------------------------------------------------

const exportMenu = $('.ac-export-menu');
exportMenu.addEventListener('click', async (e) => {
  const button = e.target.closest('[data-export]');
  if (!button) return;
  exportMenu.open = false;
  const { report, texts } = state.get();
  if (!report) return;
  const stem = exportName();
  try {
    await exportAs(button.dataset.export, stem, report, texts);
  } catch (error) {
    notify(`The export failed: ${error.message}`, { tone: 'error', topic: 'export' });
  }
});

async function exportAs(kind, stem, report, texts) {
  switch (kind) {
    case 'json':
      download(document, `${stem}.json`, 'application/json', reportJson(await withDiffs(report)));
      break;
    case 'csv':
      download(document, `${stem}-matches.csv`, 'text/csv;charset=utf-8', matchesCsv(report));
      break;
    case 'html':
      download(document, `${stem}.html`, 'text/html;charset=utf-8', await reportHtml(report, texts));
      break;
    case 'print':
      window.print();
      break;
    default:
      break;
  }
}
document.addEventListener('click', (e) => {
  if (exportMenu.open && !exportMenu.contains(e.target)) exportMenu.open = false;
});
exportMenu.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && exportMenu.open) {
    exportMenu.open = false;
    exportMenu.querySelector('summary').focus();
  }
});

// --- keyboard shortcuts -----------------------------------------------------------

function step(test, direction, nothing) {
  if (!view) return;
  if (state.get().view !== 'columns') showView('columns');
  const ref = view.find(test, direction);
  if (!ref) {
    announce(nothing);
    return;
  }
  bringResultsIntoView();
  view.select(ref, { focus: true, reveal: true });
}
const isUnique = (ref) => model.status(ref) === 'unique';
const isDiscrepant = (ref) => model.hasDiscrepancy(ref);
const isMoved = (ref) => model.isMoved(ref);

const shortcutsDialog = $('.ac-shortcuts-dialog');
installAppShortcuts(app, {
  next: (kind, direction) => {
    const [test, nothing] = {
      unique: [isUnique, 'No unique sentences to go to.'],
      discrepancy: [isDiscrepant, 'No discrepancies to go to.'],
      moved: [isMoved, 'No moved passages to go to.'],
    }[kind];
    step(test, direction, nothing);
  },
  cycleFilter: () => {
    const order = ['all', 'unique', 'shared', 'discrepancies'];
    const next = order[(order.indexOf(state.get().filter) + 1) % order.length];
    setFilter(next);
    announce(`Showing ${next === 'all' ? 'all sentences' : next}.`);
  },
  toggleBoilerplate: () => setShowBoilerplate(!state.get().showBoilerplate),
  switchView: () => showView(state.get().view === 'columns' ? 'summary' : 'columns'),
  release: () => {
    view?.select(null);
    inspect(null);
  },
  readDetails: () => {
    if (state.get().view !== 'columns') showView('columns');
    $('.ac-inspector-body').focus();
  },
  showHelp: () => shortcutsDialog.showModal(),
}, { active: () => !app.querySelector('dialog[open]') && !exportMenu.open });
$('.ac-shortcuts-button').addEventListener('click', () => shortcutsDialog.showModal());

// The skip link goes straight to the first column (or the first empty box).
document.querySelector('.ac-skip').addEventListener('click', (e) => {
  e.preventDefault();
  const stop = app.querySelector('.ac-column .ac-seg[tabindex="0"]');
  if (stop && state.get().view === 'columns') {
    bringResultsIntoView();
    stop.focus({ preventScroll: true });
  }
  else if (state.get().report) $('#comparison').focus();
  else editor.focusFirstEmpty();
});

// --- storage ---------------------------------------------------------------------

let saveTimer = 0;
function draft() {
  const s = state.get();
  return {
    articles: s.articles.map(({ name, text, named, source, file }) => ({ name, text, named, source, file })),
    strictness: s.strictness,
    showBoilerplate: s.showBoilerplate,
    pasteAs: s.pasteAs,
  };
}
function save() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  return saveDraft(draft()).then(
    () => delete app.dataset.unsaved,
    (e) => notify(`Your articles could not be saved in this browser (${e?.message ?? e}); keep a copy elsewhere.`, { tone: 'warning' }),
  );
}
function saveSoon() {
  app.dataset.unsaved = 'true';
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}
function saveBeforeLeaving() {
  if (!saveTimer) return;
  clearTimeout(saveTimer);
  saveTimer = 0;
  saveDraftNow(draft());
}
addEventListener('pagehide', saveBeforeLeaving);
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveBeforeLeaving());

// --- state → page -------------------------------------------------------------------

state.subscribe((s, keys) => {
  if (keys.has('articles')) {
    showInputSummary(s);
    saveSoon();
    compareIfChanged(TYPING_DELAY_MS);
  }
  if (keys.has('pasteAs')) saveSoon();
  if (keys.has('phase') || keys.has('report')) showPhase(s);
  if (keys.has('report')) showReport();
});

async function start() {
  let saved = null;
  try {
    saved = await loadDraft();
  } catch (e) {
    notify(`Saved articles could not be read from this browser’s storage (${e?.message ?? e}).`, { tone: 'warning' });
  }
  if (saved?.articles?.length) {
    const articles = saved.articles.map((a) => newArticle(a));
    while (articles.length < 2) articles.push(newArticle());
    const strictness = Number.isFinite(saved.strictness) ? saved.strictness : 0.5;
    slider.value = String(strictness);
    const pasteAs = saved.pasteAs === 'text' ? 'text' : 'article';
    state.set({ strictness, showBoilerplate: Boolean(saved.showBoilerplate), pasteAs, articles });
    // What was just read needs no saving.
    clearTimeout(saveTimer);
    saveTimer = 0;
    delete app.dataset.unsaved;
    $('.ac-chrome-switch').checked = Boolean(saved.showBoilerplate);
    if (comparable().length >= 2) setCollapsed(true);
  } else {
    showInputSummary(state.get());
  }
  showStrictness(state.get().strictness);
  showPhase(state.get());
  client.warm();
  app.dataset.ready = 'true';
}

start();

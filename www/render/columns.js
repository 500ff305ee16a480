// The side-by-side view: one column per article, each showing the article's
// whole text with every segment as an element (whitespace between them kept
// as text, so the article reads as written), marked by status and coloured
// by group. Hover lights a segment's counterparts; focus or click selects
// it; the view tells its owner through callbacks and never looks outside
// its root, so it works in a page, a shadow root or a detached document.
//
// Each segment element carries the public hooks data-doc, data-segment,
// data-group (empty when in no group), data-role and data-status
// (shared | unique | boilerplate | other), plus data-discrepancy and
// data-moved when they apply.

import { h, markedText } from './dom.js';
import { groupClass, groupNumber, percent, plural } from './palette.js';

/** Which segments each filter shows. */
export const FILTERS = {
  all: () => true,
  unique: (model, ref) => model.status(ref) === 'unique',
  shared: (model, ref) => model.status(ref) === 'shared',
  discrepancies: (model, ref) => model.hasDiscrepancy(ref),
};

// A column is built in chunks of about CHUNK_SEGMENTS segments, each ending
// at a line break: the first chunk of every column at once, the rest a time
// slice at a time. In a long document the chunks skip layout while off
// screen (content-visibility), so that a paint lays out a screenful of
// text, not the whole book.
const CHUNK_SEGMENTS = 60;
const LAZY_FROM_SEGMENTS = 400;
// The first chunk is smaller, about a screenful, and always laid out: it is
// on screen, and the first paint should lay out little else.
const FIRST_CHUNK_SEGMENTS = 20;
const FRAME_WAIT_MS = 100;
const SECTION_CHUNKS = 16;
const MAX_SCROLL_CORRECTIONS = 5;
const RENDER_BUDGET_MS = 8;

const prefersReducedMotion = (win) => win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export class ColumnsView {
  /**
   * Renders the documents `docs` (indices, default all) of `model` into
   * `root`. Options: `onPreview(ref|null)` on hover, `onSelect(ref|null)` when
   * the selection changes, `filter`, `showBoilerplate`. `ready` resolves
   * once every segment is in the DOM (large articles are built in slices
   * so that the page stays responsive).
   */
  constructor(root, model, options = {}) {
    this.root = root;
    this.model = model;
    this.doc = root.ownerDocument;
    this.docs = options.docs ?? model.documents.map((_, i) => i);
    this.onPreview = options.onPreview ?? (() => {});
    this.onSelect = options.onSelect ?? (() => {});
    this.elements = model.documents.map((d) => new Array(d.segments.length));
    this.lit = [];
    this.selected = null;
    this.hovered = null;
    this.previewTimer = 0;
    this.cancelled = false;

    this.container = h(this.doc, 'div', { class: 'ac-columns', 'data-count': this.docs.length });
    // Each shown column: its elements, the first segment not yet built, and
    // the last chunk and section built.
    this.columns = new Map();
    for (const doc of this.docs) {
      const { column, body } = this.buildColumn(doc);
      this.columns.set(doc, { column, body, next: 0, last: null, section: null });
      this.container.append(column);
    }
    for (const [doc, column] of this.columns) this.fillNext(doc, column);
    root.replaceChildren(this.container);
    this.setFilter(options.filter ?? 'all');
    this.setShowBoilerplate(options.showBoilerplate ?? false);
    this.listen();
    this.ready = this.fillRest();
  }

  /** The element of segment `ref`, if it is shown and built. */
  element(ref) {
    return ref ? this.elements[ref.doc]?.[ref.segment] ?? null : null;
  }

  /** Whether segment `ref` is in a shown column and passes the filters. */
  isVisible(ref) {
    if (!this.columns.has(ref.doc)) return false;
    if (!FILTERS[this.filter](this.model, ref)) return false;
    if (this.model.status(ref) !== 'boilerplate') return true;
    return this.filter === 'all' && (this.showBoilerplate || Boolean(this.element(ref)?.closest('.ac-chrome-open')));
  }

  setFilter(filter) {
    this.filter = FILTERS[filter] ? filter : 'all';
    this.container.dataset.filter = this.filter;
    this.refreshTabStops();
  }

  setShowBoilerplate(show) {
    this.showBoilerplate = show;
    this.container.classList.toggle('ac-hide-chrome', !show);
    this.refreshTabStops();
  }

  /** Lights `ref` and its counterparts (null: back to the selection). */
  light(ref) {
    for (const el of this.lit) el.classList.remove('ac-lit', 'ac-active');
    this.lit = [];
    const target = ref ?? this.selected;
    if (!target) {
      this.container.classList.remove('ac-lighting');
      return;
    }
    this.container.classList.add('ac-lighting');
    const own = this.element(target);
    if (own) {
      own.classList.add('ac-active');
      this.lit.push(own);
    }
    for (const { ref: other } of this.model.counterparts(target)) {
      const el = this.element(other);
      if (el) {
        el.classList.add('ac-lit');
        this.lit.push(el);
      }
    }
  }

  /**
   * Selects segment `ref` (null clears): lights it, makes it its column's
   * tab stop, and optionally focuses it (`focus`), brings it into view
   * (`reveal`: true, or 'nearest' to scroll only if it is out of sight) and
   * scrolls the other columns to its counterparts (`align`).
   */
  select(ref, { focus = false, reveal = false, align = false } = {}) {
    const changed = !sameRef(ref, this.selected);
    this.selected = ref;
    this.light(null);
    for (const el of this.container.querySelectorAll('.ac-selected')) el.classList.remove('ac-selected');
    const el = this.element(ref);
    if (el) {
      el.classList.add('ac-selected');
      this.setTabStop(el);
      if (reveal) this.reveal(el, reveal);
      // getRootNode: in a shadow root, document.activeElement is the host.
      if (focus && el.getRootNode().activeElement !== el) el.focus({ preventScroll: true });
      if (align) this.alignTo(ref);
    }
    if (changed) this.onSelect(ref);
  }

  /**
   * The next (`step` 1) or previous (-1) visible segment after `from` that
   * satisfies `test(ref)`, going through the shown columns in order and
   * wrapping around; null when there is none.
   */
  find(test, step, from = this.selected) {
    // Positions count through the shown columns' segments without listing
    // them: a long report has 100,000, and tab stops are looked up often.
    const sizes = this.docs.map((doc) => this.model.documents[doc].segments.length);
    const total = sizes.reduce((sum, n) => sum + n, 0);
    if (!total) return null;
    const refAt = (position) => {
      let i = 0;
      while (position >= sizes[i]) position -= sizes[i++];
      return { doc: this.docs[i], segment: position };
    };
    let start = -1;
    if (from) {
      const column = this.docs.indexOf(from.doc);
      if (column >= 0 && from.segment < sizes[column]) start = sizes.slice(0, column).reduce((sum, n) => sum + n, from.segment);
    }
    if (start < 0) start = step > 0 ? -1 : total;
    for (let n = 1; n <= total; n++) {
      const ref = refAt((((start + step * n) % total) + total) % total);
      if (test(ref) && this.isVisible(ref)) return ref;
    }
    return null;
  }

  /** The first visible segment of `doc` that satisfies `test(ref)`, or null. */
  firstIn(doc, test) {
    const count = this.model.documents[doc].segments.length;
    for (let segment = 0; segment < count; segment++) {
      const ref = { doc, segment };
      if (test(ref) && this.isVisible(ref)) return ref;
    }
    return null;
  }

  /** Stops listening and rendering. */
  destroy() {
    this.cancelled = true;
    clearTimeout(this.previewTimer);
    this.abort?.abort();
  }

  // --- building -----------------------------------------------------------

  buildColumn(doc) {
    const d = this.model.documents[doc];
    const stats = d.stats;
    const has = ['unique', 'shared', 'discrepancies'].filter((f) => this.model.has(doc, f));
    const summary = stats.content_segments
      ? `${percent(stats.shared_share)} shared · ${percent(stats.unique_share)} unique`
      : 'No article text found';
    const bar = h(this.doc, 'div', { class: 'ac-bar', 'aria-hidden': 'true' },
      h(this.doc, 'span', { class: 'ac-bar-shared' }),
      h(this.doc, 'span', { class: 'ac-bar-unique' }));
    bar.children[0].style.width = `${stats.shared_share * 100}%`;
    bar.children[1].style.width = `${stats.unique_share * 100}%`;
    const details = [plural(stats.content_segments, 'sentence')];
    if (stats.boilerplate_segments) details.push(`${plural(stats.boilerplate_segments, 'line')} of page chrome`);

    const body = h(this.doc, 'div', { class: 'ac-column-body', dir: 'auto' });
    const column = h(this.doc, 'section',
      {
        class: 'ac-column',
        'data-doc': doc,
        'data-has': has.join(' '),
        role: 'region',
        'aria-label': `${d.name}: ${summary}`,
      },
      h(this.doc, 'header', { class: 'ac-column-head' },
        h(this.doc, 'h3', { class: 'ac-column-title', dir: 'auto', title: d.name }, d.name),
        bar,
        h(this.doc, 'p', { class: 'ac-column-stats' }, summary),
        h(this.doc, 'p', { class: 'ac-column-details', title: details.join(' · ') }, details.join(' · '))),
      h(this.doc, 'p', { class: 'ac-column-empty' }, 'Nothing in this article matches the filter.'),
      body);
    return { column, body };
  }

  /** Where the chunk of `doc` that starts at segment `from` ends: after whole lines. */
  chunkEnd(doc, from) {
    const { segments } = this.model.documents[doc];
    const text = this.model.text(doc);
    for (let i = from + (from ? CHUNK_SEGMENTS : FIRST_CHUNK_SEGMENTS); i < segments.length; i++) {
      const gap = text.slice(segments[i - 1].end, segments[i].start);
      const inChrome = this.model.status({ doc, segment: i }) === 'boilerplate';
      if (gap.includes('\n') && !inChrome) return i;
    }
    return segments.length;
  }

  /** The whitespace between two offsets of a document's text. */
  gapText(doc, from, to) {
    return to > from ? this.model.text(doc).slice(from, to) : '';
  }

  /**
   * Builds the next chunk of `column` (of document `doc`); after the last
   * one, the whitespace that ends the text. Returns whether any is left.
   */
  fillNext(doc, column) {
    const d = this.model.documents[doc];
    const from = column.next;
    if (from < d.segments.length) {
      column.next = this.chunkEnd(doc, from);
      const lazy = from > 0 && d.segments.length >= LAZY_FROM_SEGMENTS;
      column.last = this.buildChunk(doc, { from, to: column.next }, lazy);
      this.place(column, column.last, lazy);
    }
    if (column.next < d.segments.length) return true;
    const tail = this.gapText(doc, d.segments.at(-1)?.end ?? 0, d.length);
    if (tail) column.last?.append(tail);
    return false;
  }

  /**
   * Puts `chunk` at the end of `column`; lazy chunks go in sections of
   * SECTION_CHUNKS, which skip layout as a whole while off screen, so that
   * laying out a column of thousands of chunks visits tens of sections.
   */
  place(column, chunk, lazy) {
    if (!lazy) {
      column.body.append(chunk);
      return;
    }
    if (!column.section || column.section.childElementCount >= SECTION_CHUNKS) {
      column.section = h(this.doc, 'div', { class: 'ac-section' });
      column.body.append(column.section);
    }
    column.section.append(chunk);
  }

  /**
   * Builds the remaining chunks, a chunk of each column in turn so that
   * they fill side by side, yielding to the page every RENDER_BUDGET_MS
   * (and first of all, so that the first chunks are painted at once).
   */
  async fillRest() {
    const win = this.doc.defaultView;
    const pause = () => new Promise((resolve) => win.setTimeout(resolve, 0));
    const open = [...this.columns].filter(([doc, column]) => column.next < this.model.documents[doc].segments.length);
    if (win && open.length) await afterPaint(win);
    let sliceStart = performance.now();
    let turn = 0;
    while (open.length) {
      if (this.cancelled) return;
      turn %= open.length;
      const [doc, column] = open[turn];
      if (this.fillNext(doc, column)) turn++;
      else open.splice(turn, 1);
      if (win && performance.now() - sliceStart > RENDER_BUDGET_MS) {
        await pause();
        sliceStart = performance.now();
      }
    }
    this.refreshTabStops();
  }

  buildChunk(doc, { from, to }, lazy) {
    const d = this.model.documents[doc];
    const chunk = h(this.doc, 'div', { class: lazy ? 'ac-chunk ac-chunk-lazy' : 'ac-chunk' });
    let parent = chunk;
    let chrome = null;
    for (let i = from; i < to; i++) {
      const s = d.segments[i];
      const gap = this.gapText(doc, i === 0 ? 0 : d.segments[i - 1].end, s.start);
      const ref = { doc, segment: i };
      const isChrome = this.model.status(ref) === 'boilerplate';
      if (isChrome && !chrome) {
        if (gap) chunk.append(gap);
        chrome = this.chromeRun(doc, i);
        chunk.append(chrome.toggle, chrome.run);
        parent = chrome.run;
      } else {
        if (!isChrome && chrome) {
          chrome = null;
          parent = chunk;
        }
        if (gap) parent.append(gap);
      }
      const el = this.segmentElement(ref, s);
      this.elements[doc][i] = el;
      parent.append(el);
    }
    return chunk;
  }

  /** A run of page chrome, with the button that shows it when chrome is hidden. */
  chromeRun(doc, first) {
    const { segments } = this.model.documents[doc];
    let count = 0;
    while (first + count < segments.length && this.model.status({ doc, segment: first + count }) === 'boilerplate') count++;
    const run = h(this.doc, 'span', { class: 'ac-chrome' });
    const label = `Page chrome · ${plural(count, 'line')}`;
    const toggle = h(this.doc, 'button', { class: 'ac-chrome-toggle', type: 'button', 'aria-expanded': 'false' },
      h(this.doc, 'span', { class: 'ac-chrome-label' }, label),
      h(this.doc, 'span', { class: 'ac-chrome-action' }, 'show'));
    return { run, toggle };
  }

  segmentElement(ref, s) {
    const status = this.model.status(ref);
    const el = this.doc.createElement('span');
    el.className = status === 'shared' ? `ac-seg ${groupClass(s.group)}` : 'ac-seg';
    el.dataset.doc = ref.doc;
    el.dataset.segment = ref.segment;
    el.dataset.group = s.group ?? '';
    el.dataset.role = s.role;
    el.dataset.status = status;
    if (status === 'shared') el.dataset.number = groupNumber(s.group);
    if (this.model.hasDiscrepancy(ref)) el.dataset.discrepancy = '';
    if (this.model.isMoved(ref)) el.dataset.moved = '';
    el.dir = 'auto';
    el.tabIndex = -1;
    el.append(...markedText(this.doc, s.text, this.model.discrepancyRanges(ref)));
    return el;
  }

  // --- interaction ----------------------------------------------------------

  listen() {
    this.abort = new AbortController();
    const opts = { signal: this.abort.signal };
    const c = this.container;
    c.addEventListener('mouseover', (e) => this.hover(segmentOf(e.target)), opts);
    c.addEventListener('mouseleave', () => this.hover(null), opts);
    c.addEventListener('focusin', (e) => {
      const el = segmentOf(e.target);
      if (el) this.select(refOf(el));
    }, opts);
    c.addEventListener('click', (e) => {
      const toggle = e.target.closest('.ac-chrome-toggle');
      if (toggle) return this.toggleChrome(toggle);
      const el = segmentOf(e.target);
      if (el) this.select(refOf(el), { focus: true, align: true });
    }, opts);
    c.addEventListener('keydown', (e) => this.onKey(e), opts);
  }

  hover(el) {
    if (el === this.hovered) return;
    this.hovered = el;
    this.light(el ? refOf(el) : null);
    clearTimeout(this.previewTimer);
    // A short delay, so that crossing other segments on the way to the
    // panel does not change what it shows.
    const ref = el ? refOf(el) : null;
    this.previewTimer = setTimeout(() => this.onPreview(ref), ref ? 90 : 250);
  }

  toggleChrome(toggle) {
    const run = toggle.nextElementSibling;
    const open = !run.classList.contains('ac-chrome-open');
    run.classList.toggle('ac-chrome-open', open);
    toggle.classList.toggle('ac-chrome-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.querySelector('.ac-chrome-action').textContent = open ? 'hide' : 'show';
  }

  onKey(e) {
    const el = segmentOf(e.target);
    if (!el || e.altKey || e.ctrlKey || e.metaKey) return;
    const ref = refOf(el);
    const inColumn = (step) => this.find((r) => r.doc === ref.doc, step, ref);
    let target = null;
    switch (e.key) {
      case 'ArrowDown':
        target = stayIn(ref.doc, inColumn(1));
        break;
      case 'ArrowUp':
        target = stayIn(ref.doc, inColumn(-1));
        break;
      case 'Home':
      case 'End': {
        const all = [...this.columns.get(ref.doc).body.querySelectorAll('.ac-seg')].map(refOf).filter((r) => this.isVisible(r));
        target = e.key === 'Home' ? all[0] : all.at(-1);
        break;
      }
      case 'ArrowRight':
      case 'ArrowLeft':
        target = this.neighbour(ref, e.key === 'ArrowRight' ? 1 : -1);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.select(ref, { align: true });
        return;
      default:
        return;
    }
    e.preventDefault();
    if (target) this.select(target, { focus: true, reveal: 'nearest' });
  }

  /** The counterpart in the next column over, or that column's tab stop. */
  neighbour(ref, step) {
    const at = this.docs.indexOf(ref.doc) + step;
    if (at < 0 || at >= this.docs.length) return null;
    const doc = this.docs[at];
    const counterpart = this.model.counterparts(ref).find((c) => c.ref.doc === doc && this.isVisible(c.ref));
    if (counterpart) return counterpart.ref;
    const stop = this.columns.get(doc).body.querySelector('.ac-seg[tabindex="0"]');
    return stop ? refOf(stop) : null;
  }

  setTabStop(el) {
    const body = el.closest('.ac-column-body');
    for (const old of body.querySelectorAll('.ac-seg[tabindex="0"]')) old.tabIndex = -1;
    el.tabIndex = 0;
  }

  /** Keeps one visible tab stop per column (once segments are built). */
  refreshTabStops() {
    if (!this.columns) return;
    for (const [doc, { body }] of this.columns) {
      if (!body.firstChild) continue;
      const current = body.querySelector('.ac-seg[tabindex="0"]');
      if (current && this.isVisible(refOf(current))) continue;
      const first = this.firstIn(doc, (r) => this.model.status(r) !== 'other') ?? this.firstIn(doc, () => true);
      const el = first ? this.element(first) : null;
      if (current) current.tabIndex = -1;
      if (el) el.tabIndex = 0;
    }
  }

  /**
   * Scrolls `el`'s column to show it a third of the way down (`nearest`:
   * only if it is not in sight already), and the row of columns sideways if
   * the column is out of sight; never the page.
   */
  reveal(el, how) {
    const body = el.closest('.ac-column-body');
    const column = body.parentElement;
    const box = el.getBoundingClientRect();
    const view = body.getBoundingClientRect();
    const inSight = box.top >= view.top && box.bottom <= view.bottom;
    if (how !== 'nearest' || !inSight) this.scrollWithin(body, el, body.clientHeight / 3);
    const row = this.container.getBoundingClientRect();
    const place = column.getBoundingClientRect();
    if (place.left < row.left || place.right > row.right) {
      const left = this.container.scrollLeft + place.left - row.left - (row.width - place.width) / 2;
      this.container.scrollTo({ left: Math.max(0, left), behavior: this.scrollBehavior() });
    }
  }

  /** Scrolls every other column so that its first counterpart of `ref` lines up with it. */
  alignTo(ref) {
    const el = this.element(ref);
    if (!el) return;
    const ownBody = this.columns.get(ref.doc).body;
    const offset = el.getBoundingClientRect().top - ownBody.getBoundingClientRect().top;
    const firstIn = new Map();
    for (const { ref: other } of this.model.counterparts(ref)) {
      if (other.doc !== ref.doc && !firstIn.has(other.doc) && this.isVisible(other)) firstIn.set(other.doc, other);
    }
    for (const [doc, other] of firstIn) {
      const target = this.element(other);
      const body = this.columns.get(doc)?.body;
      if (target && body) this.scrollWithin(body, target, offset);
    }
  }

  /**
   * Scrolls the column body `body` so that `target` sits `offset` pixels
   * below its top. In a long article the text between here and there is
   * not laid out yet and its height only estimated: a far target is
   * jumped to, then the place corrected over the next frames as the text
   * around it is laid out.
   */
  scrollWithin(body, target, offset) {
    const win = this.doc.defaultView;
    const distance = () => target.getBoundingClientRect().top - body.getBoundingClientRect().top - offset;
    const far = Math.abs(distance()) > 2 * body.clientHeight;
    body.scrollTo({ top: Math.max(0, body.scrollTop + distance()), behavior: far ? 'auto' : this.scrollBehavior() });
    if (!far || !win) return;
    let corrections = MAX_SCROLL_CORRECTIONS;
    const correct = () => {
      const left = distance();
      if (Math.abs(left) < 1 || !target.isConnected || corrections-- === 0) return;
      body.scrollTop += left;
      win.requestAnimationFrame(correct);
    };
    win.requestAnimationFrame(correct);
  }

  scrollBehavior() {
    return prefersReducedMotion(this.doc.defaultView) ? 'auto' : 'smooth';
  }
}

/**
 * Resolves once `win` has painted its next frame, so that the next frame
 * lays out only what is on screen now; at the latest after FRAME_WAIT_MS,
 * since a page out of sight paints no frames.
 */
function afterPaint(win) {
  return new Promise((resolve) => {
    const fallback = win.setTimeout(resolve, FRAME_WAIT_MS);
    win.requestAnimationFrame(() => win.setTimeout(() => {
      win.clearTimeout(fallback);
      resolve();
    }, 0));
  });
}

function segmentOf(node) {
  return node?.closest?.('.ac-seg') ?? null;
}

/** The ref a segment element stands for. */
export function refOf(el) {
  return { doc: Number(el.dataset.doc), segment: Number(el.dataset.segment) };
}

function sameRef(x, y) {
  return Boolean(x && y && x.doc === y.doc && x.segment === y.segment) || (!x && !y);
}

function stayIn(doc, ref) {
  return ref && ref.doc === doc ? ref : null;
}

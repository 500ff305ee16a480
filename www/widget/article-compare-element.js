// <article-compare>: the comparer for pages that are not the app (a CMS
// article, a static site). This module only declares the class; define.js
// registers it. The element reads its articles from child <article> or
// <template> elements, `src` URLs or the `articles` property, compares them
// with the page's one engine (wasm-loader.js) and shows the result with the
// app's render modules inside its shadow root. Article text only ever
// becomes text nodes.

import { buildModel } from '../model/report.js';
import { ColumnsView } from '../render/columns.js';
import { renderInspector } from '../render/diff-panel.js';
import { h, icon } from '../render/dom.js';
import { plural } from '../render/palette.js';
import { loadSheet } from './styles.js';
import { discardEngine, init } from './wasm-loader.js';

const STRICTNESS_NAMES = { loose: 0.2, normal: 0.5, strict: 0.8 };

const oneOf = (...values) => (v) => (values.includes(v) ? v : undefined);

// Each attribute: how its value is read (undefined: invalid), its value
// when absent, and what it takes, for the console.
const ATTRIBUTES = {
  strictness: {
    read: (v) => {
      const n = STRICTNESS_NAMES[v] ?? (v.trim() ? Number(v) : NaN);
      return n >= 0 && n <= 1 ? n : undefined;
    },
    absent: 0.5,
    expected: 'a number from 0 (loose) to 1 (strict), or loose, normal, strict',
  },
  view: { read: oneOf('columns', 'focus'), absent: 'columns', expected: 'columns or focus' },
  // Its property is focusArticle: `focus` would hide HTMLElement's focus().
  focus: { read: (v) => v, absent: null, property: 'focusArticle' },
  'hide-boilerplate': {
    read: (v) => (['', 'true', 'hide-boilerplate'].includes(v) ? true : undefined),
    absent: false,
    expected: 'no value: present hides page chrome, absent shows it',
  },
  theme: { read: oneOf('auto', 'light', 'dark'), absent: 'auto', expected: 'auto, light or dark' },
  src: { read: (v) => v, absent: '' },
};

const property = (name) => ATTRIBUTES[name].property ?? name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** An Error with the `kind` the error event reports. */
function problem(kind, message, extra = {}) {
  return Object.assign(new Error(message), { kind, ...extra });
}

/**
 * `engine.compare(articles, options)`. Anything but a refusal of the input
 * (an ArticleCompareError) is a trap that may have left the engine broken:
 * it is discarded, so that the next comparison gets a fresh one.
 */
function compareOn(engine, articles, options) {
  try {
    return engine.compare(articles, options);
  } catch (e) {
    if (e?.name === 'ArticleCompareError') throw e;
    discardEngine();
    throw problem('internal', `The comparison engine stopped unexpectedly (${e?.message ?? e}) and has been restarted: change the articles or compare again.`);
  }
}

// Block elements start a paragraph when an article is given as markup.
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul']);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The text of a child <article> or <template>: plain text as written (less
 * its common indentation); markup as a browser shows it, one paragraph per
 * heading, paragraph or list item.
 */
function articleText(el) {
  const root = el.localName === 'template' ? el.content : el;
  if (!root.children.length) {
    const lines = root.textContent.replace(/\r\n?/g, '\n').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
    return lines.map((l) => l.slice(indent).trimEnd()).join('\n').trim();
  }
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const text = line.split('\n').map((l) => l.trim()).join('\n').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) line += child.data.replace(/[ \t\n\r\f]+/g, ' ');
      else if (child.localName === 'br') line += '\n';
      else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.localName)) {
        const block = BLOCKS.has(child.localName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function checkArticles(value) {
  if (!Array.isArray(value)) return 'articles must be an array of {name, text}';
  const bad = value.findIndex((a) => typeof a?.text !== 'string' || (a.name != null && typeof a.name !== 'string'));
  return bad < 0 ? null : `articles[${bad}] must be {name: string, text: string}`;
}

export class ArticleCompareElement extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  #settings = Object.fromEntries(Object.entries(ATTRIBUTES).map(([name, spec]) => [name, spec.absent]));
  #shadow;
  #parts;
  #given = null; // articles set as a property
  #fetched = new Map(); // url → promise of its text
  #compared = []; // the articles of the report shown
  #report = null;
  #model = null;
  #view = null;
  #against = null; // the article beside the focus (null: the closest)
  #pinned = false;
  #run = 0;
  #timer = 0;
  #started = false; // near the viewport once: the engine may load
  #dirty = true; // the articles or options changed since the last comparison
  #readyFired = false;
  #observers = [];

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    const doc = this.ownerDocument;
    const p = (this.#parts = {
      totals: h(doc, 'p', { class: 'ac-w-totals', dir: 'auto' }),
      focus: h(doc, 'select', { class: 'ac-w-focus' }),
      against: h(doc, 'select', { class: 'ac-w-against' }),
      message: h(doc, 'p', { class: 'ac-w-message', part: 'message', role: 'status' }, 'Comparing the articles…'),
      fallback: h(doc, 'slot', { class: 'ac-w-fallback', hidden: true }),
      columns: h(doc, 'div', { class: 'ac-w-columns', part: 'columns' }),
      details: h(doc, 'div', { class: 'ac-w-details' }),
      close: h(doc, 'button', { type: 'button', class: 'ac-w-close', 'aria-label': 'Close the details' }, icon(doc, 'close')),
    });
    p.inspector = h(doc, 'aside', { class: 'ac-w-inspector', part: 'inspector', 'aria-label': 'Sentence details' }, p.close, p.details);
    p.nav = h(doc, 'div', { class: 'ac-w-nav', hidden: true },
      h(doc, 'label', {}, 'Focus', p.focus),
      h(doc, 'label', {}, 'against', p.against));
    p.work = h(doc, 'div', { class: 'ac-w-work', hidden: true }, p.columns, p.inspector);
    p.base = h(doc, 'div', { class: 'ac-widget', part: 'base', role: 'region', 'aria-label': 'Article comparison', 'data-state': 'waiting' },
      h(doc, 'header', { class: 'ac-w-head', part: 'header' }, p.totals, p.nav),
      p.message, p.fallback, p.work);
    this.#shadow.append(p.base);

    p.focus.addEventListener('change', () => {
      this.#against = null;
      this.focusArticle = this.#report.documents[Number(p.focus.value)].name;
    });
    p.against.addEventListener('change', () => {
      this.#against = Number(p.against.value);
      this.#render();
    });
    p.close.addEventListener('click', () => this.#view.select(null));
    this.#shadow.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#pinned) this.#view.select(null);
    });
  }

  /** The articles compared: as set, or as read from the children and `src` at the last comparison. */
  get articles() {
    return (this.#given ?? this.#compared).map((a) => ({ ...a }));
  }

  /** Sets the articles ([{name, text}]) to compare instead of the children and `src`; null goes back to those. */
  set articles(value) {
    const wrong = value == null ? null : checkArticles(value);
    if (wrong) {
      console.warn(`<article-compare>: ${wrong}; the value is ignored`);
      return;
    }
    this.#given = value?.map((a) => ({ name: a.name ?? '', text: a.text })) ?? null;
    this.#changed();
  }

  /** The last report, exactly as compare() of the wasm API (and the command line's --json) gives it; null before. */
  get report() {
    return this.#report;
  }

  /**
   * Compares now, even if the widget has not scrolled into view. Resolves
   * to the report, or to null when a newer comparison replaced this one;
   * rejects with the error the widget shows.
   */
  compare() {
    this.#started = true;
    clearTimeout(this.#timer);
    return this.#compare(++this.#run);
  }

  connectedCallback() {
    // A property set before the element was defined is an own property
    // hiding the accessor: put it through the setter.
    for (const name of ['articles', ...Object.keys(ATTRIBUTES).map(property)]) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    this.#adoptStyles();
    const changes = new MutationObserver(() => this.#given || this.#changed());
    changes.observe(this, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-name', 'data-src'] });
    // The engine loads when the widget comes within a screenful of the viewport.
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      this.#started = true;
      this.#schedule();
    }, { rootMargin: '100% 0px' });
    near.observe(this);
    this.#observers = [changes, near];
    this.#schedule();
  }

  disconnectedCallback() {
    for (const observer of this.#observers) observer.disconnect();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, old, value) {
    const spec = ATTRIBUTES[name];
    const parsed = value === null ? spec.absent : spec.read(value);
    if (parsed === undefined) {
      console.warn(`<article-compare>: ignoring ${name}="${value}": expected ${spec.expected}`);
      return;
    }
    if (parsed === this.#settings[name]) return;
    this.#settings[name] = parsed;
    if (name === 'strictness' || name === 'src') this.#changed();
    else if (name === 'theme') this.#adoptStyles();
    else if (name === 'hide-boilerplate') this.#view?.setShowBoilerplate(!parsed);
    else this.#render();
  }

  // --- comparing -------------------------------------------------------------

  #changed() {
    this.#dirty = true;
    this.#schedule();
  }

  /** Compares soon (changes made together make one comparison) if the widget is in use. */
  #schedule() {
    if (!this.#started || !this.#dirty || !this.isConnected) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#compare(++this.#run).catch(() => {}), 0);
  }

  async #compare(run) {
    this.#dirty = false;
    this.#show('comparing', 'Comparing the articles…');
    try {
      const [engine, articles] = await Promise.all([
        init().then((loaded) => {
          if (!this.#readyFired) {
            this.#readyFired = true;
            this.#fire('ready', { version: loaded.version() });
          }
          return loaded;
        }, (e) => Promise.reject(problem('engine', `The comparison engine could not be loaded: ${e.message}`))),
        this.#gather(),
      ]);
      if (run !== this.#run) return null;
      if (articles.length < 2) {
        throw problem('too_few_documents', articles.length
          ? 'Only one article was given: a comparison needs at least two.'
          : 'No articles were given: put at least two <article> elements inside <article-compare>.');
      }
      const started = performance.now();
      const report = compareOn(engine, articles, { strictness: this.#settings.strictness });
      const ms = performance.now() - started;
      this.#report = report;
      this.#compared = articles;
      this.#model = buildModel(report, articles.map((a) => a.text));
      await this.#render();
      if (run !== this.#run) return null;
      this.#fire('compared', { report, articles: this.articles, ms });
      return report;
    } catch (e) {
      if (run !== this.#run) return null;
      this.#report = null;
      this.#view?.destroy();
      this.#view = null;
      this.#parts.columns.replaceChildren();
      // The API's errors name their kind (invalid_input, too_large…).
      const kind = e.kind ?? 'internal';
      const message = e.name === 'ArticleCompareError' ? `The articles could not be compared: ${e.message}` : e.message;
      this.#show('error', message);
      this.#fire('error', { kind, message, field: e.field ?? null, url: e.url ?? null, error: e });
      throw e;
    }
  }

  /** The articles to compare: the property, else the children then the `src` URLs. */
  #gather() {
    if (this.#given) return this.#given;
    const children = [...this.children].filter((el) => el.localName === 'article' || el.localName === 'template');
    const urls = this.#settings.src.split(/\s+/).filter(Boolean);
    return Promise.all([
      ...children.map((el) => {
        const name = el.dataset.name ?? '';
        return el.dataset.src ? this.#fetchText(el.dataset.src, name) : { name, text: articleText(el) };
      }),
      ...urls.map((url) => this.#fetchText(url, '')),
    ]);
  }

  /** {name, text} of a text file; named after the file unless `name` is given. Fetched once per URL. */
  async #fetchText(src, name) {
    let url;
    try {
      url = new URL(src, this.ownerDocument.baseURI);
    } catch {
      throw problem('fetch', `“${src}” is not a URL.`, { url: src });
    }
    if (!this.#fetched.has(url.href)) {
      const text = fetch(url).then(
        (r) => (r.ok ? r.text() : Promise.reject(problem('fetch', `${url.href} could not be loaded (HTTP ${r.status}).`, { url: url.href }))),
        () => Promise.reject(problem('fetch', `${url.href} could not be loaded: the server cannot be reached or does not let this page read it (CORS).`, { url: url.href })),
      );
      text.catch(() => this.#fetched.delete(url.href));
      this.#fetched.set(url.href, text);
    }
    return { name: name || decodeURIComponent(url.pathname.split('/').pop()), text: await this.#fetched.get(url.href) };
  }

  // --- showing ---------------------------------------------------------------

  async #adoptStyles() {
    const theme = this.#settings.theme;
    try {
      const sheet = await loadSheet(theme);
      if (theme === this.#settings.theme) this.#shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      this.#show('error', `The widget's styles could not be loaded: ${e.message}`);
      this.#fire('error', { kind: 'styles', message: e.message, field: null, url: null, error: e });
    }
  }

  /** The state line: comparing, done (no line) or error (with the articles as the page gave them). */
  #show(state, message = '') {
    const p = this.#parts;
    p.base.dataset.state = state;
    p.message.textContent = message;
    p.message.hidden = !message;
    p.message.setAttribute('role', state === 'error' ? 'alert' : 'status');
    const failed = state === 'error';
    p.fallback.hidden = !failed;
    p.work.hidden = failed || !this.#report;
  }

  /** Which documents the columns show: all, or the focus and one other. */
  #shownDocs() {
    const { documents, overlap } = this.#report;
    const all = documents.map((_, i) => i);
    if (this.#settings.view !== 'focus') return all;
    const name = this.#settings.focus;
    let focus = name === null ? 0 : documents.findIndex((d) => d.name === name);
    if (focus < 0) {
      console.warn(`<article-compare>: focus="${name}" names no article (${documents.map((d) => d.name).join(', ')}); showing the first`);
      focus = 0;
    }
    if (documents.length < 2) return [focus];
    let against = this.#against;
    if (against === null || against === focus || against >= documents.length) {
      against = all.filter((i) => i !== focus).reduce((best, i) => (overlap[focus][i] > overlap[focus][best] ? i : best));
    }
    return [focus, against];
  }

  /** (Re)builds the columns and the header from the report; resolves when every segment is in. */
  #render() {
    if (!this.#report) return null;
    const doc = this.ownerDocument;
    const p = this.#parts;
    const model = this.#model;
    const docs = this.#shownDocs();
    this.#view?.destroy();
    this.#pinned = false;
    const view = new ColumnsView(p.columns, model, {
      docs,
      showBoilerplate: !this.#settings['hide-boilerplate'],
      onPreview: (ref) => this.#pinned || this.#inspect(ref),
      onSelect: (ref) => {
        this.#pinned = Boolean(ref);
        this.#inspect(ref);
        if (ref) this.#fire('select', this.#selection(ref));
      },
    });
    this.#view = view;
    for (const column of p.columns.querySelectorAll('.ac-column')) column.setAttribute('part', 'column');

    const t = model.totals;
    p.totals.textContent = [
      `${plural(t.documents, 'article')} compared`,
      `${plural(t.passages, 'shared passage')}${t.moved ? ` (${t.moved} moved)` : ''}`,
      plural(t.unique, 'unique sentence'),
      plural(t.discrepancies, 'discrepancy', 'discrepancies'),
    ].join(' · ');
    const focusView = this.#settings.view === 'focus';
    p.nav.hidden = !focusView;
    if (focusView) {
      const option = (d, i) => h(doc, 'option', { value: i, selected: docs.includes(i) && i === docs[0] }, d.name);
      p.focus.replaceChildren(...model.documents.map(option));
      p.against.replaceChildren(...model.documents.map((d, i) =>
        (i === docs[0] ? null : h(doc, 'option', { value: i, selected: i === docs[1] }, d.name))).filter(Boolean));
    }
    this.#show('done');
    this.#inspect(null);
    return view.ready;
  }

  #inspect(ref) {
    // Pinned only: a narrow widget shows the details then, not on every hover.
    this.#parts.base.toggleAttribute('data-inspecting', this.#pinned && Boolean(ref));
    renderInspector(this.#parts.details, this.#model, ref, { onJump: (r) => this.#jump(r), pinned: this.#pinned && Boolean(ref) });
  }

  /** Shows segment `ref` selected in the columns (in the focus view, beside the focus). */
  #jump(ref) {
    if (!this.#view.columns.has(ref.doc)) {
      this.#against = ref.doc;
      this.#render();
    }
    const view = this.#view;
    view.ready.then(() => view === this.#view && view.select(ref, { focus: true, reveal: true, align: true }));
  }

  /** The detail of a select event. */
  #selection(ref) {
    const model = this.#model;
    const segment = model.segment(ref);
    return {
      doc: ref.doc,
      segment: ref.segment,
      article: model.documents[ref.doc].name,
      text: segment.text,
      status: model.status(ref),
      group: segment.group,
      counterparts: model.counterparts(ref).map(({ ref: r, match }) => ({
        doc: r.doc,
        segment: r.segment,
        article: model.documents[r.doc].name,
        text: model.segment(r).text,
        kind: match?.kind ?? null,
        score: match?.score ?? null,
      })),
    };
  }

  #fire(name, detail) {
    this.dispatchEvent(new CustomEvent(`article-compare:${name}`, { detail, bubbles: true, composed: true }));
  }

  // Every attribute is mirrored by a camelCase property (hideBoilerplate a
  // boolean, strictness a number, focus as focusArticle); an invalid value
  // is reported and ignored.
  static {
    for (const [name, spec] of Object.entries(ATTRIBUTES)) {
      Object.defineProperty(this.prototype, property(name), {
        configurable: true,
        get() {
          return this.#settings[name];
        },
        set(value) {
          if (name === 'hide-boilerplate') this.toggleAttribute(name, Boolean(value));
          else if (value == null) this.removeAttribute(name);
          else if (spec.read(String(value)) === undefined) console.warn(`<article-compare>: ignoring ${property(name)} = ${JSON.stringify(value)}: expected ${spec.expected}`);
          else this.setAttribute(name, String(value));
        },
      });
    }
  }
}

// The article boxes of the start screen: one card per article with an
// editable name, a line on what its text was read from, and a text box (or,
// for a very long text, a preview); "Add article", the file picker and the
// choice of how copied web pages are pasted. Cards are kept by article id,
// so typing never rebuilds the box being typed in. Changes go to the state;
// picked files go to `onFiles` (the page handles dropped ones the same way).

import { h, icon } from '../render/dom.js';
import { articleLetter, plural } from '../render/palette.js';
import { newArticle, nameFromText } from './state.js';
import { describeSource, extractBytes, sourceFacts } from './files.js';

// A bound on the boxes on the page, well above the dozens of articles a
// story gets (the columns show six; more go through the focus view).
export const MAX_ARTICLES = 100;

// Longer texts from files or storage are previewed, not put in a text box:
// a text box holding megabytes makes the page slow to lay out.
const LARGE_TEXT = 150_000;
const PREVIEW_CHARS = 1500;
// Counting words takes about 8 ms per million characters: a long text is
// counted this many characters per task.
const COUNT_SLICE = 500_000;

// An emptied box starts a new article: what the old one was read from no longer applies.
const NO_SOURCE = { source: null, file: null, original: null };

/**
 * Wires the editor inside `root` (the input section of index.html) to
 * `state`. `onFiles(files)` receives dropped or picked files,
 * `onShowSource(article)` the request to see how an article's text was
 * read, and `notify(message)` what the user should know about a paste.
 */
export function createEditor(root, state, { onFiles, onShowSource, notify }) {
  const doc = root.ownerDocument;
  const list = root.querySelector('.ac-article-list');
  const addButton = root.querySelector('.ac-add-article');
  const picker = root.querySelector('.ac-file-input');
  const pasteModes = [...root.querySelectorAll('input[name="paste-as"]')];
  const cards = new Map();
  const articleOf = (id) => state.get().articles.find((a) => a.id === id);

  const update = (id, change) => {
    state.set({ articles: state.get().articles.map((a) => (a.id === id ? { ...a, ...change(a) } : a)) });
  };

  function card(article) {
    const name = h(doc, 'input', { class: 'ac-article-name', type: 'text', dir: 'auto', autocomplete: 'off', spellcheck: 'false' });
    const text = h(doc, 'textarea', {
      class: 'ac-article-text', dir: 'auto', spellcheck: 'false',
      placeholder: 'Paste the article here: headline, byline and text. Page clutter is fine; it is recognised and set aside.',
    });
    const remove = h(doc, 'button', { type: 'button', class: 'ac-icon-button ac-remove-article' }, icon(doc, 'close'));
    const letter = h(doc, 'span', { class: 'ac-article-letter', 'aria-hidden': 'true' });
    const count = h(doc, 'span', { class: 'ac-article-count' });
    const previewText = h(doc, 'p', { class: 'ac-article-preview-text', dir: 'auto' });
    const expand = h(doc, 'button', { type: 'button', class: 'ac-button ac-button-quiet' }, 'Edit the full text');
    const preview = h(doc, 'div', { class: 'ac-article-preview', hidden: true },
      previewText,
      h(doc, 'p', { class: 'ac-article-preview-note' }, 'A long text: only its beginning is shown here. ', expand));
    const sourceText = h(doc, 'span', { class: 'ac-article-source-text', id: `article-source-${article.id}`, dir: 'auto' });
    const sourceButton = h(doc, 'button', { type: 'button', class: 'ac-link-button', 'aria-haspopup': 'dialog' }, 'Show extracted text');
    const source = h(doc, 'p', { class: 'ac-article-source', hidden: true }, sourceText, ' ', sourceButton);
    const el = h(doc, 'li', { class: 'ac-article-card', 'data-id': article.id },
      h(doc, 'div', { class: 'ac-article-head' }, letter, name, remove),
      source,
      text,
      preview,
      h(doc, 'div', { class: 'ac-article-foot' }, count));

    name.addEventListener('input', () => {
      const typed = name.value;
      update(article.id, (a) => (typed.trim() ? { name: typed, named: true } : { name: nameFromText(a.text), named: false }));
    });
    name.addEventListener('change', () => {
      if (!name.value.trim()) name.value = state.get().articles.find((a) => a.id === article.id)?.name ?? '';
    });
    const c = {
      el, name, text, remove, letter, count, preview, previewText, source, sourceText, sourceButton,
      shown: '', counted: null, described: '', expanded: false,
    };
    // Reading a long text box's value is costly: once per input.
    text.addEventListener('input', () => typed(c, article.id, text.value));
    text.addEventListener('paste', (e) => {
      const html = e.clipboardData?.getData('text/html');
      // A browser page cannot read other sites: say how to bring the page in
      // (the address is still pasted, as typed text would be).
      if (isWebAddress(e.clipboardData?.getData('text/plain') ?? '')) {
        notify('A web address cannot be read from here: browsers do not let a page fetch other sites. Save the page (Ctrl+S or ⌘S) and drop the file here, or select the article’s text, copy it and paste it. The command line reads addresses: article-compare compare https://…');
      }
      if (!html || state.get().pasteAs !== 'article') return;
      e.preventDefault();
      pasteWebPage(c, article.id, html, e.clipboardData.getData('text/plain'));
    });
    sourceButton.addEventListener('click', () => onShowSource(articleOf(article.id)));
    remove.addEventListener('click', () => removeArticle(article.id));
    expand.addEventListener('click', () => {
      c.expanded = true;
      show(c, state.get().articles.find((a) => a.id === article.id)?.text ?? '');
      text.focus();
    });
    return c;
  }

  /** Takes the text box's new `value` (and `change`s beyond the text) into the state. */
  function typed(c, id, value, change = {}) {
    c.shown = value;
    update(id, (a) => ({
      text: value,
      ...(a.named ? {} : { name: nameFromText(value) }),
      ...(value.trim() ? {} : NO_SOURCE),
      ...change,
    }));
  }

  /**
   * Pastes the article of a copied web page (`html`) where the caret is, or
   * `plain` when the page cannot be read. Pasted into an empty box, the page
   * becomes the article's source.
   */
  async function pasteWebPage(c, id, html, plain) {
    let text = plain;
    let source = null;
    try {
      ({ text, source } = await extractBytes(new TextEncoder().encode(html), 'clipboard.html'));
    } catch (e) {
      const why = String(e?.message ?? e).replace(/^clipboard\.html: /, '');
      notify(`The copied web page could not be read (${why}), so its plain text was pasted.`);
    }
    if (!c.el.isConnected) return;
    const box = c.text;
    const { selectionStart: start, selectionEnd: end, value } = box;
    const whole = !`${value.slice(0, start)}${value.slice(end)}`.trim();
    box.setRangeText(text, start, end, 'end');
    const change = whole && source ? { source, file: null, original: new Blob([html], { type: 'text/html' }) } : {};
    typed(c, id, box.value, change);
  }

  /** Puts `value` in the card's text box, or in its preview when it is long. */
  function show(c, value) {
    const long = value.length > LARGE_TEXT && !c.expanded;
    c.text.hidden = long;
    c.preview.hidden = !long;
    if (long) c.previewText.textContent = `${value.slice(0, PREVIEW_CHARS)}…`;
    else c.text.value = value;
    c.shown = value;
  }

  /** Shows how many words `text` has, counting a long text a slice per task. */
  async function showCount(c, text) {
    c.counted = text;
    if (text.length > COUNT_SLICE) c.count.textContent = 'Counting words…';
    let words = 0;
    let inWord = false;
    for (let at = 0; at < text.length; at += COUNT_SLICE) {
      if (at) await new Promise((resolve) => setTimeout(resolve, 0));
      // Another text came meanwhile, with a count of its own.
      if (c.counted !== text) return;
      ({ words, inWord } = countWords(text, at, Math.min(at + COUNT_SLICE, text.length), { words, inWord }));
    }
    c.count.textContent = words ? plural(words, 'word') : 'Empty';
    c.el.classList.toggle('ac-article-empty', !words);
  }

  function removeArticle(id) {
    const articles = state.get().articles;
    const at = articles.findIndex((a) => a.id === id);
    let rest = articles.filter((a) => a.id !== id);
    while (rest.length < 2) rest = [...rest, newArticle()];
    state.set({ articles: rest });
    // Keep the keyboard where the removed card was.
    const next = cards.get(rest[Math.min(at, rest.length - 1)].id);
    next?.text.focus();
  }

  function sync() {
    const { articles } = state.get();
    const ids = new Set(articles.map((a) => a.id));
    for (const [id, c] of cards) {
      if (!ids.has(id)) {
        c.el.remove();
        cards.delete(id);
      }
    }
    articles.forEach((article, i) => {
      let c = cards.get(article.id);
      if (!c) {
        c = card(article);
        cards.set(article.id, c);
      }
      if (list.children[i] !== c.el) list.insertBefore(c.el, list.children[i] ?? null);
      const label = article.name || `Article ${articleLetter(i)}`;
      c.letter.textContent = articleLetter(i);
      c.name.placeholder = `Article ${articleLetter(i)}`;
      c.name.setAttribute('aria-label', `Name of article ${articleLetter(i)}`);
      c.text.setAttribute('aria-label', `Text of article ${articleLetter(i)}${article.name ? `, ${article.name}` : ''}`);
      c.remove.setAttribute('aria-label', `Remove article ${articleLetter(i)}: ${label}`);
      c.remove.title = 'Remove this article';
      c.sourceButton.setAttribute('aria-label', `Show the extracted text of article ${articleLetter(i)} beside the original`);
      const described = article.source ? describeSource(article.source, article.file) : '';
      if (c.described !== described) {
        c.described = described;
        c.sourceText.textContent = described;
        c.source.hidden = !described;
        if (described) c.text.setAttribute('aria-describedby', c.sourceText.id);
        else c.text.removeAttribute('aria-describedby');
      }
      if (c.name.value !== article.name && doc.activeElement !== c.name) c.name.value = article.name;
      if (c.shown !== article.text) show(c, article.text);
      if (c.counted !== article.text) showCount(c, article.text);
    });
    addButton.disabled = articles.length >= MAX_ARTICLES;
    addButton.title = addButton.disabled ? `At most ${MAX_ARTICLES} articles` : '';
  }

  addButton.addEventListener('click', () => {
    const article = newArticle();
    state.set({ articles: [...state.get().articles, article] });
    cards.get(article.id)?.text.focus();
  });
  picker.addEventListener('change', () => {
    if (picker.files.length) onFiles([...picker.files]);
    picker.value = '';
  });
  for (const radio of pasteModes) {
    radio.addEventListener('change', () => radio.checked && state.set({ pasteAs: radio.value }));
  }
  const showPasteMode = (pasteAs) => {
    for (const radio of pasteModes) radio.checked = radio.value === pasteAs;
  };

  state.subscribe((s, keys) => {
    if (keys.has('articles')) sync();
    if (keys.has('pasteAs')) showPasteMode(s.pasteAs);
  });
  sync();
  showPasteMode(state.get().pasteAs);

  return {
    /** Focuses the first empty text box, or the first one. */
    focusFirstEmpty() {
      const { articles } = state.get();
      const target = articles.find((a) => !a.text.trim()) ?? articles[0];
      cards.get(target.id)?.text.focus();
    },
  };
}

/**
 * Counts the runs of non-space characters of `text` from `from` to `to`,
 * on from a count so far ({words, inWord}: whether the text just before
 * `from` ended inside a word); returns the count so far at `to`.
 */
function countWords(text, from, to, { words, inWord }) {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x3000;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return { words, inWord };
}

/**
 * Puts `incoming` articles ({name, text, source, file, original}) into the
 * empty boxes first, then into new ones; returns the new list and how many
 * did not fit.
 */
export function placeArticles(articles, incoming) {
  const queue = [...incoming];
  const placed = articles.map((a) => {
    if (a.text.trim() || !queue.length) return a;
    return { ...a, ...NO_SOURCE, ...queue.shift(), named: true };
  });
  while (queue.length && placed.length < MAX_ARTICLES) placed.push(newArticle({ ...queue.shift(), named: true }));
  return { articles: placed, dropped: queue.length };
}

/**
 * Fills and opens `dialog` (the source dialog of index.html): how the text
 * of `article` ({text, source, file, original}) was read, the text beside
 * the original when it is still at hand and is text.
 */
export async function showSource(dialog, { text, source, file, original }) {
  const doc = dialog.ownerDocument;
  const binary = source.format === 'docx';
  dialog.querySelector('.ac-source-title').textContent = file ? `Text read from ${file}` : 'Text of the pasted web page';
  dialog.querySelector('.ac-source-line').textContent = describeSource(source, file);
  dialog.querySelector('.ac-source-facts').replaceChildren(...sourceFacts(source).flatMap(([term, value]) =>
    [h(doc, 'dt', {}, term), h(doc, 'dd', { dir: 'auto' }, value)]));
  dialog.querySelector('.ac-source-text').textContent = text;
  dialog.querySelector('.ac-source-original-title').textContent = file ? `The original: ${file}` : 'The original: the copied page’s HTML';
  const shown = original && !binary ? decode(await original.arrayBuffer(), source.encoding) : null;
  const box = dialog.querySelector('.ac-source-original');
  box.hidden = shown === null;
  box.textContent = shown ?? '';
  const note = dialog.querySelector('.ac-source-note');
  note.hidden = shown !== null;
  if (binary) note.textContent = 'A Word document is not text, so only the text taken out of it is shown. Open the document in Word to check it against this text.';
  else note.textContent = `The original is kept only until the page is reloaded: ${file ? 'drop the file' : 'paste the page'} again to see it here.`;
  if (!dialog.open) dialog.showModal();
}

/** `buffer` decoded as the formats module read it (UTF-8 if the browser lacks the encoding). */
function decode(buffer, encoding) {
  try {
    return new TextDecoder(encoding).decode(buffer);
  } catch {
    return new TextDecoder().decode(buffer);
  }
}

/** Whether `text` is a lone web address (as copied from the address bar). */
export function isWebAddress(text) {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

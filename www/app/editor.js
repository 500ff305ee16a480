// The article boxes of the start screen: one card per article with an
// editable name and a text box (or, for a very long text, a preview), "Add
// article" and the file picker. Cards are kept by article id, so typing
// never rebuilds the box being typed in. Changes go to the state; picked
// files go to `onFiles` (the page handles dropped ones the same way).

import { h, icon } from '../render/dom.js';
import { plural } from '../render/palette.js';
import { newArticle, nameFromText } from './state.js';

export const MAX_ARTICLES = 20;

// Longer texts from files or storage are previewed, not put in a text box:
// a text box holding megabytes makes the page slow to lay out.
const LARGE_TEXT = 150_000;
const PREVIEW_CHARS = 1500;

/** Letters that label the articles: A, B, C … */
export function articleLetter(index) {
  return String.fromCharCode(65 + (index % 26));
}

/**
 * Wires the editor inside `root` (the input section of index.html) to
 * `state`. `onFiles(files)` receives dropped or picked files.
 */
export function createEditor(root, state, { onFiles }) {
  const doc = root.ownerDocument;
  const list = root.querySelector('.ac-article-list');
  const addButton = root.querySelector('.ac-add-article');
  const picker = root.querySelector('.ac-file-input');
  const cards = new Map();

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
    const el = h(doc, 'li', { class: 'ac-article-card', 'data-id': article.id },
      h(doc, 'div', { class: 'ac-article-head' }, letter, name, remove),
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
    const c = { el, name, text, remove, letter, count, preview, previewText, shown: '', counted: null, expanded: false };
    text.addEventListener('input', () => {
      // Reading a long text box's value is costly: once per input.
      const value = text.value;
      c.shown = value;
      update(article.id, (a) => (a.named ? { text: value } : { text: value, name: nameFromText(value) }));
    });
    remove.addEventListener('click', () => removeArticle(article.id));
    expand.addEventListener('click', () => {
      c.expanded = true;
      show(c, state.get().articles.find((a) => a.id === article.id)?.text ?? '');
      text.focus();
    });
    return c;
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
      if (c.name.value !== article.name && doc.activeElement !== c.name) c.name.value = article.name;
      if (c.shown !== article.text) show(c, article.text);
      if (c.counted !== article.text) {
        const words = countWords(article.text);
        c.counted = article.text;
        c.count.textContent = words ? plural(words, 'word') : 'Empty';
        c.el.classList.toggle('ac-article-empty', !words);
      }
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

  state.subscribe((_, keys) => {
    if (keys.has('articles')) sync();
  });
  sync();

  return {
    /** Focuses the first empty text box, or the first one. */
    focusFirstEmpty() {
      const { articles } = state.get();
      const target = articles.find((a) => !a.text.trim()) ?? articles[0];
      cards.get(target.id)?.text.focus();
    },
  };
}

/** The number of runs of non-space characters in `text`, without building them. */
function countWords(text) {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x3000;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * Puts `incoming` articles ({name, text}) into the empty boxes first, then
 * into new ones; returns the new list and how many did not fit.
 */
export function placeArticles(articles, incoming) {
  const queue = [...incoming];
  const placed = articles.map((a) => {
    if (a.text.trim() || !queue.length) return a;
    const { name, text } = queue.shift();
    return { ...a, name, text, named: true };
  });
  while (queue.length && placed.length < MAX_ARTICLES) {
    const { name, text } = queue.shift();
    placed.push(newArticle({ name, text, named: true }));
  }
  return { articles: placed, dropped: queue.length };
}

// The app's state in one place: the articles being edited, the settings,
// and the last comparison. Views subscribe and re-render from it; only the
// app's controllers change it.

let nextArticleId = 1;

/**
 * A new article entry; `named` is true once its name was chosen (typed, or a
 * file's). An article read from a file or a pasted web page also has
 * `source` (how its text was read: the report's `documents[].source`),
 * `file` (the file's name; null when pasted) and, until the page is
 * reloaded, `original` (a Blob of what was read).
 */
export function newArticle({ name = '', text = '', named = false, source = null, file = null, original = null } = {}) {
  return { id: nextArticleId++, name, text, named, source, file, original };
}

/**
 * The default name of an article: its first non-blank line, shortened.
 */
export function nameFromText(text) {
  // A search, not a split: texts can be megabytes long.
  const line = /\S[^\n]*/.exec(text)?.[0].trim() ?? '';
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}

export function createState() {
  const listeners = new Set();
  let state = {
    articles: [newArticle(), newArticle()],
    strictness: 0.5,
    showBoilerplate: false,
    pasteAs: 'article', // a copied web page is pasted as its 'article' or as plain 'text'
    filter: 'all',
    view: 'columns', // or 'summary'
    focus: 0, // the focus article when there are more than six
    against: null, // the article shown beside the focus (null: closest)
    // The comparison: idle | waiting | comparing | done | stopped | failed
    phase: 'idle',
    report: null,
    texts: [], // the texts the report was made from
    compared: [], // and, per document, its article's {file, original}
    ms: 0,
    error: null,
  };
  return {
    get: () => state,
    /** Merges `patch` into the state and tells the subscribers which keys changed. */
    set(patch) {
      state = { ...state, ...patch };
      const keys = new Set(Object.keys(patch));
      for (const listener of listeners) listener(state, keys);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

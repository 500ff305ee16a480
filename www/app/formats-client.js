// The format readers (pkg/article_compare_formats*: web pages, Word
// documents, Markdown, text in any encoding) and the HTML report's renderer.
// files.js and the export import this module only when a file, a paste or
// an export needs it, since its wasm weighs about 580 KB
// gzipped; the wasm is then fetched and compiled once and kept for every
// later file.

import init, { extract as extractBytes, reportPage as renderPage } from '../pkg/article_compare_formats.js';

let ready = null;

function load() {
  if (!ready) {
    ready = init();
    // A failed load (offline, a server hiccup) is tried again with the next file.
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

/**
 * The text of the file `name` whose content is `bytes` (a Uint8Array), and
 * how it was read: {text, source}. Throws the module's ArticleCompareError
 * (its message names the file and says why) when the file is refused.
 */
export async function extract(bytes, name) {
  await load();
  return extractBytes(bytes, name);
}

/**
 * The report (as JSON) as a self-contained web page, made from `texts` (the
 * articles' texts, in the report's order): the command line's --html page.
 */
export async function reportPage(json, texts) {
  await load();
  return renderPage(json, texts);
}

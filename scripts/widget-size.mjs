// Prints what a page with one <article-compare> loads, file by file, raw and
// gzipped (level 9, each file on its own, as a server sends them), against
// the widget's budget of 250 KB gzipped (1 KB = 1000 bytes): the files of
// dist/widget/ that a site serves (scripts/build-widget.mjs), and the
// unminified sources of www/ for comparison. The files are read from the
// widget's module graph (scripts/module-graph.mjs), the same files the
// browser tests see it request. Run after scripts/build-widget.mjs.
// A number to check in review, never a test that fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { moduleGraph, WWW } from './module-graph.mjs';

/** The widget as a site serves it: scripts/build-widget.mjs writes it. */
export const DIST_WIDGET = fileURLToPath(new URL('../dist/widget/', import.meta.url));

const BUDGET = 250_000;
const ENTRY = 'widget/article-compare.js';

/** The wasm-bindgen glue's own default wasm, which the widget never fetches:
 * its loader hands the glue the size-optimised module instead. */
const GLUE_DEFAULT = 'pkg/article_compare_bg.wasm';

/** Every file the widget loads, relative to www/: its modules, then what they fetch. */
export function widgetFiles() {
  const { modules, assets } = moduleGraph(WWW, [ENTRY]);
  return [...modules.keys(), ...[...assets].filter((a) => a !== GLUE_DEFAULT)];
}

function table() {
  if (!existsSync(DIST_WIDGET)) {
    console.error('dist/widget/ is missing: run node scripts/build-widget.mjs (./dev serve does)');
    process.exit(1);
  }
  const gzipped = (root) => widgetFiles().reduce((n, path) => n + gzipSync(readFileSync(join(root, path)), { level: 9 }).length, 0);
  const rows = widgetFiles().map((path) => {
    const bytes = readFileSync(join(DIST_WIDGET, path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (pick) => rows.reduce((n, r) => n + pick(r), 0);
  const kb = (n) => (n / 1000).toFixed(1).padStart(7);
  const line = (name, raw, gzip) => `${name.padEnd(40)} ${kb(raw)} ${kb(gzip)}`;
  const wasm = rows.filter((r) => r.path.endsWith('.wasm'));
  const rest = rows.filter((r) => !r.path.endsWith('.wasm'));
  const total = sum((r) => r.gzip);
  console.log(`${'file (dist/widget/…)'.padEnd(40)} ${'KB'.padStart(7)} ${'KB gz'.padStart(7)}`);
  for (const r of rows) console.log(line(r.path, r.raw, r.gzip));
  console.log(line('JS + CSS', rest.reduce((n, r) => n + r.raw, 0), rest.reduce((n, r) => n + r.gzip, 0)));
  console.log(line('wasm', wasm.reduce((n, r) => n + r.raw, 0), wasm.reduce((n, r) => n + r.gzip, 0)));
  console.log(line('total', sum((r) => r.raw), total));
  console.log(`the same files unminified (www/): ${kb(gzipped(WWW)).trim()} KB gzipped`);
  const verdict = total <= BUDGET ? `${kb(BUDGET - total).trim()} KB to spare` : `over by ${kb(total - BUDGET).trim()} KB`;
  console.log(`budget ${BUDGET / 1000} KB gzipped: ${verdict}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) table();

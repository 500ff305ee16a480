// Time per page of the formats module in wasm (node), on Mozilla
// Readability's test pages in the development data (not in this repository):
//
//   node bench/extraction.mjs PATH/TO/shared/data [--runs 5]
//
// Each page's source.html is read by extract() as a dropped file would be;
// a page's time is the median of its runs after a first, untimed one. The
// native counterpart is `cargo bench --bench extraction`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { benchArgs, median } from './inputs.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { path: data, runs } = benchArgs('node bench/extraction.mjs PATH/TO/shared/data [--runs N]');

const pkg = await import(join(ROOT, 'www/pkg/article_compare_formats.js'));
pkg.initSync({ module: readFileSync(join(ROOT, 'www/pkg/article_compare_formats_bg.wasm')) });

const pages = join(data, 'html/readability/test-pages');
const times = [];
let failed = 0;
for (const id of readdirSync(pages).sort()) {
  const bytes = new Uint8Array(readFileSync(join(pages, id, 'source.html')));
  try {
    pkg.extract(bytes, 'source.html');
  } catch {
    failed++;
    continue;
  }
  const page = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    pkg.extract(bytes, 'source.html');
    page.push(performance.now() - start);
  }
  times.push(median(page));
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`wasm in node ${process.version}: ${times.length} pages extracted, ${failed} refused; per page median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms`);

// Writes dist/widget/: the files a page loads for <article-compare>, as a
// site serves them — the modules and style sheets of www/ minified by
// esbuild (one file at a time: imports, file names and folders unchanged,
// so the files still find each other), the wasm as built — with the
// project's licences. A CMS page loads about 15 KB gzipped less than from
// the commented sources. The same inputs give the same bytes.
// Run after scripts/build-wasm.sh.
import { transformSync } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WWW } from './module-graph.mjs';
import { DIST_WIDGET, widgetFiles } from './widget-size.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** `source` (a module or a style sheet) minified; anything else unchanged. */
function minified(path, source) {
  const loader = path.endsWith('.css') ? 'css' : path.endsWith('.js') ? 'js' : null;
  if (!loader) return source;
  // es2022: what the sources are written in (class fields, top-level await);
  // every browser the widget supports runs it.
  return transformSync(source.toString('utf8'), { loader, minify: true, target: 'es2022', charset: 'utf8', legalComments: 'none' }).code;
}

function build() {
  rmSync(DIST_WIDGET, { recursive: true, force: true });
  let files = 0;
  for (const path of widgetFiles()) {
    const out = join(DIST_WIDGET, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, minified(path, readFileSync(join(WWW, path))));
    files += 1;
  }
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(ROOT, licence), join(DIST_WIDGET, licence));
  console.log(`dist/widget: ${files} files (node scripts/widget-size.mjs for their sizes)`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) build();

// Speed benchmark of the wasm build in headless Chromium, on the inputs of
// bench/generate.mjs:
//
//   node bench/generate.mjs /tmp/ac-bench && node bench/browser.mjs /tmp/ac-bench [--runs 5]
//
// Each input is compared in a fresh page (a fresh wasm instance, so that its
// memory size afterwards is the peak of that input) by the app's own module
// in a blank page's main thread: `compare` timed whole, articles in, report
// object out. The first call is reported apart from the warm median, as in
// bench/node.mjs.
import { join } from 'node:path';
import { launch, openApp, wordDocument } from '../tests/browser/harness.mjs';
import { benchArgs, inputNames, readArticles } from './inputs.mjs';

const { path: inputDir, runs } = benchArgs('node bench/browser.mjs INPUT_DIR [--runs N]');

const inputs = inputNames(inputDir);

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const browser = await launch();
const version = browser.context.browser()?.version() ?? 'Chromium';
console.log(`headless ${version}, page main thread, median of at least ${runs} warm runs and 1 s of them\n`);
console.log('| input | bytes | first | warm | wasm memory |');
console.log('|---|---|---|---|---|');
for (const name of inputs) {
  const dir = join(inputDir, name);
  const articles = readArticles(dir);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const page = await browser.context.newPage();
  // The articles come from a route, not through evaluate(), which would
  // serialise megabytes through the protocol.
  await page.route('**/bench-input.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(articles) }));
  await page.route('**/bench.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto(`${browser.url}bench.html`);
  const result = await page.evaluate(async (runs) => {
    const pkg = await import('/www/pkg/article_compare.js');
    const wasm = await pkg.default();
    const articles = await (await fetch('/bench-input.json')).json();
    const time = () => {
      const start = performance.now();
      pkg.compare(articles);
      return performance.now() - start;
    };
    const first = time();
    const warm = [];
    for (let spent = 0; warm.length < runs || (spent < 1000 && warm.length < 500);) {
      warm.push(time());
      spent += warm.at(-1);
    }
    warm.sort((a, b) => a - b);
    return { first, warm: warm[Math.floor(warm.length / 2)], memory: wasm.memory.buffer.byteLength };
  }, runs);
  console.log(`| ${name} | ${bytes.toLocaleString('en')} | ${fmt(result.first)} | ${fmt(result.warm)} | ${(result.memory / 2 ** 20).toFixed(0)} MB |`);
  await page.close();
}

// The app itself: how soon the first result of two pasted 5 KB articles
// shows once the typing pause is over, and how long the main thread is held
// while the 1 MB and 10 MB pairs are read, compared and then shown; and the
// same for a long web page and a long Word document, which the format
// readers read.
console.log('\nthe app (www/index.html), files dropped: from the end of the typing pause (phase "comparing") to the first screen of the report painted, and to every column built; the longest main-thread task from the drop\n');
console.log('| input | first screen | every column built | longest main-thread task while reading and comparing | longest task showing the report |');
console.log('|---|---|---|---|---|');

/** The first `bytes` of `text`'s paragraphs. */
const paragraphs = (text, bytes) => {
  const kept = [];
  for (let n = 0, i = 0, all = text.split('\n').filter((p) => p.trim()); i < all.length && n < bytes; n += all[i].length, i++) kept.push(all[i]);
  return kept;
};
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cases = ['set-5', 'pair-1m', 'pair-10m'].filter((n) => inputs.includes(n)).map((name) => ({
  name,
  files: readArticles(join(inputDir, name)).slice(0, 2).map((a) => ({ name: a.name, type: 'text/plain', text: a.text })),
}));
// A saved web page of 4 MB and a Word document of 8 MB of text, made from the 10 MB pair.
if (inputs.includes('pair-10m')) {
  const [a, b] = readArticles(join(inputDir, 'pair-10m'));
  const html = `<!doctype html><html><head><title>${escape(a.name)}</title></head><body><article>${paragraphs(a.text, 4e6).map((p) => `<p>${escape(p)}</p>`).join('')}</article></body></html>`;
  const body = paragraphs(b.text, 8e6).map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  cases.push({
    name: 'web page and Word document',
    files: [
      { name: 'page.html', type: 'text/html', base64: Buffer.from(html).toString('base64') },
      { name: 'document.docx', type: '', base64: wordDocument(body).toString('base64') },
    ],
  });
}
for (const { name, files } of cases) {
  const bytes = files.reduce((n, f) => n + (f.base64 ? Buffer.from(f.base64, 'base64').length : Buffer.byteLength(f.text)), 0);
  // Empty storage: an earlier input's articles would be compared too.
  const { page } = await openApp(browser, {
    setup: (p) => p.route('**/bench-input.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(files) })),
  });
  await page.waitForTimeout(1000); // as a reader takes a moment to paste
  const measured = await page.evaluate(async () => {
    const files = await (await fetch('/bench-input.json')).json();
    // Made before the clock starts: the reader's files are on disk.
    const transfer = new DataTransfer();
    for (const f of files) {
      const content = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text;
      transfer.items.add(new File([content], f.name, { type: f.type }));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const dropped = performance.now();
    const app = document.querySelector('#app');
    const tasks = [];
    new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask' });
    // The phase turns "done" in the task that starts showing the report (its
    // observer runs as that task ends); rendering may go on for a few more.
    let from = 0;
    let done = 0;
    let first = 0;
    let to = 0;
    const shown = new Promise((resolve) => {
      new MutationObserver(() => {
        const now = performance.now();
        if (app.dataset.phase === 'comparing' && !from) from = now;
        if (app.dataset.phase === 'done' && from && !done) done = now;
        // The columns' first chunks are in: the next frame paints them.
        if (done && !first && app.querySelector('.ac-columns-host .ac-seg')) {
          first = -1;
          requestAnimationFrame(() => (first = performance.now()));
        }
        if (done && !app.dataset.rendering && !to) {
          to = now;
          resolve();
        }
      }).observe(app, { attributes: true, attributeFilter: ['data-phase', 'data-rendering'] });
    });
    // As dropped files: long texts are not typed into boxes.
    const zone = document.querySelector('.ac-dropzone');
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await shown;
    await new Promise((resolve) => setTimeout(resolve, 100)); // a long task is reported after it ends
    const longest = (keep) => Math.max(0, ...tasks.filter(keep).map((t) => t.duration));
    const showing = (t) => t.startTime + t.duration >= done - 2 && t.startTime <= to;
    return {
      first: first - from,
      total: to - from,
      comparing: longest((t) => t.startTime >= dropped && !showing(t) && t.startTime < done),
      showing: longest(showing),
    };
  });
  console.log(`| ${name} (${files.length} files, ${bytes.toLocaleString('en')} bytes) | ${fmt(measured.first)} | ${fmt(measured.total)} | ${measured.comparing.toFixed(0)} ms | ${measured.showing.toFixed(0)} ms |`);
  await page.close();
}
await browser.close();

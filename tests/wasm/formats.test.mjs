// The format readers' wasm module (scripts/build-formats-wasm.sh) in node:
// the same fixtures as the native tests give the same text, and refusals
// arrive as ArticleCompareError objects with a kind and the file's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = process.env.ARTICLE_COMPARE_FORMATS_PKG ?? `${root}www/pkg`;
const fixture = (name) => `${root}tests/fixtures/formats/${name}`;

let api;
async function load() {
  // A missing module fails the test (./dev test builds it): a skip would pass unseen.
  assert.ok(existsSync(`${pkg}/article_compare_formats.js`), `the formats module is not built in ${pkg}: run scripts/build-formats-wasm.sh`);
  if (!api) {
    api = await import(pathToFileURL(`${pkg}/article_compare_formats.js`).href);
    api.initSync({ module: readFileSync(`${pkg}/article_compare_formats_bg.wasm`) });
  }
  return api;
}

test('web pages, Markdown and legacy encodings give the same text as the command line', async () => {
  const { extract } = await load();
  const cli = `${root}target/release/article-compare`;
  assert.ok(existsSync(cli), `the command line is not built: cargo build --release`);
  for (const name of ['harbour-fire.html', 'rail-strike.html', 'harbour-fire.md', 'residents-utf16le.txt', 'cafe-windows-1252.txt']) {
    const { text, source } = extract(new Uint8Array(readFileSync(fixture(name))), name);
    const native = execFileSync(cli, ['extract', fixture(name)], { encoding: 'utf8' });
    assert.equal(text.endsWith('\n') ? text : text + '\n', native, name);
    assert.equal(typeof source.format, 'string');
    assert.equal(typeof source.dropped.blocks, 'number');
  }
  const page = extract(new Uint8Array(readFileSync(fixture('harbour-fire.html'))), 'harbour-fire.html');
  assert.deepEqual(
    [page.source.format, page.source.encoding, page.source.extraction, page.source.byline],
    ['html', 'utf-8', 'readability', 'Annelies Brouwer, Thomas Keane'],
  );
});

test('refusals are ArticleCompareErrors that name the file', async () => {
  const { extract, maxInputBytes } = await load();
  const cases = [
    ['report.pdf', 'unsupported_format', 'report.pdf: is a PDF'],
    ['photo.png', 'unsupported_format', 'photo.png: is an image (PNG)'],
    ['empty.txt', 'empty_file', 'empty.txt: is empty'],
  ];
  for (const [name, kind, start] of cases) {
    assert.throws(
      () => extract(new Uint8Array(readFileSync(fixture(name))), name),
      (e) => e instanceof Error && e.name === 'ArticleCompareError' && e.kind === kind && e.message.startsWith(start),
    );
  }
  assert.throws(() => extract('not bytes', 'a.txt'), (e) => e.kind === 'invalid_input' && e.field === 'bytes');
  assert.throws(() => extract(new Uint8Array(maxInputBytes() + 1), 'huge.txt'), (e) => e.kind === 'too_large');
  assert.equal(extract(new TextEncoder().encode('<p>Pasted paragraph one.</p><p>Two.</p>'), '').text, 'Pasted paragraph one.\nTwo.');
});

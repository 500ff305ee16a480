// Runs the wasm API's behavioural suite in node, and checks that the wasm
// build and the native command line give the same report, field for field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initSync, compare, countWords, loadEmbeddings, segment, semanticModel, version, wordDiff } from '../../www/pkg/article_compare.js';
import { cases } from './suite.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
initSync({ module: readFileSync(`${root}www/pkg/article_compare_bg.wasm`) });
const api = { compare, countWords, segment, version, wordDiff };

for (const [name, run] of Object.entries(cases)) {
  test(name, () => run(api));
}

// After the suite: from here on, the semantic sketch is loaded.
test('the semantic sketch loads once, and bytes that are not one are refused', () => {
  assert.equal(semanticModel(), null);
  assert.throws(() => loadEmbeddings(new Uint8Array([80, 75, 3, 4])), (e) => e instanceof Error && e.name === 'ArticleCompareError' && e.kind === 'unsupported_format' && e.field === 'embeddings');
  assert.equal(semanticModel(), null);
  const articles = [
    { name: 'A', text: 'The company refused to hand over the medicine to the boy.' },
    { name: 'B', text: 'The firm declined to supply the drug to the boy.' },
  ];
  assert.equal(compare(articles).semantic_model, null);
  loadEmbeddings(readFileSync(`${root}www/pkg/minilm-signs.bin`));
  loadEmbeddings(readFileSync(`${root}www/pkg/minilm-signs.bin`));
  assert.equal(semanticModel(), 'minilm-signs-128/1');
  assert.equal(compare(articles).semantic_model, 'minilm-signs-128/1');
});

const cli = `${root}target/release/article-compare`;

/** The command line's report of `files` (with `flags`), as the API gives it. */
function nativeReport(files, flags = []) {
  const native = JSON.parse(execFileSync(cli, ['compare', ...files, '--json', ...flags], { maxBuffer: 1 << 26 }));
  // The command line records how it read each file; the API was given text.
  for (const doc of native.documents) delete doc.source;
  return native;
}

/** Asserts the same report, field for field and in the same order. */
function assertSameReport(report, native, label) {
  assert.deepEqual(report, native, label);
  assert.equal(JSON.stringify(report), JSON.stringify(native), `${label}: fields in serde's order`);
}

test('wasm and the native command line agree on every fixture set', () => {
  const sets = `${root}tests/fixtures/articles`;
  for (const set of readdirSync(sets).filter((f) => !f.includes('.'))) {
    const files = readdirSync(`${sets}/${set}`).filter((f) => f.endsWith('.txt')).map((f) => `${sets}/${set}/${f}`);
    const articles = files.map((f) => ({ name: f.split('/').pop(), text: readFileSync(f, 'utf8') }));
    assertSameReport(compare(articles), nativeReport(files), set);
    assertSameReport(compare(articles, { word_diffs: false }), nativeReport(files, ['--no-diffs']), `${set}, no diffs`);
  }
});

test('wasm and the native command line agree on text beyond the basic plane and on a lone surrogate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article-compare-'));
  // The API is given a lone surrogate, which a file cannot hold: the wasm
  // reads it as U+FFFD, as the file gives it.
  const texts = [
    'Der Hafen 🚢 brannte am Sonntag. 14 Arbeiter wurden verletzt, sagte die Feuerwehr \uDFFF.\nMehr 𝔑achrichten.',
    'Der Hafen 🚢 brannte am Sonntag. 17 Arbeiter wurden verletzt, sagte die Feuerwehr \uFFFD.\nMehr 𝔑achrichten folgen.',
  ];
  const files = texts.map((text, i) => {
    const file = join(dir, `${i}.txt`);
    writeFileSync(file, text.replace('\uDFFF', '\uFFFD'));
    return file;
  });
  const articles = texts.map((text, i) => ({ name: `${i}.txt`, text }));
  const report = compare(articles);
  assert.ok(report.matches.length > 0);
  assertSameReport(report, nativeReport(files), 'astral and lone surrogate');
  rmSync(dir, { recursive: true });
});

// Runs the wasm API's behavioural suite in node, and checks that the wasm
// build and the native command line give the same report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

test('wasm and the native command line agree on a real set', () => {
  const files = ['wire.txt', 'rewrite.txt', 'independent.txt', 'portal.txt'].map(
    (f) => `${root}tests/fixtures/articles/harbour-fire/${f}`,
  );
  const cli = `${root}target/release/article-compare`;
  const native = JSON.parse(execFileSync(cli, ['compare', ...files, '--json'], { maxBuffer: 1 << 26 }));
  const articles = files.map((f) => ({ name: f.split('/').pop(), text: readFileSync(f, 'utf8') }));
  // The command line records how it read each file; the API was given text.
  for (const doc of native.documents) delete doc.source;
  assert.deepEqual(compare(articles), native);
});

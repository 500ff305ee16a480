// The app's view model (www/model/report.js) read from a real report: built
// in one go or a slice at a time, it says the same of every segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, compare } from '../../www/pkg/article_compare.js';
import { buildModel, buildModelInSlices, segmentStatus } from '../../www/model/report.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
initSync({ module: readFileSync(`${root}www/pkg/article_compare_bg.wasm`) });

/** Three articles of a few thousand sentences each, sharing many, a few with other figures. */
function articles() {
  const fixture = ['wire.txt', 'rewrite.txt', 'independent.txt'].map((f) =>
    readFileSync(`${root}tests/fixtures/articles/harbour-fire/${f}`, 'utf8'));
  // Each copy numbered, so that copies are told apart.
  return fixture.map((text, i) => ({
    name: `article ${i}`,
    text: Array.from({ length: 50 }, (_, copy) => text.replace(/\d+/g, (n) => String(Number(n) + copy * 1000))).join('\n\n'),
  }));
}

test('the model built a slice at a time equals the one built at once', async () => {
  const input = articles();
  const report = compare(input);
  const texts = input.map((a) => a.text);
  const segments = report.documents.reduce((n, d) => n + d.segments.length, 0);
  assert.ok(segments > 4000, `${segments} segments: enough for the builder to pause`);
  const whole = buildModel(report, texts);
  const sliced = await buildModelInSlices(report, texts, { budgetMs: 0 });

  for (const key of ['discrepancies', 'uniquePassages', 'totals']) assert.deepEqual(sliced[key], whole[key], key);
  for (const [doc, d] of report.documents.entries()) {
    for (const filter of ['unique', 'shared', 'discrepancies']) assert.equal(sliced.has(doc, filter), whole.has(doc, filter));
    for (let segment = 0; segment < d.segments.length; segment++) {
      const ref = { doc, segment };
      for (const read of ['status', 'matchesOf', 'hasDiscrepancy', 'discrepancyRanges', 'isMoved', 'counterparts']) {
        assert.deepEqual(sliced[read](ref), whole[read](ref), `${read} of ${doc}:${segment}`);
      }
    }
  }
  assert.ok(whole.totals.discrepancies > 0 && whole.totals.moved >= 0 && whole.totals.unique > 0);
});

test("the model's statuses and filters agree with the report", () => {
  const report = compare(articles());
  const model = buildModel(report);
  for (const [doc, d] of report.documents.entries()) {
    const statuses = d.segments.map((s) => segmentStatus(s));
    d.segments.forEach((_, segment) => assert.equal(model.status({ doc, segment }), statuses[segment]));
    assert.equal(model.has(doc, 'unique'), statuses.includes('unique'));
    assert.equal(model.has(doc, 'shared'), statuses.includes('shared'));
    const discrepant = report.matches.some((m) => m.discrepancies.length && (m.a.doc === doc || m.b.doc === doc));
    assert.equal(model.has(doc, 'discrepancies'), discrepant);
  }
  // Every shared segment lists its matches; a discrepancy's ranges are marked on both sides.
  for (const m of report.matches) {
    for (const side of [m.a, m.b]) assert.ok(model.matchesOf(side).includes(m));
    if (m.discrepancies.length) assert.ok(model.hasDiscrepancy(m.a) && model.hasDiscrepancy(m.b));
  }
});

// The wasm API's behavioural suite, in a real browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './harness.mjs';

test('the wasm suite passes in headless Chromium', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${browser.url}tests/browser/wasm-suite.html`);
    const results = await page.waitForFunction(() => window.results, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    // Every case of the suite ran (the suite lists its cases as it registers them).
    const expected = await page.evaluate(() => window.caseNames);
    assert.ok(expected.length > 0, 'the suite registered its cases');
    assert.deepEqual(results.map((r) => r.name), expected, 'all cases ran, in order');
    assert.deepEqual(results.filter((r) => !r.ok), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// Accessibility of the app and the widget, checked by axe-core (the engine
// of the common accessibility checkers): no violation of serious or critical
// impact, in every state a reader sees — the app empty, side by side with a
// report, the summary, and the widget on a host page, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, waitForReport, ROOT, watchErrors } from './harness.mjs';

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The serious and critical violations axe finds in `include` (the whole page by default), one line each. */
async function serious(page, include) {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (include) => window.axe.run(include ? { include } : document, { resultTypes: ['violations'] }),
    include,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}`);
}

test('the app has no serious or critical violation, empty, side by side and in the summary, light and dark', async () => {
  for (const dark of [false, true]) {
    const { page, errors } = await openApp(browser, { dark });
    assert.deepEqual(await serious(page), [], `empty page${dark ? ', dark' : ''}`);
    await page.locator('.ac-example-button:visible').first().click();
    await waitForReport(page);
    assert.deepEqual(await serious(page), [], `side by side${dark ? ', dark' : ''}`);
    await page.locator('#tab-summary').click();
    await page.waitForSelector('#panel-summary:not([hidden])');
    assert.deepEqual(await serious(page), [], `summary${dark ? ', dark' : ''}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the widget has no serious or critical violation on a host page, light and dark', async () => {
  for (const dark of [false, true]) {
    const page = await browser.context.newPage();
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    const errors = watchErrors(page);
    await page.goto(`${browser.url}tests/browser/widget/host.html`);
    await page.locator('#children').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#children')?.report, null, { timeout: 30_000 });
    // The widget only: the host page's hostile theme is not the widget's to answer for.
    assert.deepEqual(await serious(page, [['#children']]), [], dark ? 'dark' : 'light');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

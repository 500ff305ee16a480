// The <article-compare> widget (www/widget/; minified, dist/widget/) on host
// pages in headless Chromium, and the single-file build
// (dist/article-compare.html) opened from file://. The host pages under
// tests/browser/widget/ are served with the strict CSP of a careful CMS;
// host.html adds hostile CSS. Screenshots go to $AC_SCREENS (default
// /tmp/ac-screens), outside the repository.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertExportedReport, dropFiles, launch, ROOT, waitForReport, watchErrors } from './harness.mjs';
import { DIST_WIDGET, widgetFiles } from '../../scripts/widget-size.mjs';

const SCREENS = process.env.AC_SCREENS ?? '/tmp/ac-screens';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
const HOST = 'tests/browser/widget/host.html';
const WASM = '/www/pkg/article_compare_small_bg.wasm';

// The texts host.html gives its first widget, as the widget must read them:
// markup one paragraph per block, a <template> as written less its indentation.
const WIRE = 'Fire hits Rotterdam port\n\nAt least 14 workers were injured in the fire, officials said. The terminal will stay closed until Wednesday.\n\nThe cause of the blaze is not yet known.\nAdvertisement';
const DAILY = 'Fire hits Rotterdam port\n\nThe terminal will stay closed until Wednesday. At least 17 workers were injured in the fire, officials said on Sunday.\n\nThe union blamed battery storage.';

let browser;
before(async () => {
  browser = await launch({
    headers: (path) => (path.startsWith('/tests/browser/widget/') && path.endsWith('.html') ? { 'content-security-policy': CSP } : {}),
  });
  await mkdir(SCREENS, { recursive: true });
});
after(() => browser?.close());

/** Opens a host page: {page, errors, warnings, requests (paths with query)}. */
async function open(path, { width = 1280, height = 900, dark = false, setup } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  const errors = watchErrors(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const requests = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    requests.push(url.pathname + url.search);
  });
  await setup?.(page);
  await page.goto(browser.url + path);
  return { page, errors, warnings, requests };
}

/** The events host.js recorded: [{type, id, detail}] of `type` (ready | compared | select | error), from widget `id`. */
function events(page, type, id) {
  return page.evaluate(([t, i]) => window.widgetEvents.filter((e) => e.type === `article-compare:${t}` && (!i || e.id === i)), [type, id]);
}

async function waitForEvents(page, type, id, count = 1) {
  await page.waitForFunction(([t, i, n]) => window.widgetEvents.filter((e) => e.type === `article-compare:${t}` && e.id === i).length >= n,
    [type, id, count], { timeout: 30_000 });
  return (await events(page, type, id)).at(-1).detail;
}

/** Both widgets of host.html compared (the second starts when scrolled near). */
async function openHost(options) {
  const opened = await open(HOST, options);
  await opened.page.locator('#children').scrollIntoViewIfNeeded();
  await waitForEvents(opened.page, 'compared', 'children');
  await opened.page.locator('#urls').scrollIntoViewIfNeeded();
  await waitForEvents(opened.page, 'compared', 'urls');
  return opened;
}

/** What the command line reports for `articles` ([{name, text}], names usable as file names), matching on words alone as the widget does. */
async function cliReport(articles, strictness) {
  const dir = await mkdtemp(join(tmpdir(), 'ac-widget-cli-'));
  try {
    const paths = [];
    for (const a of articles) {
      paths.push(join(dir, a.name));
      await writeFile(paths.at(-1), a.text);
    }
    const out = execFileSync(join(ROOT, 'target/release/article-compare'), ['compare', ...paths, '--json', '--words-only', '--strictness', String(strictness)], { maxBuffer: 1 << 28 });
    const report = JSON.parse(out);
    // The command line says how it read each file; the API was given text.
    for (const d of report.documents) delete d.source;
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every segment element in a widget's shadow root against its report: [problems]. */
function checkWidget(page, id) {
  return page.evaluate((i) => {
    const el = document.getElementById(i);
    const { report } = el;
    const problems = [];
    const root = el.shadowRoot;
    const shown = [...root.querySelectorAll('.ac-column')].map((c) => Number(c.dataset.doc));
    const elements = root.querySelectorAll('.ac-column .ac-seg[data-doc][data-segment]');
    const expected = shown.reduce((n, d) => n + report.documents[d].segments.length, 0);
    if (!shown.length) problems.push('no columns');
    if (elements.length !== expected) problems.push(`${elements.length} segment elements, ${expected} segments`);
    for (const seg of elements) {
      const s = report.documents[Number(seg.dataset.doc)].segments[Number(seg.dataset.segment)];
      if (seg.textContent !== s.text) problems.push(`text of ${seg.dataset.doc}:${seg.dataset.segment}`);
      if (seg.dataset.group !== (s.group === null ? '' : String(s.group))) problems.push(`group of ${seg.dataset.doc}:${seg.dataset.segment}`);
    }
    const titles = [...root.querySelectorAll('.ac-column-title')].map((t) => t.textContent);
    if (titles.join('|') !== shown.map((d) => report.documents[d].name).join('|')) problems.push(`titles ${titles}`);
    return problems;
  }, id);
}

/**
 * Serves the minified widget (dist/widget/, scripts/build-widget.mjs) at the
 * paths of its sources, so that the same page and the same checks try it.
 */
async function serveMinified(page) {
  const files = new Set(widgetFiles());
  const minified = (url) => url.pathname.startsWith('/www/') && files.has(url.pathname.slice('/www/'.length));
  await page.route(minified, (route) => {
    const path = new URL(route.request().url()).pathname.slice('/www/'.length);
    servedMinified.add(path);
    return route.fulfill({ path: join(DIST_WIDGET, path) });
  });
}
const servedMinified = new Set();

for (const [shape, setup] of [['sources', undefined], ['minified', serveMinified]]) {
  test(`two widgets on a hostile page under a strict CSP (${shape}): both render, the wasm loads once, the reports are the CLI's`, async () => {
    const { page, errors, requests } = await openHost({ setup });
    const children = (await events(page, 'compared', 'children'))[0].detail;
    const urls = (await events(page, 'compared', 'urls'))[0].detail;
    assert.deepEqual(children.articles, [{ name: 'Wire', text: WIRE }, { name: 'Daily', text: DAILY }]);
    assert.deepEqual(urls.articles.map((a) => a.name), ['wire.txt', 'rewrite.txt', 'independent.txt']);
    for (const [id, detail] of [['children', children], ['urls', urls]]) {
      assert.deepEqual(detail.report, await cliReport(detail.articles, 0.5), `${id}: the report is the command line's`);
      assert.deepEqual(await page.evaluate((i) => document.getElementById(i).report, id), detail.report);
      assert.deepEqual(await checkWidget(page, id), [], id);
    }
    // The focus view of the second: rewrite.txt beside the article it shares most with.
    assert.deepEqual(await page.evaluate(() => [...document.querySelector('#urls').shadowRoot.querySelectorAll('.ac-column-title')].map((t) => t.textContent)),
      ['rewrite.txt', 'wire.txt']);
    assert.equal((await events(page, 'ready')).length, 2);
    assert.ok((await events(page, 'ready'))[0].detail.version);

    // The page's CSS reaches neither the widgets' layout nor their type.
    const looks = await page.evaluate(() => [...document.querySelectorAll('article-compare')].map((el) => {
      const base = el.shadowRoot.querySelector('.ac-widget');
      const column = el.shadowRoot.querySelector('.ac-column');
      const seg = el.shadowRoot.querySelector('.ac-seg');
      const style = getComputedStyle(seg);
      return {
        width: base.getBoundingClientRect().width,
        height: base.getBoundingClientRect().height,
        column: column.getBoundingClientRect().width,
        visible: seg.checkVisibility(),
        size: parseFloat(style.fontSize),
        transform: style.textTransform,
        spacing: style.letterSpacing,
        colour: style.color,
      };
    }));
    for (const l of looks) {
      assert.ok(l.width > 900 && l.height > 500 && l.height < 800, JSON.stringify(l));
      assert.ok(l.column > 250 && l.visible, JSON.stringify(l));
      assert.ok(l.size >= 14 && l.size <= 19, `segment text ${l.size}px under 40px page type`);
      assert.deepEqual([l.transform, l.spacing], ['none', 'normal']);
      assert.notEqual(l.colour, 'rgb(255, 0, 0)');
    }

    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.equal(requests.filter((r) => r.startsWith(WASM)).length, 1, 'the wasm is fetched once for both widgets');
    // What the page loads for the widgets is what scripts/widget-size.mjs measures.
    const loaded = new Set(requests.filter((r) => r.startsWith('/www/') && r !== '/www/favicon.svg').map((r) => r.slice('/www/'.length)));
    assert.deepEqual([...loaded].sort(), widgetFiles().sort());
    if (setup) assert.deepEqual([...servedMinified].sort(), widgetFiles().sort(), 'every file came from dist/widget/');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('attribute and property changes re-render; invalid values are reported and ignored', async () => {
  const { page, errors, warnings } = await openHost();
  const el = (fn, arg) => page.locator('#children').evaluate(fn, arg);
  const compared = async () => (await events(page, 'compared', 'children')).length;

  await el((e) => e.setAttribute('strictness', 'strict'));
  let detail = await waitForEvents(page, 'compared', 'children', 2);
  assert.equal(detail.report.options.strictness, 0.8);
  assert.deepEqual(detail.report, await cliReport(detail.articles, 0.8));
  assert.equal(await el((e) => e.strictness), 0.8);

  await el((e) => e.setAttribute('strictness', 'very'));
  await el((e) => (e.strictness = 7));
  await el((e) => (e.view = 'grid'));
  await el((e) => e.setAttribute('hide-boilerplate', 'false'));
  await el((e) => (e.articles = [{ name: 'A', text: 5 }]));
  await page.waitForTimeout(300);
  assert.equal(await compared(), 2, 'nothing invalid starts a comparison');
  assert.deepEqual(await el((e) => [e.strictness, e.getAttribute('strictness'), e.view, e.hideBoilerplate]), [0.8, 'very', 'columns', false]);
  for (const expected of ['ignoring strictness="very"', 'ignoring strictness = 7', 'ignoring view = "grid"', 'ignoring hide-boilerplate="false"', 'articles[0] must be']) {
    assert.ok(warnings.some((w) => w.includes(expected)), `warned: ${expected}\n${warnings.join('\n')}`);
  }

  // The focus view re-renders from the same report.
  await el((e) => {
    e.view = 'focus';
    e.focusArticle = 'Daily';
  });
  const columns = () => el((e) => [...e.shadowRoot.querySelectorAll('.ac-column')].map((c) => c.dataset.doc));
  assert.deepEqual(await columns(), ['1', '0']);
  assert.equal(await el((e) => e.shadowRoot.querySelector('.ac-w-nav').hidden), false);
  await el((e) => e.removeAttribute('view'));
  assert.deepEqual(await columns(), ['0', '1']);

  await el((e) => (e.hideBoilerplate = false));
  assert.equal(await el((e) => e.shadowRoot.querySelector('.ac-columns').classList.contains('ac-hide-chrome')), false);
  await el((e) => (e.hideBoilerplate = true));
  assert.deepEqual(await el((e) => [e.getAttribute('hide-boilerplate'), e.shadowRoot.querySelector('.ac-columns').classList.contains('ac-hide-chrome')]), ['', true]);

  const background = () => el((e) => getComputedStyle(e.shadowRoot.querySelector('.ac-widget')).backgroundColor);
  const light = await background();
  await el((e) => (e.theme = 'dark'));
  await page.waitForFunction((before) => getComputedStyle(document.querySelector('#children').shadowRoot.querySelector('.ac-widget')).backgroundColor !== before, light);
  assert.equal(await background(), 'rgb(18, 20, 23)');
  await el((e) => (e.theme = 'auto'));

  assert.equal(await compared(), 2, 'showing differently is not comparing again');
  const three = [{ name: 'One', text: WIRE }, { name: 'Two', text: DAILY }, { name: 'Three', text: 'Fire hits Rotterdam port\n\nInvestigators arrived on Monday.' }];
  await el((e, a) => (e.articles = a), three);
  detail = await waitForEvents(page, 'compared', 'children', 3);
  assert.deepEqual(detail.articles, three);
  assert.deepEqual(detail.report, await cliReport(three, 0.8));
  assert.deepEqual(await checkWidget(page, 'children'), []);

  // Back to the children, which the widget follows as they change.
  await el((e) => (e.articles = null));
  await waitForEvents(page, 'compared', 'children', 4);
  await el((e) => e.querySelector('article p').append(' Rescuers searched all night.'));
  detail = await waitForEvents(page, 'compared', 'children', 5);
  assert.match(detail.articles[0].text, /Wednesday\. Rescuers searched all night\.\n/);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('select, Escape and error events; a failed load leaves the articles readable', async () => {
  const { page, errors } = await openHost();
  const seg = page.locator('#children .ac-seg[data-discrepancy][data-doc="0"]');
  await seg.click();
  const selected = await waitForEvents(page, 'select', 'children');
  assert.equal(selected.article, 'Wire');
  assert.equal(selected.status, 'shared');
  assert.match(selected.text, /14 workers/);
  assert.deepEqual(selected.counterparts.map((c) => [c.article, c.kind]), [['Daily', 'edited']]);
  assert.match(selected.counterparts[0].text, /17 workers/);
  assert.deepEqual(await page.locator('#children .ac-w-inspector .ac-diff del').allTextContents(), ['14']);
  assert.match(await page.locator('#children .ac-insp-hint').textContent(), /Pinned/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !/Pinned/.test(document.querySelector('#children').shadowRoot.querySelector('.ac-w-details').textContent));

  // A text that cannot be fetched: a message in the widget and an error event.
  await page.evaluate(() => {
    const el = document.createElement('article-compare');
    el.id = 'broken';
    el.setAttribute('src', '/tests/browser/widget/missing.txt /tests/fixtures/articles/harbour-fire/wire.txt');
    document.body.prepend(el);
    el.compare().catch(() => {});
  });
  let failure = await waitForEvents(page, 'error', 'broken');
  assert.equal(failure.kind, 'fetch');
  assert.match(failure.url, /missing\.txt$/);
  assert.match(await page.locator('#broken .ac-w-message').textContent(), /missing\.txt could not be loaded \(HTTP 404\)/);
  await page.evaluate(() => (document.querySelector('#broken').articles = [{ name: 'Alone', text: 'Only one.' }]));
  await page.waitForFunction(() => window.widgetEvents.some((e) => e.id === 'broken' && e.detail.kind === 'too_few_documents'));
  assert.match(await page.locator('#broken .ac-w-message').textContent(), /Only one article/);
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await page.close();

  // The engine cannot load: the message says so and the articles show as the page wrote them.
  const offline = await open(HOST, { setup: (p) => p.route(`**${WASM}`, (route) => route.fulfill({ status: 404, body: 'gone' })) });
  failure = await waitForEvents(offline.page, 'error', 'children');
  assert.equal(failure.kind, 'engine');
  assert.match(await offline.page.locator('#children .ac-w-message').textContent(), /comparison engine could not be loaded/);
  assert.ok(await offline.page.locator('#children article h2').isVisible(), 'the light-DOM articles are shown');
  await offline.page.locator('#children').screenshot({ path: `${SCREENS}/widget-engine-failed.png` });
  await offline.page.close();
});

test('a trap in the engine: the widget says so, and the next comparison gets a fresh engine', async () => {
  // No input is known to trap the engine; a glue module whose first compare()
  // throws a WebAssembly.RuntimeError, as a trapping wasm call does, stands in.
  // Fresh engines import the glue with a query, which reaches the real one.
  const trapping = `import init, * as real from '/www/pkg/article_compare.js?real';
    let trapped = false;
    export default init;
    export const { initSync, version, segment, countWords } = real;
    export function compare(...args) {
      if (!trapped) {
        trapped = true;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      return real.compare(...args);
    }`;
  const { page, errors, requests } = await open(HOST, {
    setup: (p) => p.route((url) => url.pathname === '/www/pkg/article_compare.js' && !url.search,
      (route) => route.fulfill({ contentType: 'text/javascript', body: trapping })),
  });
  const failure = await waitForEvents(page, 'error', 'children');
  assert.equal(failure.kind, 'internal');
  assert.match(await page.locator('#children .ac-w-message').textContent(), /stopped unexpectedly \(unreachable\) and has been restarted/);
  await page.evaluate(() => document.querySelector('#children').compare());
  await waitForEvents(page, 'compared', 'children');
  assert.deepEqual(await checkWidget(page, 'children'), []);
  assert.ok(requests.includes('/www/pkg/article_compare.js?instance=1'), 'a fresh copy of the glue, for a fresh instance');
  assert.equal(requests.filter((r) => r === WASM).length, 1, 'the compiled wasm is reused');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the wasm loads once the widget comes near, from the URL of the meta tag; init() and define() are safe twice', async () => {
  const { page, errors, requests } = await open('tests/browser/widget/lazy.html');
  await page.waitForTimeout(800);
  assert.deepEqual(requests.filter((r) => r.includes('.wasm')), [], 'nothing loads while the widget is far away');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await waitForEvents(page, 'compared', 'far');
  assert.deepEqual(requests.filter((r) => r.includes('.wasm')), [`${WASM}?from=meta`]);
  const checks = await page.evaluate(async () => {
    const api = await import('/www/widget/article-compare.js');
    const [a, b] = await Promise.all([api.init(), api.init()]);
    const defined = api.define();
    const other = api.define('news-compare');
    return [a === b, defined === customElements.get('article-compare'), document.createElement('news-compare') instanceof api.ArticleCompareElement, other !== defined];
  });
  assert.deepEqual(checks, [true, true, true, true]);
  assert.equal(requests.filter((r) => r.includes('.wasm')).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots: light, dark, phone width, inside the hostile page', async () => {
  const shots = [
    ['widget-light', {}],
    ['widget-dark', { dark: true }],
    ['widget-phone', { width: 390, height: 844 }],
    ['widget-phone-dark', { width: 390, height: 844, dark: true }],
  ];
  for (const [name, options] of shots) {
    const { page, errors } = await openHost(options);
    await page.locator('#children .ac-seg[data-discrepancy][data-doc="0"]').click();
    await page.waitForTimeout(400);
    await page.locator('#children').screenshot({ path: `${SCREENS}/${name}.png` });
    await page.locator('#urls').scrollIntoViewIfNeeded();
    await page.locator('#urls').screenshot({ path: `${SCREENS}/${name}-focus.png` });
    if (name === 'widget-light') await page.screenshot({ path: `${SCREENS}/widget-hostile-page.png` });
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('custom-elements.json describes the element as it is', async () => {
  const manifest = JSON.parse(await readFile(join(ROOT, 'www/widget/custom-elements.json'), 'utf8'));
  const declaration = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'article-compare');
  const { page } = await openHost();
  const actual = await page.evaluate(() => {
    const el = document.querySelector('#children');
    const Class = customElements.get('article-compare');
    return {
      attributes: Class.observedAttributes,
      properties: ['articles', 'report', 'strictness', 'view', 'focusArticle', 'hideBoilerplate', 'theme', 'src'].filter((p) => p in el),
      focusMethod: typeof el.focus,
      parts: [...new Set([...el.shadowRoot.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part').split(' ')))],
    };
  });
  assert.deepEqual(declaration.attributes.map((a) => a.name).sort(), [...actual.attributes].sort());
  assert.equal(actual.focusMethod, 'function', 'focus() is still the element\'s method');
  assert.deepEqual(declaration.members.filter((m) => m.kind === 'field').map((m) => m.name).sort(), actual.properties.sort());
  // The events the element's source dispatches, each through #fire('name', …).
  const source = await readFile(join(ROOT, 'www/widget/article-compare-element.js'), 'utf8');
  const fired = [...new Set([...source.matchAll(/#fire\('([a-z-]+)'/g)].map((m) => `article-compare:${m[1]}`))];
  assert.ok(fired.length > 0, 'the element dispatches events through #fire');
  assert.deepEqual(declaration.events.map((e) => e.name).sort(), fired.sort());
  assert.deepEqual(declaration.cssParts.map((p) => p.name).sort(), actual.parts.sort());
  const css = (await readFile(join(ROOT, 'www/styles/render.css'), 'utf8')) + (await readFile(join(ROOT, 'www/widget/widget.css'), 'utf8'));
  for (const p of declaration.cssProperties) assert.ok(css.includes(`${p.name}:`), `${p.name} is declared`);
  await page.close();
});

test('the single-file build works from file:// with no network: two dropped files are compared and exported', async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-single-file.mjs')], { stdio: 'pipe' });
  const file = join(ROOT, 'dist/article-compare.html');
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = watchErrors(page);
  const schemes = new Set();
  page.on('request', (r) => schemes.add(new URL(r.url()).protocol));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#app[data-ready="true"]');
  // Its own two inline scripts are allowed by their hashes, no other inline script is.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  await dropFiles(page, [{ name: 'wire.txt', type: 'text/plain', text: WIRE }, { name: 'daily.txt', type: 'text/plain', text: DAILY }]);
  await waitForReport(page);
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['wire.txt', 'daily.txt']);
  assert.deepEqual(await page.locator('.ac-column .ac-seg[data-discrepancy] mark.ac-disc').allTextContents(), ['14', '17']);
  const report = await page.evaluate(() => document.querySelector('#app').report);
  assert.equal(report.documents[0].segments.length, await page.locator('.ac-column[data-doc="0"] .ac-seg').count());

  await page.click('.ac-export-menu summary');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  assertExportedReport(JSON.parse(await readFile(await json.path(), 'utf8')), report);
  await page.click('.ac-export-menu summary');
  const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  assert.match(await readFile(await html.path(), 'utf8'), /<style>[\s\S]*\.seg \{/);
  await page.screenshot({ path: `${SCREENS}/single-file.png` });
  assert.deepEqual([...schemes].filter((s) => !['file:', 'blob:', 'data:'].includes(s)), [], 'no request leaves the file');
  assert.deepEqual(errors, []);
  await page.close();
});

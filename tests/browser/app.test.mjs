// The app (www/index.html) in headless Chromium: pasting, dropping files,
// the columns agreeing with the report, hover and the diff panel, keyboard
// use, persistence, hostile input, exports, the worker keeping the page
// responsive, and a worker crash. Screenshots of the main states go to
// $AC_SCREENS (default /tmp/ac-screens), outside the repository.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { assertExportedReport, clearArticles, dropFiles, launch, memoryProbe, openApp, ROOT, waitForReport, watchErrors } from './harness.mjs';

const SCREENS = process.env.AC_SCREENS ?? '/tmp/ac-screens';

const WIRE = {
  name: 'Wire',
  text: 'Fire hits Rotterdam port\n\nAt least 14 workers were injured in the fire, officials said. The terminal will stay closed until Wednesday.\n\nThe cause of the blaze is not yet known.',
};
const DAILY = {
  name: 'Daily',
  text: 'Fire hits Rotterdam port\n\nThe terminal will stay closed until Wednesday. At least 17 workers were injured in the fire, officials said on Sunday.\n\nThe union blamed battery storage.',
};

let browser;
before(async () => {
  browser = await launch();
  await mkdir(SCREENS, { recursive: true });
});
after(() => browser?.close());

async function paste(page, articles) {
  for (const [i, a] of articles.entries()) {
    if (i >= (await page.locator('.ac-article-card').count())) await page.click('.ac-add-article');
    await page.locator('.ac-article-text').nth(i).fill(a.text);
    if (a.name) await page.locator('.ac-article-name').nth(i).fill(a.name);
  }
}

async function loadExample(page) {
  await page.click('.ac-intro .ac-example-button');
  await waitForReport(page);
}

/** Every segment element against the report: [problems], and counts by status. */
function checkSegmentsAgainstReport(page) {
  return page.evaluate(() => {
    const report = document.querySelector('#app').report;
    const problems = [];
    const counts = {};
    const elements = document.querySelectorAll('.ac-column .ac-seg[data-doc][data-segment]');
    let expected = 0;
    for (const d of report.documents) expected += d.segments.length;
    if (elements.length !== expected) problems.push(`${elements.length} segment elements, ${expected} segments`);
    for (const el of elements) {
      const s = report.documents[Number(el.dataset.doc)]?.segments[Number(el.dataset.segment)];
      if (!s) {
        problems.push(`no segment ${el.dataset.doc}:${el.dataset.segment}`);
        continue;
      }
      const status = s.group !== null ? 'shared' : s.role === 'boilerplate' ? 'boilerplate' : ['title', 'body'].includes(s.role) ? 'unique' : 'other';
      counts[status] = (counts[status] ?? 0) + 1;
      if (el.dataset.group !== (s.group === null ? '' : String(s.group))) problems.push(`group of ${el.dataset.doc}:${el.dataset.segment}`);
      if (el.dataset.role !== s.role) problems.push(`role of ${el.dataset.doc}:${el.dataset.segment}`);
      if (el.dataset.status !== status) problems.push(`status of ${el.dataset.doc}:${el.dataset.segment}: ${el.dataset.status}, expected ${status}`);
      if (el.textContent !== s.text) problems.push(`text of ${el.dataset.doc}:${el.dataset.segment}`);
    }
    return { problems, counts };
  });
}

test('pasted articles are compared and every segment agrees with the report', async () => {
  const { page, errors } = await openApp(browser);
  await paste(page, [WIRE, DAILY]);
  await waitForReport(page);
  const { problems, counts } = await checkSegmentsAgainstReport(page);
  assert.deepEqual(problems, []);
  assert.ok(counts.shared >= 4 && counts.unique >= 2, JSON.stringify(counts));
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['Wire', 'Daily']);
  // Whitespace between segments is kept: each column reads as the article.
  const bodies = await page.locator('.ac-column-body').allTextContents();
  assert.equal(bodies[0], WIRE.text);
  assert.match(await page.locator('.ac-status-text').textContent(), /Compared 2 articles in .*shared passage.*unique sentence.*discrepanc/);
  await page.waitForFunction(() => /Compared 2 articles/.test(document.querySelector('.ac-live').textContent));
  // The changed figure is marked inside both segments.
  assert.deepEqual(await page.locator('.ac-column .ac-seg[data-discrepancy] mark.ac-disc').allTextContents(), ['14', '17']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the semantic sketch arrives in the worker and the shown report is made again with it', async () => {
  const { page, errors } = await openApp(browser);
  await paste(page, [WIRE, DAILY]);
  await waitForReport(page);
  // The sketch is fetched once the engine has warmed up; the report shown
  // then names it, and agrees with its columns.
  await page.waitForFunction(() => document.querySelector('#app').report?.semantic_model === 'minilm-signs-128/1', null, { timeout: 30_000 });
  await waitForReport(page);
  assert.deepEqual((await checkSegmentsAgainstReport(page)).problems, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('three dropped files become three columns', async () => {
  const { page, errors } = await openApp(browser);
  await dropFiles(page, [
    { name: 'wire.txt', text: WIRE.text },
    { name: 'daily.md', text: DAILY.text },
    { name: 'third.txt', text: 'Rotterdam port fire\n\nAt least 14 workers were injured in the fire, officials said. Investigators arrived on Monday.' },
  ]);
  await waitForReport(page);
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['wire.txt', 'daily.md', 'third.txt']);
  assert.deepEqual((await checkSegmentsAgainstReport(page)).problems, []);
  // Loading files folds the boxes away and names the articles.
  assert.equal(await page.locator('.ac-input').getAttribute('data-collapsed'), 'true');
  assert.match(await page.locator('.ac-input-summary').textContent(), /3 articles: wire\.txt · daily\.md · third\.txt/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file that is not text gets a clear message and the other files load', async () => {
  const { page, errors } = await openApp(browser);
  await dropFiles(page, [
    { name: 'photo.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d] },
    { name: 'wire.txt', text: WIRE.text },
    { name: 'latin1.txt', bytes: [0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x75, 0x76, 0x65, 0x72, 0x74] },
    { name: 'empty.md', text: '' },
    { name: 'report.pdf', text: '%PDF-1.4' },
    { name: 'daily.txt', text: DAILY.text },
  ]);
  await waitForReport(page);
  const problems = await page.locator('.ac-file-problem').allTextContents();
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /photo\.txt: is an image \(PNG\)/);
  assert.match(problems[1], /empty\.md: is empty/);
  assert.match(problems[2], /report\.pdf: is a PDF, which cannot be read yet: .*copy/);
  // Text that is not UTF-8 is decoded (tests/browser/formats.test.mjs has more).
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['wire.txt', 'latin1.txt', 'daily.txt']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hovering a segment lights its counterparts and shows the word diff', async () => {
  const { page, errors } = await openApp(browser);
  await loadExample(page);
  const ref = await page.evaluate(() => {
    const report = document.querySelector('#app').report;
    const m = report.matches.find((x) => x.discrepancies.some((d) => d.kind === 'number' && d.a.text === '14' && d.b.text === '17'));
    const same = (x, y) => x.doc === y.doc && x.segment === y.segment;
    // Its own matches, not its group's members: a group may hold a sentence
    // it links only through another article's.
    const counterparts = report.matches.filter((x) => same(x.a, m.a) || same(x.b, m.a)).length;
    return { ...m.a, other: m.b, counterparts };
  });
  const segment = page.locator(`.ac-seg[data-doc="${ref.doc}"][data-segment="${ref.segment}"]`);
  await segment.hover();
  await page.waitForSelector('.ac-inspector .ac-counterparts');
  assert.equal(await page.locator('.ac-seg.ac-lit').count(), ref.counterparts);
  assert.ok(await page.locator(`.ac-seg.ac-lit[data-doc="${ref.other.doc}"][data-segment="${ref.other.segment}"]`).count());
  const card = page.locator('.ac-cp', { has: page.locator(`.ac-cp-jump[data-doc="${ref.other.doc}"]`) });
  // The report leaves word diffs out; the inspector asks the worker for them.
  await card.locator('.ac-diff del').first().waitFor();
  assert.deepEqual(await card.locator('.ac-diff del').allTextContents(), ['14']);
  assert.ok((await card.locator('.ac-diff ins').allTextContents()).includes('17'));
  assert.match(await card.locator('.ac-disc-item').first().textContent(), /Figure\s*14 → 17/);
  assert.match(await card.locator('.ac-kind').textContent(), /Edited/);
  // Clicking pins it and lines up the other column on its counterpart.
  await segment.click();
  await page.waitForTimeout(600);
  const offsets = await page.evaluate(({ doc, segment, other }) => {
    const top = (d, s) => {
      const el = document.querySelector(`.ac-seg[data-doc="${d}"][data-segment="${s}"]`);
      return el.getBoundingClientRect().top - el.closest('.ac-column-body').getBoundingClientRect().top;
    };
    return [top(doc, segment), top(other.doc, other.segment)];
  }, ref);
  assert.ok(Math.abs(offsets[0] - offsets[1]) < 4, `aligned: ${offsets}`);
  assert.match(await page.locator('.ac-insp-hint').textContent(), /Pinned/);
  await page.screenshot({ path: `${SCREENS}/hover-diff-panel.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: tab to the columns, shortcuts to unique segments and discrepancies', async () => {
  const { page, errors } = await openApp(browser);
  await loadExample(page);
  const fromTheTop = async () => {
    await page.reload();
    await waitForReport(page);
  };
  // Tab alone reaches a column.
  await fromTheTop();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.matches('.ac-column .ac-seg'));
  }
  assert.ok(reached, 'a segment in a column is reachable with Tab');
  // The skip link is the first stop and lands on the first column.
  await fromTheTop();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'ac-skip');
  await page.keyboard.press('Enter');
  const active = () => page.evaluate(() => ({ ...document.activeElement.dataset }));
  assert.equal((await active()).doc, '0');

  await page.keyboard.press('j');
  const unique = await active();
  assert.equal(unique.status, 'unique');
  await page.keyboard.press('j');
  const nextUnique = await active();
  assert.equal(nextUnique.status, 'unique');
  assert.ok(Number(nextUnique.segment) > Number(unique.segment) || nextUnique.doc !== unique.doc);
  await page.keyboard.press('k');
  assert.deepEqual(await active(), unique);

  await page.keyboard.press('d');
  const discrepancy = await active();
  assert.ok('discrepancy' in discrepancy, JSON.stringify(discrepancy));
  assert.match(await page.locator('.ac-inspector').textContent(), /→/);
  await page.keyboard.press('d');
  await page.keyboard.press('Shift+D');
  assert.deepEqual(await active(), discrepancy);

  await page.keyboard.press('ArrowDown');
  const below = await active();
  assert.equal(below.doc, discrepancy.doc);
  assert.ok(Number(below.segment) > Number(discrepancy.segment));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  const right = await active();
  assert.equal(Number(right.doc), Number(discrepancy.doc) + 1);
  assert.equal(right.group, discrepancy.group, 'the same passage in the next column');

  await page.keyboard.press('?');
  assert.ok(await page.locator('.ac-shortcuts-dialog').evaluate((d) => d.open));
  assert.match(await page.locator('.ac-shortcut-list').textContent(), /Next unique sentence/);
  await page.keyboard.press('Escape');
  assert.ok(!(await page.locator('.ac-shortcuts-dialog').evaluate((d) => d.open)));

  // Shortcuts do not fire while typing.
  await page.click('.ac-collapse-button');
  await page.locator('.ac-article-name').first().focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' jd?');
  assert.equal(await page.locator('.ac-article-name').first().inputValue(), 'Northern Wire Service jd?');
  assert.ok(!(await page.locator('.ac-shortcuts-dialog').evaluate((d) => d.open)));
  assert.deepEqual(errors, []);
  await page.close();
});

test('reload keeps the articles and settings until Clear all', async () => {
  const { page, errors } = await openApp(browser);
  await paste(page, [WIRE, DAILY]);
  await page.locator('#strictness').fill('0.8');
  await waitForReport(page);
  await page.waitForFunction(() => !document.querySelector('#app').dataset.unsaved);
  await page.reload();
  await page.waitForSelector('#app[data-ready="true"]');
  assert.deepEqual(await page.locator('.ac-article-name').evaluateAll((els) => els.map((e) => e.value)), ['Wire', 'Daily']);
  assert.deepEqual(await page.locator('.ac-article-text').evaluateAll((els) => els.map((e) => e.value)), [WIRE.text, DAILY.text]);
  assert.equal(await page.locator('#strictness').inputValue(), '0.8');
  await waitForReport(page);
  assert.equal(await page.evaluate(() => document.querySelector('#app').report.options.strictness), 0.8);

  await clearArticles(page);
  await page.reload();
  await page.waitForSelector('#app[data-ready="true"]');
  assert.deepEqual(await page.locator('.ac-article-text').evaluateAll((els) => els.map((e) => e.value)), ['', '']);
  assert.deepEqual(errors, []);
  await page.close();
});

const HOSTILE = {
  // A stray isolate end, a right-to-left override and a zero-width space: they must not turn the page around.
  name: '<b onmouseover="alert(3)">Evil</b>\u2069\u202E & Co\u200B',
  text: 'Breaking <img src=x onerror=alert(1)> news.\n\n</script><script>alert(2)</script> At least 14 workers were injured in the fire, officials said.\n\nمرحبا بالعالم. هذه جملة عربية.',
};

test('a hostile article stays inert, in the page and in the exported HTML report', async () => {
  const { page, errors, dialogs } = await openApp(browser);
  await paste(page, [HOSTILE, WIRE]);
  await waitForReport(page);
  for (const el of await page.locator('.ac-seg[data-doc="0"]').all()) await el.hover();
  await page.click('#tab-summary');
  await page.click('#tab-columns');
  assert.equal(await page.locator('img[src="x"], script:not([src]), .ac-root b').count(), 0);
  assert.equal(await page.locator('.ac-column-title').first().textContent(), HOSTILE.name);
  const texts = await page.locator('.ac-seg[data-doc="0"]').allTextContents();
  assert.ok(texts.some((t) => t.includes('<img src=x onerror=alert(1)>')), texts.join('|'));
  assert.ok(texts.some((t) => t.includes('</script><script>alert(2)</script>')), texts.join('|'));
  // Right-to-left text gets its direction from its own characters.
  const arabic = page.locator('.ac-seg[data-doc="0"]', { hasText: 'مرحبا' });
  assert.equal(await arabic.getAttribute('dir'), 'auto');
  assert.equal(await arabic.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  // The name's bidi controls stay inside it: every element holding it is isolated, the stray isolate end a paragraph of its own.
  for (const holder of ['.ac-column-title', '.ac-input-summary span[dir="auto"]']) {
    const name = page.locator(holder).first();
    assert.equal(await name.textContent(), HOSTILE.name);
    assert.equal(await name.evaluate((el) => getComputedStyle(el).unicodeBidi), 'isolate', holder);
    assert.equal(await name.evaluate((el) => [...el.querySelectorAll('span')].find((s) => s.textContent === '\u2069')?.style.display), 'inline-block', holder);
  }

  await page.click('.ac-export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  const html = await readFile(await download.path(), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  assert.ok(!/<script/i.test(html.replace(/&lt;\/?script/g, '')), 'no script element in the report');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));

  // Opened in the browser, the report shows the text and runs nothing.
  const reportPage = await browser.context.newPage();
  const reportErrors = watchErrors(reportPage);
  reportPage.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await reportPage.route('**/exported-report.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await reportPage.goto(`${browser.url}exported-report.html`);
  assert.equal(await reportPage.locator('img, script').count(), 0);
  const segments = await page.evaluate(() => document.querySelector('#app').report.documents.reduce((n, d) => n + d.segments.length, 0));
  assert.equal(await reportPage.locator('.seg').count(), segments);
  assert.match(await reportPage.locator('.column').first().textContent(), /Breaking <img src=x onerror=alert\(1\)> news\./);
  assert.equal(await reportPage.locator('.column h3 bdi').first().textContent(), HOSTILE.name);
  await reportPage.screenshot({ path: `${SCREENS}/export-html.png`, fullPage: true });
  await reportPage.close();

  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(reportErrors, []);
  await page.close();
});

/** Parses RFC 4180 CSV. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

test('the exported HTML report is the page the command line writes, byte for byte', async () => {
  const { page, errors } = await openApp(browser);
  const paths = ['wire.txt', 'rewrite.txt'].map((name) => `${ROOT}tests/fixtures/articles/harbour-fire/${name}`);
  await dropFiles(page, await Promise.all(paths.map(async (path) => ({ name: basename(path), text: await readFile(path, 'utf8') }))));
  await waitForReport(page);
  // The sketch arrives after the first result and the report is made again with it.
  await page.waitForFunction(() => document.querySelector('#app').report?.semantic_model, null, { timeout: 30_000 });
  await waitForReport(page);

  await page.click('.ac-export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  const exported = await readFile(await download.path(), 'utf8');
  const written = execFileSync(`${ROOT}target/release/article-compare`, ['compare', ...paths, '--html', '-'], { encoding: 'utf8' });
  assert.ok(written.startsWith('<!doctype html>'));
  assert.equal(exported, written);
  assert.deepEqual(errors, []);
  await page.close();
});

test('exports: the JSON is the report with its word diffs, the CSV has one row per match', async () => {
  const { page, errors } = await openApp(browser);
  await loadExample(page);
  const report = await page.evaluate(() => document.querySelector('#app').report);

  await page.click('.ac-export-menu summary');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  assert.match(json.suggestedFilename(), /^article-compare-.*\.json$/);
  assertExportedReport(JSON.parse(await readFile(await json.path(), 'utf8')), report);

  await page.click('.ac-export-menu summary');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFa_doc,a_article,a_segment,b_doc,b_article,b_segment,kind,score,a_text,b_text,discrepancies\r\n'));
  const rows = parseCsv(text.slice(1));
  assert.equal(rows.length, report.matches.length + 1);
  rows.slice(1).forEach((row, i) => {
    const m = report.matches[i];
    assert.equal(row.length, 11);
    assert.deepEqual([Number(row[0]), Number(row[2]), Number(row[3]), Number(row[5]), row[6], Number(row[7])],
      [m.a.doc, m.a.segment, m.b.doc, m.b.segment, m.kind, m.score]);
    assert.equal(row[8], report.documents[m.a.doc].segments[m.a.segment].text);
    assert.equal(row[9], report.documents[m.b.doc].segments[m.b.segment].text);
  });
  assert.ok(rows.some((r) => r[10].includes('number: 14 → 17')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the summary shows shares, the overlap matrix, discrepancies and unique passages, each leading to its place', async () => {
  const { page, errors } = await openApp(browser);
  await loadExample(page);
  await page.click('#tab-summary');
  const report = await page.evaluate(() => document.querySelector('#app').report);
  const n = report.documents.length;
  assert.equal(await page.locator('.ac-sum-card').count(), n);
  assert.equal(await page.locator('.ac-heat tbody td').count(), n * n);
  assert.equal(await page.locator('.ac-heat tbody th[scope="row"]').count(), n);
  assert.match(await page.locator('.ac-heat').textContent(), /found in/);
  const cell = await page.locator('.ac-heat tbody tr').nth(1).locator('td').nth(0).textContent();
  assert.equal(cell, `${Math.round(report.overlap[1][0] * 100)}%`);
  const discrepancies = report.matches.reduce((k, m) => k + m.discrepancies.length, 0);
  assert.equal(await page.locator('.ac-sum-disc').count(), discrepancies);
  assert.ok(await page.locator('.ac-sum-unique-item').count() >= 4);
  await page.screenshot({ path: `${SCREENS}/summary.png`, fullPage: true });

  await page.locator('.ac-sum-disc').first().click();
  assert.equal(await page.locator('#panel-columns').isVisible(), true);
  const focused = await page.evaluate(() => ({ ...document.activeElement.dataset }));
  assert.ok('discrepancy' in focused && focused.status === 'shared', JSON.stringify(focused));

  await page.click('#tab-summary');
  await page.locator('.ac-sum-unique-item').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.status), 'unique');

  // An article's name leads to its first sentence; an overlap cell to the row article's first shared passage.
  const focusedRef = () => page.evaluate(() => ({ doc: document.activeElement.dataset.doc, segment: document.activeElement.dataset.segment }));
  await page.click('#tab-summary');
  await page.locator('.ac-sum-card-jump').nth(2).click();
  const firstText = report.documents[2].segments.findIndex((seg) => seg.role === 'title' || seg.role === 'body');
  assert.deepEqual(await focusedRef(), { doc: '2', segment: String(firstText) });
  await page.click('#tab-summary');
  await page.locator('.ac-heat tbody tr').nth(1).locator('button.ac-heat-value').first().click();
  assert.equal((await focusedRef()).doc, '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('filters show only unique, shared or discrepant sentences; page chrome can be shown', async () => {
  const { page, errors } = await openApp(browser);
  await loadExample(page);
  const visibleStatuses = () => page.locator('.ac-column .ac-seg').evaluateAll((els) =>
    [...new Set(els.filter((e) => e.getClientRects().length).map((e) => (e.hasAttribute('data-discrepancy') ? `${e.dataset.status}≠` : e.dataset.status)))].sort());
  assert.ok(!(await visibleStatuses()).includes('boilerplate'), 'page chrome hidden by default');
  await page.locator('.ac-chrome-switch').check({ force: true });
  assert.ok((await visibleStatuses()).includes('boilerplate'));
  await page.locator('input[name="filter"][value="unique"]').check({ force: true });
  assert.deepEqual(await visibleStatuses(), ['unique']);
  await page.locator('input[name="filter"][value="shared"]').check({ force: true });
  assert.deepEqual(await visibleStatuses(), ['shared', 'shared≠']);
  await page.locator('input[name="filter"][value="discrepancies"]').check({ force: true });
  assert.deepEqual(await visibleStatuses(), ['shared≠']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('more than six articles: a focus article against another, chosen from a list', async () => {
  const { page, errors } = await openApp(browser);
  const articles = Array.from({ length: 7 }, (_, i) => ({
    name: `Outlet ${i + 1}`,
    text: `${i % 2 ? WIRE.text : DAILY.text}\n\nOnly outlet ${i + 1} reports that the mayor visited ${i + 2} hospitals.`,
  }));
  await dropFiles(page, articles.map((a) => ({ name: `${a.name}.txt`, text: a.text })));
  await waitForReport(page);
  assert.equal(await page.locator('.ac-focus-nav').isVisible(), true);
  assert.equal(await page.locator('.ac-column').count(), 2);
  assert.equal(await page.locator('.ac-focus-item').count(), 7);
  await page.locator('.ac-focus-select').selectOption('3');
  await page.waitForFunction(() => document.querySelector('.ac-column').dataset.doc === '3');
  await page.locator('.ac-focus-item').nth(5).click();
  assert.deepEqual(await page.locator('.ac-column').evaluateAll((els) => els.map((e) => e.dataset.doc)), ['3', '5']);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Two articles of about `size` characters that share every third sentence. */
function bigArticles(size) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'do', 'rus', 'pel', 'an', 'sor', 'gi', 'bu', 'len', 'tra', 'os', 'hem'];
  const words = Array.from({ length: 2000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  const sentence = () => {
    const w = Array.from({ length: 10 + Math.floor(random() * 14) }, () => words[Math.floor(random() * words.length)]);
    return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const a = [];
  const b = [];
  for (let n = 0, length = 0; length < size; n++) {
    const s = `${sentence()} (${n})`;
    a.push(s);
    b.push(n % 3 ? `${sentence()} [${n}]` : s);
    length += s.length + 1;
    if (n % 6 === 5) {
      a.push('\n\n');
      b.push('\n\n');
    }
  }
  return [{ name: 'big-a.txt', text: a.join(' ') }, { name: 'big-b.txt', text: b.join(' ') }];
}

test('comparing two 5 MB articles runs in the worker: the page stays responsive', async (t) => {
  const { page, errors } = await openApp(browser);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask', buffered: false });
  });
  await dropFiles(page, bigArticles(5_000_000));
  await page.waitForSelector('#app[data-phase="comparing"]', { timeout: 20_000 });
  // Let the text boxes settle, then watch the main thread while the engine
  // computes (up to 1.5 s), sampling what the status line says meanwhile.
  await page.waitForTimeout(300);
  const measured = await page.evaluate(() => new Promise((resolve) => {
    const from = performance.now();
    let last = from;
    let gap = 0;
    let seen = null;
    let frames = 0;
    let until = from; // the last frame still comparing: showing the report is not measured here
    const frame = (now) => {
      gap = Math.max(gap, now - last);
      last = now;
      const comparing = document.querySelector('#app').dataset.phase === 'comparing';
      if (comparing) {
        frames += 1;
        until = now;
        seen = {
          progress: !document.querySelector('.ac-progress').hidden,
          status: document.querySelector('.ac-status-text').textContent,
          done: Number(document.querySelector('.ac-progress').getAttribute('aria-valuenow')),
        };
      }
      if (comparing && now - from < 1500) requestAnimationFrame(frame);
      else {
        resolve({
          ...seen,
          frames,
          longest: Math.max(0, ...window.longTasks.filter((t) => t.start >= from && t.start < until).map((t) => t.duration)),
          gap,
        });
      }
    };
    requestAnimationFrame(frame);
  }));
  // Frames kept coming while the engine ran: the page stayed live (how
  // long tasks took is measured by bench/browser.mjs, not asserted here).
  assert.ok(measured.frames >= 2, `frames painted while comparing: ${measured.frames}`);
  assert.ok(measured.progress, 'a progress indicator shows');
  assert.match(measured.status, /^Comparing 2 articles… \w+ \d+% · \d+\.\d s$/, 'the stage and the share done, from the engine');
  // 100% is fine too: the engine may be done while the report is on its way.
  assert.ok(measured.done > 0 && measured.done <= 100, `the bar shows progress: ${measured.done}%`);
  t.diagnostic(`longest main-thread task while comparing: ${measured.longest} ms, longest frame gap ${measured.gap.toFixed(1)} ms`);
  await waitForReport(page, 90_000);
  const report = await page.evaluate(() => document.querySelector('#app').report.documents.map((d) => d.segments.length));
  assert.equal(await page.locator('.ac-column .ac-seg').count(), report[0] + report[1]);

  // A click halfway down the first article lines the second one up on the
  // counterpart, though the text before it there was never laid out.
  await page.evaluate(() => {
    const body = document.querySelector('.ac-column-body');
    body.scrollTop = body.scrollHeight / 2;
  });
  // The text scrolled to is laid out over the next frames.
  const clicked = await (await page.waitForFunction(() => {
    const body = document.querySelector('.ac-column-body');
    const box = body.getBoundingClientRect();
    for (let y = box.top + 40; y < Math.min(box.bottom, innerHeight) - 40; y += 10) {
      const el = document.elementFromPoint(box.left + box.width / 2, y)?.closest('.ac-seg[data-status="shared"]');
      if (!el) continue;
      const { members } = document.querySelector('#app').report.groups[Number(el.dataset.group)];
      return { segment: Number(el.dataset.segment), other: members.find((m) => m.doc === 1).segment };
    }
    return null;
  })).jsonValue();
  assert.ok(clicked.segment > report[0] / 3, `a shared sentence halfway down: ${JSON.stringify(clicked)}`);
  await page.click(`.ac-seg[data-doc="0"][data-segment="${clicked.segment}"]`);
  await page.waitForTimeout(1000);
  const offsets = await page.evaluate(({ segment, other }) => [[0, segment], [1, other]].map(([doc, s]) => {
    const el = document.querySelector(`.ac-seg[data-doc="${doc}"][data-segment="${s}"]`);
    return el.getBoundingClientRect().top - el.closest('.ac-column-body').getBoundingClientRect().top;
  }), clicked);
  assert.ok(Math.abs(offsets[0] - offsets[1]) < 4, `aligned: ${offsets}`);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * `count` articles of about `size` characters on one invented event. Each
 * tells it in sentences drawn from a common pool (so they share many, in
 * their own order, a few with another figure) and in sentences of its own.
 */
function eventArticles(count, size) {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'do', 'rus', 'pel', 'an', 'sor', 'gi', 'bu', 'len', 'tra', 'os', 'hem'];
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('');
  const name = () => word().replace(/^./, (c) => c.toUpperCase());
  const who = ['The port authority', 'Firefighters', 'A union spokeswoman', 'The terminal operator', 'Investigators', 'The mayor'];
  const what = ['containers burned', 'workers were treated for smoke', 'ships were held outside the harbour', 'fire engines were sent'];
  // Names and rare words make each sentence of the pool unlike the others.
  const pool = Array.from({ length: 200 }, () =>
    `${pick(who)} in ${name()} said ${2 + Math.floor(random() * 97)} ${pick(what)} near ${name()}, ${word()} and ${word()} ${word()}.`);
  const own = () => `${name()} ${Array.from({ length: 8 + Math.floor(random() * 8) }, word).join(' ')}.`;
  return Array.from({ length: count }, (_, i) => {
    let text = `Port fire: report ${i + 1}\n\n`;
    for (let n = 1; text.length < size; n++) {
      const s = random() < 0.6 ? pick(pool) : own();
      text += (random() < 0.1 ? s.replace(/\d+/, (k) => String(Number(k) + 1)) : s) + (n % 4 ? ' ' : '\n\n');
    }
    return { name: `report-${String(i + 1).padStart(2, '0')}.txt`, text: text.trim() };
  });
}

test('under load, 50 articles and then two of 5 MB: the page stays responsive and the memory is released afterwards', async () => {
  const { page, errors } = await openApp(browser);
  const memory = await memoryProbe(browser.context, page);
  const sum = (bytes) => Object.values(bytes).reduce((n, b) => n + b, 0);
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  // Every long task, and when each comparison ran (from the start to the report received).
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask' });
    window.comparisons = [];
    const app = document.querySelector('#app');
    new MutationObserver(() => {
      const last = window.comparisons.at(-1);
      const now = performance.now();
      if (app.dataset.phase === 'comparing' && !(last && last.to === null)) window.comparisons.push({ from: now, to: null, shown: null });
      else if (app.dataset.phase !== 'comparing' && last?.to === null) last.to = now;
      if (last?.to && !last.shown && !app.dataset.rendering) last.shown = now;
    }).observe(app, { attributes: true, attributeFilter: ['data-phase', 'data-rendering'] });
  });
  // The longest task of the last comparison until its report came, and of
  // those that showed it: the phase changes in the first of them, and its
  // observer runs as that task ends (2 ms allow for the rounding of durations).
  const longest = () => page.evaluate(() => {
    const { from, to, shown } = window.comparisons.at(-1);
    const durations = (keep) => Math.max(0, ...window.longTasks.filter(keep).map((t) => t.duration));
    const showing = (t) => t.start + t.duration >= to - 2 && t.start <= shown;
    return {
      comparing: durations((t) => t.start >= from && t.start < to && !showing(t)),
      showing: durations(showing),
    };
  });

  const many = eventArticles(50, 5000);
  await dropFiles(page, many);
  await waitForReport(page, 120_000);
  const report = await page.evaluate(() => document.querySelector('#app').report);
  assert.equal(report.documents.length, 50);
  assert.ok(report.groups.length > 50, `${report.groups.length} groups: the articles share passages`);
  assert.equal(await page.locator('.ac-focus-item').count(), 50);
  const wasmMany = sum(await memory.wasm());
  const heapMany = await memory.jsHeap();
  const longestMany = await longest();

  await clearArticles(page);
  await dropFiles(page, bigArticles(5_000_000));
  await page.waitForSelector('#app[data-phase="comparing"]', { timeout: 20_000 });
  // Asked while the engine runs, the workers answer as soon as it returns: the peak, since wasm memory never shrinks.
  const peak = memory.wasm();
  await waitForReport(page, 180_000);
  const wasmPeakBy = await peak;
  const wasmPeak = sum(wasmPeakBy);
  const heapPeak = await memory.jsHeap();
  const longestBig = await longest();

  // Released: the articles cleared, the grown worker replaced once idle, then two short articles compared.
  await clearArticles(page);
  const grown = Object.keys(wasmPeakBy).filter((session) => wasmPeakBy[session] > 64 * 1048576);
  assert.equal(grown.length, 1, `one worker grew large: ${JSON.stringify(wasmPeakBy)}`);
  await Promise.race([memory.ended(grown[0]), new Promise((_, reject) => setTimeout(() => reject(new Error('the grown worker was not replaced')), 60_000))]);
  await paste(page, [WIRE, DAILY]);
  await waitForReport(page);
  assert.deepEqual((await checkSegmentsAgainstReport(page)).problems, []);
  const wasmAfter = sum(await memory.wasm());
  const heapAfter = await memory.jsHeap();

  const tasks = ({ comparing, showing }) => `longest main-thread task ${comparing} ms while comparing, ${showing} ms to show the report`;
  console.log(`under load: 50 articles of 5 KB: wasm memory ${mb(wasmMany)}, JS heap ${mb(heapMany)}; ${tasks(longestMany)}`);
  console.log(`under load: two articles of 5 MB: wasm memory peak ${mb(wasmPeak)}, JS heap peak ${mb(heapPeak)}; ${tasks(longestBig)}`);
  console.log(`under load: released, two short articles compared: wasm memory ${mb(wasmAfter)}, JS heap ${mb(heapAfter)}`);
  assert.ok(wasmAfter < wasmPeak / 4, `wasm memory after release ${mb(wasmAfter)}, peak ${mb(wasmPeak)}`);
  assert.ok(heapAfter < heapPeak / 4, `JS heap after release ${mb(heapAfter)}, peak ${mb(heapPeak)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a change while comparing cancels the running comparison', async () => {
  const { page, errors } = await openApp(browser);
  await page.evaluate(() => {
    window.phases = [];
    new MutationObserver(() => window.phases.push(document.querySelector('#app').dataset.phase))
      .observe(document.querySelector('#app'), { attributes: true, attributeFilter: ['data-phase'] });
  });
  const articles = bigArticles(1_000_000);
  await dropFiles(page, articles);
  await page.waitForSelector('#app[data-phase="comparing"]');
  await page.click('.ac-collapse-button');
  const name = page.locator('.ac-article-name').nth(1);
  await name.press('End');
  assert.equal(await page.evaluate(() => document.querySelector('#app').dataset.phase), 'comparing', 'still comparing when the input changes');
  await name.press('!');
  await waitForReport(page, 60_000);
  const phases = await page.evaluate(() => window.phases);
  assert.equal(phases.filter((p) => p === 'done').length, 1, phases.join(' '));
  assert.equal(await page.evaluate(() => document.querySelector('#app').report.documents[1].name), 'big-b.txt!');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker that dies is restarted, the comparison redone and the user told', async () => {
  let crashes = 0;
  const { page, errors } = await openApp(browser, {
    setup: (p) => p.route('**/www/app/worker.js', (route) => {
      if (crashes++) return route.fallback();
      return route.fulfill({
        contentType: 'text/javascript',
        body: "self.addEventListener('message', (e) => { if (e.data.type === 'compare') throw new Error('simulated crash'); });",
      });
    }),
  });
  await paste(page, [WIRE, DAILY]);
  await waitForReport(page);
  assert.equal(crashes, 2, 'the crashing worker, then a fresh one');
  assert.match(await page.locator('.ac-notice').textContent(), /stopped unexpectedly and was restarted/);
  assert.deepEqual((await checkSegmentsAgainstReport(page)).problems, []);
  assert.deepEqual(await page.locator('.ac-article-text').evaluateAll((els) => els.map((e) => e.value)), [WIRE.text, DAILY.text]);
  assert.deepEqual(errors.filter((e) => !e.includes('simulated crash')), []);
  await page.close();
});

test('screenshots of the main states', async () => {
  const shots = [
    ['start', {}, async () => {}],
    ['example', {}, loadExample],
    ['dark', { dark: true }, async (page) => {
      await loadExample(page);
      await page.locator('.ac-seg[data-discrepancy]').first().click();
      await page.waitForTimeout(500);
    }],
    ['dark-summary', { dark: true }, async (page) => {
      await loadExample(page);
      await page.click('#tab-summary');
    }],
    ['phone', { width: 390, height: 844 }, loadExample],
    ['phone-inspector', { width: 390, height: 844 }, async (page) => {
      await loadExample(page);
      await page.locator('.ac-seg[data-discrepancy]').first().click();
      await page.waitForTimeout(500);
    }],
  ];
  for (const [name, options, act] of shots) {
    const { page, errors } = await openApp(browser, options);
    await act(page);
    await page.screenshot({ path: `${SCREENS}/${name}.png` });
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

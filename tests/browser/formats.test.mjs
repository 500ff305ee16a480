// Files other than plain UTF-8 text in the app (www/index.html), in headless
// Chromium: a saved web page, a Word document and a text file dropped
// together; a Windows-1252 text decoded and the decision shown; refusals
// named per file while the other files load; copied web pages pasted as
// their article or, by choice, as plain text; the formats module loaded only
// when needed, and once. Screenshots go to $AC_SCREENS (default
// /tmp/ac-screens).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { clearArticles, dropFiles, launch, openApp, waitForReport, wordDocument, ROOT } from './harness.mjs';

const SCREENS = process.env.AC_SCREENS ?? '/tmp/ac-screens';
const fixture = (name) => readFile(`${ROOT}tests/fixtures/formats/${name}`);

let browser;
before(async () => {
  browser = await launch();
  await mkdir(SCREENS, { recursive: true });
});
after(() => browser?.close());

/** A fresh app page with empty storage; `loads` counts fetches of the formats module. */
async function openAppCountingLoads() {
  const loads = { js: 0, wasm: 0 };
  const opened = await openApp(browser, {
    setup: (page) => page.on('request', (r) => {
      if (r.url().endsWith('/pkg/article_compare_formats.js')) loads.js++;
      if (r.url().endsWith('/pkg/article_compare_formats_bg.wasm')) loads.wasm++;
    }),
  });
  return { ...opened, loads };
}

/** A small Word document on the port fire, with a footnote (which is left out), as tests/support/docx.rs builds one. */
function docx() {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (style, text) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = [
    p('Title', 'Fire sweeps through Rotterdam container terminal'),
    p('', 'By Annelies Brouwer'),
    p('', 'A fire swept through stacks of shipping containers at a terminal in the port of Rotterdam early Sunday, injuring more than a dozen dockworkers, officials said.'),
    p('', 'A total of 17 workers were treated for burns and smoke inhalation, said Ruud Verhallen, a spokesman for the regional fire service.'),
    p('', 'The terminal will remain closed until at least Wednesday, the port authority said.'),
  ].join('');
  const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${w}><w:footnote w:id="1"><w:p><w:r><w:t>Figures from the fire service.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
  return wordDocument(body, { footnotes });
}

const WIRE = 'Rotterdam port fire injures workers\n\nA fire swept through stacks of shipping containers at a terminal in the port of Rotterdam early Sunday, officials said.\n\nThe terminal will remain closed until at least Wednesday, the port authority said. The union blamed battery storage.';

/** The source lines shown in the article boxes. */
const sourceLines = (page) => page.locator('.ac-article-source:not([hidden]) .ac-article-source-text').allTextContents();

test('a web page, a Word document and a text file dropped together are compared, each with how it was read', async () => {
  const { page, errors, loads } = await openAppCountingLoads();
  await dropFiles(page, [
    { name: 'harbour-fire.html', bytes: await fixture('harbour-fire.html'), type: 'text/html' },
    { name: 'draft.docx', bytes: docx() },
    { name: 'wire.txt', text: WIRE },
  ]);
  await waitForReport(page);
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['harbour-fire.html', 'draft.docx', 'wire.txt']);
  const lines = [
    'Read from harbour-fire.html (web page, article only; 35 blocks of page chrome left out)',
    'Read from draft.docx (Word document; 1 block of footnotes or comments left out)',
    'Read from wire.txt (text, UTF-8)',
  ];
  // Under the column's title, the line without the file's name; all of it on hover.
  const columns = ['Web page, article only; 35 blocks of page chrome left out', 'Word document; 1 block of footnotes or comments left out', 'Text, UTF-8'];
  assert.deepEqual(await page.locator('.ac-column-source-text').allTextContents(), columns);
  assert.deepEqual(await page.locator('.ac-column-source-text').evaluateAll((els) => els.map((e) => e.title)), lines);
  await page.click('.ac-collapse-button');
  assert.deepEqual(await sourceLines(page), lines);

  // The texts are the extracted articles: no page chrome, the title first.
  const texts = await page.locator('.ac-article-text').evaluateAll((els) => els.map((e) => e.value));
  assert.match(texts[0], /^Fire sweeps through Rotterdam container terminal, injuring more than a dozen workers\nBy Annelies Brouwer, Thomas Keane\n/);
  assert.ok(!texts[0].includes('We use cookies'));
  assert.match(texts[1], /^Fire sweeps through Rotterdam container terminal\n\nBy Annelies Brouwer\nA fire swept/);
  assert.ok(!texts[1].includes('Figures from the fire service'));
  assert.equal(texts[2], WIRE);

  // The report records how each document was read.
  const report = await page.evaluate(() => document.querySelector('#app').report);
  assert.ok(report.matches.some((m) => m.a.doc === 0 && m.b.doc === 1), 'the page and the document share sentences');
  assert.ok(report.matches.some((m) => m.discrepancies.some((d) => d.a.text === '14' && d.b.text === '17')));
  assert.deepEqual(report.documents.map((d) => [d.source.format, d.source.encoding, d.source.extraction, d.source.dropped]), [
    ['html', 'utf-8', 'readability', { blocks: 35, characters: 1288 }],
    ['docx', 'utf-8', 'docx', { blocks: 1, characters: 30 }],
    ['text', 'utf-8', 'plain', { blocks: 0, characters: 0 }],
  ]);
  assert.equal(report.documents[0].source.byline, 'Annelies Brouwer, Thomas Keane');
  assert.deepEqual(loads, { js: 1, wasm: 1 }, 'the formats module is loaded once');
  // The readers run in a worker of their own (tests/wasm/formats-client.test.mjs has more).
  assert.ok(page.workers().some((w) => w.url().endsWith('/app/formats-worker.js')), 'a formats worker started');

  // The extracted text beside the original, from the column.
  await page.locator('.ac-column[data-doc="0"] .ac-column-source button').click();
  const dialog = page.locator('.ac-source-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Text read from harbour-fire.html');
  assert.equal(await dialog.locator('.ac-source-text').textContent(), texts[0]);
  const original = await dialog.locator('.ac-source-original').textContent();
  assert.ok(original.startsWith('<!DOCTYPE html>') && original.includes('We use cookies'), original.slice(0, 80));
  assert.match(await dialog.locator('.ac-source-facts').textContent(), /Left out35 blocks of page chrome, 1,288 characters/);
  await page.screenshot({ path: `${SCREENS}/formats-source-dialog.png` });
  await dialog.locator('button', { hasText: 'Close' }).click();
  assert.ok(!(await dialog.evaluate((d) => d.open)));

  // A Word document has no text to show beside it: a note says so.
  await page.locator('.ac-article-card').nth(1).locator('.ac-article-source button').click();
  assert.equal(await dialog.locator('.ac-source-original').isVisible(), false);
  assert.match(await dialog.locator('.ac-source-note').textContent(), /Word document is not text/);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SCREENS}/formats-three-columns.png` });

  // The sources are kept with the articles in storage; the original files are not.
  await page.waitForFunction(() => !document.querySelector('#app').dataset.unsaved);
  await page.reload();
  await waitForReport(page);
  assert.deepEqual(await sourceLines(page), lines);
  await page.locator('.ac-column[data-doc="0"] .ac-column-source button').click();
  assert.match(await dialog.locator('.ac-source-note').textContent(), /kept only until the page is reloaded: drop the file again/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('plain UTF-8 text does not load the formats module; legacy text is decoded and the decision shown', async () => {
  const { page, errors, loads } = await openAppCountingLoads();
  await dropFiles(page, [{ name: 'wire.txt', text: WIRE }, { name: 'bom.txt', text: `\uFEFF${WIRE.replace('union', 'mayor')}` }]);
  await waitForReport(page);
  assert.deepEqual(loads, { js: 0, wasm: 0 });
  assert.deepEqual(await page.locator('.ac-column-source-text').allTextContents(), ['Text, UTF-8', 'Text, UTF-8']);

  await clearArticles(page);
  await dropFiles(page, [
    { name: 'cafe.txt', bytes: await fixture('cafe-windows-1252.txt') },
    { name: 'residents.txt', bytes: await fixture('residents-utf16le.txt') },
  ]);
  await waitForReport(page);
  assert.deepEqual(await page.locator('.ac-column-source-text').allTextContents(), ['Text, decoded as Windows-1252', 'Text, decoded as UTF-16 LE']);
  await page.click('.ac-collapse-button');
  assert.deepEqual(await sourceLines(page), ['Read from cafe.txt (text, decoded as Windows-1252)', 'Read from residents.txt (text, decoded as UTF-16 LE)']);
  const [cafe] = await page.locator('.ac-article-text').evaluateAll((els) => els.map((e) => e.value));
  assert.match(cafe, /^Café owners near the port count the cost\n\n.*more than €2,000\.\n“We had to close the terrace at noon,” said Zoë Müller/);
  await page.locator('.ac-article-card').first().screenshot({ path: `${SCREENS}/formats-windows-1252-card.png` });
  assert.deepEqual(loads, { js: 1, wasm: 1 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a PDF, an image, an empty and a too large file are refused by name; the valid files still load', async () => {
  const { page, errors } = await openAppCountingLoads();
  await dropFiles(page, [
    { name: 'report.pdf', bytes: await fixture('report.pdf') },
    { name: 'wire.txt', text: WIRE },
    { name: 'photo.png', bytes: await fixture('photo.png') },
    { name: 'empty.txt', text: '' },
    { name: 'huge.txt', size: 51 * 1024 * 1024 },
    { name: 'page.html', bytes: await fixture('rail-strike.html') },
  ]);
  await waitForReport(page);
  const problems = await page.locator('.ac-file-problem > span').allTextContents();
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0], /^report\.pdf: is a PDF, which cannot be read yet: open it, select and copy the article's text, and paste it instead\.$/);
  assert.match(problems[1], /^photo\.png: is an image \(PNG\)\.$/);
  assert.match(problems[2], /^empty\.txt: is empty\.$/);
  assert.match(problems[3], /^huge\.txt: is too large to compare \(it is 51 MB; the limit is 50 MB\)\.$/);
  assert.deepEqual(await page.locator('.ac-column-title').allTextContents(), ['wire.txt', 'page.html']);
  await page.click('.ac-collapse-button');
  assert.deepEqual(await sourceLines(page), [
    'Read from wire.txt (text, UTF-8)',
    'Read from page.html (web page, article only, decoded as Windows-1252; 12 blocks of page chrome left out)',
  ]);
  await page.locator('.ac-input').screenshot({ path: `${SCREENS}/formats-refusals.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

/** Pastes a clipboard with `data` ({type: text}) into article box `index`; returns whether the app took over the paste. */
function pasteInto(page, index, data) {
  return page.evaluate(({ index, data }) => {
    const box = document.querySelectorAll('.ac-article-text')[index];
    box.focus();
    const clipboardData = new DataTransfer();
    for (const [type, text] of Object.entries(data)) clipboardData.setData(type, text);
    return !box.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, { index, data });
}

test('a copied web page is pasted as its article, or as plain text when chosen, and the choice is kept', async () => {
  const { page, errors, loads } = await openAppCountingLoads();
  const html = (await fixture('harbour-fire.html')).toString('utf8');
  const plain = 'We use cookies. Fire sweeps through Rotterdam container terminal.';
  assert.equal(await page.locator('input[name="paste-as"][value="article"]').isChecked(), true);
  assert.equal(await pasteInto(page, 0, { 'text/html': html, 'text/plain': plain }), true);
  const box = page.locator('.ac-article-text').first();
  await page.waitForFunction(() => document.querySelector('.ac-article-text').value.startsWith('Fire sweeps'));
  const text = await box.inputValue();
  assert.match(text, /^Fire sweeps through Rotterdam container terminal, injuring more than a dozen workers\nBy Annelies Brouwer/);
  assert.ok(!text.includes('We use cookies'));
  assert.equal(await page.locator('.ac-article-name').first().inputValue(), 'Fire sweeps through Rotterdam container terminal, injurin…');
  assert.deepEqual(await sourceLines(page), ['Pasted from a web page (article only; 35 blocks of page chrome left out)']);
  assert.deepEqual(loads, { js: 1, wasm: 1 });
  await page.locator('.ac-article-card').first().screenshot({ path: `${SCREENS}/formats-pasted-card.png` });

  // A clipboard without HTML is the browser's to paste.
  assert.equal(await pasteInto(page, 1, { 'text/plain': plain }), false);

  // A lone web address is pasted too, and the user told how to bring the page in.
  assert.equal(await pasteInto(page, 1, { 'text/plain': ' https://example.com/news/port-fire ' }), false);
  assert.match(await page.locator('.ac-notice[data-topic="paste"]').textContent(), /^A web address cannot be read from here: .* Save the page .* and drop the file here, or .* paste it\./);

  // Plain text chosen: the browser pastes the plain text, nothing is extracted.
  await page.locator('.ac-paste-mode label', { hasText: 'Plain text' }).click();
  assert.equal(await pasteInto(page, 1, { 'text/html': html, 'text/plain': plain }), false);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.ac-article-text').nth(1).inputValue(), '');
  assert.deepEqual(await sourceLines(page), ['Pasted from a web page (article only; 35 blocks of page chrome left out)']);

  // A page with no text to read: its plain text is pasted, and the user told.
  await page.locator('.ac-paste-mode label', { hasText: 'Article only' }).click();
  const second = page.locator('.ac-article-text').nth(1);
  assert.equal(await pasteInto(page, 1, { 'text/html': '<html><body><img alt=""></body></html>', 'text/plain': 'Only plain.' }), true);
  await page.waitForFunction(() => document.querySelectorAll('.ac-article-text')[1].value === 'Only plain.');
  assert.match(await page.locator('.ac-notice[data-topic="paste"]').textContent(), /^The copied web page could not be read \(has no text to compare\), so its plain text was pasted\./);
  assert.equal(await page.locator('.ac-article-source:not([hidden])').count(), 1);

  // A web page pasted into the middle of a text adds its article there, and is not the article's source.
  await second.fill('Before. After.');
  await second.evaluate((el) => el.setSelectionRange(8, 8));
  await pasteInto(page, 1, { 'text/html': '<p>Pasted paragraph one.</p><p>Two.</p>', 'text/plain': 'x' });
  await page.waitForFunction(() => document.querySelectorAll('.ac-article-text')[1].value.includes('Pasted'));
  assert.equal(await second.inputValue(), 'Before. Pasted paragraph one.\nTwo.After.');
  assert.equal(await page.locator('.ac-article-source:not([hidden])').count(), 1);

  // The choice of plain text is remembered.
  await page.locator('.ac-paste-mode label', { hasText: 'Plain text' }).click();
  await page.waitForFunction(() => !document.querySelector('#app').dataset.unsaved);
  await page.reload();
  await page.waitForSelector('#app[data-ready="true"]');
  assert.equal(await page.locator('input[name="paste-as"][value="text"]').isChecked(), true);
  assert.deepEqual(await sourceLines(page), ['Pasted from a web page (article only; 35 blocks of page chrome left out)']);
  assert.deepEqual(errors, []);
  await page.close();
});

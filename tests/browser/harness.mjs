// Shared set-up of the browser tests: a static server on 127.0.0.1 for the
// repository (the app is at /www/, test pages under /tests/) and Debian's
// headless Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Without the networking flags Chromium floods a closed network with
// connection attempts; --no-sandbox because CI runs as root.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server and a browser; `headers(path)` adds response headers.
 * Returns {url, context, close}.
 */
export async function launch({ headers } = {}) {
  const { server, url } = await startServer({ root: ROOT, headers });
  const browser = await launchChromium();
  return {
    url,
    context: browser.context,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Starts Debian's Chromium with a fresh profile: {context, close}. */
export async function launchChromium() {
  const profile = await mkdtemp(join(tmpdir(), 'article-compare-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught page errors of `page`. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Measures the memory of `page` through the DevTools protocol, each time
 * after a garbage collection: `jsHeap()` is the page's used JS heap in
 * bytes; `wasm()` the bytes of wasm memory held by each of its live
 * workers, as {session: bytes}; `ended(session)` resolves when that worker
 * is gone.
 */
export async function memoryProbe(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // A worker is reached through the page's session, its messages wrapped in
  // Target.sendMessageToTarget (the protocol's non-flat mode): Playwright
  // offers no session of a worker's own.
  const workers = new Map(); // session → {ended: Promise, end()}
  const pending = new Map(); // message id → {session, resolve, reject}
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    let end;
    const ended = new Promise((resolve) => (end = resolve));
    workers.set(sessionId, { ended, end });
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    workers.get(sessionId)?.end();
    workers.delete(sessionId);
    for (const [id, p] of pending) {
      if (p.session !== sessionId) continue;
      pending.delete(id);
      p.reject(new Error('the worker ended'));
    }
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, result, error } = JSON.parse(message);
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error) p.reject(new Error(error.message));
    else p.resolve(result);
  });
  const send = (session, method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { session, resolve, reject });
    cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  /** The bytes of every WebAssembly.Memory alive in the worker of `session`. */
  const wasmOf = async (session) => {
    await send(session, 'HeapProfiler.collectGarbage');
    const { result: prototype } = await send(session, 'Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await send(session, 'Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
    const { result } = await send(session, 'Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.reduce((bytes, memory) => bytes + memory.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return result.value;
  };
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    async jsHeap() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    },
    async wasm() {
      const sessions = [...workers.keys()];
      const bytes = await Promise.all(sessions.map((s) => wasmOf(s).catch(() => 0)));
      return Object.fromEntries(sessions.map((s, i) => [s, bytes[i]]));
    },
    ended: (session) => workers.get(session)?.ended ?? Promise.resolve(),
  };
}

/**
 * A fresh app page (www/index.html) of `browser` with empty storage:
 * `errors` collects console errors, `dialogs` any alert/confirm/prompt.
 * `setup(page)` runs before the app loads.
 */
export async function openApp(browser, { width = 1440, height = 900, dark = false, setup } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  // Storage is cleared from a blank page of the same origin, before the app reads it.
  await page.route('**/__blank__', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto(`${browser.url}__blank__`);
  await page.evaluate(() => new Promise((resolve) => {
    localStorage.clear();
    const request = indexedDB.deleteDatabase('article-compare');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  }));
  await setup?.(page);
  await page.goto(`${browser.url}www/index.html`);
  await page.waitForSelector('#app[data-ready="true"]');
  return { page, errors, dialogs };
}

/** Waits until the app's comparison is done and its columns are fully built. */
export async function waitForReport(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const app = document.querySelector('#app');
    return app.dataset.phase === 'done' && !app.dataset.rendering && Boolean(app.report);
  }, null, { timeout });
}

/**
 * Checks the app's JSON export (`exported`, parsed) against the report the
 * app shows: the app's report leaves the word diffs out, the export has
 * every one, as the command line's --json does; all else is the same.
 */
export function assertExportedReport(exported, report) {
  assert.equal(report.options.include_diffs, false);
  assert.equal(exported.options.include_diffs, true);
  assert.ok(exported.matches.every((m) => m.diff.length > 0), 'every match has its word diff');
  assert.deepEqual({ ...exported, options: report.options, matches: exported.matches.map((m) => ({ ...m, diff: [] })) }, report);
}

/**
 * Clears every article through the app's own button and confirmation, and
 * waits until the clear has taken effect: the dialog's close event is a task
 * of its own, so what the test does next could otherwise see the old report.
 */
export async function clearArticles(page) {
  await page.click('.ac-clear-button');
  await page.click('.ac-confirm-dialog [value="confirm"]');
  await page.waitForFunction(() => {
    const app = document.querySelector('#app');
    return app.dataset.hasText === 'false' && !app.report;
  });
}

/**
 * Drops `files` ([{name, type?, and text, bytes (a Buffer or byte array) or
 * size (that many zero bytes)}]) on the app's drop zone with a synthetic
 * DataTransfer.
 */
export async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) {
      const content = f.size ? new Uint8Array(f.size) : f.bytes ? new Uint8Array(f.bytes) : f.text;
      transfer.items.add(new File([content], f.name, { type: f.type ?? '' }));
    }
    const zone = document.querySelector('.ac-dropzone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files.map((f) => (f.bytes ? { ...f, bytes: [...f.bytes] } : f)));
}

/** A zip of `entries` ([path, text]), deflated: what a .docx is. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [path, text] of entries) {
    const name = Buffer.from(path);
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const header = (size, fields) => {
      const b = Buffer.alloc(size);
      for (const [at, bytes, value] of fields) (bytes === 2 ? b.writeUInt16LE : b.writeUInt32LE).call(b, value, at);
      return b;
    };
    // Signature, version, flags, method 8 (deflate), CRC and sizes, name length.
    const common = [[10, 4, crc32(data)], [14, 4, packed.length], [18, 4, data.length], [22, 2, name.length]];
    locals.push(header(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], ...common.map(([at, n, v]) => [at + 4, n, v])]), name, packed);
    centrals.push(header(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], ...common.map(([at, n, v]) => [at + 6, n, v]), [42, 4, offset]]), name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word document (.docx bytes) whose body is the XML `body` (`<w:p>` elements), with `footnotes` (a footnotes part) if given. */
export function wordDocument(body, { footnotes } = {}) {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`],
    ...(footnotes ? [['word/footnotes.xml', footnotes]] : []),
  ]);
}

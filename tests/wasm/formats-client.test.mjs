// The app's client of the format readers' worker (www/app/formats-client.js),
// against a stand-in Worker: every read goes to the worker with the wasm
// compiled once on the page; refusals keep the module's error; a worker
// that fails is replaced, and what it had been asked is rejected, not lost.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';

// The smallest valid wasm module: what the page compiles and hands over.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

class StandInWorker extends EventTarget {
  static started = [];

  constructor(url, options) {
    super();
    Object.assign(this, { url: String(url), options, posted: [], terminated: false });
    StandInWorker.started.push(this);
  }

  postMessage(message, transfer = []) {
    this.posted.push({ message, transfer });
  }

  terminate() {
    this.terminated = true;
  }

  /** The worker's answer to its last request. */
  answer(fields) {
    const { id } = this.posted.at(-1).message;
    this.dispatchEvent(new MessageEvent('message', { data: { id, ...fields } }));
  }
}

let fetches = 0;
let fetchFails = false;
globalThis.Worker = StandInWorker;
globalThis.fetch = async () => {
  fetches++;
  if (fetchFails) throw new Error('offline');
  return new Response(EMPTY_WASM, { headers: { 'content-type': 'application/wasm' } });
};

let copy = 0;
/** A fresh instance of the module: no worker, nothing compiled. */
const freshClient = () => import(`../../www/app/formats-client.js?copy=${++copy}`);

/** The `n`th worker started, once the client's awaits (fetch, compile) have let it post `count` messages. */
async function posted(n, count) {
  const worker = () => StandInWorker.started[n];
  for (let i = 0; i < 100 && (worker()?.posted.length ?? 0) < count; i++) await new Promise((r) => setTimeout(r, 1));
  assert.equal(worker()?.posted.length, count, `worker ${n} was sent ${count} messages`);
  return worker();
}

beforeEach(() => {
  StandInWorker.started = [];
  fetches = 0;
  fetchFails = false;
});

test('a file is read by the worker, which gets the compiled wasm first and the bytes handed over', async () => {
  const { extract } = await freshClient();
  const bytes = new TextEncoder().encode('<p>Hello</p>');
  const reading = extract(bytes, 'page.html');
  const worker = await posted(0, 2);
  assert.ok(worker.url.endsWith('/app/formats-worker.js'));
  assert.equal(worker.options.type, 'module');
  const [init, read] = worker.posted;
  assert.equal(init.message.type, 'init');
  assert.ok(init.message.module instanceof WebAssembly.Module);
  assert.equal(read.message.type, 'extract');
  assert.equal(read.message.name, 'page.html');
  assert.deepEqual(read.transfer, [bytes.buffer], 'the buffer is transferred, not copied');
  const source = { format: 'html' };
  worker.answer({ result: { text: 'Hello', source }, memory: 1 << 20 });
  assert.deepEqual(await reading, { text: 'Hello', source });

  // A second file goes to the same worker; the wasm is not fetched again.
  const view = new Uint8Array(new ArrayBuffer(16), 4, 8);
  const second = extract(view, 'part.txt');
  await posted(0, 3);
  assert.deepEqual(worker.posted[2].transfer, [], 'a view of part of a buffer is copied');
  worker.answer({ error: { name: 'ArticleCompareError', kind: 'unsupported_format', message: 'part.txt: is not text' } });
  await assert.rejects(second, { name: 'ArticleCompareError', kind: 'unsupported_format', message: 'part.txt: is not text' });
  assert.equal(StandInWorker.started.length, 1);
  assert.equal(fetches, 1);
});

test('a worker that fails rejects everything it was asked and is replaced by a fresh one', async () => {
  const { extract, reportPage, ReaderStopped } = await freshClient();
  const first = extract(new Uint8Array([1]), 'a.docx');
  const page = reportPage('{}', []);
  const worker = await posted(0, 3);
  worker.answer({ crash: 'unreachable' });
  await assert.rejects(first, (e) => e instanceof ReaderStopped && /unreachable/.test(e.message));
  await assert.rejects(page, ReaderStopped, 'the other request is not left waiting');
  assert.ok(worker.terminated);

  const again = extract(new Uint8Array([2]), 'b.docx');
  const fresh = await posted(1, 2);
  assert.equal(fresh.posted[0].message.type, 'init');
  fresh.answer({ result: { text: 'b', source: {} }, memory: 1 });
  assert.equal((await again).text, 'b');
  assert.equal(fetches, 1, 'compiled once for both workers');

  // A worker that cannot even start (an 'error' event) is reported the same way.
  const lost = extract(new Uint8Array([3]), 'c.docx');
  await posted(1, 3);
  const error = new Event('error', { cancelable: true });
  error.message = 'script failed';
  fresh.dispatchEvent(error);
  await assert.rejects(lost, /the file reader stopped \(script failed\)/);
  assert.ok(error.defaultPrevented && fresh.terminated);
});

test('a worker grown large is let go once idle; a failed load is tried again', async () => {
  const { extract } = await freshClient();
  const big = extract(new Uint8Array([1]), 'big.html');
  const worker = await posted(0, 2);
  worker.answer({ result: { text: 'x', source: {} }, memory: 512 << 20 });
  await big;
  assert.ok(worker.terminated, 'its memory is given back');

  fetchFails = true;
  const { extract: offline } = await freshClient();
  await assert.rejects(offline(new Uint8Array([1]), 'a.html'), /offline/);
  fetchFails = false;
  const retried = offline(new Uint8Array([1]), 'a.html');
  const next = await posted(1, 2);
  next.answer({ result: { text: 'a', source: {} }, memory: 1 });
  assert.equal((await retried).text, 'a');
  assert.equal(fetches, 3, 'one fetch for the first module; the failed one tried again');
});

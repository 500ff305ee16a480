// The format readers (pkg/article_compare_formats*: web pages, Word
// documents, Markdown, text in any encoding) and the HTML report's renderer,
// run in a Web Worker of their own (app/formats-worker.js) so that a long
// file never freezes the page. files.js and the export import this module
// only when a file, a paste or an export needs it, since its wasm weighs
// about 580 KB gzipped; the wasm is then fetched and compiled once, here,
// and handed to the worker, and to any worker that replaces it.

import { compiledOnce } from './compile-wasm.js';

// A worker whose wasm memory grew past this (a long file) is let go once it
// is idle: wasm memory never shrinks, and the compiled module makes a fresh
// worker ready at once.
const LARGE_MEMORY_BYTES = 64 * 1024 * 1024;

const WORKER_URL = new URL('./formats-worker.js', import.meta.url);

/** Rejection of a request whose worker stopped (the reader failed, or ran out of memory). */
export class ReaderStopped extends Error {
  constructor(reason) {
    super(`the file reader stopped (${reason})`);
    this.name = 'ReaderStopped';
  }
}

const compiled = compiledOnce(new URL('../pkg/article_compare_formats_bg.wasm', import.meta.url));
let worker = null;
const pending = new Map(); // id → {resolve, reject}
let nextId = 1;

/** Ends `stopped` (if it is still the worker) and rejects what it had been asked. */
function stop(stopped, reason) {
  if (stopped !== worker) return;
  worker.terminate();
  worker = null;
  for (const { reject } of pending.values()) reject(new ReaderStopped(reason));
  pending.clear();
}

function receive(from, { id, result, memory, error, crash }) {
  const request = pending.get(id);
  if (from !== worker || !request) return;
  pending.delete(id);
  if (crash !== undefined) {
    request.reject(new ReaderStopped(crash));
    stop(from, crash); // the instance may be broken
    return;
  }
  if (error) request.reject(Object.assign(new Error(error.message), error));
  else request.resolve(result);
  if (memory > LARGE_MEMORY_BYTES && pending.size === 0) {
    worker.terminate();
    worker = null;
  }
}

async function ensureWorker() {
  const wasm = await compiled();
  if (worker) return worker;
  const started = new Worker(WORKER_URL, { type: 'module' });
  started.addEventListener('message', ({ data }) => receive(started, data));
  started.addEventListener('error', (e) => {
    e.preventDefault(); // reported to the caller instead
    stop(started, e.message || 'it could not start');
  });
  started.addEventListener('messageerror', () => stop(started, 'its result could not be received'));
  started.postMessage({ type: 'init', module: wasm });
  worker = started;
  return worker;
}

/** Posts `message` to the worker; resolves to its result. */
async function request(message, transfer = []) {
  const target = await ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ ...message, id }, transfer);
  });
}

/**
 * The text of the file `name` whose content is `bytes` (a Uint8Array, handed
 * over to the worker: its buffer is detached), and how it was read: {text,
 * source}. Throws the module's ArticleCompareError (its message names the
 * file and says why) when the file is refused, ReaderStopped when the
 * reader failed.
 */
export function extract(bytes, name) {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return request({ type: 'extract', bytes, name }, whole ? [bytes.buffer] : []);
}

/**
 * The report (as JSON) as a self-contained web page, made from `texts` (the
 * articles' texts, in the report's order): the command line's --html page.
 */
export function reportPage(json, texts) {
  return request({ type: 'reportPage', json, texts });
}

// Runs comparisons in a module Web Worker (app/worker.js) and owns its life:
// one comparison at a time; a new request or cancel() ends a running one by
// terminating the worker (wasm cannot be interrupted) and starting a fresh
// one; a worker that dies is replaced and the comparison retried once.
// The wasm is compiled once here and handed to every worker, so a fresh
// worker is ready at once. So is the semantic signal's sketch (720 KB, 600 KB
// gzipped), fetched while the page is idle: until it arrives, comparisons
// match on words alone.

import { compiledOnce } from './compile-wasm.js';

// Wasm memory grows and never shrinks: a worker that compared megabytes
// keeps hundreds of MB for good. Such a worker is replaced once it has been
// idle for a while (not at once: an edit to a long article compares again
// soon, and can reuse the memory).
const LARGE_MEMORY_BYTES = 64 * 1024 * 1024;
const RECYCLE_IDLE_MS = 5000;

/** Rejection of a comparison that a newer one (or cancel()) replaced. */
export class CancelledError extends Error {
  constructor() {
    super('comparison cancelled');
    this.name = 'CancelledError';
  }
}

export class CompareClient {
  /**
   * `onRestart(reason)` is told when a worker died and was replaced;
   * `onSemanticReady()` when the semantic sketch has arrived (comparisons
   * from then on use it). `workerUrl`, `wasmUrl` and `sketchUrl` default to
   * the files next to this module.
   */
  constructor({
    onRestart = () => {},
    onSemanticReady = () => {},
    workerUrl = new URL('./worker.js', import.meta.url),
    wasmUrl = new URL('../pkg/article_compare_bg.wasm', import.meta.url),
    sketchUrl = new URL('../pkg/minilm-signs.bin', import.meta.url),
  } = {}) {
    this.onRestart = onRestart;
    this.onSemanticReady = onSemanticReady;
    this.workerUrl = workerUrl;
    this.sketchUrl = sketchUrl;
    this.sketch = null;
    this.sketchRequested = false;
    this.compiled = compiledOnce(wasmUrl);
    this.worker = null;
    this.initialised = new WeakSet();
    this.job = null;
    this.lookups = new Map(); // id → pending diffs() request
    this.nextId = 1;
    this.recycleTimer = 0;
  }

  /** Whether a comparison is running. */
  get busy() {
    return this.job !== null;
  }

  /**
   * Compares `articles` ([{name, text}]) with `options` in the worker;
   * `onProgress(done, stage)` hears how far it has come (done 0–1).
   * Resolves to {report, ms}; rejects with the API's ArticleCompareError,
   * with CancelledError when replaced, or with an Error of kind
   * `worker_crashed` when the worker died twice on this input.
   */
  compare(articles, options, { onProgress = () => {} } = {}) {
    this.cancel();
    return new Promise((resolve, reject) => {
      this.job = { id: this.nextId++, articles, options, onProgress, resolve, reject, retried: false };
      this.post(this.job);
    });
  }

  /**
   * The word diffs of `pairs` ([[a, b]], two segments' texts): what a report
   * made with `include_diffs: false` leaves out of its matches. Resolves to
   * one diff per pair, after any comparison running; a worker replaced
   * meanwhile is asked again.
   */
  diffs(pairs) {
    return new Promise((resolve, reject) => {
      const lookup = { id: this.nextId++, pairs, resolve, reject };
      this.lookups.set(lookup.id, lookup);
      this.postLookup(lookup);
    });
  }

  async postLookup(lookup) {
    const worker = this.ensureWorker();
    const module = await this.compiled().catch(() => null);
    if (this.worker !== worker || !this.lookups.has(lookup.id)) return;
    this.initialise(worker, module);
    worker.postMessage({ type: 'diffs', id: lookup.id, pairs: lookup.pairs });
  }

  /** Ends the running comparison, if any, and readies a fresh worker. */
  cancel() {
    if (!this.job) return;
    const { reject } = this.job;
    this.job = null;
    this.replaceWorker();
    reject(new CancelledError());
  }

  /** Whether comparisons use the semantic sketch. */
  get semantic() {
    return this.sketch !== null;
  }

  /**
   * Starts the worker ahead of the first comparison, its engine loaded and
   * run in, then fetches the semantic sketch.
   */
  async warm() {
    const worker = this.ensureWorker();
    const module = await this.compiled().catch(() => null);
    if (this.worker === worker) this.initialise(worker, module, { warmUp: true });
    this.fetchSketch();
  }

  /** Fetches the semantic sketch once; without it, comparisons match on words alone. */
  async fetchSketch() {
    if (this.sketchRequested) return;
    this.sketchRequested = true;
    try {
      const response = await fetch(this.sketchUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.sketch = await response.arrayBuffer();
    } catch (e) {
      console.warn(`article-compare: no semantic sketch at ${this.sketchUrl} (${e.message}); matching on words alone`);
      return;
    }
    if (this.worker && this.initialised.has(this.worker)) this.worker.postMessage({ type: 'sketch', sketch: this.sketch });
    this.onSemanticReady();
  }

  /** Ends the worker for good. */
  dispose() {
    for (const lookup of this.lookups.values()) lookup.reject(new CancelledError());
    this.lookups.clear();
    this.cancel();
    clearTimeout(this.recycleTimer);
    this.worker?.terminate();
    this.worker = null;
  }

  async post(job) {
    clearTimeout(this.recycleTimer);
    const worker = this.ensureWorker();
    const module = await this.compiled().catch(() => null);
    if (this.job !== job || this.worker !== worker) return;
    this.initialise(worker, module);
    worker.postMessage({ type: 'compare', id: job.id, articles: job.articles, options: job.options });
  }

  /**
   * Hands `worker` the compiled wasm, once (without it, the worker fetches
   * and compiles the wasm itself); `warmUp` when there is time for it.
   */
  initialise(worker, module, { warmUp = false } = {}) {
    if (this.initialised.has(worker)) return;
    worker.postMessage({ type: 'init', module, warmUp, sketch: this.sketch });
    this.initialised.add(worker);
  }

  ensureWorker() {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl, { type: 'module' });
    worker.addEventListener('message', ({ data }) => this.receive(worker, data));
    worker.addEventListener('error', (e) => {
      // Handled here: the worker is replaced and the user told.
      e.preventDefault();
      this.crashed(worker, e.message || 'the comparison worker stopped');
    });
    worker.addEventListener('messageerror', () => this.crashed(worker, 'the result could not be received'));
    this.worker = worker;
    return worker;
  }

  replaceWorker() {
    this.worker?.terminate();
    this.worker = null;
    this.ensureWorker();
    for (const lookup of this.lookups.values()) this.postLookup(lookup);
  }

  receive(worker, data) {
    if (data.diffs !== undefined) {
      const lookup = this.lookups.get(data.id);
      if (worker !== this.worker || !lookup) return;
      this.lookups.delete(data.id);
      if (data.diffs) lookup.resolve(data.diffs);
      else lookup.reject(new Error(data.message));
      return;
    }
    const job = this.job;
    if (worker !== this.worker || !job || data.id !== job.id) return;
    if (data.progress !== undefined) {
      job.onProgress(data.progress, data.stage);
      return;
    }
    if (data.crash !== undefined) {
      this.crashed(worker, data.crash);
      return;
    }
    if (data.error) {
      this.job = null;
      const error = new Error(data.error.message);
      Object.assign(error, data.error);
      job.reject(error);
      return;
    }
    // The report comes as a skeleton, then its long arrays in slices.
    if (data.report) Object.assign(job, { report: data.report, ms: data.ms, remaining: data.parts, memory: data.memory });
    if (data.part) {
      const { doc, field, items } = data.part;
      const target = doc === undefined ? job.report[field] : job.report.documents[doc][field];
      for (const item of items) target.push(item);
      job.remaining--;
    }
    if (job.report && job.remaining === 0) {
      this.job = null;
      if (job.memory > LARGE_MEMORY_BYTES) this.recycleTimer = setTimeout(() => this.recycle(worker), RECYCLE_IDLE_MS);
      job.resolve({ report: job.report, ms: job.ms });
    }
  }

  /** Replaces `worker`, grown large, if it is still the idle current one. */
  recycle(worker) {
    if (worker === this.worker && !this.job && this.lookups.size === 0) this.replaceWorker();
  }

  crashed(worker, reason) {
    if (worker !== this.worker) return;
    const job = this.job;
    this.worker.terminate();
    this.worker = null;
    // Diffs are not retried: what was asked may be what killed the worker.
    for (const lookup of this.lookups.values()) lookup.reject(new Error(`the comparison worker stopped (${reason})`));
    this.lookups.clear();
    // With nothing to compare, the next comparison starts a fresh worker: a
    // worker that cannot even start must not be restarted for ever.
    if (!job) return;
    this.onRestart(reason);
    if (!job.retried) {
      job.retried = true;
      this.post(job);
      return;
    }
    this.job = null;
    const error = new Error(`The comparison stopped unexpectedly twice on this input (${reason}).`);
    error.kind = 'worker_crashed';
    job.reject(error);
  }
}

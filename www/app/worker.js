// The module Web Worker that runs compare(): the wasm is synchronous and can
// take seconds on long articles, so it never runs on the page's thread.
//
// Messages in:  {type: 'init', module?, warmUp?, sketch?}  (a compiled
//               WebAssembly.Module; warmUp: the page is idle, run the engine
//               in; sketch: the semantic signal's sketch, an ArrayBuffer)
//               {type: 'sketch', sketch}  (the sketch, once it has arrived)
//               {type: 'compare', id, articles, options}
//               {type: 'diffs', id, pairs}  (pairs: [[a, b]], two segments'
//               texts: the word diffs a report made with include_diffs
//               false leaves out)
// Messages out: {id, progress, stage} while comparing (share done, 0–1)
//               {id, report, ms, parts, memory} then `parts` messages {id, part}
//               (`memory`: the bytes of wasm memory this worker now holds)
//               | {id, error: {name, kind, field, message}}
//               | {id, crash: message}  (anything else: the instance may be
//               broken, so the client replaces this worker)
//               {id, diffs} for 'diffs': one diff per pair (null if failed)
//
// A long report is sent as a skeleton (its big arrays empty) and then in
// slices, so that no single message takes the page long to receive.
import init, { compare, loadEmbeddings, wordDiff } from '../pkg/article_compare.js';

// Items per slice, each slice a few milliseconds to receive on a slow
// machine: a match with its word diff weighs about ten segments (the app
// asks for reports without, so its slices of matches are lighter).
const SLICE = { segments: 1000, matches: 100, groups: 1000, passages: 1000 };

let ready = null;

// V8 first runs wasm as its baseline compiler made it and optimises the
// functions that turn out hot: a fresh engine took 60-80 ms on two short
// articles that it compares in 3-5 ms once warm. Comparing a made-up pair a
// few times when the page starts its first worker does that before the
// user's first result.
const WARM_UP = [
  {
    name: 'A',
    text: 'Fire hits Rotterdam port\n\nAt least 14 workers were injured when a fire swept through a container terminal on Sunday, officials said. "We are not yet sure what caused it," the port authority said. Ships were held outside the harbour.',
  },
  {
    name: 'B',
    text: 'Huge fire at Rotterdam port\n\nShips were held outside the harbour on Sunday. A fire swept through a container terminal, injuring at least 17 workers, officials said. "We are sure of what caused it," a spokeswoman said.',
  },
];
const WARM_UP_MS = 150;

function start(module, warmUp = false) {
  return init(module ? { module_or_path: module } : undefined).then((wasm) => {
    for (const from = performance.now(); warmUp && performance.now() - from < WARM_UP_MS;) compare(WARM_UP, {});
    return wasm;
  });
}

/** The report with its long arrays emptied (keys kept in order), and their slices. */
function sliced(report) {
  const parts = [];
  const cut = (items, where) => {
    const size = SLICE[where.field];
    for (let i = 0; i < items.length; i += size) parts.push({ ...where, items: items.slice(i, i + size) });
    return [];
  };
  const skeleton = {
    ...report,
    documents: report.documents.map((d, doc) => ({ ...d, segments: cut(d.segments, { doc, field: 'segments' }) })),
  };
  for (const field of ['matches', 'groups', 'passages']) skeleton[field] = cut(report[field], { field });
  return { skeleton, parts };
}

/**
 * Loads the semantic sketch once the engine is ready: comparisons after it
 * use it, those before match on words alone. A sketch that does not load
 * leaves the engine as it was.
 */
function useSketch(sketch) {
  (ready ??= start()).then(() => loadEmbeddings(new Uint8Array(sketch))).catch((e) => {
    console.warn(`article-compare: the semantic sketch did not load (${e?.message ?? e}); matching on words alone`);
  });
}

self.addEventListener('message', async ({ data }) => {
  if (data.type === 'init') {
    ready = start(data.module, data.warmUp);
    if (data.sketch) useSketch(data.sketch);
    return;
  }
  if (data.type === 'sketch') {
    useSketch(data.sketch);
    return;
  }
  if (data.type === 'diffs') {
    try {
      await (ready ??= start());
      self.postMessage({ id: data.id, diffs: data.pairs.map(([a, b]) => wordDiff(a, b)) });
    } catch (e) {
      self.postMessage({ id: data.id, diffs: null, message: String(e?.message ?? e) });
    }
    return;
  }
  if (data.type !== 'compare') return;
  const { id, articles, options } = data;
  try {
    const wasm = await (ready ??= start());
    const started = performance.now();
    const report = compare(articles, options, (progress, stage) => self.postMessage({ id, progress, stage }));
    const ms = performance.now() - started;
    const { skeleton, parts } = sliced(report);
    self.postMessage({ id, report: skeleton, ms, parts: parts.length, memory: wasm.memory.buffer.byteLength });
    for (const part of parts) self.postMessage({ id, part });
  } catch (e) {
    if (e?.name === 'ArticleCompareError') {
      self.postMessage({ id, error: { name: e.name, kind: e.kind, field: e.field, message: e.message } });
    } else {
      self.postMessage({ id, crash: String(e?.message ?? e) });
    }
  }
});

// The module Web Worker that runs compare(): the wasm is synchronous and can
// take seconds on long articles, so it never runs on the page's thread.
//
// Messages in:  {type: 'init', module?}  (a compiled WebAssembly.Module)
//               {type: 'compare', id, articles, options}
// Messages out: {id, progress, stage} while comparing (share done, 0–1)
//               {id, report, ms, parts, memory} then `parts` messages {id, part}
//               (`memory`: the bytes of wasm memory this worker now holds)
//               | {id, error: {name, kind, field, message}}
//               | {id, crash: message}  (anything else: the instance may be
//               broken, so the client replaces this worker)
//
// A long report is sent as a skeleton (its big arrays empty) and then in
// slices, so that no single message takes the page long to receive.
import init, { compare } from '../pkg/article_compare.js';

// Items per slice, each slice a few milliseconds to receive on a slow
// machine: a match with its diff weighs about ten segments.
const SLICE = { segments: 1000, matches: 100, groups: 1000, passages: 1000 };

let ready = null;

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

self.addEventListener('message', async ({ data }) => {
  if (data.type === 'init') {
    ready = init(data.module ? { module_or_path: data.module } : undefined);
    return;
  }
  if (data.type !== 'compare') return;
  const { id, articles, options } = data;
  try {
    const wasm = await (ready ??= init());
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

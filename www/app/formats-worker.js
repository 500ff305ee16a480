// The module Web Worker that runs the format readers and the HTML report's
// renderer (pkg/article_compare_formats): reading a 4 MB web page took
// 0.6 s and a Word document of 8 MB of text 0.1 s, which on the page's
// thread would freeze it.
//
// Messages in:  {type: 'init', module}  (the compiled WebAssembly.Module)
//               {type: 'extract', id, bytes, name}
//               {type: 'reportPage', id, json, texts}
// Messages out: {id, result, memory}  (extract: {text, source}; reportPage:
//               the page's HTML; `memory`: the bytes of wasm memory held)
//               | {id, error: {name, kind, message}}  (a refusal: the
//               module's ArticleCompareError, its message naming the file)
//               | {id, crash: message}  (anything else: the instance may be
//               broken, so the client replaces this worker)
import init, { extract, reportPage } from '../pkg/article_compare_formats.js';

let ready = null;

const RUN = {
  extract: ({ bytes, name }) => extract(bytes, name),
  reportPage: ({ json, texts }) => reportPage(json, texts),
};

self.addEventListener('message', async ({ data }) => {
  if (data.type === 'init') {
    ready = init(data.module ? { module_or_path: data.module } : undefined);
    return;
  }
  const run = RUN[data.type];
  if (!run) return;
  try {
    const wasm = await (ready ??= init());
    const result = run(data);
    self.postMessage({ id: data.id, result, memory: wasm.memory.buffer.byteLength });
  } catch (e) {
    if (e?.name === 'ArticleCompareError') {
      self.postMessage({ id: data.id, error: { name: e.name, kind: e.kind, message: e.message } });
    } else {
      self.postMessage({ id: data.id, crash: String(e?.message ?? e) });
    }
  }
});

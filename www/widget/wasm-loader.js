// The one comparison engine of a page, shared by every <article-compare>:
// the wasm is fetched and compiled once, when a widget first needs it (or
// init() is called), and instantiated once on the page's thread. Comparing
// news articles takes milliseconds; on the page's thread it needs no worker
// script, which a page could not start from a CDN's origin.

const META = 'article-compare-wasm';

let chosenUrl = null;
let engine = null;
let compiled = null;
// Engines made so far: each after the first comes through a fresh copy of
// the glue module, which holds its instance.
let made = 0;

/**
 * Where the wasm comes from: the URL given to init(), else the content of
 * <meta name="article-compare-wasm"> (relative to the page), else the
 * size-optimised build beside the wasm-bindgen glue in ../pkg/ (the app
 * loads the speed-optimised one; both have the same exports).
 */
export function wasmUrl() {
  if (chosenUrl) return chosenUrl;
  const meta = document.querySelector(`meta[name="${META}"]`)?.content;
  return meta ? new URL(meta, document.baseURI) : new URL('../pkg/article_compare_small_bg.wasm', import.meta.url);
}

/**
 * Loads the engine: resolves to the wasm-bindgen module ({compare,
 * version, …}) once it can compare. Safe to call any number of times: the
 * wasm is fetched once per page. `wasmUrl` overrides where it comes from,
 * if given before the first load.
 */
export function init({ wasmUrl: url } = {}) {
  if (url) {
    if (compiled && String(new URL(url, document.baseURI)) !== String(wasmUrl())) {
      console.warn(`article-compare: the engine is already loaded from ${wasmUrl()}; wasmUrl ${url} is ignored`);
    } else {
      chosenUrl = new URL(url, document.baseURI);
    }
  }
  if (!engine) {
    const copy = made++;
    engine = (async () => {
      const glue = copy ? import(`../pkg/article_compare.js?instance=${copy}`) : import('../pkg/article_compare.js');
      const [loaded, module] = await Promise.all([glue, compiledModule()]);
      await loaded.default({ module_or_path: module });
      return loaded;
    })();
    // A failed load (offline, a wrong URL) is tried again by the next call.
    engine.catch(() => {
      engine = null;
    });
  }
  return engine;
}

/**
 * Forgets the engine after it failed other than by refusing its input: a
 * wasm trap (a panic, memory exhausted) can leave its memory and stack in
 * any state. The next init() makes a fresh instance of the compiled module.
 */
export function discardEngine() {
  engine = null;
}

/** The wasm, fetched and compiled once per page (again only after a failure). */
function compiledModule() {
  if (!compiled) {
    compiled = compile(wasmUrl());
    compiled.catch(() => {
      compiled = null;
    });
  }
  return compiled;
}

async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (HTTP ${response.status})`);
  // compileStreaming needs the server to say application/wasm.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// Compiling a wasm module on the page, to hand to the workers that run it
// (a fresh worker is then ready at once).

/**
 * A function that resolves to the module at `url`, fetched and compiled on
 * its first call and kept for the later ones; a failed load (offline, a
 * server hiccup) is tried again on the next call.
 */
export function compiledOnce(url) {
  let module = null;
  return () => {
    if (!module) {
      module = compile(url);
      module.catch(() => {
        module = null;
      });
    }
    return module;
  };
}

async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  // compileStreaming needs the server to say application/wasm.
  if (WebAssembly.compileStreaming && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

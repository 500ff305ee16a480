// Writes dist/article-compare.html: the app in one file that works when
// opened from disk (file://), with no network at all. Run it after
// scripts/build-wasm.sh and scripts/build-formats-wasm.sh.
//
// No bundler: the app's modules (scripts/module-graph.mjs) are put one after
// the other into one inline module script, each in a function scope that
// takes its imports from the scopes before it and returns its exports. A
// worker is flattened the same way into a classic script (Chromium starts
// no module worker from a file:// page, and a worker can only come from a
// blob: URL there). A small inline script before them serves what the
// modules fetch (the wasm, the examples) from
// the page itself, under a made-up origin that import.meta.url now names,
// and starts workers from their flattened text. Its Content-Security-Policy
// allows these two scripts by their hashes and no other inline script.
// Prints the size of the file.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { moduleGraph, WWW } from './module-graph.mjs';

const OUT = fileURLToPath(new URL('../dist/article-compare.html', import.meta.url));
const ENTRY = 'app/main.js';
const ORIGIN = 'https://article-compare.invalid/';
/** The policy, with `scripts` (their texts) the only inline scripts allowed. */
const csp = (scripts) => [
  "default-src 'none'",
  `script-src ${scripts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`).join(' ')} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const TYPES = { '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };

// Runs first: serves the files under ORIGIN and starts workers from the page.
function shims() {
  const bundle = JSON.parse(document.getElementById('ac-bundle').textContent);
  const { origin, files, workers } = bundle;
  const pageFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(origin)) return pageFetch(input, init);
    const file = files[url.slice(origin.length)];
    if (!file) return Promise.resolve(new Response('not in this file', { status: 404 }));
    const body = file.base64 ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : file.text;
    return Promise.resolve(new Response(body, { headers: { 'content-type': file.type } }));
  };
  const urls = {};
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      const path = String(url).startsWith(origin) ? String(url).slice(origin.length) : null;
      if (path) urls[path] ??= URL.createObjectURL(new Blob([workers[path]], { type: 'text/javascript' }));
      super(path ? urls[path] : url, path ? { ...options, type: 'classic' } : options);
    }
  };
}

const IMPORT = /^import\s+([^'";]+?)\s+from\s*(['"])([^'"]+)\2;?/gm;
const BARE_IMPORT = /^import\s*(['"])([^'"]+)\1;?/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?/gm;
const EXPORT_DECLARATION = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;

/** `x, { a, b as c }` → `{ default: x, a, b: c }`; `* as ns` → `ns`. */
function binding(clause, where) {
  const namespace = /^\*\s+as\s+([\w$]+)$/.exec(clause);
  if (namespace) return namespace[1];
  const parts = [];
  let rest = clause.trim();
  const first = /^([\w$]+)\s*(?:,\s*|$)/.exec(rest);
  if (first) {
    parts.push(`default: ${first[1]}`);
    rest = rest.slice(first[0].length);
  }
  const named = /^\{([^}]*)\}$/.exec(rest.trim());
  if (rest.trim() && !named) throw new Error(`${where}: cannot read the import clause ${clause}`);
  for (const item of named?.[1].split(',').map((s) => s.trim()).filter(Boolean) ?? []) {
    const [name, local] = item.split(/\s+as\s+/);
    parts.push(local ? `${name}: ${local}` : name);
  }
  return `{ ${parts.join(', ')} }`;
}

/** The modules of a graph as one script: each a function scope; `name(path)` is its variable. */
function flatten(modules) {
  const name = (path) => `__ac_${path.replace(/\W/g, '_')}`;
  const resolve = (path, specifier) => {
    const target = posix.normalize(posix.join(posix.dirname(path), specifier));
    if (!modules.has(target)) throw new Error(`${path}: ${specifier} is not in the graph`);
    return name(target);
  };
  return [...modules].map(([path, source]) => {
    const exported = [];
    const body = source
      .replaceAll('import.meta.url', JSON.stringify(ORIGIN + path))
      .replace(IMPORT, (_, clause, q, specifier) => `const ${binding(clause, path)} = ${resolve(path, specifier)};`)
      .replace(BARE_IMPORT, '')
      .replace(DYNAMIC_IMPORT, (_, q, specifier) => `Promise.resolve(${resolve(path, specifier)})`)
      .replace(EXPORT_LIST, (_, list) => {
        for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
          const [local, as] = item.split(/\s+as\s+/);
          exported.push(`${as ?? local}: ${local}`);
        }
        return '';
      })
      .replace(EXPORT_DECLARATION, (_, kind, id) => {
        exported.push(id);
        return `${kind} ${id}`;
      });
    const left = /^\s*(?:import|export)\b[\s{*'"]|\bimport\s*\(/m.exec(body);
    if (left) throw new Error(`${path}: cannot flatten "${body.slice(left.index, left.index + 60).trim()}"`);
    return `const ${name(path)} = (() => {\n${body}\nreturn { ${exported.join(', ')} };\n})();\n`;
  }).join('\n');
}

/** Script text safe inside <script>…</script>. */
function inline(code) {
  if (code.includes('<!--')) throw new Error('a module contains "<!--", which would confuse the HTML parser');
  return code.replace(/<\/script/gi, '<\\/script');
}

function file(path) {
  const bytes = readFileSync(join(WWW, path));
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  return type === 'application/wasm' ? { type, base64: bytes.toString('base64') } : { type, text: bytes.toString('utf8') };
}

const dataUrl = (path) => `data:${TYPES[extname(path)]};base64,${readFileSync(join(WWW, path)).toString('base64')}`;

/** index.html with the styles, images and the app inside; fails on anything left that would be fetched. */
function page(bundle, app) {
  let html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const replace = (pattern, make) => {
    if (!pattern.test(html)) throw new Error(`index.html no longer has ${pattern}`);
    html = html.replace(new RegExp(pattern.source, 'g'), make);
  };
  const shimScript = `(${shims})();`;
  const appScript = `\n${inline(app)}`;
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp([shimScript, appScript])}">`);
  replace(/<link rel="stylesheet" href="([^"]+)"( media="[^"]+")?>/, (_, href, media = '') =>
    `<style${media}>\n${readFileSync(join(WWW, href), 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`);
  replace(/(<link rel="icon"|<img)([^>]*?) (href|src)="([^":]+\.svg)"/, (_, tag, rest, attr, src) => `${tag}${rest} ${attr}="${dataUrl(src)}"`);
  replace(/ href="\.\/"/, () => ' href=""');
  // JSON inside <script>: no "<" may end the element early.
  const json = JSON.stringify(bundle).replace(/</g, '\\u003c');
  replace(/<script type="module" src="[^"]+"><\/script>/, () => [
    `<script id="ac-bundle" type="application/json">${json}</script>`,
    `<script>${shimScript}</script>`,
    `<script type="module">${appScript}</script>`,
  ].join('\n'));
  const left = [...html.matchAll(/\s(?:src|href)="(?!data:|#|")([^"]*)"/g)].map((m) => m[1]);
  if (left.length) throw new Error(`index.html still refers to files: ${left.join(', ')}`);
  return html;
}

const { modules, assets, workers } = moduleGraph(WWW, [ENTRY]);
const bundle = {
  origin: ORIGIN,
  files: Object.fromEntries([...assets].sort().map((path) => [path, file(path)])),
  workers: Object.fromEntries([...workers].map((path) => [path, `'use strict';\n${flatten(moduleGraph(WWW, [path]).modules)}`])),
};
const html = page(bundle, flatten(modules));
mkdirSync(join(OUT, '..'), { recursive: true });
writeFileSync(OUT, html);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`wrote dist/article-compare.html: ${kb(Buffer.byteLength(html))}, ${kb(gzipSync(html, { level: 9 }).length)} gzipped `
  + `(${modules.size} modules, ${workers.size} worker; ${[...assets].sort().join(', ')})`);

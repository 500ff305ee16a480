// Reads the ES module graph of www/ without a bundler: from entry modules,
// every relative import (static, `export … from`, literal dynamic import(),
// also of a fresh copy: `import(\`./m.js?copy=${n}\`)`)
// and every file a module loads with `new URL('…', import.meta.url)`: a
// script there is a worker (the entry of a graph of its own), a path computed
// from a template stands for every file of its directory. Used by the
// single-file build and the widget's size table, so both see what a browser
// would load.
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC = /(?:^|[;}\n])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?(['"])(\.{1,2}\/[^'"]+)\1/g;
// A literal path, or a template of a literal path and a query: a fresh copy
// of that module (the widget makes one for a fresh engine), the same file.
const DYNAMIC = /\bimport\s*\(\s*(['"]|`(?=[^`$]+\?))(\.{1,2}\/[^'"`?]+)(?:\?[^'"`]*)?(?:\1|`)\s*\)/g;
const COMPUTED_IMPORT = /\bimport\s*\(\s*(?!['"]|`\.{1,2}\/[^`$?]+\?)[^)\s]/;
const ASSET = /new URL\(\s*(['"`])([^'"`]*)\1\s*,\s*import\.meta\.url\s*\)/g;

/** The specifier matches of `source`: [{kind, match, quote, specifier}]. */
export function references(source) {
  const found = [];
  for (const m of source.matchAll(STATIC)) found.push({ kind: 'import', match: m, specifier: m[2] });
  for (const m of source.matchAll(DYNAMIC)) found.push({ kind: 'import', match: m, specifier: m[2] });
  for (const m of source.matchAll(ASSET)) found.push({ kind: 'asset', match: m, specifier: m[2], template: m[1] === '`' });
  return found;
}

/**
 * The graph under `root` (a directory) from `entries` (paths relative to
 * it): {modules: Map(path → source), assets: Set(path), workers:
 * Set(path)}, paths relative to `root` with forward slashes, modules in an
 * order where every module comes after what it imports.
 */
export function moduleGraph(root, entries) {
  const modules = new Map();
  const assets = new Set();
  const workers = new Set();
  const visiting = new Set();
  const visit = (path) => {
    if (modules.has(path)) return;
    if (visiting.has(path)) throw new Error(`import cycle through ${path}`);
    visiting.add(path);
    const source = readFileSync(join(root, path), 'utf8');
    if (COMPUTED_IMPORT.test(source)) throw new Error(`${path}: an import() of a computed path cannot be followed`);
    for (const ref of references(source)) {
      const target = posix.normalize(posix.join(posix.dirname(path), ref.specifier));
      if (ref.kind === 'import') {
        visit(target);
      } else if (target.endsWith('.js')) {
        workers.add(target);
      } else if (ref.template) {
        // `../styles/${name}`: every file where the computed name may point.
        const dir = posix.dirname(posix.normalize(posix.join(posix.dirname(path), ref.specifier.split('${')[0] + 'x')));
        for (const file of readdirSync(join(root, dir))) assets.add(posix.join(dir, file));
      } else {
        readFileSync(join(root, target)); // fails here, not in the browser, if it is missing
        assets.add(target);
      }
    }
    visiting.delete(path);
    modules.set(path, source);
  };
  for (const entry of entries) visit(entry);
  return { modules, assets, workers };
}

/** The directory of this repository's www/. */
export const WWW = fileURLToPath(new URL('../www/', import.meta.url));

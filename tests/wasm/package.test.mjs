// The widget's npm package (www/package.json): what `npm pack` would put in
// it is whole. Every module it exports, and every file those modules reach
// by a relative path, is in the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

function packedFiles() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: WWW, encoding: 'utf8' });
  return new Set(JSON.parse(out)[0].files.map((f) => f.path));
}

/** Relative paths a module names: imports, and files it locates from import.meta.url. */
function relativeReferences(source) {
  const patterns = [
    /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    /new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[1]));
}

test('the widget package holds every file its modules reach', () => {
  const files = packedFiles();
  const manifest = JSON.parse(readFileSync(join(WWW, 'package.json'), 'utf8'));
  const entries = Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
  for (const entry of [...entries, manifest.main, manifest.types]) {
    assert.ok(files.has(posix.normalize(entry)), `${entry} is exported but not packed`);
  }
  const missing = [];
  const seen = new Set();
  const queue = entries.filter((e) => e.endsWith('.js')).map((e) => posix.normalize(e));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const ref of relativeReferences(readFileSync(join(WWW, file), 'utf8'))) {
      const target = posix.join(dirname(file), ref);
      if (!files.has(target)) missing.push(`${file} → ${ref}`);
      else if (target.endsWith('.js')) queue.push(target);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(seen.has('pkg/article_compare.js'), 'the engine module is reached');
  assert.ok(files.has('pkg/article_compare_small_bg.wasm'), 'the widget engine is packed');
});

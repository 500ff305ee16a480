// The inputs of bench/generate.mjs as the JavaScript benchmarks read them,
// and the command line they share.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FAMILIES = ['pair-', 'set-', 'worst-'];

/** Which family `name` is of (pairs, sets, pathological), -1 for none. */
function family(name) {
  return FAMILIES.findIndex((f) => name.startsWith(f));
}

/** The size in a name: 10 for set-10, 1e6 for pair-1m (NaN for worst-*). */
export function sizeOf(name) {
  const n = name.replace(/^(pair|set|worst)-/, '');
  return parseFloat(n) * ({ k: 1e3, m: 1e6 }[n.slice(-1)] ?? 1);
}

/**
 * The input folders of `dir`, pairs then sets then pathological inputs,
 * each by size; a folder of articles itself (such as the development data's
 * articles/dev) is one input, '.'.
 */
export function inputNames(dir) {
  const entries = readdirSync(dir);
  if (entries.some((f) => f.endsWith('.txt'))) return ['.'];
  return entries
    .filter((d) => family(d) >= 0)
    .sort((a, b) => family(a) - family(b) || sizeOf(a) - sizeOf(b) || a.localeCompare(b));
}

/** The articles of an input folder: [{name, text}], by file name. */
export function readArticles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * A benchmark's command line: a path (the first argument not starting with
 * `--`) and `--runs N` (default 5); `flag(name)` tells whether a flag was
 * given. Without a path, prints `usage` and exits with status 2.
 */
export function benchArgs(usage) {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { path, runs: Number(args[args.indexOf('--runs') + 1]) || 5, flag: (name) => args.includes(name) };
}

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
 * A benchmark's command line: `paths` paths (the arguments not starting
 * with `--`, other than the number after `--runs`; `path` is the first)
 * and `--runs N` (default `runs`); `flag(name)` tells whether a flag was
 * given. Without enough paths, prints `usage` and exits with status 2.
 */
export function benchArgs(usage, { paths: wanted = 1, runs: defaultRuns = 5 } = {}) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const paths = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
  if (paths.length < wanted) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const runs = (runsAt >= 0 && Number(args[runsAt + 1])) || defaultRuns;
  return { path: paths[0], paths, runs, flag: (name) => args.includes(name) };
}

/** The median of `xs` (the upper one of an even count). */
export function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

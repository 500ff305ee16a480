// A/B of two builds of the wasm package in one node process, their calls
// interleaved, so that a machine whose speed drifts from run to run (as
// the development machine's does by 20-40%) moves both alike:
//
//   node bench/ab.mjs OLD_PKG_DIR NEW_PKG_DIR INPUT_DIR [--runs N] [--new-options=JSON]
//
// `--new-options` gives the new build's calls options of their own (the
// old one's get none): the same package twice with
// `--new-options={"include_diffs":false}` times the report without its
// word diffs against the whole one.
// Each PKG_DIR is a www/pkg built by scripts/build-wasm.sh (for the old
// one, from a worktree of the old commit). Both load the semantic sketch
// of their own directory. Prints the median time of each and the median of
// the per-call ratios new ÷ old.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchArgs, median, readArticles } from './inputs.mjs';
import { performance } from 'node:perf_hooks';

const usage = 'node bench/ab.mjs OLD_PKG_DIR NEW_PKG_DIR INPUT_DIR [--runs N] [--new-options=JSON]';
const { paths, runs } = benchArgs(usage, { paths: 3, runs: 10 });
const [oldDir, newDir, inputDir] = paths;
const newOptions = process.argv.find((a) => a.startsWith('--new-options='));
const options = [{}, newOptions ? JSON.parse(newOptions.slice('--new-options='.length)) : {}];

async function load(dir) {
  dir = resolve(dir);
  const pkg = await import(join(dir, 'article_compare.js'));
  pkg.initSync({ module: readFileSync(join(dir, 'article_compare_bg.wasm')) });
  pkg.loadEmbeddings(readFileSync(join(dir, 'minilm-signs.bin')));
  return pkg;
}

const builds = [await load(oldDir), await load(newDir)];
const articles = readArticles(inputDir);
for (let i = 0; i < 3; i++) builds.forEach((b, k) => b.compare(articles, options[k]));
const times = [[], []];
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so that neither always follows the other.
  for (const k of i % 2 ? [0, 1] : [1, 0]) {
    const start = performance.now();
    builds[k].compare(articles, options[k]);
    times[k].push(performance.now() - start);
  }
}
const ratio = median(times[1].map((t, i) => t / times[0][i]));
console.log(
  `${inputDir}: old ${median(times[0]).toFixed(2)} ms, new ${median(times[1]).toFixed(2)} ms, ` +
    `new ÷ old ${ratio.toFixed(3)} (median of ${runs} interleaved pairs)`,
);

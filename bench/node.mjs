// Speed benchmark of the wasm build in node, against the JavaScript tools
// people would otherwise use, on the inputs of bench/generate.mjs:
//
//   node bench/generate.mjs /tmp/ac-bench && node bench/node.mjs /tmp/ac-bench [--runs 5] [--no-peers]
//   node bench/node.mjs PATH/TO/shared/data/articles/dev   (a folder of articles: one input)
//
// Each measurement runs in a fresh worker thread (a fresh wasm instance, so
// that its memory size after the run is the peak of that run). `compare`
// is timed whole, crossing the JS boundary both ways: articles in, report
// object out, on words alone ("ours") and with the semantic sketch loaded
// ("ours + semantic", as in the app once its sketch has arrived). The first
// call is reported apart from the warm median (V8 tiers up wasm on first
// use). The pathological worst-* inputs are timed
// without peers. Peers: jsdiff's diffSentences and diffWords,
// diff-match-patch's diff_main + diff_cleanupSemantic, each capped at 120 s;
// on an N-article set a peer diffs every pair. The reference peer is the
// plain two-level diff with similar (bench/similar-peer, built for the same
// wasm target by bench/build-peer.sh): sentences, then the words of changed
// ones, timed warm in the same way as ours; the table gives our time as a
// multiple of it. The floor is one pass that
// only tokenises the text (the least any comparer must do).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { benchArgs, inputNames, median, readArticles, sizeOf } from './inputs.mjs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PEER_CAP_MS = 120_000;
const SIMILAR_PKG = join(ROOT, 'bench/similar-peer/pkg/');

// ---- inside a worker thread -------------------------------------------
async function work({ task, dir, runs }) {
  const articles = readArticles(dir);
  const pairs = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) pairs.push([articles[i].text, articles[j].text]);
  }
  if (['ours', 'semantic', 'floor', 'similar'].includes(task)) {
    let run;
    let exports;
    if (task === 'similar') {
      const peer = await import(join(SIMILAR_PKG, 'similar_peer.js'));
      exports = peer.initSync({ module: readFileSync(join(SIMILAR_PKG, 'similar_peer_bg.wasm')) });
      run = () => pairs.forEach(([a, b]) => peer.diff(a, b));
    } else {
      const pkg = await import(join(ROOT, 'www/pkg/article_compare.js'));
      exports = pkg.initSync({ module: readFileSync(join(ROOT, 'www/pkg/article_compare_bg.wasm')) });
      if (task === 'semantic') pkg.loadEmbeddings(readFileSync(join(ROOT, 'www/pkg/minilm-signs.bin')));
      run = task === 'floor' ? () => articles.forEach((a) => pkg.countWords(a.text)) : () => pkg.compare(articles, {}, onProgress);
    }
    const first = time(run);
    // At least `runs` warm runs and a second of them: small inputs need many
    // calls before V8 has tiered the wasm up.
    const warm = [];
    const stageRuns = [];
    for (let spent = 0; warm.length < runs || (spent < 1000 && warm.length < 500);) {
      starts = {};
      const start = performance.now();
      warm.push(time(run));
      stageRuns.push(stageTimes(starts, start + warm.at(-1)));
      spent += warm.at(-1);
    }
    const stages = Object.fromEntries(STAGES.map((s) => [s, median(stageRuns.map((r) => r[s] ?? 0))]));
    return { first, warm: median(warm), memory: exports.memory.buffer.byteLength, stages };
  }
  const peer = await loadPeer(task);
  return { warm: time(() => pairs.forEach(([a, b]) => peer(a, b))) };
}

async function loadPeer(task) {
  if (task === 'dmp') {
    const { default: DiffMatchPatch } = await import('diff-match-patch');
    const dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = 0; // no time limit: the full diff, as ours
    return (a, b) => dmp.diff_cleanupSemantic(dmp.diff_main(a, b));
  }
  const jsdiff = await import('diff');
  return task === 'diffSentences' ? jsdiff.diffSentences : jsdiff.diffWords;
}

// The per-stage profile: when each stage of a comparison started, from its
// progress reports; the last stage runs until compare returns, so it holds
// handing the report over to JS as well.
const STAGES = ['reading', 'indexing', 'scoring', 'grouping', 'diffing', 'reporting'];
let starts = {};
function onProgress(_done, stage) {
  starts[stage] ??= performance.now();
}

/** Each stage's time, from `starts` (stage → start) and the comparison's `end`. */
function stageTimes(stageStarts, end) {
  const seen = STAGES.filter((s) => stageStarts[s] !== undefined);
  return Object.fromEntries(seen.map((s, i) => [s, (i + 1 < seen.length ? stageStarts[seen[i + 1]] : end) - stageStarts[s]]));
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// ---- main thread -------------------------------------------------------
function measure(task, dir, runs, capMs = Infinity) {
  return new Promise((resolve) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { task, dir, runs },
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
    });
    const timer = capMs < Infinity ? setTimeout(() => worker.terminate().then(() => resolve({ capped: true })), capMs) : null;
    worker.once('message', (m) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ error: String(e) });
    });
  });
}

const fmt = (ms) => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function fitExponent(points) {
  // Least squares of log(time) against log(size).
  const xs = points.map((p) => Math.log(p[0]));
  const ys = points.map((p) => Math.log(p[1]));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const num = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  return num / den;
}

// A ratio to two significant figures: on many articles the pairwise peer is
// far slower, and "0.0×" would hide by how much.
function times(ratio) {
  return `${ratio < 1 ? ratio.toPrecision(2) : ratio.toFixed(1)}×`;
}

async function main() {
  const { path: inputDir, runs, flag } = benchArgs('node bench/node.mjs INPUT_DIR [--runs N] [--no-peers]');
  const peers = !flag('--no-peers');
  const inputs = inputNames(inputDir);

  console.log(`node ${process.version}, median of at least ${runs} warm runs and 1 s of them; peers capped at ${PEER_CAP_MS / 1000} s\n`);
  const similarBuilt = existsSync(join(SIMILAR_PKG, 'similar_peer_bg.wasm'));
  if (!similarBuilt) console.log('(the similar peer is not built: bash bench/build-peer.sh)\n');
  console.log('| input | bytes | ours first | ours warm | ours + semantic warm | wasm memory | floor | similar two-level (ours ×) | jsdiff diffSentences | jsdiff diffWords | diff-match-patch |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const growth = { pair: [], set: [] };
  const profiles = [];
  for (const name of inputs) {
    const dir = join(inputDir, name);
    const bytes = readArticles(dir).reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    const ours = await measure('ours', dir, runs);
    const semantic = await measure('semantic', dir, runs);
    const floor = await measure('floor', dir, runs);
    const withTable = semantic.error ? 'error' : `${fmt(semantic.warm)} (${(semantic.warm / ours.warm).toFixed(2)}×)`;
    if (semantic.stages) profiles.push([name, semantic.stages]);
    const cells = [name === '.' ? basename(resolve(inputDir)) : name, bytes.toLocaleString('en'), fmt(ours.first), fmt(ours.warm), withTable, ours.memory ? mb(ours.memory) : '—', fmt(floor.warm)];
    // The reference peer, on every input: ours as a multiple of it, words only and with the sketch.
    const similar = similarBuilt && !name.startsWith('worst-') ? await measure('similar', dir, runs) : null;
    cells.push(similar?.warm
      ? `${fmt(similar.warm)} (${times(ours.warm / similar.warm)}, ${times(semantic.warm / similar.warm)} with semantic)`
      : similar?.error ? 'error' : '—');
    for (const peer of ['diffSentences', 'diffWords', 'dmp']) {
      // Pathological inputs measure us alone.
      if (!peers || name.startsWith('worst-')) {
        cells.push('—');
        continue;
      }
      const r = await measure(peer, dir, 1, PEER_CAP_MS);
      cells.push(r.capped ? `> 120 s (> ${Math.round(PEER_CAP_MS / ours.warm)}×)` : r.error ? 'error' : `${fmt(r.warm)} (${(r.warm / ours.warm).toFixed(0)}×)`);
    }
    console.log(`| ${cells.join(' | ')} |`);
    if (name.startsWith('pair') && bytes >= 1e5) growth.pair.push([bytes, ours.warm]);
    if (name.startsWith('set') && sizeOf(name) >= 10) growth.set.push([sizeOf(name), ours.warm]);
  }
  console.log('\nWhere the time goes, with the semantic sketch (warm medians per stage; the last stage includes handing the report over to JS):\n');
  console.log(`| input | ${STAGES.join(' | ')} |`);
  console.log(`|---|${STAGES.map(() => '---').join('|')}|`);
  for (const [name, stages] of profiles) console.log(`| ${name} | ${STAGES.map((s) => fmt(stages[s])).join(' | ')} |`);
  if (growth.pair.length > 1) console.log(`\ngrowth exponent in size (100 KB → 10 MB pairs): ${fitExponent(growth.pair).toFixed(2)}`);
  if (growth.set.length > 1) console.log(`growth exponent in N (10 → 200 articles): ${fitExponent(growth.set).toFixed(2)}`);
}

if (isMainThread) {
  await main();
} else {
  parentPort.postMessage(await work(workerData));
}

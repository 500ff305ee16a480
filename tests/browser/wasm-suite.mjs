// Runs the wasm API's behavioural suite (tests/wasm/suite.mjs) in the page
// and leaves the results on window.results for the test to read.
import init, { compare, countWords, segment, version, wordDiff } from '../../www/pkg/article_compare.js';
import { cases } from '../wasm/suite.mjs';

await init();
await init(); // initialising twice must be harmless
const api = { compare, countWords, segment, version, wordDiff };
window.caseNames = Object.keys(cases);
window.results = Object.entries(cases).map(([name, run]) => {
  try {
    run(api);
    return { name, ok: true };
  } catch (e) {
    return { name, ok: false, error: String(e) };
  }
});

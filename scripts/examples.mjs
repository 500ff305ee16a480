// Writes www/pkg/examples.json, the sample set behind the app's "Try an
// example": the four outlets of tests/fixtures/articles/harbour-fire as
// [{name, text}], so that www/ is self-contained and the texts live in git
// only once. Run by scripts/build-wasm.sh.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `${root}tests/fixtures/articles/harbour-fire/`;
// The outlets as their texts name them (the rewrite names no outlet).
const EXAMPLES = [
  ['wire.txt', 'Northern Wire Service'],
  ['rewrite.txt', 'Daily Rewrite'],
  ['independent.txt', 'Meridian'],
  ['portal.txt', 'Globe Pulse News'],
];

const examples = EXAMPLES.map(([file, name]) => ({ name, text: readFileSync(dir + file, 'utf8') }));
writeFileSync(`${root}www/pkg/examples.json`, `${JSON.stringify(examples, null, 2)}\n`);
console.log(`wrote www/pkg/examples.json (${examples.length} articles)`);

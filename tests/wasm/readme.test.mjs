// Runs the README's JavaScript examples against the built wasm, so that the
// documentation cannot drift from the API.
import { test } from 'node:test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = [...readFileSync(`${root}README.md`, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has JavaScript examples', () => {
  if (blocks.length === 0) throw new Error('no ```js block in README.md');
});

for (const [i, code] of blocks.entries()) {
  test(`README example ${i + 1} runs`, () => {
    // The examples import from the repository root; run them from target/.
    const file = `${root}target/readme-example-${i + 1}.mjs`;
    mkdirSync(`${root}target`, { recursive: true });
    writeFileSync(file, code.replaceAll("from './www/", "from '../www/").replace(/console\.assert\(/g, 'assert('));
    const prelude = "import { ok as assert } from 'node:assert';\n";
    writeFileSync(file, prelude + readFileSync(file, 'utf8'));
    execFileSync(process.execPath, [file], { cwd: root, stdio: 'pipe' });
  });
}

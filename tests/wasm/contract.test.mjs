// The report contract is written once, in src/report.rs: the JSON Schema and
// the TypeScript types in www/widget/ are generated from it and must be up to
// date, and reports — the Rust snapshot and one the wasm makes — satisfy the
// schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${root}www/widget/report.schema.json`, 'utf8'));

/** The places where `value` breaks `s` (a subset of JSON Schema: what schemars derives for the report). */
function violations(value, s, path = '$', defs = schema.$defs) {
  if (s.$ref) return violations(value, defs[s.$ref.replace('#/$defs/', '')], path, defs);
  const union = s.oneOf ?? s.anyOf;
  if (union) {
    return union.some((option) => violations(value, option, path, defs).length === 0) ? [] : [`${path}: matches none of its ${union.length} forms`];
  }
  if (s.const !== undefined) return value === s.const ? [] : [`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`];
  if (s.enum) return s.enum.includes(value) ? [] : [`${path}: ${JSON.stringify(value)} is not one of ${s.enum}`];
  const types = s.type === undefined ? [] : [].concat(s.type);
  const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  const actual = typeOf(value);
  if (types.length && !types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) {
    return [`${path}: a ${actual}, expected ${types.join(' or ')}`];
  }
  const out = [];
  if (actual === 'integer' && s.minimum !== undefined && value < s.minimum) out.push(`${path}: ${value} below ${s.minimum}`);
  if (actual === 'array') {
    if (s.minItems !== undefined && value.length < s.minItems) out.push(`${path}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push(`${path}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => out.push(...violations(item, s.items, `${path}[${i}]`, defs)));
  }
  if (actual === 'object' && s.properties) {
    for (const name of s.required ?? []) if (!(name in value)) out.push(`${path}.${name}: missing`);
    for (const [name, v] of Object.entries(value)) {
      if (s.properties[name]) out.push(...violations(v, s.properties[name], `${path}.${name}`, defs));
      else if (s.additionalProperties === false) out.push(`${path}.${name}: not in the schema`);
    }
  }
  return out;
}

test('the schema and the TypeScript types are generated from the Rust report model and up to date', () => {
  execFileSync(process.execPath, [`${root}scripts/report-types.mjs`, '--check'], { cwd: root, stdio: 'pipe' });
});

test('the validator used here rejects what breaks the schema', () => {
  const report = JSON.parse(readFileSync(`${root}tests/snapshots/report.json`, 'utf8'));
  const broken = structuredClone(report);
  broken.matches[0].kind = 'similar';
  delete broken.documents[0].segments[0].role;
  broken.overlap[0][0] = 'all';
  const found = violations(broken, schema);
  assert.equal(found.length, 3, found.join('\n'));
});

test('the Rust report snapshot satisfies the schema', () => {
  const report = JSON.parse(readFileSync(`${root}tests/snapshots/report.json`, 'utf8'));
  assert.deepEqual(violations(report, schema), []);
});

test('a report the wasm makes satisfies the schema, discrepancies and sources included', async () => {
  const { initSync, compare } = await import(`${root}www/pkg/article_compare.js`);
  initSync({ module: readFileSync(`${root}www/pkg/article_compare_bg.wasm`) });
  const report = compare([
    { name: 'Wire', text: 'Fire at the port\n\nAt least 14 workers were injured, officials said on Sunday. “We are counting every container,” Umerov said.' },
    { name: 'Daily', text: 'At least 17 workers were injured, officials said on Monday. “We are counting each container,” Umerov said.', source: { format: 'html', encoding: 'utf-8' } },
  ]);
  assert.ok(report.matches.some((m) => m.discrepancies.length > 0), 'the sample has discrepancies to check');
  assert.deepEqual(violations(report, schema), []);
});

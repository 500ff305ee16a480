// The app's reading of dropped UTF-8 text (www/app/files.js): a slice at a
// time, with the page free in between, and exactly what one decode gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DECODE_SLICE_BYTES, decodeUtf8 } from '../../www/app/files.js';

const encode = (text) => new TextEncoder().encode(text);

test('characters cut at a slice end are decoded whole, and the page gets turns in between', async () => {
  // An emoji (4 bytes) across the first slice's end, an é (2 bytes) across the second's.
  const text = `${'a'.repeat(DECODE_SLICE_BYTES - 2)}😀${'b'.repeat(DECODE_SLICE_BYTES - 3)}é and the rest`;
  let turn = false;
  setTimeout(() => (turn = true), 0);
  assert.equal(await decodeUtf8(encode(text)), text);
  assert.ok(turn, 'a task queued before the decoding ran before it ended');
  assert.equal(await decodeUtf8(encode('\uFEFFwith a byte-order mark')), 'with a byte-order mark');
  assert.equal(await decodeUtf8(new Uint8Array(0)), '');
});

test('bytes that are not UTF-8 text, anywhere in the file, are handed on (null)', async () => {
  const late = (bytes) => new Uint8Array([...encode('x'.repeat(DECODE_SLICE_BYTES + 5)), ...bytes, ...encode(' end')]);
  assert.equal(await decodeUtf8(late([0xe9])), null, 'Latin-1 é');
  assert.equal(await decodeUtf8(late([0])), null, 'a NUL byte');
  assert.equal(await decodeUtf8(encode('cut short 😀').slice(0, -2)), null, 'ends inside a character');
});

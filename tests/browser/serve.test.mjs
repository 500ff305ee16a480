// The static server of `./dev serve` and of the browser tests: it serves
// the folder it is given and nothing outside it, and no request target,
// however odd, stops it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

let folder;
let server;
let port;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'article-compare-serve-'));
  await mkdir(join(folder, 'www/app'), { recursive: true });
  await writeFile(join(folder, 'www/index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(folder, 'www/app/main.js'), 'export {};');
  await writeFile(join(folder, 'secret.txt'), 'outside the served folder');
  const started = await startServer({ root: join(folder, 'www') });
  server = started.server;
  port = new URL(started.url).port;
});

after(async () => {
  server?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Sends `target` as written (fetch would normalise it): {status, type, body}. */
function get(target) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    // A server that died with the request would leave it waiting for ever.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${target}`)));
    req.end();
  });
}

test('files are served with their types, a folder by its index.html', async () => {
  assert.deepEqual(await get('/'), { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>app</title>' });
  assert.equal((await get('/app/main.js?v=2')).type, 'text/javascript; charset=utf-8');
  assert.equal((await get('/app/missing.js')).status, 404);
});

test('nothing outside the folder is served', async () => {
  for (const target of ['/../secret.txt', '/app/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
    const answer = await get(target);
    assert.ok([403, 404].includes(answer.status), `${target}: ${answer.status}`);
    assert.ok(!answer.body.includes('outside'), target);
  }
});

test('a target that is not a path is refused and the server keeps serving', async () => {
  // `//` once stopped the server: the URL parser reads it as a host and throws.
  for (const [target, status] of [['//', 200], ['//example.com/app/main.js', 404], ['/%E0%A4%A', 400], ['/app/%00.js', 400], ['*', 400]]) {
    assert.equal((await get(target)).status, status, target);
  }
  assert.equal((await get('/')).status, 200);
});

test('a port that is not one is refused with a message, not a stack trace', () => {
  const script = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
  for (const port of ['abc', '0', '70000']) {
    const run = spawnSync(process.execPath, [script, port], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2, port);
    assert.equal(run.stderr, `serve: the port must be a number from 1 to 65535, not '${port}'\n`);
  }
});

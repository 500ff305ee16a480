// A small static file server for www/ on 127.0.0.1, with the MIME types a
// wasm app needs. `node scripts/serve.mjs [port]` prints the URL; tests
// import startServer() to serve the same files (and extra headers).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The decoded path of a request's target, or null for a target that is not
 * a path (`*`, an absolute URL), a malformed %-escape or a NUL byte. A
 * request's path is never parsed as a URL: `//` would be read as a host
 * (the URL parser throws), and a throw here would stop the server.
 */
function requestedPath(target) {
  if (!target.startsWith('/')) return null;
  let path;
  try {
    path = decodeURIComponent(target.split(/[?#]/, 1)[0]);
  } catch {
    return null;
  }
  return path.includes('\0') ? null : path;
}

/**
 * Serves `root` on 127.0.0.1. `headers(path)` may add response headers (a
 * CSP for a test page). Resolves to {server, url} once listening; port 0
 * picks a free port.
 */
export function startServer({ root, port = 0, headers = () => ({}) }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = requestedPath(req.url);
    if (path === null) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const given = process.argv[2] ?? process.env.PORT ?? '8000';
  const wanted = Number(given);
  if (!/^\d+$/.test(given) || wanted < 1 || wanted > 65535) {
    console.error(`serve: the port must be a number from 1 to 65535, not '${given}'`);
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../www/', import.meta.url));
  const last = Math.min(wanted + 19, 65535);
  let started;
  for (let port = wanted; !started && port <= last; port++) {
    started = await startServer({ root, port }).catch((e) => (e.code === 'EADDRINUSE' ? null : Promise.reject(e)));
  }
  if (!started) {
    console.error(`serve: ports ${wanted} to ${last} are all in use; give another: ./dev serve PORT`);
    process.exit(1);
  }
  console.log(`article-compare is running at ${started.url}  (Ctrl+C to stop)`);
}

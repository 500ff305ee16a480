// Shared set-up of the browser tests: a static server on 127.0.0.1 for the
// repository (the app is at /www/, test pages under /tests/) and Debian's
// headless Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Without the networking flags Chromium floods a closed network with
// connection attempts; --no-sandbox because CI runs as root.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server and a browser; `headers(path)` adds response headers.
 * Returns {url, context, close}.
 */
export async function launch({ headers } = {}) {
  const { server, url } = await startServer({ root: ROOT, headers });
  const profile = await mkdtemp(join(tmpdir(), 'article-compare-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    acceptDownloads: true,
  });
  return {
    url,
    context,
    async close() {
      await context.close();
      server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught page errors of `page`. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

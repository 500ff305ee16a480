// A throwaway WordPress for the plugin's tests: Debian's WordPress files
// (package `wordpress`, 6.1 in bookworm) copied to a temporary folder with
// a config of its own, a MariaDB server on a socket in the same folder,
// and PHP's built-in web server on 127.0.0.1. `./dev test` installs the
// packages; nothing outside the folder is touched, and close() removes it.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEBIAN_WORDPRESS = '/usr/share/wordpress';
const NEEDED = [
  [DEBIAN_WORDPRESS + '/wp-load.php', 'wordpress'],
  [DEBIAN_WORDPRESS + '/wp-content/themes/twentytwentythree', 'wordpress-theme-twentytwentythree'],
  ['/usr/sbin/mariadbd', 'mariadb-server'],
  ['/usr/bin/php', 'php-cli'],
];

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, ready, ms = 30000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await ready()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${what} did not start within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts MariaDB and WordPress (installed, with an administrator `admin`
 * and an author `reporter`, both with the password in `password`).
 * Returns {url, dir, site, log, php(code), close()}: php(code) runs PHP
 * with WordPress loaded and returns its standard output; `log` is
 * WordPress's debug log; close() is async.
 */
export async function startWordPress() {
  const missing = NEEDED.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
  if (missing.length) {
    throw new Error(`Debian packages needed by the WordPress tests are missing: ${missing.join(' ')} (./dev test installs them)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'article-compare-wordpress-'));
  const children = [];
  // The servers are stopped (and MariaDB has written its last file) before the folder goes.
  const close = async () => {
    await Promise.all(children.reverse().map((child) => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const data = join(dir, 'mysql');
    const socket = join(dir, 'mysql.sock');
    execFileSync('mariadb-install-db', [
      '--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db',
    ], { stdio: 'pipe' });
    const db = spawn('/usr/sbin/mariadbd', [
      '--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--user=root',
      `--pid-file=${join(dir, 'mysql.pid')}`, `--log-error=${join(dir, 'mysql.log')}`,
    ], { stdio: 'ignore' });
    children.push(db);
    await waitFor('MariaDB', () => existsSync(socket));
    await waitFor('MariaDB', () => {
      execFileSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress'], { stdio: 'pipe' });
      return true;
    });

    const site = join(dir, 'site');
    // Debian links some files to other packages by relative paths: copy what they point to.
    cpSync(DEBIAN_WORDPRESS, site, { recursive: true, dereference: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(join(site, 'wp-config.php'), `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
define( 'FS_METHOD', 'direct' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`);

    // The site has no internet: WordPress's emoji fallback would fetch
    // images from s.w.org and log a failed request in every page.
    mkdirSync(join(site, 'wp-content/mu-plugins'), { recursive: true });
    writeFileSync(join(site, 'wp-content/mu-plugins/offline.php'), `<?php
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'admin_print_scripts', 'print_emoji_detection_script' );
`);

    const php = (code, { installing = false } = {}) => {
      const file = join(dir, 'run.php');
      writeFileSync(file, `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
${installing ? "define( 'WP_INSTALLING', true );" : ''}
require '${site}/wp-load.php';
${code}`);
      return execFileSync('php', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    };
    php(`
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'Newsroom', 'admin', 'admin@example.com', true, '', 'password' );
switch_theme( 'twentytwentythree' );
wp_insert_user( array( 'user_login' => 'reporter', 'user_pass' => 'password', 'user_email' => 'reporter@example.com', 'role' => 'author' ) );
`, { installing: true });

    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', site], { cwd: site, stdio: 'ignore' });
    children.push(server);
    await waitFor('PHP', async () => (await fetch(`${url}/wp-login.php`)).ok);
    return { url, dir, site, php, log: join(dir, 'debug.log'), close };
  } catch (e) {
    await close();
    throw e;
  }
}

// The WordPress plugin (dist/article-compare-wordpress.zip) in Debian's
// WordPress: an administrator uploads and activates it in the admin
// screens, an author publishes through the REST API (as the block editor
// does, so WordPress's filters for authors apply) the widget README's
// example as a classic post and in a Shortcode block, a post with the
// plugin's block, and one comparing two text files the author uploaded to
// the Media Library; a reader's headless Chromium opens each post and waits
// for the widget's comparison. Then the plugin is deleted and must leave
// nothing behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, watchErrors } from '../browser/harness.mjs';
import { startWordPress } from './site.mjs';

const ZIP = join(ROOT, 'dist/article-compare-wordpress.zip');
// Screenshots of the posts as a reader sees them, outside the repository.
const SCREENS = process.env.AC_SCREENS ?? '/tmp/ac-screens';
const SCRIPT = 'wp-content/plugins/article-compare/assets/widget/article-compare.js';

/** The shortcode example of www/widget/README.md, as a user would copy it. */
function readmeExample() {
  const readme = readFileSync(join(ROOT, 'www/widget/README.md'), 'utf8');
  const match = readme.match(/<!-- wordpress-example:[^>]*-->\n```text\n([\s\S]*?)```/);
  assert.ok(match, 'the widget README has its WordPress example');
  return match[1];
}

// Two texts an author uploads to the Media Library.
const WIRE_TEXT = 'Fire hits Rotterdam port\nAt least 14 workers were injured in the fire, officials said.\nThe cause is not yet known.\n';
const REWRITE_TEXT = 'Fire hits Rotterdam port\nAt least 17 workers were injured in the fire, officials said on Sunday.\nThe union blamed battery storage.\n';

let wp;
let browser;
let author; // {Authorization} header of the author's application password
const posts = {}; // name → {id, link}
let before_install; // the site's options and tables before the plugin came

before(async () => {
  assert.ok(existsSync(ZIP), `${ZIP} is missing: ./dev test builds it`);
  mkdirSync(SCREENS, { recursive: true });
  wp = await startWordPress();
  browser = await launchChromium();
  before_install = snapshot();
  const password = wp.php(`
$user = get_user_by( 'login', 'reporter' );
[ $password ] = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'tests' ) );
echo $password;`);
  author = { Authorization: 'Basic ' + Buffer.from(`reporter:${password}`).toString('base64') };
});

after(async () => {
  await browser?.close();
  await wp?.close();
});

/** Option names and table names, to see what the plugin leaves. */
function snapshot() {
  return JSON.parse(wp.php(`
global $wpdb;
echo wp_json_encode( array(
	'options' => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name NOT LIKE '%transient%' ORDER BY option_name" ),
	'tables'  => $wpdb->get_col( 'SHOW TABLES' ),
	'usermeta' => $wpdb->get_col( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} ORDER BY meta_key" ),
) );`));
}

/** Publishes a post as the author through the REST API; returns {id, link}. */
async function publish(title, content) {
  const response = await fetch(`${wp.url}/?rest_route=/wp/v2/posts`, {
    method: 'POST',
    headers: { ...author, 'content-type': 'application/json' },
    body: JSON.stringify({ title, content, status: 'publish' }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return { id: body.id, link: body.link, raw: wp.php(`echo get_post( ${body.id} )->post_content;`) };
}

/** Opens `link` as a reader and waits for the widget's comparison: {page, errors, report}. */
async function openAsReader(link) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.compared = [];
    document.addEventListener('article-compare:compared', (e) => window.compared.push(e.detail.report));
  });
  await page.goto(link);
  await page.locator('article-compare').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.compared.length > 0, null, { timeout: 30_000 });
  const report = await page.evaluate(() => window.compared[0]);
  return { page, errors, report };
}

/**
 * Logs `user` in through wp-login.php, as a person would. wp-login.php
 * answers a good login with a redirect and a refused one with the form and
 * its message. A CI run once saw the administrator's first login end on
 * wp-login.php, with no word of why, and the author's later one pass: a
 * refusal is tried once more, then fails with WordPress's own words and a
 * screenshot.
 */
async function logIn(page, user) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${wp.url}/wp-login.php`);
    // The page focuses its first field 200 ms after loading; fill after that.
    await page.waitForFunction(() => document.activeElement?.id === 'user_login');
    await page.fill('#user_login', user);
    await page.fill('#user_pass', 'password');
    // PHP's one-process server on a busy machine gets a minute for each step.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/wp-login.php', { timeout: 60_000 }),
      page.click('#wp-submit'),
    ]);
    if (answer.status() === 302) {
      await page.waitForURL(/\/wp-admin\//, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      return;
    }
    await page.waitForLoadState('domcontentloaded');
    const refusal = await page.locator('#login_error').innerText({ timeout: 5_000 }).catch(() => '(no message)');
    if (attempt === 2) {
      await page.screenshot({ path: join(SCREENS, `wordpress-login-${user}.png`) });
      assert.fail(`wp-login.php refused ${user} twice (HTTP ${answer.status()}): ${refusal}`);
    }
    console.log(`wp-login.php refused ${user} once (HTTP ${answer.status()}): ${refusal}`);
  }
}

test('an administrator uploads the zip in Plugins → Add New and activates it', async () => {
  const page = await browser.context.newPage();
  await logIn(page, 'admin');
  await page.goto(`${wp.url}/wp-admin/plugin-install.php?tab=upload`);
  await page.setInputFiles('#pluginzip', ZIP);
  await Promise.all([page.waitForURL(/update\.php/), page.click('#install-plugin-submit')]);
  await page.getByText('Plugin installed successfully.').waitFor();
  await Promise.all([page.waitForURL(/plugins\.php/), page.getByText('Activate Plugin').click()]);
  await page.getByText('Plugin activated.').waitFor();
  const active = wp.php("require_once ABSPATH . 'wp-admin/includes/plugin.php'; echo is_plugin_active( 'article-compare/article-compare.php' ) ? 'active' : 'inactive';");
  assert.equal(active, 'active');
  // The admin screens are a new user's first sight of the plugin: no warning there either.
  await page.context().clearCookies();
  await page.close();
});

test('an author publishes the README example as a classic post, in a Shortcode block, and the block', async () => {
  const example = readmeExample();
  // The Classic Editor saves paragraphs as blank lines; wpautop makes them <p> when the post is shown.
  posts.classic = await publish('Two reports of the port fire', `Two outlets reported the fire.\n\n${example}\n\nWhich figure is right?`);
  posts.shortcodeBlock = await publish('Port fire (Shortcode block)',
    `<!-- wp:paragraph -->\n<p>Two outlets reported the fire.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:shortcode -->\n${example}<!-- /wp:shortcode -->`);
  const attributes = {
    articles: [
      { name: 'AP & partners', text: "Officials said 41 buses were damaged.\nThe depot won't reopen before May." },
      { name: 'Portal summary', text: "Officials said a significant number of buses were damaged.\nThe depot won't reopen before May. Fares stay < 2 euros." },
    ],
    view: 'focus',
    focus: 'Portal summary',
  };
  // As the block editor stores it: attributes as JSON with <, > and & escaped.
  const json = JSON.stringify(attributes).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  posts.block = await publish('Bus depot (block)', `<!-- wp:article-compare/compare ${json} /-->`);
  // Texts in the Media Library, uploaded by the author, compared by address.
  const uploaded = [];
  for (const [name, text] of [['wire.txt', WIRE_TEXT], ['rewrite.txt', REWRITE_TEXT]]) {
    const response = await fetch(`${wp.url}/?rest_route=/wp/v2/media`, {
      method: 'POST',
      headers: { ...author, 'content-type': 'text/plain', 'content-disposition': `attachment; filename=${name}` },
      body: text,
    });
    const media = await response.json();
    assert.equal(response.status, 201, JSON.stringify(media));
    uploaded.push(new URL(media.source_url).pathname);
  }
  posts.files = await publish('Port fire (files)', `[article-compare src="${uploaded.join(' ')}"]`);
  posts.none = await publish('No comparison here', 'Just a paragraph.');
  posts.escaped = await publish('How to', 'Write [[article-compare]] around the articles.');
  // WordPress keeps the shortcode and the block for an author (kses strips <script> and unknown elements).
  assert.ok(posts.classic.raw.includes('[article name="Northern Wire"]'), posts.classic.raw);
  assert.ok(posts.block.raw.includes('wp:article-compare/compare'), posts.block.raw);
});

test('the page carries the articles as written, on one line, with the module script', async () => {
  for (const name of ['classic', 'shortcodeBlock']) {
    const html = await (await fetch(posts[name].link)).text();
    const element = html.match(/<article-compare[^>]*>.*?<\/article-compare>/s)?.[0];
    assert.ok(element, `${name}: ${html.slice(0, 500)}`);
    assert.ok(!element.includes('\n') && !element.includes('<br'), `${name}: ${element}`);
    assert.ok(element.startsWith('<article-compare strictness="normal">'), element);
    assert.ok(element.includes(
      '<article data-name="Northern Wire"><p>Fire hits Rotterdam port</p><p>At least 14 workers were injured in the fire, officials said. The terminal won&apos;t reopen until Wednesday.</p>'),
      `${name}: no typographic quotes, no stray paragraphs: ${element}`);
    assert.ok(!/<p>\s*<div class="article-compare-embed/.test(html) && !/<p>\s*<article-compare/.test(html), name);
    assert.match(html, /<div class="article-compare-embed alignwide">/);
    const scripts = html.match(new RegExp(`<script[^>]*${SCRIPT.replace(/[.]/g, '\\.')}[^>]*>`, 'g')) ?? [];
    assert.equal(scripts.length, 1, `${name}: ${scripts}`);
    assert.match(scripts[0], /type="module"/);
    // The text around the shortcode is still WordPress's to format.
    assert.match(html, /<p>Two outlets reported the fire\.<\/p>/);
  }
  const block = await (await fetch(posts.block.link)).text();
  assert.ok(block.includes('<article-compare view="focus" focus="Portal summary">'), block);
  assert.ok(block.includes('<article data-name="AP &amp; partners"><p>Officials said 41 buses were damaged.</p>'), block);
  assert.ok(block.includes('Fares stay &lt; 2 euros.'), block);
  const none = await (await fetch(posts.none.link)).text();
  assert.ok(!none.includes(SCRIPT), 'the script is only on pages that use it');
  const escaped = await (await fetch(posts.escaped.link)).text();
  assert.ok(escaped.includes('Write [article-compare] around the articles.'), 'a doubled bracket writes the shortcode as text');
  assert.ok(!escaped.includes('<article-compare'));
});

test('a reader sees each post compare, with no console error', async () => {
  for (const name of ['classic', 'shortcodeBlock', 'block', 'files']) {
    const { page, errors, report } = await openAsReader(posts[name].link);
    assert.equal(report.documents.length, 2, name);
    assert.ok(report.groups.length >= 1, `${name}: the articles share passages`);
    if (name === 'files') {
      assert.deepEqual(report.documents.map((d) => d.name), ['wire.txt', 'rewrite.txt']);
    } else if (name !== 'block') {
      assert.deepEqual(report.documents.map((d) => d.name), ['Northern Wire', 'Daily Rewrite']);
      // The changed figure is found: the texts arrived as written.
      const discrepancies = report.matches.flatMap((m) => m.discrepancies ?? []);
      assert.ok(discrepancies.some((d) => d.kind === 'number'), `${name}: ${JSON.stringify(discrepancies)}`);
    }
    const columns = await page.locator('article-compare').evaluate((el) => el.shadowRoot.querySelectorAll('[part~="column"]').length);
    assert.ok(columns >= 2, `${name}: ${columns} columns`);
    assert.deepEqual(errors, [], name);
    await page.screenshot({ path: join(SCREENS, `wordpress-${name}.png`), fullPage: true });
    // The widget README's picture is this one, of the README's own example.
    if (name === 'classic') await page.locator('.article-compare-embed').screenshot({ path: join(SCREENS, 'wordpress-example.png') });
    await page.close();
  }
});

test('the author edits the block and its preview compares in the editor', async () => {
  const context = browser.context;
  await context.clearCookies();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const errors = watchErrors(page);
  // The editor of WordPress 6.1 asks for avatars on the internet and, for an
  // author, for a template only editors may read: those failures are not ours.
  // Nor is a request the page cancels itself (net::ERR_ABORTED): the
  // editor's spinner image, dropped when the spinner goes, failed a run.
  const failed = [];
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText;
    if (why !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${why})`);
  });
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} (${r.status()})`));
  await logIn(page, 'reporter');
  // No welcome guide over the editor.
  wp.php("update_user_meta( get_user_by( 'login', 'reporter' )->ID, 'wp_persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );");
  await page.addInitScript(() => {
    window.compared = [];
    document.addEventListener('article-compare:compared', (e) => window.compared.push(e.detail.report));
  });
  await page.goto(`${wp.url}/wp-admin/post.php?post=${posts.block.id}&action=edit`);
  const name = page.getByLabel('Name of article 1');
  await name.waitFor({ timeout: 60_000 });
  assert.equal(await name.inputValue(), 'AP & partners');
  await name.click();
  await page.getByRole('toolbar', { name: 'Block tools' }).getByRole('button', { name: 'Show comparison' }).click();
  await page.waitForFunction(() => window.compared.length > 0, null, { timeout: 60_000 });
  const report = await page.evaluate(() => window.compared[0]);
  assert.deepEqual(report.documents.map((d) => d.name), ['AP & partners', 'Portal summary']);
  assert.deepEqual(failed.filter((url) => url.startsWith(wp.url) && !url.includes('wp%2Fv2%2Ftemplates')), []);
  assert.deepEqual(errors.filter((e) => !e.startsWith('console: Failed to load resource')), []);
  await page.close();
  await context.clearCookies();
});

test('values the plugin cannot use are left out and explained to editors only', () => {
  const render = (user) => wp.php(`
wp_set_current_user( ${user} );
echo article_compare_shortcode( array( 'strictness' => '7', 'view' => 'grid', 'src' => 'javascript:alert(1) /texts/b.txt', 0 => 'hide-boilerplate' ), '[article name="A"]one[/article]' );`);
  const reader = render(0);
  assert.ok(reader.startsWith('<div class="article-compare-embed alignwide"><article-compare hide-boilerplate>'), reader);
  assert.ok(reader.includes('<article data-name="b.txt" data-src="/texts/b.txt"><a href="/texts/b.txt">b.txt</a></article>'), reader);
  assert.ok(!reader.includes('javascript') && !reader.includes('article-compare-notice'), reader);
  // A block's attributes are whatever the post's JSON says: only strings are read.
  const block = wp.php(`echo article_compare_render_block( array( 'articles' => array( 'x', array( 'name' => array( 1 ), 'text' => 'one' ), array( 'name' => 'B', 'text' => 7 ) ) ) );`);
  assert.equal(block, '<div class="article-compare-embed alignwide"><article-compare><article data-name="Article 1"><p>one</p></article></article-compare></div>');
  const editor = render(1);
  for (const part of ['strictness "7" was ignored', 'view "grid" was ignored', 'The address "javascript:alert(1)" was left out']) {
    assert.ok(editor.includes(part.replaceAll('"', '&quot;')), `${part}: ${editor}`);
  }
});

test('WordPress logged no PHP error, warning or notice from the plugin', () => {
  // WordPress 6.1 itself logs deprecations under PHP 8.2, and warnings for its blocked update checks.
  const log = existsSync(wp.log) ? readFileSync(wp.log, 'utf8') : '';
  const ours = log.split('\n').filter((line) => line.includes('/plugins/article-compare/'));
  assert.deepEqual(ours, []);
});

test('deleting the plugin leaves nothing behind', () => {
  wp.php(`
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
deactivate_plugins( 'article-compare/article-compare.php' );
$deleted = delete_plugins( array( 'article-compare/article-compare.php' ) );
if ( true !== $deleted ) { echo 'not deleted'; }`);
  assert.ok(!existsSync(join(wp.site, 'wp-content/plugins/article-compare')));
  const now = snapshot();
  assert.deepEqual(now.tables, before_install.tables);
  // WordPress's own bookkeeping of plugins and users may change; nothing of ours may stay.
  const ours = (names) => names.filter((n) => /article.?compare/i.test(n));
  assert.deepEqual(ours(now.options), []);
  assert.deepEqual(ours(now.usermeta), []);
});

// The exports of a comparison: the JSON report (exactly the report object,
// the schema of the command line's --json), a CSV of the matches, and a
// self-contained HTML report that cannot run anything (article text only as
// escaped text, and a Content-Security-Policy that allows no script).

import { buildModel } from '../model/report.js';
import { ColumnsView } from '../render/columns.js';
import { renderSummary } from '../render/summary.js';
import { h } from '../render/dom.js';
import { plural } from '../render/palette.js';

/** The report as the command line's --json prints it. */
export function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const CSV_COLUMNS = ['a_doc', 'a_article', 'a_segment', 'b_doc', 'b_article', 'b_segment', 'kind', 'score', 'a_text', 'b_text', 'discrepancies'];

/**
 * A text cell: quoted when it holds a comma, quote or line break (quotes
 * doubled); a leading = + - @ gets an apostrophe so that a spreadsheet
 * shows it instead of running it as a formula.
 */
function csvText(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per match (RFC 4180, CRLF line ends, with a byte-order mark so
 * that spreadsheets read UTF-8). Segments are the report's indices.
 */
export function matchesCsv(report) {
  const rows = [CSV_COLUMNS.join(',')];
  for (const m of report.matches) {
    const a = report.documents[m.a.doc];
    const b = report.documents[m.b.doc];
    const discrepancies = m.discrepancies.map((d) => `${d.kind}: ${d.a.text || '(absent)'} → ${d.b.text || '(absent)'}`).join('; ');
    rows.push([
      m.a.doc, csvText(a.name), m.a.segment, m.b.doc, csvText(b.name), m.b.segment, m.kind, m.score,
      csvText(a.segments[m.a.segment].text), csvText(b.segments[m.b.segment].text), csvText(discrepancies),
    ].join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

async function stylesheet(name) {
  const response = await fetch(new URL(`../styles/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`cannot load styles/${name}`);
  const css = await response.text();
  // Our own files; still, nothing in them may close the <style> element.
  return css.replace(/<\/style/gi, '<\\/style');
}

/**
 * A self-contained HTML report of `report`, made from `texts` (the
 * articles' texts): summary and columns as the app shows them, inert.
 */
export async function reportHtml(report, texts, { generated = new Date() } = {}) {
  const doc = document.implementation.createHTMLDocument('');
  const model = buildModel(report, texts);
  const title = `Comparison of ${plural(report.documents.length, 'article')}: ${report.documents.map((d) => d.name).join(', ')}`;
  const summary = h(doc, 'div', {});
  const columns = h(doc, 'div', { class: 'ac-export-columns' });
  const root = h(doc, 'div', { class: 'ac-root ac-export' },
    h(doc, 'header', { class: 'ac-export-head' },
      // The title with each name isolated, so that none can turn the others around.
      h(doc, 'h1', {}, `Comparison of ${plural(report.documents.length, 'article')}: `,
        report.documents.map((d, i) => [i ? ', ' : null, h(doc, 'span', { dir: 'auto' }, d.name)])),
      h(doc, 'p', {},
        `Made with article-compare ${report.version} on ${generated.toISOString().slice(0, 16).replace('T', ' ')} UTC · strictness ${report.options.strictness}`)),
    h(doc, 'h2', {}, 'Summary'),
    summary,
    h(doc, 'h2', {}, 'Side by side'),
    columns);
  doc.body.append(root);
  renderSummary(summary, model, { interactive: false });
  const view = new ColumnsView(columns, model, { interactive: false, showBoilerplate: true });
  await view.ready;
  const css = (await Promise.all(['render.css', 'export.css'].map(stylesheet))).join('\n');
  const body = new XMLSerializer().serializeToString(root);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** A file name stem for exports: article-compare-2025-03-09-1452. */
export function exportName(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `article-compare-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** Offers `content` as a download named `name`. */
export function download(doc, name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h(doc, 'a', { href: url, download: name, hidden: true });
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// The exports of a comparison: the JSON report (the report object with
// every match's word diff, as the command line's --json prints it), a CSV
// of the matches, and a self-contained HTML report that cannot run anything
// (article text only as escaped text, and a Content-Security-Policy that
// allows no script).

import { h } from '../render/dom.js';

/** The report (with its word diffs) as the command line's --json prints it. */
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

/**
 * The self-contained HTML report: the page the command line's --html
 * writes, made by the same renderer (the formats module's reportPage), so
 * that for the same report the two files are the same bytes.
 */
export async function reportHtml(report, texts) {
  const { reportPage } = await import('./formats-client.js');
  return reportPage(JSON.stringify(report), texts);
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

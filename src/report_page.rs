//! The report as one self-contained HTML page: the summary (shares, who
//! shares with whom, discrepancies, moved passages, what only one article
//! says) and the articles side by side, shared sentences numbered and
//! coloured by group, unique ones marked, page chrome set aside. The
//! command line's `--html` writes it and the app exports it (through the
//! formats wasm), so the two files are the same bytes for the same report.
//!
//! The page runs no script, loads nothing (its Content-Security-Policy is
//! `default-src 'none'`; styles in its one `<style>` element and `style`
//! attributes), and carries article text only as escaped text. It reads in
//! light and dark mode and prints with the columns side by side.

use crate::limits::thousands;
use crate::options::decimal;
use crate::report::{DocumentReport, Report, SegmentRef, SegmentReport, Severity, Span};
use crate::roles::Role;
use crate::text::utf16::Utf16Cursor;
use std::fmt::Write as _;

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Lists stop here (long articles can have thousands of entries).
const LIST_LIMIT: usize = 200;

/// Number of group colours (`.g0` … `.g7` in the style sheet).
const GROUP_COLOURS: usize = 8;

const STYLE: &str = include_str!("report_page.css");

/// The page for `report`, whose documents' texts are `texts` (in order:
/// they tell where paragraphs break between sentences).
pub fn report_page(report: &Report, texts: &[&str]) -> String {
    let names: Vec<&str> = report.documents.iter().map(|d| d.name.as_str()).collect();
    let mut out = String::with_capacity(4096 + texts.iter().map(|t| t.len() * 2).sum::<usize>());
    let title = format!("Comparison of {}: {}", plural(names.len(), "article"), names.join(", "));
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>", escape(&title));
    // The title with each name isolated, so that none can turn the others around.
    let _ = write!(out, "<header><h1>Comparison of {}: ", plural(names.len(), "article"));
    for (i, name) in names.iter().enumerate() {
        let _ = write!(out, "{}<bdi>{}</bdi>", if i > 0 { ", " } else { "" }, escape(name));
    }
    let _ = write!(
        out,
        "</h1>\n<p class=\"made\">Made with article-compare {} · strictness {} · {}</p></header>\n",
        escape(&report.version),
        decimal(report.options.strictness),
        report.semantic_model.as_deref().map_or("words only".to_string(), |m| format!("semantic model {}", escape(m)))
    );
    out.push_str("<h2>Summary</h2>\n");
    shares(&mut out, report);
    overlap(&mut out, report);
    discrepancies(&mut out, report);
    moved(&mut out, report);
    unique(&mut out, report);
    out.push_str("<h2>Side by side</h2>\n");
    columns(&mut out, report, texts);
    out.push_str("</body>\n</html>\n");
    out
}

fn shares(out: &mut String, report: &Report) {
    out.push_str("<section><h3>How much each article shares</h3><ol class=\"cards\">\n");
    for (i, d) in report.documents.iter().enumerate() {
        let s = &d.stats;
        let _ = write!(out, "<li><h4>{}</h4>", label(i, d));
        if s.content_segments == 0 {
            out.push_str("<p>No article text found.</p></li>\n");
            continue;
        }
        let _ = write!(
            out,
            "<p class=\"figures\"><strong>{}</strong> shared · <strong>{}</strong> unique</p>\
             <div class=\"bar\"><span class=\"shared\" style=\"width:{}%\"></span><span class=\"unique\" style=\"width:{}%\"></span></div>",
            percent(s.shared_share),
            percent(s.unique_share),
            tenths(s.shared_share * 100.0),
            tenths(s.unique_share * 100.0)
        );
        let mut details =
            vec![format!("{} shared", plural(s.shared_segments, "sentence")), format!("{} unique", s.unique_segments)];
        if s.boilerplate_segments > 0 {
            details.push(format!("{} of page chrome left out", plural(s.boilerplate_segments, "line")));
        }
        let _ = writeln!(out, "<p class=\"details\">{}</p></li>", details.join(" · "));
    }
    out.push_str("</ol></section>\n");
}

fn overlap(out: &mut String, report: &Report) {
    out.push_str("<section><h3>Who shares with whom</h3><p class=\"lede\">Read across: the share of the row’s article that is found in the column’s article.</p>\n<table class=\"heat\"><thead><tr><td></td>");
    for (j, d) in report.documents.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\" title=\"{}\">{}</th>", escape(&d.name), letter(j));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (i, d) in report.documents.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", label(i, d));
        for j in 0..report.documents.len() {
            if i == j {
                out.push_str("<td class=\"self\">—</td>");
                continue;
            }
            let share = report.overlap.get(i).and_then(|row| row.get(j)).copied().unwrap_or(0.0);
            let _ = write!(out, "<td class=\"h{}\">{}</td>", (share * 10.0).round() as u32, percent(share));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

/// A discrepancy with the match it was found in.
struct Found<'a> {
    a: SegmentRef,
    b: SegmentRef,
    kind: &'static str,
    severity: Severity,
    span_a: &'a Span,
    span_b: &'a Span,
}

fn discrepancies(out: &mut String, report: &Report) {
    let found: Vec<Found> = report
        .matches
        .iter()
        .flat_map(|m| {
            m.discrepancies.iter().map(move |d| Found {
                a: m.a,
                b: m.b,
                kind: d.kind.label(),
                severity: d.severity,
                span_a: &d.a,
                span_b: &d.b,
            })
        })
        .collect();
    let _ = writeln!(out, "<section><h3>Discrepancies ({})</h3>", found.len());
    let (substantive, cosmetic): (Vec<&Found>, Vec<&Found>) =
        found.iter().partition(|f| f.severity == Severity::Substantive);
    if substantive.is_empty() {
        out.push_str("<p class=\"empty\">Where the articles share a sentence, its figures, quotes, names, speakers, negations and hedges agree.</p>\n");
    } else {
        discrepancy_list(out, report, &substantive);
    }
    if !cosmetic.is_empty() {
        let _ = writeln!(out, "<details><summary>Spelling variants ({})</summary>", cosmetic.len());
        discrepancy_list(out, report, &cosmetic);
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn discrepancy_list(out: &mut String, report: &Report, found: &[&Found]) {
    out.push_str("<ol class=\"list\">\n");
    for f in found.iter().take(LIST_LIMIT) {
        let (from, to) = (&report.documents[f.a.doc], &report.documents[f.b.doc]);
        let segment = &from.segments[f.a.segment];
        let value = |s: &Span| if s.text.is_empty() { "absent".to_string() } else { escape(&s.text) };
        let _ = writeln!(
            out,
            "<li><span class=\"kind\">{}:</span> <bdi class=\"from\">{}</bdi> → <bdi class=\"to\">{}</bdi> \
             <span class=\"where\"><bdi>{}</bdi> → <bdi>{}</bdi></span><span class=\"context\" dir=\"auto\">{}</span></li>",
            f.kind,
            value(f.span_a),
            value(f.span_b),
            escape(&from.name),
            escape(&to.name),
            marked(&segment.text, f.span_a.start, f.span_a.end)
        );
    }
    more(out, found.len());
    out.push_str("</ol>\n");
}

fn moved(out: &mut String, report: &Report) {
    let moved: Vec<_> = report.passages.iter().filter(|p| p.moved).collect();
    if moved.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section><h3>Moved passages ({})</h3><p class=\"lede\">Shared passages that sit at a different place in the other article.</p>\n<ol class=\"list\">\n",
        moved.len()
    );
    for p in moved.iter().take(LIST_LIMIT) {
        let (a, b) = (&report.documents[p.a.doc], &report.documents[p.b.doc]);
        let _ = writeln!(
            out,
            "<li><bdi>{}</bdi> ↔ <bdi>{}</bdi> <span class=\"count\">{}</span><span class=\"context\" dir=\"auto\">{}</span></li>",
            escape(&a.name),
            escape(&b.name),
            plural(p.length, "sentence"),
            escape(&excerpt(&a.segments[p.a.first].text, 160))
        );
    }
    more(out, moved.len());
    out.push_str("</ol></section>\n");
}

fn unique(out: &mut String, report: &Report) {
    out.push_str("<section><h3>What only one article says</h3>\n");
    for d in &report.documents {
        let runs = unique_runs(d);
        let _ = write!(out, "<h4><bdi>{}</bdi>: ", escape(&d.name));
        if runs.is_empty() {
            out.push_str("nothing of its own</h4>\n<p class=\"empty\">Everything this article says is also in another one.</p>\n");
            continue;
        }
        let _ = writeln!(
            out,
            "{}, {} of its text</h4>\n<ol class=\"list\">",
            plural(d.stats.unique_segments, "sentence"),
            percent(d.stats.unique_share)
        );
        for &(first, last) in runs.iter().take(LIST_LIMIT) {
            let text: Vec<&str> = d.segments[first..=last].iter().map(|s| s.text.as_str()).collect();
            let count = last - first + 1;
            let count = if count > 1 {
                format!(" <span class=\"count\">{}</span>", plural(count, "sentence"))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<li><span class=\"context\" dir=\"auto\">{}</span>{count}</li>",
                escape(&excerpt(&text.join(" "), 220))
            );
        }
        more(out, runs.len());
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// Runs of consecutive unique sentences (content with no group).
fn unique_runs(d: &DocumentReport) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, _) in d.segments.iter().enumerate().filter(|(_, s)| is_unique(s)) {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == i => *last = i,
            _ => runs.push((i, i)),
        }
    }
    runs
}

fn is_unique(s: &SegmentReport) -> bool {
    s.group.is_none() && matches!(s.role, Role::Body | Role::Title)
}

fn columns(out: &mut String, report: &Report, texts: &[&str]) {
    let _ = writeln!(out, "<div class=\"columns\" style=\"--columns:{}\">", report.documents.len().max(1));
    for (i, d) in report.documents.iter().enumerate() {
        let _ = write!(out, "<section class=\"column\"><h3>{}</h3>\n<p>", label(i, d));
        let text = texts.get(i).copied().unwrap_or("");
        // Segments come in order: one forward pass over the text finds them.
        let mut cursor = Utf16Cursor::new(text);
        let mut previous_end = None;
        for s in &d.segments {
            // A line break between two sentences starts a new paragraph.
            if let Some(end) = previous_end {
                let (from, to) = (cursor.byte_offset(end), cursor.byte_offset(s.start));
                if text[from..to.max(from)].contains('\n') {
                    out.push_str("</p>\n<p>");
                } else {
                    out.push(' ');
                }
            }
            previous_end = Some(s.end);
            segment(out, s);
        }
        out.push_str("</p></section>\n");
    }
    out.push_str("</div>\n");
}

fn segment(out: &mut String, s: &SegmentReport) {
    let text = escape(&s.text);
    match (s.group, s.role) {
        (Some(g), _) => {
            let _ = write!(
                out,
                "<span class=\"seg shared g{}\"><b class=\"n\">{}</b>{text}</span>",
                g % GROUP_COLOURS,
                g + 1
            );
        }
        (None, Role::Body | Role::Title) => {
            let _ = write!(out, "<span class=\"seg unique\" title=\"only in this article\">{text}</span>");
        }
        (None, Role::Boilerplate) => {
            let _ = write!(out, "<span class=\"seg chrome\" title=\"page chrome, left out\">{text}</span>");
        }
        (None, _) => {
            let _ = write!(out, "<span class=\"seg other\">{text}</span>");
        }
    }
}

/// `text` escaped, with the UTF-16 range `start..end` in a `<mark>`.
fn marked(text: &str, start: usize, end: usize) -> String {
    if end <= start {
        return escape(text);
    }
    let mut cursor = Utf16Cursor::new(text);
    let (from, to) = (cursor.byte_offset(start), cursor.byte_offset(end));
    format!("{}<mark>{}</mark>{}", escape(&text[..from]), escape(&text[from..to]), escape(&text[to..]))
}

fn more(out: &mut String, total: usize) {
    if total > LIST_LIMIT {
        let _ = write!(out, "<li class=\"more\">and {} more</li>", thousands(total - LIST_LIMIT));
    }
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Article `index` as its cards, rows and columns head it: its letter and
/// its name, isolated so that a right-to-left name leaves the rest alone.
fn label(index: usize, d: &DocumentReport) -> String {
    format!("<span class=\"letter\">{}</span> <bdi>{}</bdi>", letter(index), escape(&d.name))
}

/// The letter that labels article `index`: A … Z, then A1 … Z1, A2 …
fn letter(index: usize) -> String {
    let letter = char::from(b'A' + (index % 26) as u8);
    if index >= 26 {
        format!("{letter}{}", index / 26)
    } else {
        letter.to_string()
    }
}

/// A share for people: 0.7539 → "75%", a tiny non-zero share → "<1%".
fn percent(share: f64) -> String {
    if share > 0.0 && share < 0.005 {
        return "&lt;1%".into();
    }
    format!("{}%", (share * 100.0).round() as i64)
}

/// A percentage to a tenth, for a bar's width ("75.4").
fn tenths(value: f64) -> String {
    let tenths = (value.clamp(0.0, 100.0) * 10.0).round() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// "1 sentence", "3 sentences", "1,200 sentences".
fn plural(n: usize, one: &str) -> String {
    format!("{} {one}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// `text` shortened to about `max` characters at a word boundary.
fn excerpt(text: &str, max: usize) -> String {
    let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() <= max {
        return clean;
    }
    let cut = clean.char_indices().nth(max).map_or(clean.len(), |(i, _)| i);
    let at = clean[..cut].rfind(' ').filter(|&space| space * 10 > cut * 6).unwrap_or(cut);
    format!("{}…", &clean[..at])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Document, Options};

    fn page(texts: &[&str]) -> String {
        let documents: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("<b>Outlet {i}</b>"), *t)).collect();
        let report = compare(&documents, &Options::default()).unwrap();
        report_page(&report, texts)
    }

    const WIRE: &str = "Fire hits port\n\nAt least 14 workers were injured, officials said. The terminal stays closed until Wednesday.\n\nThe cause is not known.";
    const DAILY: &str = "Fire hits port\n\nThe terminal stays closed until Wednesday. At least 17 workers were injured, officials said.\n\n<script>alert(1)</script> The union blamed batteries.";

    #[test]
    fn the_page_is_inert_and_escapes_every_text() {
        let html = page(&[WIRE, DAILY]);
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'"));
        assert!(!html.contains("<script"), "no script, and article text only escaped");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<bdi>&lt;b&gt;Outlet 0&lt;/b&gt;</bdi>"));
        assert!(!html.contains("<b>Outlet"));
    }

    #[test]
    fn it_shows_groups_unique_sentences_discrepancies_and_paragraphs() {
        let html = page(&[WIRE, DAILY]);
        assert!(
            html.contains(
                "<span class=\"kind\">Figure:</span> <bdi class=\"from\">14</bdi> → <bdi class=\"to\">17</bdi>"
            ),
            "{html}"
        );
        assert!(html.contains("At least <mark>14</mark> workers"));
        assert!(html.contains("class=\"seg unique\" title=\"only in this article\">The cause is not known.</span>"));
        assert!(html.contains("<b class=\"n\">"), "shared sentences are numbered");
        assert_eq!(html.matches("</p>\n<p>").count(), 4, "two paragraph breaks in each article");
    }

    #[test]
    fn helpers() {
        assert_eq!(marked("x < 😀 y", 4, 6), "x &lt; <mark>😀</mark> y");
        assert_eq!(letter(0), "A");
        assert_eq!(letter(27), "B1");
        assert_eq!((percent(0.7539), percent(0.001), percent(0.0)), ("75%".into(), "&lt;1%".into(), "0%".into()));
        assert_eq!(excerpt("one two  three", 160), "one two three");
        assert_eq!(plural(1200, "line"), "1,200 lines");
    }
}

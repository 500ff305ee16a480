//! The readable summary printed by `compare --text`: shares, the overlap
//! matrix, shared groups, each document's unique sentences, discrepancies.

use article_compare::report::{DiscrepancyKind, Report};
use std::fmt::Write;

fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Renders `report` as text.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let docs = &report.documents;
    let name_width = docs.iter().map(|d| d.name.chars().count()).max().unwrap_or(4).clamp(8, 40);
    let _ = writeln!(out, "Compared {} documents (strictness {})\n", docs.len(), report.options.strictness);
    let _ = writeln!(out, "  #  {:<name_width$}  sentences  shared  unique", "document");
    for (i, d) in docs.iter().enumerate() {
        let s = &d.stats;
        let _ = writeln!(
            out,
            "{:>3}  {:<name_width$}  {:>9}  {:>6}  {:>6}",
            i + 1,
            shorten(&d.name, name_width),
            s.content_segments,
            percent(s.shared_share),
            percent(s.unique_share)
        );
    }

    // How each file was read, when it was more than plain UTF-8 text, so
    // that the user can check that nothing important was left out.
    let read_as: Vec<_> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.source.as_ref().map(|s| (i, d, s)))
        .filter(|(_, _, s)| s.format != "text" || s.encoding != "utf-8")
        .collect();
    if !read_as.is_empty() {
        let _ = writeln!(out, "\nRead as:");
        for (i, d, s) in read_as {
            let _ = write!(
                out,
                "{:>3}  {}: {}, {}, {}",
                i + 1,
                shorten(&d.name, name_width),
                s.format,
                s.encoding,
                s.extraction
            );
            if s.dropped.blocks > 0 {
                let _ = write!(out, "; left out {} blocks ({} characters)", s.dropped.blocks, s.dropped.characters);
            }
            out.push('\n');
        }
    }

    let _ = writeln!(out, "\nOverlap (share of the row's text found in the column):");
    let _ = write!(out, "     ");
    for j in 0..docs.len() {
        let _ = write!(out, "{:>6}", j + 1);
    }
    out.push('\n');
    for (i, row) in report.overlap.iter().enumerate() {
        let _ = write!(out, "{:>3}  ", i + 1);
        for (j, v) in row.iter().enumerate() {
            let cell = if i == j { "—".to_string() } else { percent(*v) };
            let _ = write!(out, "{cell:>6}");
        }
        out.push('\n');
    }

    let _ = writeln!(out, "\nShared ({} groups):", report.groups.len());
    for (g, group) in report.groups.iter().enumerate() {
        let _ = writeln!(out, "  group {}:", g + 1);
        for m in &group.members {
            let seg = &docs[m.doc].segments[m.segment];
            let _ = writeln!(out, "    [{}] {}", m.doc + 1, shorten(&seg.text, 100));
        }
    }

    for (i, d) in docs.iter().enumerate() {
        let unique: Vec<&str> =
            d.segments.iter().filter(|s| s.role.is_content() && s.group.is_none()).map(|s| s.text.as_str()).collect();
        let _ = writeln!(out, "\nOnly in [{}] {} ({}):", i + 1, d.name, unique.len());
        for text in unique {
            let _ = writeln!(out, "  - {}", shorten(text, 110));
        }
    }

    let found: Vec<_> = report.matches.iter().flat_map(|m| m.discrepancies.iter().map(move |d| (m, d))).collect();
    let _ = writeln!(out, "\nDiscrepancies ({}):", found.len());
    for (m, d) in found {
        let kind = match d.kind {
            DiscrepancyKind::Number => "figure",
            DiscrepancyKind::Quote => "quote",
            DiscrepancyKind::Name => "name",
            DiscrepancyKind::Negation => "negation",
            _ => "other",
        };
        let _ = writeln!(
            out,
            "  {kind}: [{}] “{}” vs [{}] “{}”\n    in: {}",
            m.a.doc + 1,
            shorten(&d.a.text, 60),
            m.b.doc + 1,
            shorten(&d.b.text, 60),
            shorten(&docs[m.a.doc].segments[m.a.segment].text, 100)
        );
    }
    for w in &report.warnings {
        let _ = writeln!(out, "\nwarning: {}", w.message);
    }
    out
}

//! The readable summary printed by `compare --text`: shares, the overlap
//! matrix, shared groups, each document's unique sentences, discrepancies.

use article_compare::report::{Report, SegmentRef, Severity, Span};
use std::collections::HashMap;
use std::fmt::Write;

/// `text` with each run of white space one space, as a line shows it.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(text: &str, max: usize) -> String {
    let flat = collapsed(text);
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// About `max` characters of `text` around `span` (UTF-16 offsets into
/// it), so that the difference shows however long the sentence.
fn around(text: &str, span: &Span, max: usize) -> String {
    let chars: Vec<char> = collapsed(text).chars().collect();
    if chars.len() <= max {
        return chars.into_iter().collect();
    }
    // The span's first character, counted in the text with its spacing
    // collapsed as above (close enough to centre a window on it).
    let mut units = 0;
    let at = text.chars().take_while(|c| {
        units += c.len_utf16();
        units <= span.start
    });
    let collapsed_before = collapsed(&at.collect::<String>()).chars().count();
    let span_chars = span.text.chars().count().min(max);
    let start = collapsed_before.saturating_sub((max - span_chars) / 2).min(chars.len() - max);
    let end = start + max;
    let mut window: &str = &chars[start..end].iter().collect::<String>();
    // Whole words only: a cut word is dropped.
    if start > 0 {
        window = window.split_once(' ').map_or(window, |(_, rest)| rest);
    }
    if end < chars.len() {
        window = window.rsplit_once(' ').map_or(window, |(kept, _)| kept);
    }
    let (before, after) = (if start > 0 { "…" } else { "" }, if end < chars.len() { "…" } else { "" });
    format!("{before}{}{after}", window.trim())
}

/// What each group of one is matched with, in document order: one pass
/// over the matches, however many such groups there are.
fn counterparts_of_singletons(report: &Report) -> HashMap<SegmentRef, Vec<SegmentRef>> {
    let mut found: HashMap<SegmentRef, Vec<SegmentRef>> = report
        .groups
        .iter()
        .filter_map(|g| match g.members.as_slice() {
            [only] => Some((*only, Vec::new())),
            _ => None,
        })
        .collect();
    for m in &report.matches {
        for (side, other) in [(m.a, m.b), (m.b, m.a)] {
            if let Some(list) = found.get_mut(&side) {
                list.push(other);
            }
        }
    }
    for list in found.values_mut() {
        list.sort();
    }
    found
}

/// Up to this many documents, the overlap is a matrix (12 columns fit 80
/// characters); beyond, each document lists its closest.
const MATRIX_DOCUMENTS: usize = 12;
/// Closest documents listed per document beyond [`MATRIX_DOCUMENTS`].
const CLOSEST: usize = 3;
/// Members of a group shown with their text; the others by document.
const MEMBERS_SHOWN: usize = 8;
/// Discrepancies listed per section (the app's export lists as many).
const LIST_LIMIT: usize = 200;

/// `heading` and `items` on lines of at most 80 characters, the lines after
/// the first starting with `indent`.
fn write_wrapped(out: &mut String, heading: &str, items: &[String], indent: &str) {
    out.push_str(heading);
    let mut width = heading.chars().count();
    for item in items {
        if width + 1 + item.chars().count() > 80 {
            out.push('\n');
            out.push_str(indent);
            width = indent.chars().count();
        }
        out.push(' ');
        out.push_str(item);
        width += 1 + item.chars().count();
    }
    out.push('\n');
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

    if docs.len() <= MATRIX_DOCUMENTS {
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
    } else {
        // A matrix of dozens of columns wraps into noise: each document's
        // closest sources instead.
        let _ = writeln!(out, "\nClosest (share of each document's text found in another, the {CLOSEST} highest):");
        for (i, row) in report.overlap.iter().enumerate() {
            let mut others: Vec<(usize, f64)> = row.iter().copied().enumerate().filter(|&(j, _)| j != i).collect();
            others.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            let listed: Vec<String> =
                others.iter().take(CLOSEST).map(|&(j, v)| format!("[{}] {}", j + 1, percent(v))).collect();
            let _ = writeln!(out, "{:>3}  {}", i + 1, listed.join(", "));
        }
    }

    let groups = report.groups.len();
    let _ = writeln!(out, "\nShared ({groups} {}):", if groups == 1 { "group" } else { "groups" });
    let counterparts = counterparts_of_singletons(report);
    for (g, group) in report.groups.iter().enumerate() {
        let _ = writeln!(out, "  group {}:", g + 1);
        for m in group.members.iter().take(MEMBERS_SHOWN) {
            let seg = &docs[m.doc].segments[m.segment];
            let _ = writeln!(out, "    [{}] {}", m.doc + 1, shorten(&seg.text, 100));
        }
        if let Some(rest) = group.members.get(MEMBERS_SHOWN..).filter(|rest| !rest.is_empty()) {
            let documents: Vec<String> = rest.iter().map(|m| format!("[{}]", m.doc + 1)).collect();
            write_wrapped(&mut out, &format!("    and {} more in:", rest.len()), &documents, "     ");
        }
        // A group of one is a sentence shared only in part, with sentences
        // that joined other groups (a rewrite merged it with another):
        // what it is shared with.
        if let [only] = group.members.as_slice() {
            for other in &counterparts[only] {
                let seg = &docs[other.doc].segments[other.segment];
                let group = seg.group.map_or(String::new(), |g| format!(" (group {})", g + 1));
                let _ = writeln!(out, "      in part in [{}]{group}: {}", other.doc + 1, shorten(&seg.text, 80));
            }
        }
    }

    let mut nothing_unique = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let unique: Vec<&str> =
            d.segments.iter().filter(|s| s.role.is_content() && s.group.is_none()).map(|s| s.text.as_str()).collect();
        // Among many documents, those with nothing of their own are listed
        // on one line rather than one heading each.
        if unique.is_empty() && docs.len() > MATRIX_DOCUMENTS {
            nothing_unique.push(format!("[{}]", i + 1));
            continue;
        }
        let _ = writeln!(out, "\nOnly in [{}] {} ({}):", i + 1, d.name, unique.len());
        for text in unique {
            let _ = writeln!(out, "  - {}", shorten(text, 110));
        }
    }
    if !nothing_unique.is_empty() {
        out.push('\n');
        write_wrapped(&mut out, "Nothing only in:", &nothing_unique, " ");
    }

    // Substantive differences first, as the app lists them; spelling
    // variants after, apart.
    let mut found: Vec<_> = report.matches.iter().flat_map(|m| m.discrepancies.iter().map(move |d| (m, d))).collect();
    found.sort_by_key(|(m, d)| (d.severity, m.a.doc, m.a.segment, m.b.doc, m.b.segment));
    let substantive = found.iter().filter(|(_, d)| d.severity != Severity::Cosmetic).count();
    let (substantive, cosmetic) = found.split_at(substantive);
    for (heading, list) in [("Discrepancies", substantive), ("Spelling variants", cosmetic)] {
        if heading == "Discrepancies" || !list.is_empty() {
            let _ = writeln!(out, "\n{heading} ({}):", list.len());
        }
        for (m, d) in list.iter().take(LIST_LIMIT) {
            let kind = d.kind.label().to_lowercase();
            // An empty span: that side does not say it (an attribution it
            // tells as its own).
            let quoted = |span: &Span| {
                if span.text.is_empty() {
                    "(nothing)".to_string()
                } else {
                    format!("“{}”", shorten(&span.text, 60))
                }
            };
            let _ = writeln!(out, "  {kind}: [{}] {} vs [{}] {}", m.a.doc + 1, quoted(&d.a), m.b.doc + 1, quoted(&d.b));
            for (side, span) in [(&m.a, &d.a), (&m.b, &d.b)] {
                let text = &docs[side.doc].segments[side.segment].text;
                let _ = writeln!(out, "    [{}] {}", side.doc + 1, around(text, span, 100));
            }
        }
        if list.len() > LIST_LIMIT {
            let _ = writeln!(out, "  … and {} more (all of them: --json or --html)", list.len() - LIST_LIMIT);
        }
    }
    for w in &report.warnings {
        let _ = writeln!(out, "\nwarning: {}", w.message);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_compare::report::{Discrepancy, DiscrepancyKind, Group};
    use article_compare::{compare, Document, Options};

    fn fixture_report() -> Report {
        let read = |name: &str| {
            let path = format!("{}/tests/fixtures/articles/harbour-fire/{name}", env!("CARGO_MANIFEST_DIR"));
            Document::new(name, std::fs::read_to_string(path).expect("fixture"))
        };
        compare(&[read("wire.txt"), read("rewrite.txt")], &Options::default()).expect("compares")
    }

    fn span(text: &str) -> Span {
        Span { start: 0, end: text.encode_utf16().count(), text: text.into() }
    }

    #[test]
    fn spelling_variants_come_after_the_substantive_discrepancies_with_both_sentences() {
        let mut report = fixture_report();
        for m in &mut report.matches {
            m.discrepancies.clear();
        }
        let (first, last) = (0, report.matches.len() - 1);
        report.matches[first].discrepancies.push(Discrepancy::new(
            DiscrepancyKind::Spelling,
            span("Kyiv"),
            span("Kiev"),
        ));
        report.matches[last].discrepancies.push(Discrepancy::new(DiscrepancyKind::Number, span("14"), span("17")));
        report.matches[last].discrepancies.push(Discrepancy::new(
            DiscrepancyKind::Attribution,
            span(""),
            span("Police"),
        ));
        let text = render(&report);
        let discrepancies = &text[text.find("Discrepancies (2):").expect("two substantive")..];
        let figure = discrepancies.find("figure: [1] “14” vs [2] “17”").expect("the figure");
        let attribution = discrepancies.find("attribution: [1] (nothing) vs [2] “Police”").expect("the attribution");
        let spelling =
            discrepancies.find("Spelling variants (1):\n  spelling: [1] “Kyiv” vs [2] “Kiev”").expect("apart");
        assert!(figure < spelling && attribution < spelling, "{discrepancies}");
        // Each with both sentences (as far as they fit).
        let m = &report.matches[last];
        for side in [&m.a, &m.b] {
            let sentence = &report.documents[side.doc].segments[side.segment].text;
            let start: String = sentence.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(discrepancies.contains(&format!("    [{}] {start}", side.doc + 1)), "{start:?} in {discrepancies}");
        }
    }

    #[test]
    fn the_shared_heading_counts_groups_in_words_that_agree() {
        let mut report = fixture_report();
        assert!(report.groups.len() > 1);
        assert!(render(&report).contains(&format!("\nShared ({} groups):", report.groups.len())));
        report.groups.truncate(1);
        assert!(render(&report).contains("\nShared (1 group):"));
    }

    #[test]
    fn a_long_sentence_is_shown_around_its_difference() {
        let words: Vec<String> = (0..60).map(|i| format!("word{i}")).collect();
        let text = words.join(" ");
        let at = text.find("word40").unwrap();
        let shown = around(&text, &Span { start: at, end: at + 6, text: "word40".into() }, 60);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("word40") && !shown.contains("word0 "), "{shown}");
        assert!(shown.split(' ').all(|w| w.trim_matches('…').starts_with("word")), "whole words only: {shown}");
    }

    #[test]
    fn a_group_of_one_lists_what_it_is_shared_with_in_part() {
        let mut report = fixture_report();
        let m = report.matches[0].clone();
        // Its own group, as a sentence a rewrite merged with another gets.
        report.groups.push(Group { members: vec![m.a], documents: vec![m.a.doc] });
        let group = report.groups.len();
        report.documents[m.a.doc].segments[m.a.segment].group = Some(group - 1);
        let text = render(&report);
        let listed = &text[text.find(&format!("  group {group}:\n")).expect("the group")..];
        let other = &report.documents[m.b.doc].segments[m.b.segment];
        let counterpart = format!("      in part in [{}] (group {}): ", m.b.doc + 1, other.group.unwrap() + 1);
        assert!(listed.lines().nth(2).is_some_and(|l| l.starts_with(&counterpart)), "{listed}");
    }

    #[test]
    fn many_documents_list_their_closest_instead_of_a_matrix() {
        let dir = format!("{}/tests/fixtures/articles/harbour-fire", env!("CARGO_MANIFEST_DIR"));
        let texts: Vec<String> = ["wire.txt", "rewrite.txt", "portal.txt", "independent.txt"]
            .iter()
            .map(|f| std::fs::read_to_string(format!("{dir}/{f}")).expect("fixture"))
            .collect();
        let documents: Vec<Document> = (0..MATRIX_DOCUMENTS + 2)
            .map(|i| Document::new(format!("{i}.txt"), texts[i % texts.len()].clone()))
            .collect();
        let report = compare(&documents, &Options::default()).expect("compares");
        let text = render(&report);
        assert!(!text.contains("Overlap ("), "{text}");
        let closest = &text[text.find("Closest (").expect("the closest documents")..];
        let rows: Vec<&str> = closest.lines().skip(1).take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), documents.len());
        // Each copy of a text finds its other copies first, whole.
        assert!(rows[0].starts_with("  1  [5] 100%, [9] 100%, [13] 100%"), "{}", rows[0]);
        let nothing = &text[text.find("Nothing only in:").expect("the copies have nothing of their own")..];
        let lines: Vec<&str> = nothing.lines().take_while(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:?}");
        assert!(lines.concat().contains("[1] [2]") && !text.contains("Only in [1] "), "{text}");
        // A sentence of the four texts is in most of the documents (its
        // copies and the sentences that reword it): eight shown, the
        // others by document.
        let biggest = report.groups.iter().map(|g| g.members.len()).max().expect("groups");
        assert!(biggest > MEMBERS_SHOWN, "{biggest}");
        let rest = format!("    and {} more in: [", biggest - MEMBERS_SHOWN);
        assert!(text.lines().any(|l| l.starts_with(&rest)), "{text}");
    }

    #[test]
    fn long_lists_of_discrepancies_stop_at_the_limit_and_say_how_many_more() {
        let mut report = fixture_report();
        for m in &mut report.matches {
            m.discrepancies.clear();
        }
        let figure = Discrepancy::new(DiscrepancyKind::Number, span("14"), span("17"));
        report.matches[0].discrepancies = vec![figure; LIST_LIMIT + 3];
        let text = render(&report);
        assert!(text.contains(&format!("Discrepancies ({}):", LIST_LIMIT + 3)), "{text}");
        assert_eq!(text.matches("  figure: ").count(), LIST_LIMIT);
        assert!(text.contains("  … and 3 more (all of them: --json or --html)"), "{text}");
        assert!(!text.contains("Spelling variants ("), "no empty section");
    }
}

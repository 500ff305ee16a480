//! Discrepancies: differences inside a match that change what is said — a
//! figure, a quotation, a name, a negation. Precision comes first: a fact
//! one side simply leaves out is not a discrepancy, and a spelling variant
//! is not a different name.

use crate::diff::{Side, WordOp};
use crate::matching::features::{KeyInfo, Vocabulary, Word};
use crate::report::{DiffTag, Discrepancy, DiscrepancyKind, Span};
use crate::text::hash::FastSet;
use crate::text::lexicon::{is_scale_word, number_word};
use crate::text::utf16::Utf16Cursor;

/// A segment's side of the comparison, with its text for spans.
pub struct Segment<'a> {
    /// Words and offsets.
    pub side: Side<'a>,
    /// The segment's text.
    pub text: &'a str,
}

impl Segment<'_> {
    fn span(&self, from_word: usize, to_word: usize) -> Span {
        let start = self.side.words[from_word].start as usize - self.side.start;
        let end = self.side.words[to_word - 1].end as usize - self.side.start;
        self.byte_span(start, end)
    }

    fn byte_span(&self, start: usize, end: usize) -> Span {
        let mut cursor = Utf16Cursor::new(self.text);
        Span { start: cursor.to_utf16(start), end: cursor.to_utf16(end), text: self.text[start..end].to_string() }
    }

    fn empty_span_at(&self, word: usize) -> Span {
        let at = if word < self.side.words.len() {
            self.side.words[word].start as usize - self.side.start
        } else {
            self.side.words.last().map_or(0, |w| w.end as usize - self.side.start)
        };
        self.byte_span(at, at)
    }
}

/// All discrepancies of a match, given its word-level diff.
pub fn discrepancies(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    numbers(a, b, ops, vocabulary, &mut out);
    quotes(a, b, &mut out);
    names(a, b, ops, vocabulary, &mut out);
    negation(a, b, ops, vocabulary, &mut out);
    out
}

/// How a figure is hedged: `more than 12`, `about 4,600`, `12`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// A figure: its value, its word range, the word after it (its unit) and
/// the hedge before it.
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    from: usize,
    to: usize,
    unit: Option<u32>,
    hedge: Hedge,
}

impl Figure {
    /// Could both figures describe the same quantity? `more than a dozen`
    /// and `14` can; `about 4,600` and `more than 6,400` cannot.
    fn compatible(&self, other: &Figure) -> bool {
        let (x, y) = (self.value, other.value);
        let fits = |hedge: Hedge, v: f64, w: f64| match hedge {
            Hedge::Exact => v == w,
            Hedge::AtLeast => w >= v,
            Hedge::AtMost => w <= v,
            Hedge::About => (w - v).abs() <= 0.2 * v.abs(),
        };
        match (self.hedge, other.hedge) {
            (Hedge::Exact, Hedge::Exact) => x == y,
            (h, Hedge::Exact) => fits(h, x, y),
            (Hedge::Exact, h) => fits(h, y, x),
            (h, k) if h == k => h == Hedge::About && (x - y).abs() <= 0.2 * x.abs().max(y.abs()) || x == y,
            (h, k) => fits(h, x, y) || fits(k, y, x),
        }
    }
}

/// The hedge that the words before a figure put on it.
fn hedge(words: &[Word], at: usize, vocabulary: &Vocabulary) -> Hedge {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let before: Vec<&str> = (at.saturating_sub(3)..at).map(key).filter(|k| *k != "a").collect();
    match before.as_slice() {
        [.., "more", "than"] | [.., "over"] | [.., "at", "least"] | [.., "above"] | [.., "upwards", "of"] => {
            Hedge::AtLeast
        }
        [.., "less", "than"]
        | [.., "fewer", "than"]
        | [.., "under"]
        | [.., "at", "most"]
        | [.., "below"]
        | [.., "up", "to"] => Hedge::AtMost,
        [.., "about" | "around" | "nearly" | "almost" | "roughly" | "some" | "approximately" | "circa" | "estimated"] => {
            Hedge::About
        }
        _ => Hedge::Exact,
    }
}

fn parse_number(key: &str) -> Option<f64> {
    let digits: String = key.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    if digits.is_empty() || key.contains(':') || key.matches('.').count() > 1 || key.contains('/') {
        return None;
    }
    digits.parse().ok()
}

fn figures(words: &[Word], vocabulary: &Vocabulary) -> Vec<Figure> {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let info = |i: usize| -> &KeyInfo { &vocabulary.keys[words[i].key as usize] };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let from = i;
        let value = if info(i).number {
            parse_number(key(i))
        } else {
            // `one` counts as a figure only before a noun (`one missile`),
            // not in `one of them` or `no one`.
            number_word(key(i)).filter(|_| {
                let next = words.get(i + 1).map(|w| &vocabulary.keys[w.key as usize]);
                key(i) != "one" || next.is_some_and(|n| !n.stop && !n.number)
            })
        };
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        i += 1;
        // `1.5 million`, `two hundred`
        while i < words.len() && is_scale_word(key(i)) {
            value *= number_word(key(i)).unwrap_or(1.0);
            i += 1;
        }
        let unit = words.get(i).map(|w| vocabulary.keys[w.key as usize].stem);
        out.push(Figure { value, from, to: i, unit, hedge: hedge(words, from, vocabulary) });
    }
    out
}

fn is_year(f: &Figure) -> bool {
    f.value.fract() == 0.0 && (1800.0..=2100.0).contains(&f.value)
}

fn numbers(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let fa = figures(a.side.words, vocabulary);
    let fb = figures(b.side.words, vocabulary);
    // Figures that agree (exactly or within their hedges) are not in question.
    let mut agreed_b = vec![false; fb.len()];
    let mut open_a = Vec::new();
    for x in &fa {
        match (0..fb.len()).find(|&j| !agreed_b[j] && x.compatible(&fb[j])) {
            Some(j) => agreed_b[j] = true,
            None => open_a.push(*x),
        }
    }
    let mut paired_b = agreed_b;
    for x in open_a {
        // The counterpart stands in the same changed stretch of the diff, or
        // counts the same thing (same unit word) on the same scale.
        let same_op = |y: &Figure| {
            ops.iter().any(|op| {
                op.tag == DiffTag::Replace && op.a.0 <= x.from && x.to <= op.a.1 && op.b.0 <= y.from && y.to <= op.b.1
            })
        };
        let same_scale =
            |y: &Figure| x.value > 0.0 && y.value > 0.0 && (x.value.log10() - y.value.log10()).abs() <= 1.0;
        let candidates =
            (0..fb.len()).filter(|&j| !paired_b[j] && is_year(&x) == is_year(&fb[j]) && same_scale(&fb[j]));
        let rank = |j: usize| {
            let y = &fb[j];
            let place = if same_op(y) {
                0
            } else if x.unit.is_some() && x.unit == y.unit {
                1
            } else {
                2
            };
            (place, ((x.value.ln() - y.value.ln()).abs() * 1000.0) as u64)
        };
        if let Some(j) = candidates.min_by_key(|&j| rank(j)).filter(|&j| rank(j).0 < 2) {
            paired_b[j] = true;
            let y = fb[j];
            out.push(Discrepancy { kind: DiscrepancyKind::Number, a: a.span(x.from, x.to), b: b.span(y.from, y.to) });
        }
    }
}

/// Byte ranges of the quotations in `text` (inner text, without marks).
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            (None, '"') => open = Some((i + 1, '"')),
            (Some((start, '“' | '„')), '”' | '“') | (Some((start, '«')), '»') | (Some((start, '"')), '"') => {
                out.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn quotes(a: &Segment, b: &Segment, out: &mut Vec<Discrepancy>) {
    let words_in = |seg: &Segment, (s, e): (usize, usize)| -> Vec<u32> {
        seg.side
            .words
            .iter()
            .filter(|w| {
                let start = w.start as usize - seg.side.start;
                start >= s && start < e
            })
            .map(|w| w.key)
            .collect()
    };
    let qa = quotations(a.text);
    let qb = quotations(b.text);
    for &ra in &qa {
        let ka = words_in(a, ra);
        if ka.len() < 3 {
            continue;
        }
        for &rb in &qb {
            let kb = words_in(b, rb);
            if kb.len() < 3 || ka == kb {
                continue;
            }
            let common = crate::matching::score::words_in_order(&ka, &kb);
            // The same quotation (at least half of the shorter one in the
            // same order), worded differently inside: quoting a fragment of
            // a longer quotation is not misquoting it.
            if common * 2 >= ka.len().min(kb.len()) && common >= 2 && differs_inside(&ka, &kb) {
                out.push(Discrepancy {
                    kind: DiscrepancyKind::Quote,
                    a: a.byte_span(ra.0, ra.1),
                    b: b.byte_span(rb.0, rb.1),
                });
            }
        }
    }
}

/// Whether two word sequences differ other than by words cut off at either
/// end.
fn differs_inside(a: &[u32], b: &[u32]) -> bool {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let first_equal = ops.iter().position(|op| op.tag() == similar::DiffTag::Equal);
    let last_equal = ops.iter().rposition(|op| op.tag() == similar::DiffTag::Equal);
    match (first_equal, last_equal) {
        (Some(f), Some(l)) => ops[f..=l].iter().any(|op| op.tag() != similar::DiffTag::Equal),
        _ => true,
    }
}

/// A capitalised content word that is not the first word of its sentence
/// or quotation: a name.
fn is_name(seg: &Segment, i: usize, vocabulary: &Vocabulary) -> bool {
    let w = seg.side.words[i];
    if !w.capitalized || vocabulary.keys[w.key as usize].stop || vocabulary.keys[w.key as usize].number || i == 0 {
        return false;
    }
    let before = &seg.side.text[seg.side.words[i - 1].end as usize..w.start as usize];
    let after = &seg.side.text[w.end as usize..];
    // `Dr.`, `Mr.`: a title, not the name.
    let abbreviation = after.starts_with('.') && w.end - w.start <= 4;
    !abbreviation && !before.contains(['“', '"', '.', ':', '(', '—', '‘'])
}

/// In a headline written in title case, capitals do not mark names.
fn title_case(seg: &Segment) -> bool {
    let words = seg.side.words;
    let capitals = words.iter().filter(|w| w.capitalized).count();
    words.len() >= 4 && capitals * 10 >= words.len() * 6
}

fn names(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if title_case(a) || title_case(b) {
        return;
    }
    let stem = |w: &Word| vocabulary.keys[w.key as usize].stem;
    let stems = |seg: &Segment| seg.side.words.iter().map(stem).collect::<FastSet<u32>>();
    let (stems_a, stems_b) = (stems(a), stems(b));
    // A name that the other side has somewhere (`Europe's`, `Europe`) is not
    // in question.
    let name_only_in = |seg: &Segment, i: usize, other: &FastSet<u32>| {
        is_name(seg, i, vocabulary) && !other.contains(&stem(&seg.side.words[i]))
    };
    for op in ops.iter().filter(|op| op.tag == DiffTag::Replace) {
        let na: Vec<usize> = (op.a.0..op.a.1).filter(|&i| name_only_in(a, i, &stems_b)).collect();
        let nb: Vec<usize> = (op.b.0..op.b.1).filter(|&i| name_only_in(b, i, &stems_a)).collect();
        if let (Some(&fa), Some(&la), Some(&fb), Some(&lb)) = (na.first(), na.last(), nb.first(), nb.last()) {
            out.push(Discrepancy { kind: DiscrepancyKind::Name, a: a.span(fa, la + 1), b: b.span(fb, lb + 1) });
        }
    }
}

/// Most words a negation flip changes on either side (`did not confirm` →
/// `confirmed`).
const MAX_NEGATION_CHANGE: usize = 4;

fn negation(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let negations = |seg: &Segment| -> Vec<usize> {
        (0..seg.side.words.len()).filter(|&i| vocabulary.keys[seg.side.words[i].key as usize].negation).collect()
    };
    let (na, nb) = (negations(a), negations(b));
    if na.is_empty() == nb.is_empty() {
        return;
    }
    // Point at the negation and at the place it is missing on the other side.
    let (neg, a_side) = if na.is_empty() { (nb[0], false) } else { (na[0], true) };
    let at = ops.iter().position(|op| {
        let (from, to) = if a_side { op.a } else { op.b };
        from <= neg && neg < to && op.tag != DiffTag::Equal
    });
    // A negation flip is a small change between words both sides share; a
    // negation inside a clause the other side does not have is not one.
    let Some(at) = at else { return };
    let op = &ops[at];
    let small = (op.a.1 - op.a.0).max(op.b.1 - op.b.0) <= MAX_NEGATION_CHANGE;
    let equal_around = [at.checked_sub(1), Some(at + 1)]
        .iter()
        .all(|n| n.and_then(|n| ops.get(n)).is_none_or(|o| o.tag == DiffTag::Equal));
    if !small || !equal_around {
        return;
    }
    let (here, there, there_range) = if a_side { (a, b, op.b) } else { (b, a, op.a) };
    let negated = here.span(neg, neg + 1);
    let other = if there_range.0 < there_range.1 {
        there.span(there_range.0, there_range.1)
    } else {
        there.empty_span_at(there_range.0)
    };
    let (sa, sb) = if a_side { (negated, other) } else { (other, negated) };
    out.push(Discrepancy { kind: DiscrepancyKind::Negation, a: sa, b: sb });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_ops;
    use crate::matching::features::words_of;

    fn find(a_text: &str, b_text: &str) -> Vec<(DiscrepancyKind, String, String)> {
        let mut vocab = Vocabulary::default();
        let mut scratch = String::new();
        let (mut wa, mut wb) = (Vec::new(), Vec::new());
        words_of(a_text, 0, a_text.len(), &mut vocab, &mut wa, &mut scratch);
        words_of(b_text, 0, b_text.len(), &mut vocab, &mut wb, &mut scratch);
        let a = Segment { side: Side { text: a_text, start: 0, words: &wa }, text: a_text };
        let b = Segment { side: Side { text: b_text, start: 0, words: &wb }, text: b_text };
        let ops = word_ops(&a.side, &b.side);
        discrepancies(&a, &b, &ops, &vocab).into_iter().map(|d| (d.kind, d.a.text, d.b.text)).collect()
    }

    #[test]
    fn changed_figures_are_found_also_spelled_out() {
        assert_eq!(
            find("At least 14 people were injured in the fire.", "At least 17 people were injured in the fire."),
            vec![(DiscrepancyKind::Number, "14".into(), "17".into())]
        );
        assert_eq!(
            find("Russia fired one missile and 176 drones.", "Russia fired two missiles and 176 drones."),
            vec![(DiscrepancyKind::Number, "one".into(), "two".into())]
        );
        assert_eq!(
            find("It cost 1.5 million euros.", "It cost 1,500,000 euros."),
            vec![],
            "the same value written differently"
        );
        assert_eq!(
            find(
                "About 4,600 services were cancelled on Thursday.",
                "More than 6,400 services were cancelled on Thursday."
            ),
            vec![(DiscrepancyKind::Number, "4,600".into(), "6,400".into())]
        );
    }

    #[test]
    fn hedged_figures_that_agree_are_not_discrepancies() {
        assert!(find("A fire injured more than a dozen workers.", "A fire injured 14 workers.").is_empty());
        assert!(find("About 230 containers were damaged.", "More than 200 containers were damaged.").is_empty());
    }

    #[test]
    fn figures_of_different_quantities_are_not_paired() {
        assert!(find("He had led by 112 votes, 12,408 to 12,296.", "He now leads with 12,480 votes to 12,296.")
            .iter()
            .all(|d| d.1 != "112"));
    }

    #[test]
    fn omitted_facts_and_variants_are_not_discrepancies() {
        assert!(find(
            "Russia launched 176 drones and fired one missile overnight.",
            "Russia fired a total of 176 drones and one missile overnight."
        )
        .is_empty());
        assert!(find("They traded prisoners in 2022.", "They traded prisoners.").is_empty());
        assert!(find("Zelenskyy said on Sunday.", "Zelenskiy said on Sunday.").is_empty());
    }

    #[test]
    fn misquotes_are_found() {
        let found = find(
            "“We are … counting on the resumption of POW exchanges,” Zelenskyy wrote.",
            "\"We are ... counting on the resumption of exchanges,\" Zelenskiy said.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, DiscrepancyKind::Quote);
        assert_eq!(found[0].1, "We are … counting on the resumption of POW exchanges,");
    }

    #[test]
    fn quoting_a_fragment_is_not_misquoting() {
        assert!(find(
            "“I’m grateful … and frankly a little tired,” he said.",
            "He said he was “grateful ... and frankly a little tired.”"
        )
        .is_empty());
    }

    #[test]
    fn headlines_titles_and_reordered_names_are_not_name_discrepancies() {
        assert!(find("Recount Trims Hartley’s Lead in Dayton Race", "Recount Trims Lead of Hartley in Dayton Race")
            .is_empty());
        assert!(find("He won 12 votes to Dr. Nwosu’s 11.", "He won 12 votes to Nwosu’s 11.").is_empty());
        assert!(find(
            "Rotterdam is Europe's busiest port, and the Eemhaven area is old.",
            "Rotterdam is the busiest port in Europe."
        )
        .is_empty());
    }

    #[test]
    fn a_different_speaker_is_a_name_discrepancy() {
        let found = find(
            "The release was confirmed, Umerov said on Sunday.",
            "The release was confirmed, Zelenskyy said on Sunday.",
        );
        assert_eq!(found, vec![(DiscrepancyKind::Name, "Umerov".into(), "Zelenskyy".into())]);
    }

    #[test]
    fn a_flipped_negation_is_found() {
        let found =
            find("Officials did not confirm the attacks on Sunday.", "Officials confirmed the attacks on Sunday.");
        assert_eq!(found, vec![(DiscrepancyKind::Negation, "not".into(), "confirmed".into())]);
        assert!(find("Moscow did not immediately comment.", "There was no immediate comment from Moscow.").is_empty());
    }
}

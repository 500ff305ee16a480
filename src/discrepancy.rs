//! Discrepancies: differences inside a match that change what is said — a
//! figure, a quotation, a name, a negation. Precision comes first: a fact
//! one side simply leaves out is not a discrepancy, and a spelling variant
//! is not a different name.

use crate::diff::{Side, WordOp};
use crate::matching::features::{KeyInfo, Vocabulary, Word};
use crate::report::{DiffTag, Discrepancy, DiscrepancyKind, Span};
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

/// A figure: its value, its word range, and the word after it (its unit).
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    from: usize,
    to: usize,
    unit: Option<u32>,
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
        let unit = words.get(i).filter(|_| i < words.len()).map(|w| vocabulary.keys[w.key as usize].stem);
        out.push(Figure { value, from, to: i, unit });
    }
    out
}

fn is_year(f: &Figure) -> bool {
    f.value.fract() == 0.0 && (1800.0..=2100.0).contains(&f.value)
}

fn numbers(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let fa = figures(a.side.words, vocabulary);
    let fb = figures(b.side.words, vocabulary);
    let mut used_b = vec![false; fb.len()];
    // Figures found on both sides are not in question.
    let mut unmatched_a = Vec::new();
    for x in &fa {
        match fb.iter().enumerate().position(|(j, y)| !used_b[j] && y.value == x.value) {
            Some(j) => used_b[j] = true,
            None => unmatched_a.push(*x),
        }
    }
    let unmatched_b: Vec<(usize, Figure)> = fb.iter().copied().enumerate().filter(|(j, _)| !used_b[*j]).collect();
    let mut paired_b = vec![false; fb.len()];
    for x in unmatched_a {
        // The counterpart counts the same thing (same unit word) or stands
        // in the same changed stretch of the diff.
        let same_op = |y: &Figure| {
            ops.iter().any(|op| {
                op.tag == DiffTag::Replace && op.a.0 <= x.from && x.to <= op.a.1 && op.b.0 <= y.from && y.to <= op.b.1
            })
        };
        let found = unmatched_b.iter().find(|(j, y)| {
            !paired_b[*j] && is_year(&x) == is_year(y) && ((x.unit.is_some() && x.unit == y.unit) || same_op(y))
        });
        if let Some(&(j, y)) = found {
            paired_b[j] = true;
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
            // The same quotation, worded differently: at least half of the
            // shorter one in the same order.
            if common * 2 >= ka.len().min(kb.len()) && common >= 2 {
                out.push(Discrepancy { kind: DiscrepancyKind::Quote, a: a.byte_span(ra.0, ra.1), b: b.byte_span(rb.0, rb.1) });
            }
        }
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
    !before.contains(['“', '"', '.', ':', '(', '—', '‘'])
}

fn names(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    for op in ops.iter().filter(|op| op.tag == DiffTag::Replace) {
        let na: Vec<usize> = (op.a.0..op.a.1).filter(|&i| is_name(a, i, vocabulary)).collect();
        let nb: Vec<usize> = (op.b.0..op.b.1).filter(|&i| is_name(b, i, vocabulary)).collect();
        if let (Some(&fa), Some(&la), Some(&fb), Some(&lb)) = (na.first(), na.last(), nb.first(), nb.last()) {
            out.push(Discrepancy { kind: DiscrepancyKind::Name, a: a.span(fa, la + 1), b: b.span(fb, lb + 1) });
        }
    }
}

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
    let op = ops.iter().find(|op| {
        let (from, to) = if a_side { op.a } else { op.b };
        from <= neg && neg < to && op.tag != DiffTag::Equal
    });
    let Some(op) = op else { return };
    let (here, there, there_range) = if a_side { (a, b, op.b) } else { (b, a, op.a) };
    let negated = here.span(neg, neg + 1);
    let other = if there_range.0 < there_range.1 { there.span(there_range.0, there_range.1) } else { there.empty_span_at(there_range.0) };
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
    }

    #[test]
    fn omitted_facts_and_variants_are_not_discrepancies() {
        assert!(find("Russia launched 176 drones and fired one missile overnight.", "Russia fired a total of 176 drones and one missile overnight.").is_empty());
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
    fn a_different_speaker_is_a_name_discrepancy() {
        let found = find("The release was confirmed, Umerov said on Sunday.", "The release was confirmed, Zelenskyy said on Sunday.");
        assert_eq!(found, vec![(DiscrepancyKind::Name, "Umerov".into(), "Zelenskyy".into())]);
    }

    #[test]
    fn a_flipped_negation_is_found() {
        let found = find("Officials did not confirm the attacks on Sunday.", "Officials confirmed the attacks on Sunday.");
        assert_eq!(found, vec![(DiscrepancyKind::Negation, "not".into(), "confirmed".into())]);
        assert!(find("Moscow did not immediately comment.", "There was no immediate comment from Moscow.").is_empty());
    }
}

//! Discrepancies: differences inside a match that change what is said — a
//! figure, a quotation, a name, who said it, a negation, how surely it is
//! said — and, marked cosmetic, a word spelled differently. Precision comes first: a fact one
//! side simply leaves out is not a discrepancy, and in a partial match only
//! the part the two sentences share is compared (the diff's aligned
//! stretches, or a figure counting the same thing).

use crate::diff::{Side, WordOp};
use crate::matching::features::{Calendar, KeyInfo, Vocabulary, Word};
use crate::report::{DiffTag, Discrepancy, DiscrepancyKind, MatchKind, Severity, Span};
use crate::text::hash::FastSet;
use crate::text::lexicon::{calendar_form, month_of, number_word, scale_word, Qualifier, MONTH_NAMES};
use crate::text::utf16::Utf16Cursor;
use std::cell::OnceCell;

/// A segment's side of the comparison, with its text for spans. What the
/// checks read of it alone is read on first use and kept: a segment kept
/// for several matches is read once.
pub struct Segment<'a> {
    side: Side<'a>,
    text: &'a str,
    /// A headline in title case: its capitals do not mark names, and it
    /// compresses what it tells.
    title_case: bool,
    /// Ends without a full stop or other closing mark: a headline, which
    /// drops attributions as it drops articles (`Zelenskyy says Ukraine
    /// working on …`).
    headline: bool,
    read: OnceCell<Reading>,
}

/// What the checks read of one segment alone.
struct Reading {
    figures: Vec<Figure>,
    vague: Vec<Vague>,
    speech: Speech,
    /// The segment's word keys, sorted: a segment meets several others.
    sorted_keys: Vec<u32>,
    /// Its days of the week and months, in word order.
    calendar: Vec<(usize, Calendar)>,
    /// Its words of certainty (`may`, `allegedly`, `mostly`), in word order.
    qualifiers: Vec<(usize, Qualifier)>,
    /// Its content words as [`name_variants`] weighs them, in word order.
    content: Vec<ContentWord>,
}

/// A content word of a segment as a possible variant spelling: where it
/// stands, whether it is a name, whether a possessive `'s` follows, and its
/// length in characters.
struct ContentWord {
    at: usize,
    name: bool,
    possessive: bool,
    chars: usize,
}

impl<'a> Segment<'a> {
    /// The segment of `text` whose words and offsets are `side`.
    pub fn new(side: Side<'a>, text: &'a str) -> Self {
        let capitals = side.words.iter().filter(|w| w.capitalized()).count();
        let title_case = side.words.len() >= 4 && capitals * 10 >= side.words.len() * 6;
        let headline = title_case || !text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…']);
        Segment { side, text, title_case, headline, read: OnceCell::new() }
    }

    fn read(&self, vocabulary: &Vocabulary) -> &Reading {
        self.read.get_or_init(|| Reading {
            figures: figures(self.side.words, vocabulary),
            vague: vague_quantities(self.side.words, vocabulary),
            speech: Speech::of(self, vocabulary),
            sorted_keys: {
                let mut keys: Vec<u32> = self.side.words.iter().map(|w| w.key).collect();
                keys.sort_unstable();
                keys
            },
            calendar: (0..self.side.words.len())
                .filter_map(|i| calendar_of(self.side.words[i], vocabulary).map(|c| (i, c)))
                .collect(),
            qualifiers: qualifiers(self, vocabulary),
            content: content_words(self, vocabulary),
        })
    }

    /// Its words of `calendar` (days of the week or months).
    fn calendar_words<'r>(&'r self, calendar: Calendar, vocabulary: &Vocabulary) -> impl Iterator<Item = usize> + 'r {
        self.read(vocabulary).calendar.iter().filter(move |&&(_, c)| c == calendar).map(|&(i, _)| i)
    }

    /// Its words of certainty among words `from..to`.
    fn qualifiers_in(&self, (from, to): (usize, usize), vocabulary: &Vocabulary) -> &[(usize, Qualifier)] {
        let all = &self.read(vocabulary).qualifiers;
        &all[all.partition_point(|&(i, _)| i < from)..all.partition_point(|&(i, _)| i < to)]
    }

    /// Whether a comma, dash or bracket stands inside words `from..to`:
    /// `Harlow Mills, Dana Pruitt` or `Oregon, and` ends one thing and
    /// starts another, and is no one name or description.
    fn broken(&self, (from, to): (usize, usize)) -> bool {
        (from + 1..to).any(|i| self.side.words[i].clause_start())
    }

    /// The text between word `i` (at least 1) and the word before it:
    /// spaces, punctuation, a hyphen.
    fn gap_before(&self, i: usize) -> &str {
        &self.side.text[self.side.words[i - 1].end() as usize..self.side.words[i].start as usize]
    }

    fn span(&self, from_word: usize, to_word: usize) -> Span {
        let start = self.side.words[from_word].start as usize - self.side.start;
        let end = self.side.words[to_word - 1].end() as usize - self.side.start;
        self.byte_span(start, end)
    }

    fn byte_span(&self, start: usize, end: usize) -> Span {
        let mut cursor = Utf16Cursor::new(self.text);
        Span {
            start: cursor.utf16_offset(start),
            end: cursor.utf16_offset(end),
            text: self.text[start..end].to_string(),
        }
    }

    /// The span of words `from..to`, or an empty span where they would
    /// stand when there are none (what one side has in place of the other's
    /// words).
    fn range_span(&self, (from, to): (usize, usize)) -> Span {
        if from < to {
            self.span(from, to)
        } else {
            self.empty_span_at(from)
        }
    }

    fn empty_span_at(&self, word: usize) -> Span {
        let at = if word < self.side.words.len() {
            self.side.words[word].start as usize - self.side.start
        } else {
            self.side.words.last().map_or(0, |w| w.end() as usize - self.side.start)
        };
        self.byte_span(at, at)
    }

    /// The comparison key of word `i`.
    fn key<'v>(&self, i: usize, vocabulary: &'v Vocabulary) -> &'v str {
        &vocabulary.key_text[self.side.words[i].key as usize]
    }

    /// What the vocabulary knows of word `i` (stem, function word, number…).
    fn info<'v>(&self, i: usize, vocabulary: &'v Vocabulary) -> &'v KeyInfo {
        &vocabulary.keys[self.side.words[i].key as usize]
    }

    fn surface(&self, i: usize) -> &str {
        let w = self.side.words[i];
        &self.side.text[w.start as usize..w.end() as usize]
    }
}

/// All discrepancies of a match of `kind`, given its word-level diff, the
/// substantive ones first.
pub fn discrepancies(
    a: &Segment,
    b: &Segment,
    ops: &[WordOp],
    vocabulary: &Vocabulary,
    kind: MatchKind,
) -> Vec<Discrepancy> {
    // Every check compares what the two texts say: the same text says the
    // same (the most common match, and the cheapest to skip).
    if a.text == b.text {
        return Vec::new();
    }
    let mut out = Vec::new();
    // In a partial match one sentence carries only part of the other:
    // figures and days are compared only where they stand among shared words.
    let partial = kind == MatchKind::Partial;
    numbers(a, b, ops, vocabulary, partial, &mut out);
    weekdays(a, b, vocabulary, partial, &mut out);
    dates(a, b, vocabulary, partial, &mut out);
    let speech = [&a.read(vocabulary).speech, &b.read(vocabulary).speech];
    quotes(a, b, &speech, vocabulary, &mut out);
    quoted_phrases(a, b, ops, &speech, vocabulary, &mut out);
    attribution(a, b, &speech, vocabulary, &mut out);
    channel(a, b, &speech, vocabulary, &mut out);
    names(a, b, ops, vocabulary, &mut out);
    unnamed(a, b, ops, vocabulary, &mut out);
    negation(a, b, ops, vocabulary, &mut out);
    certainty(a, b, ops, vocabulary, &mut out);
    spelling(a, b, ops, vocabulary, &mut out);
    name_forms(a, b, ops, vocabulary, &mut out);
    name_variants(a, b, vocabulary, &mut out);
    // Substantive first, each kind in the order found: a partition, not a
    // sort, so that the widget's wasm carries no stable sort.
    let (mut sorted, cosmetic): (Vec<Discrepancy>, Vec<Discrepancy>) =
        out.into_iter().partition(|d| d.severity == Severity::Substantive);
    sorted.extend(cosmetic);
    sorted
}

/// How a figure is hedged: `more than 12`, `about 4,600`, `12`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// A figure: its value, its word range (`from` includes the hedge), the
/// thing it counts (the first content word after it) and its hedge. A span
/// of time is valued in days, so that `a week` and `seven days` agree.
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    /// `90%`, `100 percent`: a word of degree can stand against it.
    percent: bool,
    from: usize,
    /// Where the figure itself starts, after its hedge.
    number_from: usize,
    to: usize,
    /// Where the thing it counts starts.
    counted_at: usize,
    unit: Counted,
    hedge: Hedge,
    /// Given by an article (`a decade`, `a dozen`): a round amount.
    round: bool,
    /// What its last digit counts in `value`'s terms: 0.01 for `1.23
    /// percent`, 100,000 for `1.2 million`, 1 for a number in words.
    step: f64,
    /// For an age set off after a name (see [`appositive_age`]), the
    /// name's last word.
    named_at: Option<usize>,
}

impl Figure {
    /// The word after the figure as shown: through its unit when a hyphen
    /// joins them (`five-year`, `10-month`), else where the figure ends.
    fn shown_to(&self, seg: &Segment) -> usize {
        let joined = self.counted_at == self.to
            && self.to > 0
            && self.to < seg.side.words.len()
            && seg.gap_before(self.to) == "-";
        if joined {
            self.to + 1
        } else {
            self.to
        }
    }

    /// Could both figures describe the same quantity, both being vague?
    /// `about 230` and `more than 200` can; `about 4,600` and
    /// `more than 6,400` cannot. An exact figure against a hedged one is
    /// a discrepancy even when they fit: precision was lost or invented.
    fn agrees(&self, other: &Figure) -> bool {
        let (x, y) = (self.value, other.value);
        let fits = |hedge: Hedge, v: f64, w: f64| match hedge {
            Hedge::Exact => v == w,
            Hedge::AtLeast => w >= v,
            Hedge::AtMost => w <= v,
            Hedge::About => (w - v).abs() <= 0.2 * v.abs(),
        };
        // `a decade` is no more exact than `about ten years`.
        let round_about = |f: &Figure, g: &Figure| f.round && g.hedge == Hedge::About;
        if x == y && (round_about(self, other) || round_about(other, self)) {
            return true;
        }
        // `1.2 percent` and `1.23 percent`, `1.2 million` and `1,230,000`:
        // one figure given to fewer digits (two at least), rounded.
        let rounds = |coarse: &Figure, fine: &Figure| {
            let units = |v: f64| (v.abs() / coarse.step + 0.5) as u64;
            coarse.step > fine.step && units(coarse.value) >= 10 && units(coarse.value) == units(fine.value)
        };
        match (self.hedge, other.hedge) {
            (h, k) if h == k => x == y || rounds(self, other) || rounds(other, self),
            // `more than $90,000` and `about $90,000`: one hedge changed.
            _ if x == y => false,
            (Hedge::Exact, _) | (_, Hedge::Exact) => false,
            (h, k) => fits(h, x, y) || fits(k, y, x),
        }
    }
}

/// The hedge that the words before a figure put on it, and where it starts.
fn hedge(words: &[Word], at: usize, vocabulary: &Vocabulary) -> (Hedge, usize) {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    // `a` in `about a dozen` and `an` in `an estimated 3,000` are skipped.
    let mut before: Vec<usize> = (at.saturating_sub(3)..at).collect();
    while before.last().is_some_and(|&i| matches!(key(i), "a" | "an")) {
        before.pop();
    }
    let keys: Vec<&str> = before.iter().map(|&i| key(i)).collect();
    // English, then German, French and Spanish (word keys: `über` → `uber`,
    // `jusqu'à` → `jusqu`, its `à` skipped as `a`). Not German `fast`
    // (almost), which English puts before figures too (`a fast 5G network`).
    let (hedge, words) = match keys.as_slice() {
        [.., "por", "lo", "menos"] => (Hedge::AtLeast, 3),
        [.., "more", "than"]
        | [.., "at", "least"]
        | [.., "upwards", "of"]
        | [.., "mehr", "als"]
        | [.., "plus", "de"]
        | [.., "au", "moins"]
        | [.., "mas", "de"]
        | [.., "al", "menos"] => (Hedge::AtLeast, 2),
        [.., "over" | "above" | "uber" | "mindestens"] => (Hedge::AtLeast, 1),
        [.., "less" | "fewer", "than"]
        | [.., "at", "most"]
        | [.., "up", "to"]
        | [.., "weniger", "als"]
        | [.., "bis", "zu"]
        | [.., "moins", "de"]
        | [.., "au", "plus"]
        | [.., "menos", "de"] => (Hedge::AtMost, 2),
        [.., "under" | "below" | "hochstens" | "jusqu"] => (Hedge::AtMost, 1),
        [.., "close", "to"] | [.., "pres", "de"] | [.., "peu", "pres"] | [.., "alrededor" | "cerca", "de"] => {
            (Hedge::About, 2)
        }
        [.., "about" | "around" | "nearly" | "almost" | "roughly" | "some" | "approximately" | "circa" | "estimated"
        | "etwa" | "rund" | "ungefahr" | "ca" | "knapp" | "annahernd" | "environ" | "quelque" | "presque"
        | "approximativement" | "unos" | "unas" | "casi" | "aproximadamente"] => (Hedge::About, 1),
        _ => (Hedge::Exact, 0),
    };
    (hedge, before.get(before.len() - words).copied().filter(|_| words > 0).unwrap_or(at))
}

/// The value of a figure's key ("3400", "2.5", "12th"), read by hand:
/// `str::parse::<f64>` would bring the float parser's tables (about 10 KB
/// gzipped) into the widget's wasm. The same value as the parser's up to
/// 2^53 with at most 22 decimals: both parts are then exact and the
/// division rounds once.
fn parse_number(key: &str) -> Option<f64> {
    if key.contains(':') || key.contains('/') {
        return None;
    }
    let digits = &key[..key.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(key.len())];
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if digits.is_empty() || digits == "." || key.matches('.').count() > 1 {
        return None;
    }
    let mantissa = whole.bytes().chain(fraction.bytes()).fold(0.0, |n, d| n * 10.0 + f64::from(d - b'0'));
    Some(mantissa / 10f64.powi(fraction.len() as i32))
}

/// Whether `s` is ASCII digits only.
fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether an English word ends as a plural does (`-s`, not `-ss`).
fn plural_form(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// The value of a key that is a vulgar fraction (`½`, whose key is `1⁄2`),
/// or a whole number and one (`2½`).
fn with_vulgar_fraction(key: &str) -> Option<f64> {
    if let Some((over, under)) = key.split_once('⁄') {
        if !all_digits(over) || !all_digits(under) {
            return None;
        }
        return parse_number(over).zip(parse_number(under)).filter(|&(_, under)| under > 0.0).map(|(o, u)| o / u);
    }
    let mut chars = key.chars();
    let part = match chars.next_back()? {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    };
    let whole = chars.as_str();
    if whole.is_empty() {
        Some(part)
    } else if all_digits(whole) {
        Some(parse_number(whole)? + part)
    } else {
        None
    }
}

/// What a figure or a vague quantity counts: the content words (stems) of
/// the three words after it (`four rabies shots`: rabies, shots; `40 of
/// these operations`: operations). `100 percent fatal` counts nothing: what
/// the percentage qualifies follows it. Every unit of time counts time:
/// `a week` and `days` speak of one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counted {
    stems: [u32; 3],
    len: usize,
    time: bool,
    /// `nine months old`: an age, not a span of time.
    age: bool,
}

/// Days in a unit of time (`week`, `hours`, `3-wk`), for comparing spans
/// of time.
fn days_in(key: &str) -> Option<f64> {
    Some(match key.strip_suffix('s').unwrap_or(key) {
        "second" | "sec" => 1.0 / 86_400.0,
        "minute" | "min" => 1.0 / 1_440.0,
        "hour" | "hr" => 1.0 / 24.0,
        "day" => 1.0,
        "week" | "wk" => 7.0,
        "fortnight" => 14.0,
        "month" => 30.4375,
        "year" | "yr" => 365.25,
        "decade" => 3_652.5,
        _ => return None,
    })
}

/// A unit of measure that `a` can stand before as one (`a mile`).
fn is_measure(key: &str) -> bool {
    matches!(
        key,
        "mile"
            | "kilometre"
            | "kilometer"
            | "metre"
            | "meter"
            | "yard"
            | "foot"
            | "inch"
            | "acre"
            | "hectare"
            | "pound"
            | "kilogram"
            | "kilo"
            | "ton"
            | "tonne"
            | "litre"
            | "liter"
            | "gallon"
    )
}

/// The parts a fraction word divides into (`half`, `thirds`, `quarter`).
fn denominator(key: &str) -> Option<f64> {
    Some(match key.strip_suffix('s').unwrap_or(key) {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        _ => return None,
    })
}

fn is_percent(key: &str) -> bool {
    matches!(key, "percent" | "%")
}

impl Counted {
    /// An age with nothing counted (`as an infant`, `Rachel Borch, 21,`).
    const AGE: Counted = Counted { stems: [0; 3], len: 0, time: false, age: true };

    /// What the words from `at` on count.
    fn after(words: &[Word], at: usize, vocabulary: &Vocabulary) -> Counted {
        let key = |i: usize| words.get(i).map_or("", |w| vocabulary.key_text[w.key as usize].as_str());
        let skip = is_percent(key(at)) || key(at) == "per";
        // `four more years`
        let unit_at = if key(at) == "more" { at + 1 } else { at };
        let age = days_in(key(unit_at)).is_some() && key(unit_at + 1) == "old";
        let time = days_in(key(unit_at)).is_some() && !age;
        let mut counted = Counted { stems: [0; 3], len: 0, time, age };
        let first = at + usize::from(skip);
        // The counted words end with the clause: `20 animals, including
        // raccoons` counts animals.
        let clause = words.iter().enumerate().skip(first).take(3).take_while(|&(i, w)| i == first || !w.clause_start());
        for k in clause.map(|(_, w)| &vocabulary.keys[w.key as usize]) {
            if !k.stop && !k.number {
                counted.stems[counted.len] = k.stem;
                counted.len += 1;
            }
        }
        counted
    }

    fn stems(&self) -> &[u32] {
        &self.stems[..self.len]
    }

    /// Whether both count something and share a word of it (`20 animals`,
    /// `two dozen rabid animals`), or both count time, or both give an age.
    fn shares(&self, other: &Counted) -> bool {
        self.time == other.time
            && self.age == other.age
            && (self.time || self.age || self.stems().iter().any(|s| other.stems().contains(s)))
    }

    /// Whether it says how long or how old: in a partial match, such a
    /// figure is compared only among shared words (another clause's years
    /// may be another span of time, another person's age).
    fn dates_or_ages(&self) -> bool {
        self.time || self.age
    }

    /// Whether both count the same thing, or both nothing said.
    fn same_as(&self, other: &Counted) -> bool {
        (self.len == 0 && other.len == 0) || self.shares(other)
    }
}

fn figures(words: &[Word], vocabulary: &Vocabulary) -> Vec<Figure> {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let info = |i: usize| -> &KeyInfo { &vocabulary.keys[words[i].key as usize] };
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let start = i;
        let is_number = |j: usize| j < words.len() && (info(j).number || number_word(key(j)).is_some());
        let ratio = |j: usize| j + 1 < words.len() && key(j) == "in" && is_number(j + 1);
        let value = if let Some(value) = with_vulgar_fraction(key(i)) {
            Some(value)
        } else if info(i).number {
            parse_number(key(i))
        } else if matches!(key(i), "a" | "an")
            && words.get(i + 1).is_some_and(|w| {
                let unit = vocabulary.key_text[w.key as usize].as_str();
                // `a third of`, not `a third suspect`.
                let share = denominator(unit).is_some() && i + 2 < words.len() && key(i + 2) == "of";
                days_in(unit).is_some() || is_measure(unit) || share
            })
            && !(i.saturating_sub(3)..i).any(is_number)
        {
            // `a week before`, `within a decade`, `a mile`, `a third of`;
            // not the rate in `100 children a year`.
            Some(1.0)
        } else if key(i) == "half"
            && i + 1 < words.len()
            && matches!(key(i + 1), "a" | "an" | "the" | "of")
            // `the second half of the year`: a period, not a share.
            && (i == 0 || !matches!(key(i - 1), "first" | "second" | "latter" | "last"))
        {
            // `half a mile`, `half the vote`: the share is read below.
            Some(1.0)
        } else {
            // `one` counts as a figure only before a noun (`one missile`)
            // or in a ratio (`one in 10,000`), not in `one of them` or `no
            // one`.
            number_word(key(i)).filter(|_| {
                let next = words.get(i + 1).map(|w| &vocabulary.keys[w.key as usize]);
                key(i) != "one" || next.is_some_and(|n| !n.stop && !n.number) || ratio(i + 1)
            })
        };
        // `June 5`, `5 June`: a day of a date, which the date checks read
        // (not `all 12 may be freed`).
        let month = |j: Option<usize>| {
            j.and_then(|j| words.get(j)).is_some_and(|&w| calendar_of(w, vocabulary) == Some(Calendar::Month))
        };
        let day = value.is_some_and(|v| (1.0..=31.0).contains(&v) && v.fract() == 0.0);
        let value = value.filter(|_| !(day && (month(i.checked_sub(1)) || month(Some(i + 1)))));
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        let article = !info(start).number && number_word(key(start)).is_none();
        let given = value;
        // The digits after a decimal point (`1.23`; not in `11.30am`).
        let decimals = match key(start).split_once('.') {
            Some((_, after)) if info(start).number && all_digits(after) => after.len(),
            _ => 0,
        };
        i += 1;
        // `fifty-seven`, `twenty one`: tens, then units.
        // (`fract`, not `%`: a float remainder would bring `fmod` into the
        // widget's wasm.)
        if !info(start).number && (20.0..100.0).contains(&value) && (value / 10.0).fract() == 0.0 {
            let units = (i < words.len()).then(|| number_word(key(i))).flatten();
            if let Some(units) = units.filter(|u| (1.0..=9.0).contains(u) && u.fract() == 0.0) {
                value += units;
                i += 1;
            }
        }
        // `2 ½`: a whole number and a fraction written apart.
        if info(start).number && value.fract() == 0.0 && i < words.len() && key(i).contains('⁄') {
            if let Some(part) = with_vulgar_fraction(key(i)) {
                value += part;
                i += 1;
            }
        }
        let scaled = |i: &mut usize, mut value: f64| {
            // `1.5 million`, `two hundred`
            while let Some(factor) = (*i < words.len()).then(|| scale_word(key(*i))).flatten() {
                value *= factor;
                *i += 1;
            }
            value
        };
        value = scaled(&mut i, value);
        // `three-quarters of a mile`, `half the vote`, `a third of`: a share
        // of what follows, which the figure then counts.
        let share = denominator(key(start))
            .or_else(|| (i < words.len()).then(|| denominator(key(i))).flatten().inspect(|_| i += 1));
        if let Some(parts) = share {
            value /= parts;
            if i < words.len() && key(i) == "of" {
                i += 1;
            }
            if i < words.len() && matches!(key(i), "a" | "an" | "the") {
                i += 1;
            }
        }
        // `one in 10,000`: the share.
        if ratio(i) {
            let of = if info(i + 1).number { parse_number(key(i + 1)) } else { number_word(key(i + 1)) };
            i += 2;
            if let Some(of) = of.map(|of| scaled(&mut i, of)).filter(|&of| of > 0.0) {
                value /= of;
            }
        }
        let named_at = appositive_age(words, start, i, value, vocabulary);
        let appositive = named_at.is_some();
        let unit = if appositive { Counted::AGE } else { Counted::after(words, i, vocabulary) };
        let percent = i < words.len() && is_percent(key(i));
        // Spans of time and ages in days (`a week`, `seven days`); an age
        // set off after a name is in years.
        let unit_word =
            if appositive { Some("years") } else { words.get(i).map(|w| vocabulary.key_text[w.key as usize].as_str()) };
        if let Some(days) = unit_word.and_then(days_in).filter(|_| unit.dates_or_ages()) {
            value *= days;
        }
        // `a week`: the article alone would say nothing; `90%`: nor the
        // number alone.
        let to = if unit.age && !appositive && i + 1 < words.len() {
            // `nine months old`
            i + 2
        } else if (article || percent || share.is_some()) && i < words.len() {
            i + 1
        } else {
            i
        };
        // Scaled as the value was (`million`, a span of time in days).
        let step = if given == 0.0 { 1.0 } else { value / given } / 10f64.powi(decimals as i32);
        // `three years and 10 months`, `20 years, 63 days` (the larger
        // part first): one span of time, shown whole, whose words end at
        // its last part.
        let smaller_part = |last: &Figure| {
            unit_word.and_then(days_in).zip(days_in(key(last.counted_at))).is_some_and(|(here, before)| here < before)
        };
        if let Some(last) = out.last_mut().filter(|last| {
            last.unit.time
                && unit.time
                && ((last.counted_at + 2 == start && key(last.counted_at + 1) == "and")
                    || (last.counted_at + 1 == start && smaller_part(last)))
        }) {
            last.value += value;
            last.step = last.step.min(step);
            last.to = (i + 1).min(words.len());
            last.counted_at = i;
            continue;
        }
        let (hedge, from) = hedge(words, start, vocabulary);
        out.push(Figure {
            value,
            percent,
            from,
            number_from: start,
            to,
            counted_at: i,
            unit,
            hedge,
            round: article,
            step,
            named_at,
        });
        i = to;
    }
    out
}

/// Whether the whole number at words `start..end` is an age set off after a
/// name (`Rylan Egeland, then 17, drove`, `Rachel Borch, 21, was`): it
/// follows a comma after a capitalised word (or `then`, `now`, `aged` there)
/// and ends its clause. Gives the name's last word.
fn appositive_age(words: &[Word], start: usize, end: usize, value: f64, vocabulary: &Vocabulary) -> Option<usize> {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let lead = if start > 0 && matches!(key(start - 1), "then" | "now" | "aged") { start - 1 } else { start };
    let age = end == start + 1
        && value.fract() == 0.0
        && (1.0..=120.0).contains(&value)
        && lead > 0
        && words[lead].clause_start()
        && words[lead - 1].capitalized()
        && words.get(end).is_none_or(|w| w.clause_start());
    age.then(|| lead - 1)
}

/// Words before a name that may say who the person is (`his son Rylan
/// Egeland`).
const NAME_WORDS: usize = 3;

/// Whether two ages can be one person's. An age set off after a name is
/// that person's: it stands against another age only if the words naming
/// the person (`son Rylan Egeland, then 17`) share one with the other
/// age's (`his 16-year-old son`; `Rachel Borch, 21` and `Rachel Borsch,
/// 22`), not against the age of someone else the sentence names.
fn same_person(a: &Segment, b: &Segment, x: &Figure, y: &Figure, vocabulary: &Vocabulary) -> bool {
    if !x.unit.age || !y.unit.age || (x.named_at.is_none() && y.named_at.is_none()) {
        return true;
    }
    let who = |seg: &Segment, f: &Figure| -> Vec<u32> {
        let words = match f.named_at {
            Some(n) => (n + 1).saturating_sub(NAME_WORDS)..n + 1,
            // `16-year-old son`: the word after the age.
            None => f.to..(f.to + 1).min(seg.side.words.len()),
        };
        words.map(|i| seg.info(i, vocabulary)).filter(|k| !k.stop).map(|k| k.stem).collect()
    };
    let (wa, wb) = (who(a, x), who(b, y));
    wa.iter().any(|s| wb.contains(s))
}

/// The currency a figure is given in, by the sign before it (`$`, `£`,
/// `€`, with a country's letters glued on: `A$`, `US$`) or the word after
/// it (`dollars`, `euros`, `yen`): the sign and the country's letters;
/// `None` when neither says.
fn currency<'s>(seg: &'s Segment, f: &Figure, vocabulary: &Vocabulary) -> Option<(char, &'s str)> {
    let before = if f.number_from == 0 {
        &seg.text[..seg.side.words[0].start as usize - seg.side.start]
    } else {
        seg.gap_before(f.number_from)
    };
    if let Some(sign) =
        before.trim_end().chars().last().filter(|c| matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽' | '₩'))
    {
        // `US$`, `A$`: the letters are the word just before, with no space.
        let glued = f.number_from > 0 && before.trim_end().len() == sign.len_utf8();
        let country = glued.then(|| seg.surface(f.number_from - 1));
        return Some((
            sign,
            country.filter(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())).unwrap_or(""),
        ));
    }
    let key = (f.to < seg.side.words.len()).then(|| seg.key(f.to, vocabulary))?;
    Some(match key {
        "dollars" | "dollar" => ('$', ""),
        "euros" | "euro" => ('€', ""),
        "yen" => ('¥', ""),
        "yuan" | "renminbi" => ('¥', "CN"),
        "rupees" => ('₹', ""),
        "rubles" | "roubles" => ('₽', ""),
        _ => return None,
    })
}

/// The unit of measure a figure is given in, glued on (`3km`, `70kg`) or
/// the word after it (`two miles`, `5 kilometres`), one name per unit;
/// `None` when it gives none.
fn measure(seg: &Segment, f: &Figure, vocabulary: &Vocabulary) -> Option<&'static str> {
    let number = seg.key(f.number_from, vocabulary);
    let digits = number.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let glued = &number[digits..];
    let word = if digits > 0 && !glued.is_empty() {
        glued
    } else if f.counted_at < seg.side.words.len() {
        seg.key(f.counted_at, vocabulary)
    } else {
        return None;
    };
    let word = if word.len() > 1 && word.as_bytes()[word.len() - 1] == b's' { &word[..word.len() - 1] } else { word };
    Some(match word {
        "km" | "kilometre" | "kilometer" => "km",
        "m" | "metre" | "meter" => "m",
        "cm" | "centimetre" | "centimeter" => "cm",
        "mile" | "mi" => "mile",
        "yard" | "yd" => "yard",
        "foot" | "feet" | "ft" => "foot",
        "inch" | "inche" => "inch",
        "kg" | "kilogram" | "kilo" => "kg",
        "pound" | "lb" => "pound",
        "tonne" => "tonne",
        "ton" => "ton",
        "litre" | "liter" => "litre",
        "gallon" => "gallon",
        "hectare" | "ha" => "hectare",
        "acre" => "acre",
        "mph" => "mph",
        "kmh" | "kph" => "kmh",
        _ => return None,
    })
}

/// Whether two figures are one quantity given in two currencies (`£169.99`,
/// `$273`; `A$150`, `US$98`) or two units (`about 3km`, `about two
/// miles`): a conversion, not a changed figure. A bare `$` may be any
/// dollar (`C$1.3252`, `$1.3260`).
fn converted(a: &Segment, x: &Figure, b: &Segment, y: &Figure, vocabulary: &Vocabulary) -> bool {
    let currencies = match (currency(a, x, vocabulary), currency(b, y, vocabulary)) {
        (Some((p, c)), Some((q, d))) => p != q || (c != d && !c.is_empty() && !d.is_empty()),
        _ => false,
    };
    currencies || measure(a, x, vocabulary).zip(measure(b, y, vocabulary)).is_some_and(|(u, v)| u != v)
}

fn is_year(f: &Figure) -> bool {
    !f.unit.time && !f.percent && f.value.fract() == 0.0 && (1800.0..=2100.0).contains(&f.value)
}

/// Most words on either side of a changed stretch that can hold one
/// changed fact (`received six shots so far` against `since undergone a
/// series of seven injections`): a longer one is different content, not a
/// change.
const MAX_CHANGE: usize = 8;

/// Whether op `n` is a short change between words both sides share: the
/// ops around it are equal (or the sentence's edge), and one of them holds a
/// content word.
fn anchored_change(ops: &[WordOp], n: usize, a: &Segment, vocabulary: &Vocabulary) -> bool {
    let op = &ops[n];
    let short = op.a.1 - op.a.0 <= MAX_CHANGE && op.b.1 - op.b.0 <= MAX_CHANGE;
    let equal = |o: Option<&WordOp>| o.is_none_or(|o| o.tag == DiffTag::Equal);
    let content = |o: Option<&WordOp>| o.is_some_and(|o| (o.a.0..o.a.1).any(|i| !a.info(i, vocabulary).stop));
    let (before, after) = (n.checked_sub(1).map(|m| &ops[m]), ops.get(n + 1));
    short && equal(before) && equal(after) && (content(before) || content(after))
}

/// The places where the diff says two sentences say something different:
/// a short, anchored replacement, or a short stretch from one shared content
/// word to the next. Function words the diff happens to align inside a
/// stretch (`gave her a number of shots`, `gave her a course of five
/// injections`) do not cut it.
struct Changes {
    /// Word ranges of `a` and of `b`.
    places: Vec<((usize, usize), (usize, usize))>,
}

impl Changes {
    fn of(ops: &[WordOp], a: &Segment, vocabulary: &Vocabulary) -> Self {
        let mut places: Vec<_> = (0..ops.len())
            .filter(|&n| ops[n].tag == DiffTag::Replace && anchored_change(ops, n, a, vocabulary))
            .map(|n| (ops[n].a, ops[n].b))
            .collect();
        places.extend(changed_stretches(ops, a, vocabulary));
        Changes { places }
    }

    /// Whether word ranges `x` of `a` and `y` of `b` stand in the same place.
    fn hold(&self, x: (usize, usize), y: (usize, usize)) -> bool {
        let within = |(from, to): (usize, usize), (start, end): (usize, usize)| start <= from && to <= end;
        self.places.iter().any(|&(pa, pb)| within(x, pa) && within(y, pb))
    }
}

/// The short changes between shared content words, as word ranges of each
/// side: from just after one shared content word to just before the next
/// (or a sentence's edge, on one side only), holding at most
/// [`MAX_CHANGE`] words on either side and some difference.
fn changed_stretches<'o>(
    ops: &'o [WordOp],
    a: &'o Segment,
    vocabulary: &'o Vocabulary,
) -> impl Iterator<Item = ((usize, usize), (usize, usize))> + 'o {
    // The shared content words, as (word of a, word of b), in order: equal
    // ops pair their words one to one.
    let anchors: Vec<(usize, usize)> = ops
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .flat_map(|o| (o.a.0..o.a.1).map(move |i| (i, o.b.0 + i - o.a.0)))
        .filter(|&(i, _)| !a.info(i, vocabulary).stop)
        .collect();
    let ends = ops.last().map_or((0, 0), |o| (o.a.1, o.b.1));
    (0..=anchors.len()).filter_map(move |k| {
        let (before, after) = (k.checked_sub(1).map(|k| anchors[k]), anchors.get(k).copied());
        before.or(after)?;
        let start = before.map_or((0, 0), |(i, j)| (i + 1, j + 1));
        let end = after.unwrap_or(ends);
        let (sa, sb) = ((start.0, end.0), (start.1, end.1));
        let changed = sa.1 - sa.0 != sb.1 - sb.0
            || ops
                .iter()
                .any(|o| o.tag != DiffTag::Equal && o.a.0 >= sa.0 && o.a.1 <= sa.1 && o.b.0 >= sb.0 && o.b.1 <= sb.1);
        (changed && sa.1 - sa.0 <= MAX_CHANGE && sb.1 - sb.0 <= MAX_CHANGE).then_some((sa, sb))
    })
}

fn numbers(
    a: &Segment,
    b: &Segment,
    ops: &[WordOp],
    vocabulary: &Vocabulary,
    partial: bool,
    out: &mut Vec<Discrepancy>,
) {
    let (fa, fb) = (&a.read(vocabulary).figures, &b.read(vocabulary).figures);
    if fa.is_empty() && fb.is_empty() {
        return;
    }
    let changes = Changes::of(ops, a, vocabulary);
    // The same figure with the same hedge, anywhere in the sentence, is not
    // in question (`112 of 150 flights`, `150 flights … 112 cancelled`).
    // Equal figures counting the same thing pair first (`10 months`, `10-year
    // sentence`), then equal figures of anything.
    let mut paired_b = vec![false; fb.len()];
    let mut paired_a = vec![false; fa.len()];
    for same_unit in [true, false] {
        for (i, x) in fa.iter().enumerate() {
            let same = |j: usize| {
                !paired_b[j]
                    && x.hedge == fb[j].hedge
                    && x.value == fb[j].value
                    && (!same_unit || x.unit.same_as(&fb[j].unit))
            };
            if let Some(j) = (0..fb.len()).find(|&j| !paired_a[i] && same(j)) {
                paired_a[i] = true;
                paired_b[j] = true;
            }
        }
    }
    // The counterpart stands in the same changed stretch of the diff, or
    // counts the same thing on the same scale: every such pair ranked, the
    // closest paired first, so that `more than 60 animals` does not take
    // the `two dozen animals` that `around 20 cases` stands against.
    let rank = |x: &Figure, y: &Figure| {
        // A share and a sum of money are other measures (`fell 2.2
        // percent`, `fell $9.61`), wherever they stand.
        let money = |seg: &Segment, f: &Figure| currency(seg, f, vocabulary).is_some();
        if (x.percent && money(b, y)) || (y.percent && money(a, x)) {
            return None;
        }
        let place = if changes.hold((x.from, x.to), (y.from, y.to)) {
            0
        } else if x.unit.shares(&y.unit)
            && same_person(a, b, x, y, vocabulary)
            && (!partial
                || !x.unit.dates_or_ages()
                || x.value == y.value
                || shared_context(a, b, (x.from, x.counted_at), (y.from, y.counted_at), vocabulary))
        {
            1
        } else if same_lead(a, b, x.from, y.from, vocabulary) {
            // `attracted more than 15,000 fans`, `attracted more than
            // 50,000 followers`: the same words lead to both.
            2
        } else {
            return None;
        };
        // The place, then how far apart the figures are (under 2,303 at the
        // same scale), in one key: the sort shares its code with others.
        let same_scale = x.value > 0.0 && y.value > 0.0 && (x.value.log10() - y.value.log10()).abs() <= 1.0;
        (same_scale && is_year(x) == is_year(y))
            .then(|| (place as u64) << 56 | ((x.value.ln() - y.value.ln()).abs() * 1000.0) as u64)
    };
    let mut ranked: Vec<(u64, u32, u32)> = Vec::new();
    for (i, x) in fa.iter().enumerate().filter(|&(i, _)| !paired_a[i]) {
        for (j, y) in fb.iter().enumerate().filter(|&(j, _)| !paired_b[j]) {
            if let Some(r) = rank(x, y) {
                ranked.push((r, i as u32, j as u32));
            }
        }
    }
    ranked.sort_unstable();
    let mut chosen = Vec::new();
    for (_, i, j) in ranked {
        let (i, j) = (i as usize, j as usize);
        if !paired_a[i] && !paired_b[j] {
            (paired_a[i], paired_b[j]) = (true, true);
            chosen.push((i, j));
        }
    }
    // Reported in the order of the first sentence.
    chosen.sort_unstable();
    for (i, j) in chosen {
        let (x, y) = (fa[i], fb[j]);
        if !x.agrees(&y) && !converted(a, &x, b, &y, vocabulary) {
            // The hedges are shown when they differ.
            let (xa, yb) = if x.hedge == y.hedge { (x.number_from, y.number_from) } else { (x.from, y.from) };
            out.push(Discrepancy::new(DiscrepancyKind::Number, a.span(xa, x.shown_to(a)), b.span(yb, y.shown_to(b))));
        }
    }
    let unpaired_a: Vec<Figure> = fa.iter().zip(&paired_a).filter(|(_, p)| !**p).map(|(f, _)| *f).collect();
    // A figure one side gives where the other says only `several`,
    // `dozens`, `a number of`.
    let unpaired_b: Vec<Figure> = fb.iter().zip(&paired_b).filter(|(_, p)| !**p).map(|(f, _)| *f).collect();
    for (figures, here, there, a_side) in [(&unpaired_a, a, b, true), (&unpaired_b, b, a, false)] {
        // A headline in title case compresses (`Teen Son` for a
        // `17-year-old son`): its vague words leave no figure in question.
        if there.title_case {
            continue;
        }
        // A vague quantity the figure's side says too, of the same thing (`a
        // 20m claim from hundreds of women` against `hundreds of women`; not
        // `thousands of tweets` against `thousands of followers`), is not in
        // question. A unit alone is read with the word before it (`the past
        // several years`; not `the next few years` against `the next four
        // years`).
        let said_here = |v: &Vague| {
            let alone = v.counted_at == v.from;
            if alone && v.from == 0 {
                return false;
            }
            let (from, to) =
                if alone { (v.from - 1, v.to) } else { (v.from, (v.counted_at + 1).min(there.side.words.len())) };
            let said = &there.side.words[from..to];
            here.side.words.windows(said.len()).any(|w| w.iter().zip(said).all(|(x, y)| x.key == y.key))
        };
        let vague_there: Vec<Vague> = there.read(vocabulary).vague.iter().copied().filter(|v| !said_here(v)).collect();
        for x in figures.iter().filter(|x| !is_year(x)) {
            let vague = vague_there.iter().copied().filter(|v| v.kind != Vagueness::Degree || x.percent).find(|v| {
                let (fx, fv) = if a_side { ((x.from, x.to), (v.from, v.to)) } else { ((v.from, v.to), (x.from, x.to)) };
                if v.kind == Vagueness::Comparison {
                    return changes.hold(fx, fv);
                }
                let counts_it = v.counted.shares(&x.unit);
                // An age set off after a name (`Peterson, 31,`) is that
                // person's: a vague age elsewhere (`the baby boy`) may be
                // someone else's.
                (counts_it
                    && (!(partial || x.named_at.is_some())
                        || !x.unit.dates_or_ages()
                        || shared_context(here, there, (x.from, x.counted_at), (v.from, v.counted_at), vocabulary)))
                    || changes.hold(fx, fv)
                    // `the FDA approves hundreds of such arrangements`, `the
                    // FDA approved nearly 1,000 requests`
                    || (v.kind == Vagueness::Amount
                        && !v.counted.age
                        && x.unit.time == v.counted.time
                        && same_lead(here, there, x.from, v.from, vocabulary))
            });
            if let Some(v) = vague {
                // `seven days earlier` against `days earlier`: the vague side
                // is the unit alone, so the figure is shown with its unit.
                let with_unit =
                    v.counted.time && v.counted_at == v.from && x.counted_at == x.to && x.to < here.side.words.len();
                let to = if with_unit { x.to + 1 } else { x.shown_to(here) };
                let (given, vague) = (here.span(x.from, to), there.span(v.from, v.to));
                let (sa, sb) = if a_side { (given, vague) } else { (vague, given) };
                out.push(Discrepancy::new(DiscrepancyKind::Number, sa, sb));
            }
        }
    }
}

/// Words before a figure that can say what leads to it.
const LEAD_WORDS: usize = 2;

/// Whether a content word among the few before word `x` of `a` stands
/// among the few before word `y` of `b`.
fn same_lead(a: &Segment, b: &Segment, x: usize, y: usize, vocabulary: &Vocabulary) -> bool {
    let lead = |seg: &Segment, at: usize| {
        (at.saturating_sub(LEAD_WORDS)..at)
            .map(|i| seg.info(i, vocabulary))
            .filter(|k| !k.stop && !k.number)
            .map(|k| k.stem)
            .collect::<Vec<u32>>()
    };
    let (la, lb) = (lead(a, x), lead(b, y));
    la.iter().any(|s| lb.contains(s))
}

/// Words on either side of a figure that say what it is about.
const CONTEXT_WORDS: usize = 4;

/// Whether the figures that start at word `x.0` of `a` and `y.0` of `b`
/// and count the words at `x.1` and `y.1` stand among the same words,
/// besides the thing they count: in a partial match, `10 years` of one
/// sentence and `three years` of the other may be different sentences'
/// years.
fn shared_context(a: &Segment, b: &Segment, x: (usize, usize), y: (usize, usize), vocabulary: &Vocabulary) -> bool {
    let around = |seg: &Segment, (from, to): (usize, usize)| -> Vec<u32> {
        // Another figure's words take no room in the window: in `his 10-year
        // sentence for fraud`, `sentence` is as near as in `his sentence`.
        let figure = |i: usize| {
            seg.info(i, vocabulary).number || (i > 0 && seg.info(i - 1, vocabulary).number && seg.gap_before(i) == "-")
        };
        let before = (0..from).rev().filter(|&i| !figure(i)).take(CONTEXT_WORDS);
        let after = (to + 1..seg.side.words.len()).filter(|&i| !figure(i)).take(CONTEXT_WORDS);
        // The day of the news is told everywhere: it says nothing of which
        // figure this is.
        before
            .chain(after)
            .map(|i| seg.info(i, vocabulary))
            .filter(|k| !k.stop && k.calendar.is_none())
            .map(|k| k.stem)
            .collect()
    };
    let (ca, cb) = (around(a, x), around(b, y));
    ca.iter().any(|s| cb.contains(s))
}

/// A quantity given without a figure: its word range, the thing counted,
/// and what kind of word gives it.
#[derive(Clone, Copy)]
struct Vague {
    from: usize,
    to: usize,
    /// Where the thing it counts starts.
    counted_at: usize,
    counted: Counted,
    kind: Vagueness,
}

/// How a quantity is left vague.
#[derive(Clone, Copy, PartialEq)]
enum Vagueness {
    /// `several`, `dozens of`, `a number of`, `only days earlier`, `as an
    /// infant`.
    Amount,
    /// `largely deaf`, `almost always fatal`: stands only against a
    /// percentage.
    Degree,
    /// `a significantly longer sentence`: stands only where the other side
    /// gives a figure in its place.
    Comparison,
}

/// Words on either side of a day or a month, inside its clause, that say
/// what it dates.
const CLAUSE_WORDS: usize = 6;

/// Whether the words near word `x` of `a` and word `y` of `b`, in their
/// clauses, share a content word: a day or a month dates a clause (`in
/// February doctors diagnosed him with an adenovirus`, `he contracted an
/// adenovirus in January`).
fn shared_clause(a: &Segment, b: &Segment, x: usize, y: usize, vocabulary: &Vocabulary) -> bool {
    let clause = |seg: &Segment, at: usize| -> Vec<u32> {
        let words = seg.side.words;
        let first = at.saturating_sub(CLAUSE_WORDS);
        let start = (first..=at).rev().find(|&i| words[i].clause_start()).unwrap_or(first);
        let last = (at + 1 + CLAUSE_WORDS).min(words.len());
        let end = (at + 1..last).find(|&i| words[i].clause_start()).unwrap_or(last);
        (start..end)
            .map(|i| seg.info(i, vocabulary))
            .filter(|k| !k.stop && !k.number && k.calendar.is_none())
            .map(|k| k.stem)
            .collect()
    };
    let (ca, cb) = (clause(a, x), clause(b, y));
    ca.iter().any(|s| cb.contains(s))
}

/// Quantities given without a figure (`several`, `dozens of`, `a number
/// of`, `only days earlier`, `largely`).
fn vague_quantities(words: &[Word], vocabulary: &Vocabulary) -> Vec<Vague> {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let mut out = Vec::new();
    for i in 0..words.len() {
        let next = |k: usize| if i + k < words.len() { key(i + k) } else { "" };
        let previous = if i > 0 { key(i - 1) } else { "" };
        let counted_figure =
            i > 0 && (vocabulary.keys[words[i - 1].key as usize].number || number_word(previous).is_some());
        let len = match key(i) {
            "several" | "numerous" | "dozens" | "hundreds" | "thousands" | "millions" | "countless"
            // German, French, Spanish (not `miles`, a unit in English).
            | "mehrere" | "zahlreiche" | "dutzende" | "hunderte" | "tausende" | "plusieurs" | "nombreux"
            | "nombreuses" | "dizaines" | "centaines" | "milliers" | "varios" | "varias" | "numerosos" | "numerosas"
            | "decenas" | "cientos" | "centenares" => 1,
            // `only days earlier`: a span of time with no figure.
            "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades"
                if !counted_figure && previous != "of" =>
            {
                let stem = vocabulary.keys[words[i].key as usize].stem;
                let counted = Counted { stems: [stem, 0, 0], len: 1, time: true, age: false };
                out.push(Vague { from: i, to: i + 1, counted_at: i, counted, kind: Vagueness::Amount });
                continue;
            }
            // `as an infant`, `a teenager`: an age with no figure; not the
            // thing a figure counts (`one in 10,000 babies`).
            "infant" | "baby" | "newborn" | "toddler" | "teenager" | "teen" | "adolescent" if !counted_figure => {
                out.push(Vague {
                    from: i,
                    to: i + 1,
                    counted_at: i + 1,
                    counted: Counted::AGE,
                    kind: Vagueness::Amount,
                });
                continue;
            }
            "always" | "largely" | "mostly" | "usually" | "typically" | "generally" | "partly" | "partially"
            | "entirely" | "completely" | "totally" => {
                let from = if matches!(previous, "almost" | "nearly" | "virtually") { i - 1 } else { i };
                let counted = Counted::after(words, i + 1, vocabulary);
                out.push(Vague { from, to: i + 1, counted_at: i + 1, counted, kind: Vagueness::Degree });
                continue;
            }
            // `a significantly longer sentence`: a comparison before what
            // it compares (not `for much longer`, `no longer lives`).
            "longer" | "shorter" | "higher" | "lower" | "larger" | "smaller" | "bigger" | "fewer" | "greater"
                if !matches!(previous, "no" | "any")
                    && words.get(i + 1).is_some_and(|w| {
                        let k = &vocabulary.keys[w.key as usize];
                        !k.stop && !k.number && !w.clause_start()
                    }) =>
            {
                let intensified = matches!(
                    previous,
                    "significantly" | "much" | "far" | "considerably" | "substantially" | "slightly"
                );
                let from = if intensified { i - 1 } else { i };
                let counted = Counted::after(words, i + 1, vocabulary);
                out.push(Vague { from, to: i + 1, counted_at: i + 1, counted, kind: Vagueness::Comparison });
                continue;
            }
            "a" if matches!(next(1), "number" | "handful" | "series") && next(2) == "of" => 3,
            // `a significant number of`, `a large number of`
            "a" if next(2) == "number" && next(3) == "of" => 4,
            _ => continue,
        };
        // `dozens of people`: the counted word after `of`.
        let to = (i + len).min(words.len());
        let counted_at = if to < words.len() && key(to) == "of" { to + 1 } else { to };
        let counted = Counted::after(words, counted_at, vocabulary);
        out.push(Vague { from: i, to, counted_at, counted, kind: Vagueness::Amount });
    }
    out
}

/// A date given to the day on one side and only to the year on the other
/// (`on July 31, 2014` vs `in the summer of 2014`), or the day of the same
/// month changed (`on June 5` vs `on June 7`; in a partial match, dating
/// the same words).
fn dates(a: &Segment, b: &Segment, vocabulary: &Vocabulary, partial: bool, out: &mut Vec<Discrepancy>) {
    let key = |seg: &Segment, i: usize| seg.key(i, vocabulary);
    let day = |seg: &Segment, i: usize| {
        i < seg.side.words.len()
            && seg.info(i, vocabulary).number
            && parse_number(key(seg, i)).is_some_and(|d| (1.0..=31.0).contains(&d) && d.fract() == 0.0)
    };
    // Each month with its day: (the month's word, the day's).
    let dated = |seg: &Segment| -> Vec<(usize, usize)> {
        seg.calendar_words(Calendar::Month, vocabulary)
            .filter_map(|i| [i + 1, i.wrapping_sub(1)].into_iter().find(|&d| day(seg, d)).map(|d| (i, d)))
            .collect()
    };
    let year_of = |seg: &Segment| -> Vec<(usize, &str)> {
        (0..seg.side.words.len())
            .filter(|&i| seg.info(i, vocabulary).number)
            .filter(|&i| parse_number(key(seg, i)).is_some_and(|y| (1800.0..=2100.0).contains(&y) && y.fract() == 0.0))
            .map(|i| (i, key(seg, i)))
            .collect()
    };
    let date_span = |seg: &Segment, (m, d): (usize, usize)| seg.span(m.min(d), m.max(d) + 1);
    let (dates_a, dates_b) = (dated(a), dated(b));
    let (years_a, years_b) = (year_of(a), year_of(b));
    for (here, there, here_dates, here_years, there_years, a_side) in
        [(a, b, &dates_a, &years_a, &years_b, true), (b, a, &dates_b, &years_b, &years_a, false)]
    {
        if there.calendar_words(Calendar::Month, vocabulary).next().is_some() {
            continue;
        }
        for &(m, d) in here_dates {
            // The same year stands on both sides, the month only here.
            let to = m.max(d) + 1;
            let year = here_years.iter().find(|(y, _)| *y >= to && *y <= to + 1).map(|(_, k)| *k);
            let Some(&(at, _)) = there_years.iter().find(|(_, k)| Some(*k) == year) else { continue };
            let (exact, vague) = (date_span(here, (m, d)), there.span(at, at + 1));
            let (sa, sb) = if a_side { (exact, vague) } else { (vague, exact) };
            out.push(Discrepancy::new(DiscrepancyKind::Number, sa, sb));
        }
    }
    // The one date of each side the other lacks, in the same month.
    let same_date = |here: &Segment, (m, d): (usize, usize), there: &Segment, (n, e): (usize, usize)| {
        same_calendar(here, m, there, n, vocabulary) && here.side.words[d].key == there.side.words[e].key
    };
    let only = |here: &Segment, mine: &[(usize, usize)], there: &Segment, theirs: &[(usize, usize)]| {
        let mut lacking = mine.iter().filter(|&&x| theirs.iter().all(|&y| !same_date(here, x, there, y)));
        lacking.next().copied().filter(|_| lacking.next().is_none())
    };
    if let (Some(x), Some(y)) = (only(a, &dates_a, b, &dates_b), only(b, &dates_b, a, &dates_a)) {
        if same_calendar(a, x.0, b, y.0, vocabulary) && (!partial || shared_clause(a, b, x.0, y.0, vocabulary)) {
            out.push(Discrepancy::new(DiscrepancyKind::Number, date_span(a, x), date_span(b, y)));
        }
    }
}

/// Whether `word` is a day of the week or a month: `may` and `march`, and
/// abbreviations (`Jan.`, `mar`), only when capitalised, else a modal, a
/// verb or another word.
fn calendar_of(word: Word, vocabulary: &Vocabulary) -> Option<Calendar> {
    let key = word.key as usize;
    // Asked of every word of a match: the key's text is read only for
    // calendar words.
    vocabulary.keys[key].calendar.filter(|_| {
        let text = vocabulary.key_text[key].as_str();
        let ambiguous = matches!(text, "may" | "march") || (month_of(text).is_some() && !MONTH_NAMES.contains(&text));
        word.capitalized() || !ambiguous
    })
}

/// Whether word `i` of `a` and word `j` of `b`, calendar words, name the
/// same day or month (`Nov.` and `November`).
fn same_calendar(a: &Segment, i: usize, b: &Segment, j: usize, vocabulary: &Vocabulary) -> bool {
    let (x, y) = (calendar_form(a.key(i, vocabulary)), calendar_form(b.key(j, vocabulary)));
    x == y || month_of(x).is_some_and(|m| month_of(y) == Some(m))
}

/// A day of the week or a month changed: `on Saturday` vs `on Sunday`, `in
/// February` vs `in January`. Each side has one such word the other lacks.
fn weekdays(a: &Segment, b: &Segment, vocabulary: &Vocabulary, partial: bool, out: &mut Vec<Discrepancy>) {
    for calendar in [Calendar::Weekday, Calendar::Month] {
        let words = |seg: &Segment| -> Vec<usize> { seg.calendar_words(calendar, vocabulary).collect() };
        let (wa, wb) = (words(a), words(b));
        let only = |here: &[usize], seg: &Segment, there: &[usize], other: &Segment| -> Vec<usize> {
            here.iter()
                .copied()
                .filter(|&i| there.iter().all(|&j| !same_calendar(seg, i, other, j, vocabulary)))
                .collect()
        };
        match (&only(&wa, a, &wb, b)[..], &only(&wb, b, &wa, a)[..]) {
            ([x], [y]) => {
                if partial && !shared_clause(a, b, *x, *y, vocabulary) {
                    continue;
                }
                out.push(Discrepancy::new(DiscrepancyKind::Number, a.span(*x, x + 1), b.span(*y, y + 1)));
            }
            // `in February doctors diagnosed` against `he later developed`:
            // the day left vague, in a clause both sides share.
            ([x], []) if wb.is_empty() => {
                if let Some(y) = vague_time(b, a, vocabulary).filter(|&y| shared_clause(a, b, *x, y, vocabulary)) {
                    out.push(Discrepancy::new(DiscrepancyKind::Number, a.span(*x, x + 1), b.span(y, y + 1)));
                }
            }
            ([], [y]) if wa.is_empty() => {
                if let Some(x) = vague_time(a, b, vocabulary).filter(|&x| shared_clause(a, b, x, *y, vocabulary)) {
                    out.push(Discrepancy::new(DiscrepancyKind::Number, a.span(x, x + 1), b.span(*y, y + 1)));
                }
            }
            _ => {}
        }
    }
}

/// The only word of `seg` that places an event in time without a date
/// (`later`, `recently`), if the dated side `other` does not have it too.
fn vague_time(seg: &Segment, other: &Segment, vocabulary: &Vocabulary) -> Option<usize> {
    let vague = |seg: &Segment, i: usize| {
        matches!(seg.key(i, vocabulary), "later" | "earlier" | "recently" | "eventually" | "subsequently")
    };
    let mut found = (0..seg.side.words.len()).filter(|&i| vague(seg, i));
    let only = found.next().filter(|_| found.next().is_none())?;
    let key = seg.side.words[only].key;
    (!other.side.words.iter().any(|w| w.key == key)).then_some(only)
}

/// Byte ranges of the quotations in `text` (inner text, without marks). A
/// quotation still open at the end runs to the end: a long quotation is
/// often split into sentences, each with one mark.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only marks matter: `"`, `'` and the backquote, and `“ ” „ « »`,
    // whose UTF-8 begins with 0xE2 or 0xC2 (never a continuation byte, so
    // always where a character starts). Every other character is skipped
    // unread.
    let marks = text.bytes().enumerate().filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2));
    for (i, c) in marks.filter_map(|(i, _)| text[i..].chars().next().map(|c| (i, c))) {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            // Wire copy may open with two backquotes as well (``…''), or
            // with two apostrophes before a word (`wanted ''to see`).
            (None, '`') if text[i + 1..].starts_with('`') => open = Some((i + 2, '"')),
            (None, '\'') if opens_wire(text, i) => open = Some((i + 2, '"')),
            // `wonderful," he said`, `by our reporter" in Baghdad`: a
            // straight mark after punctuation or a letter and before a space
            // closes a quotation begun in an earlier sentence.
            (None, '"') if out.is_empty() && closes(text, i) => out.push((0, i)),
            (None, '"') => open = Some((i + 1, '"')),
            (Some((start, '“' | '„')), '”' | '“') | (Some((start, '«')), '»') | (Some((start, '"')), '"') => {
                out.push((start, i));
                open = None;
            }
            // Wire copy closes with two apostrophes: `"… unimaginable,''
            // Whitcombe wrote`.
            (Some((start, '"' | '“')), '\'') if closes_wire(text, i) => {
                out.push((start, i));
                open = None;
            }
            (None, '\'') if out.is_empty() && closes_wire(text, i) && after_punctuation(text, i) => out.push((0, i)),
            // A closing mark with none open: the quotation began in an
            // earlier sentence.
            (None, '”') if out.is_empty() => out.push((0, i)),
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        out.push((start, text.len()));
    }
    out
}

/// Whether the straight quotation mark at byte `i` reads as a closing one:
/// after punctuation or a letter (after a figure it marks inches).
fn closes(text: &str, i: usize) -> bool {
    let after = text[i + 1..].chars().next();
    let after_letter = text[..i].chars().next_back().is_some_and(char::is_alphabetic);
    (after_punctuation(text, i) || after_letter) && after.is_none_or(char::is_whitespace)
}

/// Whether byte `i` of `text` follows the punctuation that ends a quoted
/// clause (`,` `.` `!` `?`).
fn after_punctuation(text: &str, i: usize) -> bool {
    text[..i].ends_with([',', '.', '!', '?'])
}

/// Whether two apostrophes at byte `i` close a quotation as wire copy
/// writes it (`unimaginable,'' Whitcombe wrote`, `a "perfect storm'' of`):
/// at the end of a word, before a space, punctuation or the end.
fn closes_wire(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    text[i..].starts_with("''")
        && before.is_some_and(|c| !c.is_whitespace())
        && text[i + 2..].chars().next().is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
}

/// Whether two apostrophes at byte `i` open a quotation: at the start of
/// a word (`wanted ''to see`).
fn opens_wire(text: &str, i: usize) -> bool {
    text[i..].starts_with("''")
        && text[..i].chars().next_back().is_none_or(char::is_whitespace)
        && text[i + 2..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Indices of the words of `seg` inside the byte range `range`.
fn words_in(seg: &Segment, (s, e): (usize, usize)) -> Vec<usize> {
    (0..seg.side.words.len())
        .filter(|&i| {
            let start = seg.side.words[i].start as usize - seg.side.start;
            start >= s && start < e
        })
        .collect()
}

/// Fewest words a quotation needs to be compared.
const MIN_QUOTE_WORDS: usize = 4;

/// Quotations compared, given each side's [`Speech`].
fn quotes(a: &Segment, b: &Segment, speech: &[&Speech; 2], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let keys = |seg: &Segment, words: &[usize]| words.iter().map(|&i| seg.side.words[i].key).collect::<Vec<u32>>();
    let (qa, qb) = (&speech[0].quotations, &speech[1].quotations);
    for &ra in qa {
        let ka = keys(a, &words_in(a, ra));
        if ka.len() < MIN_QUOTE_WORDS {
            continue;
        }
        for &rb in qb {
            let kb = keys(b, &words_in(b, rb));
            if kb.len() < MIN_QUOTE_WORDS || ka == kb || joined_alike(&ka, &kb, vocabulary) {
                continue;
            }
            let common = crate::matching::score::words_in_order(&ka, &kb);
            // The same quotation (at least half of the shorter one in the
            // same order), worded differently inside: quoting a fragment of
            // a longer quotation is not misquoting it.
            if common * 2 >= ka.len().min(kb.len()) && common >= 2 && differs_inside(&ka, &kb) {
                out.push(Discrepancy::new(DiscrepancyKind::Quote, a.byte_span(ra.0, ra.1), b.byte_span(rb.0, rb.1)));
            }
        }
    }
    // Quoted on one side, reported in the writer's words on the other: half
    // the quotation's content words recur, in order, in a sentence that
    // quotes nothing and has a reporting verb. Stems, since reported speech
    // inflects: `what bothers me` is reported as `what bothered him`.
    let content = |seg: &Segment, words: &[usize]| -> Vec<u32> {
        words.iter().map(|&i| seg.info(i, vocabulary)).filter(|k| !k.stop && !k.number).map(|k| k.stem).collect()
    };
    for (quoted, here, there, there_speech, a_side) in [(qa, a, b, speech[1], true), (qb, b, a, speech[0], false)] {
        let there_quotes = &there_speech.quotations;
        if quoted.is_empty() || !matches!(there_speech.voice, Voice::Speaker(_)) {
            continue;
        }
        // The other side's own words: outside anything it quotes.
        let inside: Vec<usize> = there_quotes.iter().flat_map(|&r| words_in(there, r)).collect();
        let own: Vec<usize> = (0..there.side.words.len()).filter(|i| !inside.contains(i)).collect();
        let there_content = content(there, &own);
        // The part's content words, if the other side retells it.
        let retold = |r: (usize, usize)| {
            let k = content(here, &words_in(here, r));
            let retold = k.len() >= MIN_REPORTED_CONTENT
                && crate::matching::score::words_in_order(&k, &there_content) * 2 >= k.len();
            retold.then_some((r, k))
        };
        for &r in quoted.iter() {
            // A quotation cut with ellipses strings several statements
            // together: the other side may retell one of them. Reported
            // speech also drops a quotation's framing (`the thing we tell
            // people is that …`): it may retell only the clause after it.
            let parts = std::iter::once(r).chain(ellipsis_parts(here.text, r)).chain(framed_clause(here, r));
            let Some((r, quoted_content)) = parts.into_iter().find_map(retold) else {
                continue;
            };
            // Where the other side retells it (`haunt him for the rest of his
            // life`), not the whole sentence: the longest run of its own
            // words that the quotation has, a few words apart at most; or,
            // when no two are that close, from the first to the last.
            let retelling: Vec<usize> = own
                .iter()
                .copied()
                .filter(|&i| {
                    let info = there.info(i, vocabulary);
                    !info.stop && !info.number && quoted_content.contains(&info.stem)
                })
                .collect();
            let run = retelling
                .chunk_by(|x, y| y - x <= RETELLING_GAP)
                .max_by_key(|run| (run.len(), std::cmp::Reverse(run[0])))
                .filter(|run| run.len() >= 2)
                .unwrap_or(&retelling);
            let reported = match (run.first(), run.last()) {
                (Some(&first), Some(&last)) => there.span(first, last + 1),
                _ => there.span(0, there.side.words.len()),
            };
            let quote = here.byte_span(r.0, r.1);
            let (sa, sb) = if a_side { (quote, reported) } else { (reported, quote) };
            out.push(Discrepancy::new(DiscrepancyKind::Quote, sa, sb));
        }
    }
}

/// A short quoted phrase put in other words in the same place: `the family
/// was "on cloud nine"` against `the family was "over the moon"`, a raccoon
/// `"skulking"` against one `prowling` around the yard. Too short for
/// [`quotes`] to compare, such a phrase is still someone's words.
fn quoted_phrases(
    a: &Segment,
    b: &Segment,
    ops: &[WordOp],
    speech: &[&Speech; 2],
    vocabulary: &Vocabulary,
    out: &mut Vec<Discrepancy>,
) {
    // The short quotation of `seg` whose words are exactly `range`: the
    // phrase replaced whole (not `"Save Josh" campaign` against `campaign
    // to help Josh`, where the diff pairs `Josh`).
    let short_quote = |seg: &Segment, quotations: &[(usize, usize)], (from, to): (usize, usize)| {
        quotations.iter().copied().find(|&r| {
            let words = words_in(seg, r);
            from < to
                && words.len() < MIN_QUOTE_WORDS
                && words.first() == Some(&from)
                && words.last() == Some(&(to - 1))
        })
    };
    // Content words as stems; figures are the figure checks' (`10 Most
    // Wanted`, `Ten Most Wanted`).
    let content = |seg: &Segment, (from, to): (usize, usize)| -> Vec<u32> {
        (from..to)
            .filter(|&i| {
                let info = seg.info(i, vocabulary);
                !info.stop && !info.number && number_word(seg.key(i, vocabulary)).is_none()
            })
            .map(|i| seg.info(i, vocabulary).stem)
            .collect()
    };
    // Between shared words on both sides: at a sentence's edge, a partial
    // match's diff pairs whatever is left (`"It was wonderful,"` against
    // `Josh's father, Todd`).
    for (n, op) in ops.iter().enumerate().take(ops.len().saturating_sub(1)).skip(1) {
        if op.tag != DiffTag::Replace || !anchored_change(ops, n, a, vocabulary) {
            continue;
        }
        let (in_a, in_b) = (short_quote(a, &speech[0].quotations, op.a), short_quote(b, &speech[1].quotations, op.b));
        if in_a.is_none() && in_b.is_none() {
            continue;
        }
        // Other content words, not only other function words, forms or
        // spellings (`Eleonora[67]`, `Eleonora67`).
        let (ca, cb) = (content(a, op.a), content(b, op.b));
        let joined =
            |seg: &Segment, (from, to): (usize, usize)| (from..to).map(|i| seg.key(i, vocabulary)).collect::<String>();
        let (ja, jb) = (joined(a, op.a), joined(b, op.b));
        // The quoted words all there, joined otherwise, with a word added
        // outside the quotation (`cheap "multitool"-type` against
        // ``multi-tool''-type`), misquote no one either.
        let within = |quote: &str, other: &str| quote.len() >= 5 && other.contains(quote);
        let respelt = ja == jb
            || close_spelling(&ja, &jb)
            || (in_a.is_some() && within(&ja, &jb))
            || (in_b.is_some() && within(&jb, &ja));
        if ca.is_empty() || cb.is_empty() || ca.iter().any(|s| cb.contains(s)) || respelt {
            continue;
        }
        let sa = in_a.map_or_else(|| a.range_span(op.a), |r| a.byte_span(r.0, r.1));
        let sb = in_b.map_or_else(|| b.range_span(op.b), |r| b.byte_span(r.0, r.1));
        out.push(Discrepancy::new(DiscrepancyKind::Quote, sa, sb));
    }
}

/// Words between two words of a retelling that still make one stretch of it.
const RETELLING_GAP: usize = 6;

/// The parts of the quotation at byte range `r` of `text` between
/// ellipses (`...`, `…`), trimmed; none when it has no ellipsis.
fn ellipsis_parts(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let quoted = &text[start..end];
    if !quoted.contains("...") && !quoted.contains('…') {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut from = 0;
    let mut push = |from: usize, to: usize| {
        let part = &quoted[from..to];
        let trimmed = part.trim_start_matches(|c: char| c.is_whitespace() || c == '.');
        let lead = part.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            parts.push((start + from + lead, start + from + lead + trimmed.len()));
        }
    };
    for (at, mark) in quoted.match_indices(['.', '…']) {
        // `...` or `…`; a lone full stop ends nothing here.
        let ellipsis = mark == "…" || quoted[at..].starts_with("...");
        if ellipsis && at >= from {
            push(from, at);
            from = at + if mark == "…" { mark.len() } else { 3 };
        }
    }
    push(from, quoted.len());
    parts
}

/// The clause a quotation at byte range `r` of `seg` frames with `that`
/// (`The one thing we tell people is that it is fatal`): from the word after
/// its last `that` to its end, if any word follows.
fn framed_clause(seg: &Segment, r: (usize, usize)) -> Option<(usize, usize)> {
    let words = words_in(seg, r);
    let at = words.iter().rposition(|&i| seg.surface(i).eq_ignore_ascii_case("that"))?;
    let next = *words.get(at + 1)?;
    Some((seg.side.words[next].start as usize - seg.side.start, r.1))
}

/// Fewest content words a quotation needs to be recognised in reported
/// speech.
const MIN_REPORTED_CONTENT: usize = 3;

/// Whether two runs of word keys spell the same when joined: they differ
/// only in how words are joined or split (`war-fighters`, `warfighters`;
/// `in to`, `into`; `per cent`, `percent`, whose key is `%`) or in whether
/// a number is spelled out (`two years`, `2 years`: a house style), which
/// misquotes no one.
fn joined_alike(a: &[u32], b: &[u32], vocabulary: &Vocabulary) -> bool {
    let joined = |keys: &[u32]| {
        let mut out = String::new();
        for &k in keys {
            match vocabulary.key_text[k as usize].as_str() {
                "%" => out.push_str("percent"),
                // Whole numbers as digits (a float's formatting would
                // weigh on the widget).
                text => match number_word(text).filter(|n| n.fract() == 0.0 && (0.0..1e15).contains(n)) {
                    Some(n) => out.push_str(&(n as u64).to_string()),
                    None => out.push_str(text),
                },
            }
        }
        out
    };
    joined(a) == joined(b)
}

/// Whether two word sequences differ other than by words cut off at either
/// end.
fn differs_inside(a: &[u32], b: &[u32]) -> bool {
    let ops = crate::diff::key_diff(a, b);
    let first_equal = ops.iter().position(|op| op.tag() == similar::DiffTag::Equal);
    let last_equal = ops.iter().rposition(|op| op.tag() == similar::DiffTag::Equal);
    match (first_equal, last_equal) {
        (Some(f), Some(l)) => ops[f..=l].iter().any(|op| op.tag() != similar::DiffTag::Equal),
        _ => true,
    }
}

/// A capitalised content word, not the first of its sentence or quotation,
/// whose key the documents write capitalised inside sentences: a name.
fn is_name(seg: &Segment, i: usize, vocabulary: &Vocabulary) -> bool {
    let w = seg.side.words[i];
    let info = &vocabulary.keys[w.key as usize];
    // A weekday, or a month in a date (`June 5`; `April Ryan` is a name),
    // is the date checks'.
    let number_at = |j: usize| j < seg.side.words.len() && seg.info(j, vocabulary).number;
    let calendar = match info.calendar {
        Some(Calendar::Weekday) => true,
        Some(Calendar::Month) => (i > 0 && number_at(i - 1)) || number_at(i + 1),
        None => false,
    };
    if !w.capitalized() || info.stop || info.number || i == 0 || calendar || !vocabulary.is_name(w.key) {
        return false;
    }
    let before = seg.gap_before(i);
    let after = &seg.side.text[w.end() as usize..];
    // `Dr.`, `Mr.`: a title, not the name.
    let abbreviation = after.starts_with('.') && w.end() - w.start <= 4;
    !abbreviation && !before.contains(['“', '"', '.', ':', '(', '—', '‘'])
}

/// Whether word `i` of `seg` is a name that `other` lacks. A name the other
/// side has somewhere (`Europe's`, `Europe`) is not in question. (A
/// sentence's few words: a scan, no set to build.)
fn name_only_in(seg: &Segment, i: usize, other: &Segment, vocabulary: &Vocabulary) -> bool {
    let stem = |w: &Word| vocabulary.keys[w.key as usize].stem;
    let own = stem(&seg.side.words[i]);
    is_name(seg, i, vocabulary) && !other.side.words.iter().any(|w| stem(w) == own)
}

/// Where a speaker's name starts, given the first word `from` it was
/// looked for in: further back when the name is several words joined by
/// `and`, `of` or `for` (`the Food and Drug Administration said`), not for
/// a title before a name (`Animal Control Officer Heidi Blood said`,
/// `Board of Elections director Colleen Dwyer told`).
fn name_start(seg: &Segment, from: usize, vocabulary: &Vocabulary) -> usize {
    let joining = |i: usize| matches!(seg.key(i, vocabulary), "of" | "and" | "for");
    let in_name = |i: usize| joining(i) || seg.side.words[i].capitalized();
    let (mut start, mut joined) = (from, joining(from));
    while start > 0 && in_name(start) && in_name(start - 1) && !seg.side.words[start].clause_start() {
        start -= 1;
        joined |= joining(start);
    }
    if joined && seg.side.words[start].capitalized() {
        start
    } else {
        from
    }
}

/// How many words after a reporting verb its speaker may stand: up to
/// four after one the speaker may follow (`said Smith`, `according to
/// Smith`, `sagte Müller`, `selon le ministre`), one after the others
/// (`Smith told reporters`: who listens follows); `None` for a word that
/// reports no speech. English, then German, French and Spanish, as word
/// keys (`erklärte` → `erklarte`); not French `déclaré` (`declare`, an
/// English verb of another sense). (A match on the string compares lengths
/// first, cheaper than searching a list.)
fn speaker_reach(key: &str) -> Option<usize> {
    match key {
        "said" | "says" | "according" | "added" | "sagte" | "sagt" | "erklarte" | "laut" | "dit" | "selon"
        | "ajoute" | "dijo" | "segun" | "afirmo" | "explico" | "anadio" | "senalo" => Some(SPEAKER_AFTER),
        "announced" | "argued" | "arguing" | "claimed" | "described" | "explained" | "insisted" | "insisting"
        | "noted" | "posted" | "say" | "stated" | "told" | "warned" | "wrote" | "zufolge" | "affirme" | "explique" => {
            Some(1)
        }
        _ => None,
    }
}

/// Most words after a reporting verb its speaker may stand.
const SPEAKER_AFTER: usize = 4;

/// Most words of a speaker before a clause set off between it and its
/// verb (`Cindy Yeast, a publicist in Washington, says`).
const SPEAKER_BEFORE: usize = 4;

/// What a sentence quotes, and whose words it tells.
struct Speech {
    /// The sentence's [`quotations`].
    quotations: Vec<(usize, usize)>,
    voice: Voice,
}

/// Whose words a sentence tells.
enum Voice {
    /// The writer's: the sentence has no reporting verb.
    Writer,
    /// Someone's the sentence reports (see [`voice`]).
    Speaker(Speaker),
    /// Not clear: several reporting verbs, one inside a quotation only, or
    /// one in the passive.
    Unclear,
}

impl Speech {
    fn of(seg: &Segment, vocabulary: &Vocabulary) -> Speech {
        let quotations = quotations(seg.text);
        let voice = voice(seg, &quotations, vocabulary);
        Speech { quotations, voice }
    }
}

/// The speaker of a sentence: the names within three words of its one
/// reporting verb, outside quotations (`Penrose said`, `his mother, Maren,
/// told reporters`), or its other content words there when it names no one
/// (`state health officials warned`). Also the words around the verb the
/// speaker was looked for in. `quotations` are the segment's [`quotations`].
fn voice(seg: &Segment, quotations: &[(usize, usize)], vocabulary: &Vocabulary) -> Voice {
    let key = |i: usize| seg.key(i, vocabulary);
    let words = seg.side.words.len();
    // Most sentences report no speech: known before marking what is quoted.
    let verbs: Vec<usize> = (0..words).filter(|&i| speaker_reach(key(i)).is_some()).collect();
    if verbs.is_empty() {
        return Voice::Writer;
    }
    let mut quoted = vec![false; words];
    for &r in quotations {
        words_in(seg, r).into_iter().for_each(|i| quoted[i] = true);
    }
    let media = media(seg, &quoted, vocabulary);
    // `in a video posted on Telegram`: the video was posted, no one spoke.
    let posted_medium = |i: usize| key(i) == "posted" && media.iter().any(|&(_, at)| at + 1 == i);
    let outside: Vec<usize> = verbs.into_iter().filter(|&i| !quoted[i] && !posted_medium(i)).collect();
    let [verb] = outside[..] else { return Voice::Unclear };
    // `according to X`, `selon X`: the verb names its source next.
    let names_source = matches!(key(verb), "according" | "laut" | "selon" | "segun");
    // A sentence that opens with a verb reports no one (`Added to savings on
    // the dividend, …`, `Told of the news, she wept`); one that opens with
    // `according to`, `selon`, `laut` names its source next.
    if verb == 0 && !(names_source || key(0) == "zufolge") {
        return Voice::Writer;
    }
    // `it posted a profit`, `posted the video`: a result or a thing, not words.
    if key(verb) == "posted"
        && (verb + 1 < words)
        && (matches!(key(verb + 1), "a" | "an" | "the" | "its" | "their") || seg.info(verb + 1, vocabulary).number)
    {
        return Voice::Writer;
    }
    // `the earnings were announced`, `he was described as happy`: in the
    // passive, what stands before the verb was told, not telling; the
    // speaker is the agent after `by` (`was described by the judge as`),
    // or not said.
    let passive = verb > 0 && matches!(key(verb - 1), "is" | "was" | "are" | "were" | "be" | "been" | "being");
    let agent = passive && verb + 1 < words && key(verb + 1) == "by";
    if passive && !agent {
        return Voice::Unclear;
    }
    // `X said`, `said X`, `according to X`; but `X told Y`: Y listens.
    let after = if agent { 1 + SPEAKER_AFTER } else { speaker_reach(key(verb)).expect("a reporting verb") };
    // `…, said the minister`, `…, sagte der Minister`: the speaker follows,
    // and the clause before the comma ends what was said — unless it is as
    // short as a name set off by commas (`his father, David Sorkin, said`)
    // or what follows is a quotation (`…, said: "…"`).
    let comma_before = |i: usize| i > 0 && seg.gap_before(i).contains(',');
    // `The $22 million deal, announced Thursday, is …`: a participle set
    // off by commas with only a time tells when, and no one speaks.
    let when = |i: usize| {
        seg.info(i, vocabulary).calendar.is_some() || matches!(key(i), "on" | "today" | "yesterday" | "last" | "this")
    };
    let set_off_end = (verb + 1..words.min(verb + 4)).find(|&i| comma_before(i));
    if comma_before(verb) && set_off_end.is_some_and(|end| (verb + 1..end).all(when)) {
        return Voice::Writer;
    }
    let clause_before = (0..verb).rev().find(|&i| comma_before(i)).map_or(verb, |start| verb - start);
    let set_off = after > 1 && comma_before(verb) && clause_before > 3 && verb + 1 < words && !quoted[verb + 1];
    // The speaker after an inverted verb follows a quotation (`"…," said
    // Assistant Attorney General Michael Chertoff of the Criminal
    // Division`), is named as a source (`according to`) or is a short
    // phrase that ends the sentence or a clause (`…, said the minister.`,
    // `…, said Lee, adding`). Words running on are what was said, and the
    // speaker stands before the clause set off before the verb, which tells
    // of them but does not name them (`Microsoft, which bought it in
    // February, said a fix is not near`).
    let closed = (verb + 2..=(verb + 3 + after).min(words)).any(|i| i == words || comma_before(i));
    // `…, said at a briefing today.`: a place or a time follows, not a speaker.
    let placed = verb + 1 < words && PREPOSITIONS.contains(&key(verb + 1));
    let inverted = set_off && ((closed && !placed) || quoted[verb - 1] || names_source);
    let aside = if set_off && !inverted { verb - clause_before..verb } else { verb..verb };
    // A comma just before the speaker ends the clause before it
    // (`…annually, immigration officials said`), unless the speaker is set
    // off by commas (`Lee, 33, said`).
    let from = if inverted {
        verb
    } else if set_off {
        aside.start.saturating_sub(SPEAKER_BEFORE)
    } else {
        let from = verb.saturating_sub(3);
        let speaker_set_off = comma_before(verb);
        let from = (from + 1..verb).rev().find(|&i| !speaker_set_off && comma_before(i)).unwrap_or(from);
        name_start(seg, from, vocabulary)
    };
    let window: Vec<usize> = (from..(verb + after).min(words)).filter(|&i| !quoted[i]).collect();
    // `It said the patents were …`, `he added that the New York-based
    // actor …`: a pronoun before the verb is the speaker, and the words after
    // it are what was said. Who it is, the sentence does not tell.
    let pronoun = (!inverted && !agent)
        .then(|| {
            window
                .iter()
                .copied()
                .filter(|&i| i < verb && !aside.contains(&i))
                .find(|&i| SUBJECT_PRONOUNS.contains(&key(i)))
        })
        .flatten();
    // `X warned that …`, `X told reporters that …`: what is said is the
    // clause after the verb, not the whole sentence.
    let clause = (verb + 1..(verb + 3).min(words)).find(|&i| matches!(key(i), "that" | "dass" | "que")).map(|i| i + 1);
    if let Some(p) = pronoun {
        return Voice::Speaker(Speaker { who: vec![p], refers: Reference::Pronoun, window, clause, media });
    }
    // `A judge branded his behaviour "despicable" and added:`: someone
    // speaks, the subject of the verb before, whom the words just before
    // this one do not name; like a pronoun, they may be anyone named.
    if verb > 0 && key(verb - 1) == "and" {
        return Voice::Speaker(Speaker { who: Vec::new(), refers: Reference::Pronoun, window, clause, media });
    }
    // In `X said Y is …` the speaker comes before the verb; after it only
    // when the verb names its source next (`according to X`) or when
    // inverted.
    let source_next = agent || names_source;
    // A date near the verb is when, not who (`castrated in August 2001,
    // has said`).
    let near: Vec<usize> = window
        .iter()
        .copied()
        .filter(|&i| (i < verb || inverted || source_next) && i != verb && !aside.contains(&i))
        .filter(|&i| !seg.info(i, vocabulary).stop && seg.info(i, vocabulary).calendar.is_none())
        .collect();
    let names: Vec<usize> = near.iter().copied().filter(|&i| is_name(seg, i, vocabulary)).collect();
    if !names.is_empty() {
        return Voice::Speaker(Speaker { who: names, refers: Reference::Name, window, clause, media });
    }
    // `the company said`, `his mom said`: a short description after a
    // determiner may point back at someone named earlier.
    let definite = near.first().is_some_and(|&i| {
        near.len() <= 2
            && i > 0
            && matches!(
                key(i - 1),
                "the" | "his" | "her" | "their" | "its" | "der" | "die" | "das" | "le" | "la" | "el"
            )
    });
    // `prosecutors said`: a group, of whom a name may be one (not
    // `reports`: texts are no group of people).
    let group = near.len() == 1 && {
        let k = key(near[0]);
        k == "police" || (k.len() > 3 && plural_form(k) && !is_general_noun(&k[..k.len() - 1]))
    };
    let refers = if group && !definite {
        Reference::Group
    } else if !definite {
        Reference::Description
    } else if near.iter().any(|&i| is_general_noun(key(i))) {
        Reference::General
    } else {
        Reference::Definite
    };
    Voice::Speaker(Speaker { who: near, refers, window, clause, media })
}

/// Pronouns that can be the subject of a reporting verb, pointing back at
/// someone named earlier.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// How a speaker is named.
#[derive(Clone, Copy)]
enum Reference {
    /// By name (`Penrose said`).
    Name,
    /// A pronoun (`he said`): someone, but not said who.
    Pronoun,
    /// A short description after a determiner (`the minister said`, `his
    /// mother told reporters`): may be someone the article named before.
    Definite,
    /// The same with a general noun (`the company said`, `the report
    /// says`): may be almost anyone or anything named before.
    General,
    /// A group in one plural word (`prosecutors wrote`, `police said`):
    /// may be a person the other side names.
    Group,
    /// Another description (`state health officials warned`).
    Description,
}

/// Nouns general enough to stand, with a determiner, for a company, body or
/// text named elsewhere (`the group` for `the league`, `the document` for
/// `the report`).
fn is_general_noun(key: &str) -> bool {
    matches!(
        key,
        "company"
            | "companies"
            | "firm"
            | "group"
            | "groups"
            | "organization"
            | "organisation"
            | "agency"
            | "body"
            | "statement"
            | "report"
            | "document"
            | "study"
            | "survey"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "unternehmen"
            | "firma"
            | "gruppe"
            | "bericht"
            | "entreprise"
            | "societe"
            | "groupe"
            | "rapport"
            | "empresa"
            | "grupo"
            | "informe"
    )
}

/// Who reports speech in a sentence (see [`voice`]).
struct Speaker {
    /// The speaker's words.
    who: Vec<usize>,
    /// How the speaker is named.
    refers: Reference,
    /// The words around the reporting verb the speaker was looked for in.
    window: Vec<usize>,
    /// The first word of the clause the verb introduces (`warned that …`),
    /// when it introduces one.
    clause: Option<usize>,
    /// Where or how the words were said, and the word that tells.
    media: Vec<(Medium, usize)>,
}

/// Where or how someone said something: a platform (`on X`, `on
/// Telegram`) or a form (`in a video`, `at a news conference`).
#[derive(Clone, Copy, PartialEq)]
enum Medium {
    Twitter,
    Facebook,
    Instagram,
    Telegram,
    TikTok,
    YouTube,
    LinkedIn,
    WhatsApp,
    Video,
    Statement,
    Interview,
    Briefing,
    Speech,
    Letter,
    Document,
    Broadcast,
}

impl Medium {
    /// The medium word `i` of `seg` names, by its key (English words only);
    /// `X` only as written so.
    fn of(seg: &Segment, i: usize, vocabulary: &Vocabulary) -> Option<Medium> {
        use Medium::*;
        Some(match seg.key(i, vocabulary) {
            "x" if seg.surface(i) == "X" => Twitter,
            "twitter" | "tweet" => Twitter,
            "facebook" => Facebook,
            "instagram" => Instagram,
            "telegram" => Telegram,
            "tiktok" => TikTok,
            "youtube" => YouTube,
            "linkedin" => LinkedIn,
            "whatsapp" => WhatsApp,
            "video" => Video,
            "statement" | "release" => Statement,
            "interview" => Interview,
            "conference" | "briefing" => Briefing,
            "speech" | "address" => Speech,
            "letter" | "email" => Letter,
            "memo" | "filing" => Document,
            "radio" | "television" | "broadcast" | "podcast" => Broadcast,
            _ => return None,
        })
    }

    fn is_platform(self) -> bool {
        use Medium::*;
        matches!(self, Twitter | Facebook | Instagram | Telegram | TikTok | YouTube | LinkedIn | WhatsApp)
    }
}

/// The media a sentence names outside its quotations, each after a
/// preposition within three words (`in a video`, `on the Telegram messaging
/// app`, `at a news conference`); `quoted` marks the quoted words.
fn media(seg: &Segment, quoted: &[bool], vocabulary: &Vocabulary) -> Vec<(Medium, usize)> {
    (0..seg.side.words.len())
        .filter(|&i| !quoted[i])
        .filter_map(|i| Medium::of(seg, i, vocabulary).map(|m| (m, i)))
        .filter(|&(_, i)| {
            (i.saturating_sub(3)..i)
                .any(|j| matches!(seg.key(j, vocabulary), "in" | "on" | "via" | "during" | "at" | "to" | "through"))
        })
        .collect()
}

/// Whether two speakers may be one, as far as their words tell: `he` may be
/// anyone; `the minister` may be `Berger`, not `the police`; `the company`
/// may be `the group` or `Avery Dennison`; `Bradford` one of `prosecutors`.
fn may_be_one(x: Reference, y: Reference) -> bool {
    use Reference::*;
    matches!(
        (x, y),
        (Pronoun, _)
            | (_, Pronoun)
            | (Definite | General | Group, Name)
            | (Name, Definite | General | Group)
            | (General, Definite | General)
            | (Definite, General)
    )
}

/// Words that may follow a speaker who closes a sentence (`…, police said
/// on Tuesday.`).
const CLOSING_WORDS: usize = 3;

/// The same words said by someone else: both sides report speech, what is
/// said is largely shared, and neither side's speaker appears on the other.
/// Or the same words told as someone's on one side only (`Doctors say he
/// has been vomiting blood` against the writer's own `He vomits blood`):
/// the other side reports no speech, quotes nothing and names no one of
/// that speaker.
fn attribution(a: &Segment, b: &Segment, speech: &[&Speech; 2], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.headline || b.headline {
        return;
    }
    // The writer's own words: no reporting verb, no quotation.
    let unattributed = |s: &Speech| s.quotations.is_empty() && matches!(s.voice, Voice::Writer);
    let none = Speaker {
        who: Vec::new(),
        refers: Reference::Description,
        window: Vec::new(),
        clause: None,
        media: Vec::new(),
    };
    let (x, y, one_side) = match (&speech[0].voice, &speech[1].voice) {
        // `He said` against `Moch said` may be one person.
        (Voice::Speaker(x), Voice::Speaker(y)) if may_be_one(x.refers, y.refers) => return,
        (Voice::Speaker(x), Voice::Speaker(y)) if !x.who.is_empty() && !y.who.is_empty() => (x, y, false),
        (Voice::Speaker(x), _) if !x.who.is_empty() && unattributed(speech[1]) => (x, &none, true),
        (_, Voice::Speaker(y)) if !y.who.is_empty() && unattributed(speech[0]) => (&none, y, true),
        _ => return,
    };
    let (sa, sb) = (&x.who, &y.who);
    // Both introduce what is said (`X warned that …`, `Y warned that …`):
    // the claims are those clauses, whatever else the sentences tell.
    let clauses = x.clause.zip(y.clause);
    let (from_a, from_b) = clauses.unwrap_or((0, 0));
    let stem = |seg: &Segment, i: usize| seg.info(i, vocabulary).stem;
    let stems = |seg: &Segment| (0..seg.side.words.len()).map(|i| stem(seg, i)).collect::<FastSet<u32>>();
    let (all_a, all_b) = (stems(a), stems(b));
    // What is said, away from the speakers, must be shared for the speaker
    // to be in question.
    let (said_a, said_b) = (said(a, x, from_a, vocabulary), said(b, y, from_b, vocabulary));
    let shared = said_a.iter().filter(|s| said_b.contains(s)).count();
    let same_claim = if one_side {
        // What the speaker is said to say is what the other side tells, not
        // a part of a longer sentence that tells more. Unless the speaker
        // closes the sentence (`…, Bradford said.`, `…, according to court
        // records.`): then all of it is theirs, and a part told without them
        // has lost its source.
        let (attributed, told, speaker, seg) =
            if sa.is_empty() { (&said_b, &said_a, y, b) } else { (&said_a, &said_b, x, a) };
        let closes = speaker.window.last().is_some_and(|&i| i + CLOSING_WORDS >= seg.side.words.len());
        let thirds = if closes { 1 } else { 2 };
        shared >= 3 && shared * 3 >= thirds * attributed.len() && shared * 2 >= told.len()
    } else {
        // Two clauses of the same construction may share fewer words.
        let least = if clauses.is_some() { 2 } else { 3 };
        shared >= least && shared * 3 >= 2 * said_a.len().min(said_b.len())
    };
    // `Sean Sundwell said` against `Sundwall said`: one speaker, spelled two
    // ways (the spelling checks tell); `BofA` and `Bank of America`.
    let respelt = sa.iter().any(|&i| sb.iter().any(|&j| close_spelling(a.key(i, vocabulary), b.key(j, vocabulary))))
        || (!sa.is_empty()
            && !sb.is_empty()
            && abbreviation(a, (sa[0], sa[sa.len() - 1] + 1), b, (sb[0], sb[sb.len() - 1] + 1)));
    if same_claim
        && !respelt
        && sa.iter().all(|&i| !all_b.contains(&stem(a, i)))
        && sb.iter().all(|&i| !all_a.contains(&stem(b, i)))
    {
        // No speaker: an empty span where the claim starts.
        let span = |seg: &Segment, words: &[usize]| {
            if words.is_empty() {
                seg.empty_span_at(0)
            } else {
                seg.span(words[0], words[words.len() - 1] + 1)
            }
        };
        out.push(Discrepancy::new(DiscrepancyKind::Attribution, span(a, sa), span(b, sb)));
    }
}

/// The stems of what `speaker` says in `seg` from word `from` on: its
/// content words away from the speaker and from where they said it.
fn said(seg: &Segment, speaker: &Speaker, from: usize, vocabulary: &Vocabulary) -> Vec<u32> {
    (from..seg.side.words.len())
        .filter(|i| !speaker.window.contains(i) && !speaker.media.iter().any(|(_, at)| at == i))
        .filter(|&i| !seg.info(i, vocabulary).stop)
        .map(|i| seg.info(i, vocabulary).stem)
        .collect()
}

/// The same words said by the same speaker through another medium: a post
/// on X against a video on Telegram, a statement against an interview.
/// Platforms are compared with platforms and forms with forms (`a video on
/// X` and `a post on X` agree). Another speaker is [`attribution`]'s.
fn channel(a: &Segment, b: &Segment, speech: &[&Speech; 2], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.headline || b.headline || out.iter().any(|d| d.kind == DiscrepancyKind::Attribution) {
        return;
    }
    let (Voice::Speaker(x), Voice::Speaker(y)) = (&speech[0].voice, &speech[1].voice) else { return };
    if x.media.is_empty() || y.media.is_empty() {
        return;
    }
    let (said_a, said_b) = (said(a, x, 0, vocabulary), said(b, y, 0, vocabulary));
    let shared = said_a.iter().filter(|s| said_b.contains(s)).count();
    if shared < 3 || shared * 3 < 2 * said_a.len().min(said_b.len()) {
        return;
    }
    for platforms in [true, false] {
        let of_kind = |s: &Speaker| -> Vec<(Medium, usize)> {
            s.media.iter().copied().filter(|(m, _)| m.is_platform() == platforms).collect()
        };
        let (ma, mb) = (of_kind(x), of_kind(y));
        if let (Some(&(_, i)), Some(&(_, j))) = (ma.first(), mb.first()) {
            if ma.iter().all(|(m, _)| mb.iter().all(|(n, _)| m != n)) {
                out.push(Discrepancy::new(DiscrepancyKind::Attribution, a.span(i, i + 1), b.span(j, j + 1)));
                return;
            }
        }
    }
}

/// Whether one side's words `x` are an abbreviation of the other's `y`, or
/// the reverse: one word in capitals (`ABA`, `SARS`, `TV`, `G+J`) whose
/// letters stand in order in the other's words, from its first letter
/// (`American Basketball Association`, `severe acute respiratory syndrome`,
/// `television`, `Gruner & Jahr`). One thing named two ways.
fn abbreviation(a: &Segment, x: (usize, usize), b: &Segment, y: (usize, usize)) -> bool {
    let letters = |seg: &Segment, (from, to): (usize, usize)| -> String {
        (from..to)
            .flat_map(|i| seg.surface(i).chars())
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // `SUVs`, `PDAs`: a plural keeps the capitals.
    let capitals = |seg: &Segment, (from, to): (usize, usize)| {
        let surface = seg.surface(from);
        let word = surface.strip_suffix('s').unwrap_or(surface);
        to == from + 1
            && word.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !word.chars().any(char::is_lowercase)
    };
    let stands_for = |short: String, long: String| {
        let mut rest = long.chars();
        short.chars().next() == long.chars().next() && short.chars().all(|c| rest.any(|l| l == c))
    };
    (capitals(a, x) && stands_for(letters(a, x), letters(b, y)))
        || (capitals(b, y) && stands_for(letters(b, y), letters(a, x)))
}

/// Most words either side of a changed stretch that holds a different name:
/// a name in a longer change is part of different content, not a swap.
const MAX_NAME_CHANGE: usize = 3;

fn names(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.title_case || b.title_case {
        return;
    }
    let key_text = |seg: &Segment, i: usize| seg.key(i, vocabulary);
    let name_only_in = |seg: &Segment, i: usize, other: &Segment| name_only_in(seg, i, other, vocabulary);
    for (n, op) in ops.iter().enumerate() {
        // The same place in the sentence: a short change between words
        // both sides share, phrases alike (`Boston, Mass.` against
        // `Portland, Ore.`, not `Harlow Mills, Dana Pruitt` against `Vesta`).
        let short = op.a.1 - op.a.0 <= MAX_NAME_CHANGE
            && op.b.1 - op.b.0 <= MAX_NAME_CHANGE
            && a.broken(op.a) == b.broken(op.b);
        let content_equal = |o: Option<&WordOp>| o.is_none_or(|o| (o.a.0..o.a.1).any(|i| !a.info(i, vocabulary).stop));
        let both_sides = content_equal(n.checked_sub(1).map(|m| &ops[m])) && content_equal(ops.get(n + 1));
        if op.tag != DiffTag::Replace || !short || !anchored_change(ops, n, a, vocabulary) || !both_sides {
            continue;
        }
        // `Animal Control Officer Heidi Blood` against `Disease Control and
        // Prevention`: one shared word inside two different names is no
        // place the two sentences share.
        let ends_capitalized =
            |seg: &Segment, (from, to): (usize, usize)| to > from && seg.side.words[to - 1].capitalized();
        let inside_names = n >= 2 && {
            let (anchor, before) = (&ops[n - 1], &ops[n - 2]);
            anchor.tag == DiffTag::Equal
                && anchor.a.1 - anchor.a.0 == 1
                && a.side.words[anchor.a.0].capitalized()
                && before.tag != DiffTag::Equal
                && (ends_capitalized(a, before.a) || ends_capitalized(b, before.b))
        };
        if inside_names {
            continue;
        }
        let na: Vec<usize> = (op.a.0..op.a.1).filter(|&i| name_only_in(a, i, b)).collect();
        let nb: Vec<usize> = (op.b.0..op.b.1).filter(|&i| name_only_in(b, i, a)).collect();
        let (Some(&fa), Some(&la), Some(&fb), Some(&lb)) = (na.first(), na.last(), nb.first(), nb.last()) else {
            continue;
        };
        // Name against name: `Kieran` against `a boy from Hertfordshire` is
        // a description, not another name.
        let content = |seg: &Segment, (from, to): (usize, usize)| {
            (from..to)
                .filter(|&i| {
                    let k = seg.info(i, vocabulary);
                    !k.stop && !k.number
                })
                .count()
        };
        if content(a, op.a) != na.len() || content(b, op.b) != nb.len() {
            continue;
        }
        // `Russia` and `Russian`, `Ukraine` and `Ukrainian`, `UK` and
        // `British`: one place, not two.
        let related = |x: &str, y: &str| {
            let common = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
            (common >= 4 && common * 3 >= 2 * x.len().min(y.len())) || one_country(x, y)
        };
        if na.iter().any(|&i| nb.iter().any(|&j| related(key_text(a, i), key_text(b, j))))
            || abbreviation(a, (fa, la + 1), b, (fb, lb + 1))
        {
            continue;
        }
        // One name cut short or lengthened at an end (`Tim`, `Timothy`;
        // `St`, `Street`; `CJD`, `vCJD`) is one name in another form.
        let (x, y) = (key_text(a, fa), key_text(b, fb));
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let cut = short.len() >= 2 && (long.starts_with(short) || long.ends_with(short));
        let kind = if (close_spelling(x, y) || cut) && fa == la && fb == lb {
            DiscrepancyKind::Spelling
        } else {
            DiscrepancyKind::Name
        };
        out.push(Discrepancy::new(kind, a.span(fa, la + 1), b.span(fb, lb + 1)));
    }
}

/// Countries with the words for their people that do not begin alike
/// (those that do, `Egypt` and `Egyptian`, are told by their letters), as
/// comparison keys: one country's words between bars.
const COUNTRIES_AND_PEOPLE: &str = "us usa america american|uk britain british briton|england english|\
    france french|spain spanish spaniard|netherlands holland dutch|switzerland swiss|wales welsh|\
    ireland irish|scotland scottish scot|denmark danish dane|finland finnish finn|poland polish pole|\
    philippines philippine filipino";

/// Whether `x` and `y` (comparison keys) are a country and its people, or
/// two words for either. (Out of line: inlined, it grew the widget's wasm
/// by 0.8 KB gzipped.)
#[inline(never)]
fn one_country(x: &str, y: &str) -> bool {
    // As written or in the singular (`Americans`, but `Netherlands`).
    let among = |words: &str, w: &str| words.split(' ').any(|v| v == w || w.strip_suffix('s') == Some(v));
    x != y && COUNTRIES_AND_PEOPLE.split('|').any(|words| among(words, x) && among(words, y))
}

/// Pronouns that point back at someone the text has named.
const POINTING_BACK: &[&str] =
    &["he", "she", "they", "him", "her", "his", "hers", "them", "their", "theirs", "it", "its"];

/// Words that open a phrase of place, time or manner.
const PREPOSITIONS: &[&str] =
    &["in", "on", "at", "from", "to", "by", "for", "with", "of", "near", "into", "after", "before", "during", "since"];

/// Words that may open a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "these", "those", "both", "each", "every", "another", "all"];

/// Most words on either side of a name set against a description: a
/// longer change says something else.
const MAX_DESCRIPTION: usize = 4;

/// A name against a description in the same place: `drove to Harbor View
/// Medical Center` and `drove to a local medical center` say how specific
/// the report is, and one of them may be wrong.
fn unnamed(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.title_case || b.title_case {
        return;
    }
    let name_only_in = |seg: &Segment, i: usize, other: &Segment| name_only_in(seg, i, other, vocabulary);
    // The whole of a name: its content words are all names met on this side
    // only, and it does not continue a name before the change.
    let named = |seg: &Segment, range: (usize, usize), other: &Segment| {
        // Part of a name before the change, or a comma inside: not one name.
        let part = (range.0 > 0 && seg.side.words[range.0 - 1].capitalized()) || seg.broken(range);
        let mut content = (range.0..range.1).filter(|&i| !seg.info(i, vocabulary).stop).peekable();
        !part
            && content.peek().is_some()
            && content.all(|i| name_only_in(seg, i, other) && seg.info(i, vocabulary).calendar.is_none())
    };
    // A description: one phrase of content words, none of them a name, a
    // figure or a negation, and no pronoun (`his mother` points back at a
    // name, and so does `he'll`).
    let pronoun = |seg: &Segment, i: usize| {
        // Keys drop apostrophes (`he'll` is `hell`): the word as written.
        let surface = seg.surface(i);
        let word = surface.split(['\'', '’']).next().unwrap_or(surface);
        POINTING_BACK.iter().any(|p| p.eq_ignore_ascii_case(word))
    };
    let described = |seg: &Segment, range: (usize, usize)| {
        let mut content = (range.0..range.1).filter(|&i| !seg.info(i, vocabulary).stop).peekable();
        content.peek().is_some()
            && !seg.broken(range)
            && !(range.0..range.1).any(|i| pronoun(seg, i))
            && content.all(|i| {
                let k = seg.info(i, vocabulary);
                !k.number && !k.negation && (i == 0 || !seg.side.words[i].capitalized())
            })
    };
    // One noun phrase on each side: it opens on a content word, a name
    // (`U.S. District`) or a determiner and ends on a content word (`are in
    // Congo` against `whose mandate is`, `the two as` against `Dirani and
    // Obeid because` are pieces of clauses).
    let phrase = |seg: &Segment, (from, to): (usize, usize)| {
        let stop = |i: usize| seg.info(i, vocabulary).stop;
        let opens = !stop(from)
            || (from > 0 && seg.side.words[from].capitalized())
            || DETERMINERS.contains(&seg.key(from, vocabulary));
        opens && !stop(to - 1)
    };
    // A name inside a sentence is capitalised: most changes have none.
    let capital =
        |seg: &Segment, (from, to): (usize, usize)| (from.max(1)..to).any(|i| seg.side.words[i].capitalized());
    for (n, op) in ops.iter().enumerate() {
        let short = op.a.1 - op.a.0 <= MAX_DESCRIPTION && op.b.1 - op.b.0 <= MAX_DESCRIPTION;
        if op.tag != DiffTag::Replace || !short || !(capital(a, op.a) || capital(b, op.b)) {
            continue;
        }
        if !anchored_change(ops, n, a, vocabulary) {
            continue;
        }
        // `in Lincolnville` against `red foxes`: a place added, not the
        // same thing named.
        let (first_a, first_b) = (a.key(op.a.0, vocabulary), b.key(op.b.0, vocabulary));
        if first_a != first_b && (PREPOSITIONS.contains(&first_a) || PREPOSITIONS.contains(&first_b)) {
            continue;
        }
        // `NHTSA said` against `the agency says`: who speaks is
        // [`attribution`]'s to compare.
        let reports = |seg: &Segment, (from, to): (usize, usize)| {
            (from..to).any(|i| speaker_reach(seg.key(i, vocabulary)).is_some())
        };
        if reports(a, op.a) || reports(b, op.b) {
            continue;
        }
        if !phrase(a, op.a) || !phrase(b, op.b) {
            continue;
        }
        // A description is a noun phrase with a determiner or in the plural
        // (`the agency plans`, `a local medical center`, `prosecutors
        // wrote`, `state authorities for testing`). A bare phrase in the
        // singular is no description of a name (`in shooting spree`, `CEO`
        // against `chief executive`, `36,000 people` against `36,000
        // Americans`); and a bare singular word before a word both sides
        // go on with, in lower case, is a modifier of it, as the name is
        // (`Israeli forces` against `security forces`, `any Supreme Court
        // nominee` against `any potential nominee`).
        let no_description = |named: &Segment, (_, end): (usize, usize), bare: &Segment, (from, to): (usize, usize)| {
            let determined = |i: usize| DETERMINERS.contains(&bare.key(i, vocabulary));
            let plural = |i: usize| plural_form(bare.surface(i));
            let modifies_next = ops.get(n + 1).is_some_and(|next| next.tag == DiffTag::Equal)
                && end < named.side.words.len()
                && !named.info(end, vocabulary).stop
                && !named.side.words[end].capitalized();
            !determined(from)
                && (from == 0 || !determined(from - 1))
                && !plural(to - 1)
                && (modifies_next || !(from..to).any(plural))
        };
        let named_described = (named(a, op.a, b) && described(b, op.b) && !no_description(a, op.a, b, op.b))
            || (named(b, op.b, a) && described(a, op.a) && !no_description(b, op.b, a, op.a));
        if named_described && !abbreviation(a, op.a, b, op.b) {
            let (sa, sb) = (a.span(op.a.0, op.a.1), b.span(op.b.0, op.b.1));
            // A speaker named against `prosecutors` is already an attribution.
            if !out.iter().any(|d| d.a.start == sa.start && d.b.start == sb.start) {
                out.push(Discrepancy::new(DiscrepancyKind::Name, sa, sb));
            }
        }
    }
}

/// The content words of `seg` (see [`ContentWord`]), in word order. A name
/// by the documents' evidence counts at the start of a sentence too.
fn content_words(seg: &Segment, vocabulary: &Vocabulary) -> Vec<ContentWord> {
    (0..seg.side.words.len())
        .filter(|&i| !seg.info(i, vocabulary).stop)
        .map(|i| {
            let w = seg.side.words[i];
            let surface = seg.surface(i);
            let possessive = surface.ends_with("'s") || surface.ends_with("’s");
            let mut word =
                ContentWord { at: i, name: w.capitalized() && vocabulary.is_name(w.key), possessive, chars: 0 };
            word.chars = word.text(seg, vocabulary).chars().count();
            word
        })
        .collect()
}

impl ContentWord {
    /// Its key without a possessive: `Harlan's` is spelled as `Harlan`.
    fn text<'v>(&self, seg: &Segment, vocabulary: &'v Vocabulary) -> &'v str {
        let key = seg.key(self.at, vocabulary);
        if self.possessive {
            key.strip_suffix('s').unwrap_or(key)
        } else {
            key
        }
    }
}

/// A name one side spells differently anywhere in the sentence (`Anna
/// Lindqvist` … `Lindquist said`): each name (or long word) of one side missing
/// from the other against a close spelling of it there that the first side
/// does not have.
fn name_variants(a: &Segment, b: &Segment, vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.title_case || b.title_case {
        return;
    }
    // `Hartley's` is Hartley; `Israeli` and `Romanian` are the people of
    // `Israel` and `Romania`, not other spellings of them.
    let ending = |x: &str, y: &str, end: &str| x.strip_suffix(end) == Some(y) || y.strip_suffix(end) == Some(x);
    let possessive = |x: &str, y: &str| ending(x, y, "s");
    let people = |x: &str, y: &str| ending(x, y, "i") || (ending(x, y, "n") && (x.ends_with('a') || y.ends_with('a')));
    // Each side's content words the other side lacks, with whether each is
    // a name, and whether it is long: a long word may be a name written in
    // lower case (a drug), or one only ever seen at the start of a sentence.
    let (read_a, read_b) = (a.read(vocabulary), b.read(vocabulary));
    let lacks = |seg: &Segment, w: &ContentWord, other: &Reading| {
        other.sorted_keys.binary_search(&seg.side.words[w.at].key).is_err()
    };
    let sought = |w: &ContentWord| w.name || w.chars >= 8;
    // Nothing to look for: the usual case, a few shared words reordered.
    if !read_a.content.iter().any(|w| sought(w) && lacks(a, w, read_b))
        && !read_b.content.iter().any(|w| sought(w) && lacks(b, w, read_a))
    {
        return;
    }
    let only_a: Vec<(&ContentWord, &str)> =
        read_a.content.iter().filter(|w| lacks(a, w, read_b)).map(|w| (w, w.text(a, vocabulary))).collect();
    let only_b: Vec<(&ContentWord, &str)> =
        read_b.content.iter().filter(|w| lacks(b, w, read_a)).map(|w| (w, w.text(b, vocabulary))).collect();
    // Two words that are no names are one word misspelt only if they keep
    // both ends (`brincidofovir`, `brincindofovir`): `vigorously` and
    // `rigorously`, `conciliation` and `reconciliation` are other words.
    // Nor is a name against a word in lower case with another ending
    // (`The Legislature`, `legislators`).
    let same_ends = |x: &str, y: &str| x.chars().take(2).eq(y.chars().take(2)) && same_end(x, y);
    let mut seen = FastSet::default();
    for (here, there, mine, theirs, a_side) in [(a, b, &only_a, &only_b, true), (b, a, &only_b, &only_a, false)] {
        for &(w, w_text) in mine.iter().filter(|(w, _)| sought(w)) {
            let (i, long) = (w.at, w.chars >= 8);
            // The cheap tests first: every sought word meets every word
            // the other side lacks.
            let variant = theirs.iter().find(|&&(v, v_text)| {
                (v.name || long)
                    && v.chars.abs_diff(w.chars) <= 2
                    && w_text != v_text
                    && ((v.name && w.name)
                        || (!another_ending(w_text, v_text) && (v.name || w.name || same_ends(w_text, v_text))))
                    && here.info(i, vocabulary).stem != there.info(v.at, vocabulary).stem
                    && close_spelling(w_text, v_text)
                    && !possessive(w_text, v_text)
                    && !people(w_text, v_text)
            });
            if let Some(j) = variant.map(|(v, _)| v.at) {
                let (x, y) = if a_side { (i, j) } else { (j, i) };
                let d = Discrepancy::new(DiscrepancyKind::Spelling, a.span(x, x + 1), b.span(y, y + 1));
                let already = out.iter().any(|o| (o.a.start, o.b.start) == (d.a.start, d.b.start));
                if !already && seen.insert((a.side.words[x].key, b.side.words[y].key)) {
                    out.push(d);
                }
            }
        }
    }
}

/// Whether two words differ only in their last few letters, and in their
/// very last: another ending of one word (`terrorism`, `terrorists`;
/// `successful`, `successfully`), not another spelling of it (`realise`,
/// `realize`; `licence`, `license`; `brincidofovir`, `brincindofovir`).
fn another_ending(x: &str, y: &str) -> bool {
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let (nx, ny) = (x.chars().count(), y.chars().count());
    nx.max(ny) - common <= 3 && x.chars().last() != y.chars().last()
}

/// Whether two words end in the same two letters.
fn same_end(x: &str, y: &str) -> bool {
    x.chars().rev().take(2).eq(y.chars().rev().take(2))
}

fn close_spelling(x: &str, y: &str) -> bool {
    // Variants keep a word's first or last letters (`Zelenskyy`,
    // `Zelenskiy`; `Tchaikovsky`, `Chaikovsky`): a cheap test first, since
    // every long word of one side meets every word of the other.
    if x.chars().next() != y.chars().next() && !same_end(x, y) {
        return false;
    }
    let (nx, ny) = (x.chars().count(), y.chars().count());
    let allowed = if nx.min(ny) >= 8 { 2 } else { 1 };
    if nx.min(ny) < 5 || nx.abs_diff(ny) > allowed {
        return false;
    }
    // Most names are ASCII: their bytes are their letters.
    if x.is_ascii() && y.is_ascii() {
        return within_edits(x.as_bytes(), y.as_bytes(), allowed);
    }
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    within_edits(&x, &y, allowed)
}

/// Whether at most `allowed` insertions, deletions, substitutions and swaps
/// of two adjacent letters turn `x` into `y` (`Jeffrey`, `Jeffery`: the
/// commonest slip of the keyboard counts once, not twice): the optimal
/// string alignment distance, kept in three rows. Stops at the first row
/// all past `allowed`: no later row can fall below it.
fn within_edits<T: PartialEq>(x: &[T], y: &[T], allowed: usize) -> bool {
    let mut row: Vec<usize> = (0..=y.len()).collect();
    let (mut before, mut older) = (row.clone(), row.clone());
    for (i, cx) in x.iter().enumerate() {
        // The rows move up one: the last becomes `before`, the one before it
        // `older`, and the oldest is written over.
        std::mem::swap(&mut older, &mut before);
        std::mem::swap(&mut before, &mut row);
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cy) in y.iter().enumerate() {
            let mut next = (before[j] + usize::from(cx != cy)).min(row[j] + 1).min(before[j + 1] + 1);
            if i > 0 && j > 0 && *cx == y[j - 1] && x[i - 1] == *cy {
                next = next.min(older[j - 1] + 1);
            }
            row[j + 1] = next;
            least = least.min(next);
        }
        if least > allowed {
            return false;
        }
    }
    row[y.len()] <= allowed
}

/// Words whose keys fold together but that are written differently:
/// `Zelenskyy`/`Zelenskiy`, `mould`/`mold`. The diff's equal words first;
/// then, once per word, the same key anywhere in the other sentence (a
/// headline's `Zelenskyy says` against a body sentence's `President
/// Volodymyr Zelenskiy … said`).
fn spelling(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let letters = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    // Possessives and plurals of one name are one spelling.
    let differ = |i: usize, j: usize| {
        // Most words of one key are written alike: no need to fold them.
        if a.surface(i) == b.surface(j) || a.info(i, vocabulary).number {
            return false;
        }
        let (x, y) = (letters(a.surface(i)), letters(b.surface(j)));
        let trimmed = |s: &str| s.trim_end_matches('s').to_string();
        // Both are words: `%` for `percent` is no spelling.
        x.chars().count() >= 4 && y.chars().count() >= 4 && trimmed(&x) != trimmed(&y)
    };
    for op in ops.iter().filter(|op| op.tag == DiffTag::Equal) {
        for k in 0..(op.a.1 - op.a.0) {
            let (i, j) = (op.a.0 + k, op.b.0 + k);
            if differ(i, j) {
                out.push(Discrepancy::new(DiscrepancyKind::Spelling, a.span(i, i + 1), b.span(j, j + 1)));
            }
        }
    }
    // Words the diff left unaligned, each key once.
    let words = a.side.words;
    for op in ops.iter().filter(|op| op.tag != DiffTag::Equal) {
        for i in op.a.0..op.a.1 {
            let key = words[i].key;
            if a.info(i, vocabulary).stop || words[..i].iter().any(|w| w.key == key) {
                continue;
            }
            if let Some(j) = (0..b.side.words.len()).find(|&j| b.side.words[j].key == key && differ(i, j)) {
                out.push(Discrepancy::new(DiscrepancyKind::Spelling, a.span(i, i + 1), b.span(j, j + 1)));
            }
        }
    }
}

/// Most words one side of a name has that the other lacks (`St. Agnes
/// Children's Research Hospital`, `St. Agnes Children's Hospital`).
const MAX_NAME_FORM_CHANGE: usize = 2;

/// Function words found inside names (`Institute of Child Health`,
/// `Bank for International Settlements`, `Stratford upon Avon`).
const NAME_JOINERS: &[&str] =
    &["of", "for", "and", "the", "on", "upon", "de", "del", "la", "le", "du", "von", "van", "der"];

/// One name written in two forms: inside a run of capitalised words both
/// sides share on either side of the change, a word only one side has or
/// a function word swapped (`Institute for Child Health`, `Institute of
/// Child Health`). Different names in one place are left to `names`.
fn name_forms(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    if a.title_case || b.title_case {
        return;
    }
    // A weekday or a month dates the name, it is not part of it (`Florida
    // Friday`, `Florida on Friday`).
    let capital = |seg: &Segment, i: usize| {
        i > 0
            && i < seg.side.words.len()
            && seg.side.words[i].capitalized()
            && seg.info(i, vocabulary).calendar.is_none()
    };
    let content = |seg: &Segment, (from, to): (usize, usize)| (from..to).any(|i| !seg.info(i, vocabulary).stop);
    // Whether only spaces part word `i` from the one before, or the full
    // stop of a short title (`St. Agnes`).
    let joined = |seg: &Segment, i: usize| {
        let before = seg.side.words[i - 1];
        let gap = seg.gap_before(i);
        let gap = if before.end() - before.start <= 3 { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
        gap.chars().all(char::is_whitespace)
    };
    // One name runs through the change: no punctuation parts its words
    // (`Damascus, Syrian Information Minister` is two), and a function word
    // in it is one that joins the words of a name (`Syria from White House`
    // is two).
    let inside_name = |seg: &Segment, (from, to): (usize, usize)| {
        to - from <= MAX_NAME_FORM_CHANGE
            && from > 0
            && capital(seg, from - 1)
            && capital(seg, to)
            && (from..to).all(|i| {
                seg.side.words[i].capitalized()
                    || (seg.info(i, vocabulary).stop && NAME_JOINERS.contains(&seg.key(i, vocabulary)))
            })
            && (from..=to).all(|i| joined(seg, i))
    };
    // The whole name around word range `(from, to)`: the capitalised words
    // next to it, up to any punctuation.
    let whole = |seg: &Segment, (from, to): (usize, usize)| {
        let start = (1..from).rev().take_while(|&i| capital(seg, i) && joined(seg, i + 1)).last().unwrap_or(from - 1);
        let end =
            (to + 1..seg.side.words.len()).take_while(|&i| capital(seg, i) && joined(seg, i)).last().unwrap_or(to);
        seg.span(start, end + 1)
    };
    for (n, op) in ops.iter().enumerate() {
        let between_equals =
            n > 0 && ops.get(n + 1).is_some_and(|o| o.tag == DiffTag::Equal) && ops[n - 1].tag == DiffTag::Equal;
        if op.tag == DiffTag::Equal || !between_equals || !inside_name(a, op.a) || !inside_name(b, op.b) {
            continue;
        }
        if !(content(a, op.a) && content(b, op.b)) {
            out.push(Discrepancy::new(DiscrepancyKind::Spelling, whole(a, op.a), whole(b, op.b)));
        }
    }
}

/// Most words a negation flip changes on either side (`did not confirm` →
/// `confirmed`).
const MAX_NEGATION_CHANGE: usize = 4;

fn negation(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    // `without` negates a noun, not the claim (`born without ears`, `born
    // deaf`); `nothing but praise` and `not only … but` affirm.
    let negations = |seg: &Segment| -> Vec<usize> {
        let next = |i: usize| (i + 1 < seg.side.words.len()).then(|| seg.key(i + 1, vocabulary));
        (0..seg.side.words.len())
            .filter(|&i| {
                let affirms = match seg.key(i, vocabulary) {
                    "without" => true,
                    "nothing" | "none" => next(i) == Some("but"),
                    "not" => next(i) == Some("only"),
                    _ => false,
                };
                seg.info(i, vocabulary).negation && !affirms
            })
            .collect()
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
    if !small || !anchored_change(ops, at, a, vocabulary) {
        return;
    }
    let (here, there, there_range) = if a_side { (a, b, op.b) } else { (b, a, op.a) };
    let here_range = if a_side { op.a } else { op.b };
    // A flip negates the same claim: the change is only the negation (and
    // function words), or its content word recurs on the other side (`did
    // not confirm`, `confirmed`) — `could not unhinge` against `dragged` is
    // another action, `and wouldn't let go` against nothing an omission.
    let stem = |seg: &Segment, i: usize| seg.info(i, vocabulary).stem;
    let content: Vec<u32> = (here_range.0..here_range.1)
        .filter(|&i| i != neg && !here.info(i, vocabulary).stop)
        .map(|i| stem(here, i))
        .collect();
    let recurs = content.iter().any(|s| (there_range.0..there_range.1).any(|j| stem(there, j) == *s));
    if !(content.is_empty() || recurs) {
        return;
    }
    // `wouldn't let go` and `refused to let go` say the same, as do `and
    // not on weapons` and `rather than on weapons`, `not in the bill` and
    // `removed from the bill`.
    let negated_in_other_words = (there_range.0..there_range.1).any(|i| {
        let key = there.key(i, vocabulary);
        ["refus", "declin", "deni", "deny", "fail", "unabl", "reject", "lack", "rather", "instead", "remov", "exclud"]
            .iter()
            .any(|v| key.starts_with(v))
    });
    if negated_in_other_words {
        return;
    }
    let negated = here.span(neg, neg + 1);
    let other = there.range_span(there_range);
    let (sa, sb) = if a_side { (negated, other) } else { (other, negated) };
    out.push(Discrepancy::new(DiscrepancyKind::Negation, sa, sb));
}

/// The words of certainty of `seg`, in word order. In capitals, `May` is a
/// month and `Will` a name; `in part` is `partly`.
fn qualifiers(seg: &Segment, vocabulary: &Vocabulary) -> Vec<(usize, Qualifier)> {
    (0..seg.side.words.len())
        .filter(|&i| seg.surface(i).starts_with(|c: char| c.is_lowercase()))
        .filter_map(|i| match seg.key(i, vocabulary) {
            "part" if i > 0 && seg.key(i - 1, vocabulary) == "in" => Some((i, Qualifier::Partly)),
            _ => seg.info(i, vocabulary).qualifier.map(|q| (i, q)),
        })
        .collect()
}

/// Whether a qualifier on one side only changes how surely or how widely
/// the claim is made: a hedge or a part dropped (`primarily cosmetic`,
/// `cosmetic`; `may help`, `helps`). A word of expectation or of the whole
/// alone is tense or emphasis (`will receive`, `received`; `completely
/// destroyed`, `destroyed`); `can` and `could` alone tell ability as often
/// (`she could see it`, `she saw it`).
fn qualifies_alone(q: Qualifier, key: &str) -> bool {
    match q {
        Qualifier::Possible => key != "could" && key != "can",
        Qualifier::Hedged | Qualifier::Partly => true,
        Qualifier::Expected | Qualifier::Wholly => false,
    }
}

/// A claim made more or less surely or widely in the same place: a modal of
/// possibility against one of expectation (`could make surgery unnecessary`,
/// `will make surgery unnecessary`), a part against the whole (`primarily
/// cosmetic`, `purely cosmetic`), or a hedge or part on one side only.
fn certainty(a: &Segment, b: &Segment, ops: &[WordOp], vocabulary: &Vocabulary, out: &mut Vec<Discrepancy>) {
    let anywhere = |seg: &Segment, q: Qualifier| seg.read(vocabulary).qualifiers.iter().any(|&(_, r)| r == q);
    // The change is the qualifier (with function words), or its content
    // recurs on the other side (`may help`, `helps`): `would be far less
    // invasive` against `could make surgery unnecessary` is another claim.
    let stem = |seg: &Segment, i: usize| seg.info(i, vocabulary).stem;
    let recurs = |here: &Segment, (from, to): (usize, usize), there: &Segment, (start, end): (usize, usize)| {
        (from..to)
            .filter(|&i| !here.info(i, vocabulary).stop && here.info(i, vocabulary).qualifier.is_none())
            .all(|i| (start..end).any(|j| stem(there, j) == stem(here, i)))
    };
    let opposed = |x: Qualifier, y: Qualifier| {
        matches!(
            (x, y),
            (Qualifier::Possible, Qualifier::Expected)
                | (Qualifier::Expected, Qualifier::Possible)
                | (Qualifier::Partly, Qualifier::Wholly)
                | (Qualifier::Wholly, Qualifier::Partly)
        )
    };
    for (n, op) in ops.iter().enumerate() {
        if op.tag == DiffTag::Equal || !anchored_change(ops, n, a, vocabulary) {
            continue;
        }
        // Most changes hold no qualifier: known before the costlier test of
        // whether the rest of the change recurs.
        let (qa, qb) = (a.qualifiers_in(op.a, vocabulary), b.qualifiers_in(op.b, vocabulary));
        if (qa.is_empty() && qb.is_empty()) || !recurs(a, op.a, b, op.b) || !recurs(b, op.b, a, op.a) {
            continue;
        }
        // A modal swapped before the same words (`could face`, `would
        // face`; not `could not be reached`, `would not comment`); `can`
        // against `would` is ability against condition.
        let verb_shared = || {
            ops.get(n + 1).is_some_and(|next| {
                next.tag == DiffTag::Equal && (next.a.0..next.a.1).any(|i| !a.info(i, vocabulary).negation)
            })
        };
        let swappable = |seg: &Segment, i: usize| seg.key(i, vocabulary) != "can";
        let swap = qa
            .iter()
            .filter(|&&(x, _)| swappable(a, x))
            .find_map(|&(x, p)| qb.iter().find(|&&(y, q)| swappable(b, y) && opposed(p, q)).map(|&(y, _)| (x, y, p)));
        if let Some((x, y, p)) = swap {
            if matches!(p, Qualifier::Possible | Qualifier::Expected) && !verb_shared() {
                continue;
            }
            out.push(Discrepancy::new(DiscrepancyKind::Certainty, a.span(x, x + 1), b.span(y, y + 1)));
            continue;
        }
        for (here, there, there_range, found, a_side) in [(a, b, op.b, qa, true), (b, a, op.a, qb, false)] {
            // `police suspected` against `police suspect` keeps the word.
            let alone = found.iter().find(|&&(i, q)| {
                qualifies_alone(q, here.key(i, vocabulary))
                    && !anywhere(there, q)
                    && (0..there.side.words.len()).all(|j| stem(there, j) != stem(here, i))
                    && !(q == Qualifier::Partly && anywhere(there, Qualifier::Wholly))
            });
            let Some(&(at, _)) = alone else { continue };
            let qualified = here.span(at, at + 1);
            let other = there.range_span(there_range);
            let (sa, sb) = if a_side { (qualified, other) } else { (other, qualified) };
            out.push(Discrepancy::new(DiscrepancyKind::Certainty, sa, sb));
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn edits_are_counted_as_the_full_table_counts_them() {
        let distance = |x: &[u8], y: &[u8]| {
            let mut table = vec![vec![0; y.len() + 1]; x.len() + 1];
            for (i, row) in table.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in table[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=x.len() {
                for j in 1..=y.len() {
                    let substitute = table[i - 1][j - 1] + usize::from(x[i - 1] != y[j - 1]);
                    table[i][j] = substitute.min(table[i - 1][j] + 1).min(table[i][j - 1] + 1);
                    if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                        table[i][j] = table[i][j].min(table[i - 2][j - 2] + 1);
                    }
                }
            }
            table[x.len()][y.len()]
        };
        // Words over a three-letter alphabet, up to 40 letters, from a fixed
        // sequence.
        let mut state = 99u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            state
        };
        let word = |bits: u64| {
            let n = (bits >> 58) as usize % 41;
            (0..n).map(|k| b"abc"[((bits >> (k % 50)) % 3) as usize]).collect::<Vec<u8>>()
        };
        // Each word against an unrelated one and against itself after up to
        // three random edits (a swap of neighbours among them).
        for _ in 0..2000 {
            let (x, unrelated) = (word(next()), word(next()));
            let mut edited = x.clone();
            for _ in 0..(next() >> 33) as usize % 4 {
                let at = (next() >> 33) as usize % (edited.len() + 1);
                match (next() >> 33) as usize % 4 {
                    0 => edited.insert(at, b"abc"[(next() >> 33) as usize % 3]),
                    1 if at < edited.len() => drop(edited.remove(at)),
                    2 if at < edited.len() => edited[at] = b"abc"[(next() >> 33) as usize % 3],
                    3 if at + 1 < edited.len() => edited.swap(at, at + 1),
                    _ => {}
                }
            }
            for y in [unrelated, edited] {
                for allowed in 0..3 {
                    assert_eq!(within_edits(&x, &y, allowed), distance(&x, &y) <= allowed, "{x:?} {y:?} {allowed}");
                }
            }
        }
    }

    #[test]
    fn figures_read_as_the_float_parser_reads_them() {
        for key in ["3400", "2.5", "0.1", "12th", ".5", "5.", "1000000", "3.14159", "007", "9007199254740991"] {
            let digits: String = key.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            assert_eq!(super::parse_number(key), digits.parse::<f64>().ok(), "{key}");
        }
        for key in ["", ".", "1.2.3", "10:30", "1/2", "km"] {
            assert_eq!(super::parse_number(key), None, "{key}");
        }
    }

    use super::*;
    use crate::diff::word_ops;
    use crate::matching::features::{read_alone, words_of};
    use crate::text::language::Language;

    fn find(a_text: &str, b_text: &str) -> Vec<(DiscrepancyKind, String, String)> {
        find_in(a_text, b_text, MatchKind::Edited)
    }

    /// The framed clause of `text`'s first quotation, as text.
    fn framed_clause_of(text: &str) -> Option<String> {
        let (_, words) = read_alone(text);
        let seg = Segment::new(Side { text, start: 0, words: &words }, text);
        framed_clause(&seg, quotations(text)[0]).map(|(s, e)| text[s..e].to_string())
    }

    /// The attribution discrepancies [`find_in`] finds, as their two texts.
    fn attributions_in(a_text: &str, b_text: &str, kind: MatchKind) -> Vec<(String, String)> {
        find_in(a_text, b_text, kind)
            .into_iter()
            .filter(|d| d.0 == DiscrepancyKind::Attribution)
            .map(|d| (d.1, d.2))
            .collect()
    }

    fn find_in(a_text: &str, b_text: &str, kind: MatchKind) -> Vec<(DiscrepancyKind, String, String)> {
        find_with(Vocabulary::default(), a_text, b_text, kind)
    }

    /// As [`find`], the texts read as a comparison in `language` reads them.
    fn find_as(language: Language, a_text: &str, b_text: &str) -> Vec<(DiscrepancyKind, String, String)> {
        find_with(Vocabulary::for_languages(&[language]), a_text, b_text, MatchKind::Edited)
    }

    fn find_with(
        mut vocab: Vocabulary,
        a_text: &str,
        b_text: &str,
        kind: MatchKind,
    ) -> Vec<(DiscrepancyKind, String, String)> {
        let mut scratch = String::new();
        let (mut wa, mut wb) = (Vec::new(), Vec::new());
        words_of(a_text, 0, a_text.len(), &mut vocab, &mut wa, &mut scratch);
        words_of(b_text, 0, b_text.len(), &mut vocab, &mut wb, &mut scratch);
        let a = Segment::new(Side { text: a_text, start: 0, words: &wa }, a_text);
        let b = Segment::new(Side { text: b_text, start: 0, words: &wb }, b_text);
        let ops = word_ops(&a.side, &b.side);
        discrepancies(&a, &b, &ops, &vocab, kind).into_iter().map(|d| (d.kind, d.a.text, d.b.text)).collect()
    }

    #[test]
    fn vulgar_fractions_are_read_with_their_whole_number() {
        for (a, b) in [
            ("A bottle holds 2 ½ servings of soda.", "A bottle holds 2.5 servings of soda."),
            ("A bottle holds 2½ servings of soda.", "A bottle holds 2.5 servings of soda."),
            ("Add ¾ cup of sugar to the dough.", "Add 0.75 cup of sugar to the dough."),
        ] {
            assert_eq!(find(a, b), vec![], "{a} | {b}");
        }
        assert_eq!(
            find("A bottle holds 2 ½ servings of soda.", "A bottle holds 3.5 servings of soda."),
            vec![(DiscrepancyKind::Number, "2 ½".into(), "3.5".into())]
        );
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
            vec![(DiscrepancyKind::Number, "About 4,600".into(), "More than 6,400".into())]
        );
        // Tens and units spelled out are one number.
        assert!(find("Fifty-seven senators have signed the letter.", "57 senators have signed the letter.").is_empty());
        assert!(find("Twenty one people were hurt in the crash.", "21 people were hurt in the crash.").is_empty());
        assert_eq!(
            find("Thirty-two soldiers have been killed since May.", "Thirty-four soldiers have been killed since May."),
            vec![(DiscrepancyKind::Number, "Thirty-two".into(), "Thirty-four".into())]
        );
    }

    #[test]
    fn a_quantity_given_in_another_currency_or_unit_is_a_conversion() {
        assert!(find(
            "The new headset is listed at £169.99, and the controller at £49.",
            "The new headset is listed at $273, and the controller at $79."
        )
        .is_empty());
        assert!(find("The ticket costs A$150 in Sydney.", "The ticket costs US$98 in Sydney.").is_empty());
        assert!(find("The fine was 300 euros.", "The fine was $320.").is_empty());
        assert!(find("The school is about 3km from the freeway.", "The school is about two miles from the freeway.")
            .is_empty());
        assert!(find("He weighed 70kg at the time.", "He weighed 154 pounds at the time.").is_empty());
        assert_eq!(
            find("He was arrested less than two kilometres away.", "He was arrested less than 1km away."),
            vec![(DiscrepancyKind::Number, "two".into(), "1km".into())]
        );
        // One currency, written two ways, or only one side saying which.
        for (a, b) in [
            ("The ticket costs US$98 in Sydney.", "The ticket costs $95 in Sydney."),
            ("The greenback was trading at C$1.3252.", "The greenback was trading at $1.3260."),
            ("The fine was 300 dollars.", "The fine was $320."),
            ("The fine was 300 in all.", "The fine was $320 in all."),
        ] {
            assert_eq!(find(a, b).len(), 1, "{a} | {b}");
        }
    }

    #[test]
    fn a_count_reworded_around_its_figure_is_still_a_change() {
        // The figure and the thing counted are both reworded, in one change
        // of eight words between shared ones.
        assert_eq!(
            find_in(
                "The council has opened four parks so far, including one by the river.",
                "The council has since completed a series of five green spaces, including one by the river.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "four".into(), "five".into())]
        );
    }

    #[test]
    fn shares_and_single_units_are_figures() {
        assert_eq!(
            find("He walked half a mile to the station.", "He walked about a mile to the station."),
            vec![(DiscrepancyKind::Number, "half a mile".into(), "about a mile".into())]
        );
        // `the second half of the year` is a period, not a share.
        assert!(find(
            "Stocks rallied on hopes of a rebound in the second half of the year.",
            "Stocks rallied on hopes of a rebound in the year's second half."
        )
        .is_empty());
        assert_eq!(
            find("Three-quarters of the budget went to schools.", "Half the budget went to schools."),
            vec![(DiscrepancyKind::Number, "Three-quarters of the budget".into(), "Half the budget".into())]
        );
        assert!(find("A third of the budget went to schools.", "One third of the budget went to schools.").is_empty());
        assert!(
            !find("A third suspect was arrested on Monday.", "Two suspects were arrested on Monday.")
                .iter()
                .any(|d| d.0 == DiscrepancyKind::Number),
            "an ordinal is not a share"
        );
    }

    #[test]
    fn ages_are_compared_and_an_age_left_vague_is_a_discrepancy() {
        // News sets an age off after the name.
        assert_eq!(
            find_in(
                "Her brother Tomas Keel, then 19, drove her to the clinic in Ashby.",
                "Her 18-year-old brother drove her to the clinic.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "19".into(), "18-year-old".into())]
        );
        assert!(find("Tomas Keel, 19, drove to Ashby on Friday.", "Tomas Keel, 19, drove to Ashby on Monday.")
            .iter()
            .all(|d| d.0 != DiscrepancyKind::Number || d.1 != "19"));
        // Someone else's age is no discrepancy.
        assert!(find_in(
            "Tomas Keel, 43, lost his leg in the crash on the bridge.",
            "On the bridge, Keel told his 17-year-old son to drive.",
            MatchKind::Partial
        )
        .is_empty());
        assert!(find(
            "Keel, a former bus driver, is charged over the deaths of his wife and the baby boy she was carrying.",
            "Keel, 31, is now charged over the deaths of his wife and their unborn son."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Number));
        let ages = |text: &str| {
            let (vocab, words) = read_alone(text);
            figures(&words, &vocab).iter().map(|f| f.unit.age).collect::<Vec<bool>>()
        };
        assert_eq!(ages("Rachel Borch, 21, was running."), [true]);
        assert_eq!(ages("Tomas Keel, then 19, drove."), [true]);
        assert_eq!(ages("In Ashby, 19 people were hurt."), [false], "a count after a place");
        assert_eq!(ages("He scored, 19, then left."), [false], "no name before it");
        assert_eq!(
            find_in(
                "She was diagnosed with a rare eye disease at nine months old.",
                "She was diagnosed with a rare eye disease as an infant and recovered.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "nine months old".into(), "infant".into())]
        );
        assert_eq!(
            find(
                "He left his 7-year-old son and 5-year-old daughter.",
                "He left his 7-year-old son and 6-year-old daughter."
            ),
            vec![(DiscrepancyKind::Number, "5-year-old".into(), "6-year-old".into())]
        );
        assert!(find("It affects one in 10,000 babies.", "It affects 1 in 10,000 babies.").is_empty());
        // Another clause's age, in a partial match, is another person's.
        assert!(find_in(
            "The 15-year-old was taken to hospital on Friday.",
            "Police said a teenager had been seen near the station, and the boy was taken to hospital.",
            MatchKind::Partial
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Number));
        // A headline compresses; the same words in a sentence leave the age out.
        let body = "The 17-year-old driver was taken to hospital with a broken leg.";
        assert!(find_in("Teen Driver Taken To Hospital With Broken Leg", body, MatchKind::Partial).is_empty());
        assert_eq!(
            find_in("A teen driver was taken to hospital with a broken leg.", body, MatchKind::Partial),
            vec![(DiscrepancyKind::Number, "teen".into(), "17-year-old".into())]
        );
    }

    #[test]
    fn a_hedge_on_one_side_only_is_a_discrepancy_two_that_agree_are_not() {
        assert_eq!(
            find("A fire injured more than a dozen workers.", "A fire injured 14 workers."),
            vec![(DiscrepancyKind::Number, "more than a dozen".into(), "14".into())]
        );
        assert_eq!(
            find("The operation is planned in about six months.", "The operation is planned in six months."),
            vec![(DiscrepancyKind::Number, "about six".into(), "six".into())]
        );
        assert!(find("About 230 containers were damaged.", "More than 200 containers were damaged.").is_empty());
        // An amount an article gives is round already.
        assert!(find("He began a decade-long term.", "He began a term of approximately ten years.").is_empty());
        assert_eq!(
            find("He began a 10-year term.", "He began a term of approximately ten years."),
            vec![(DiscrepancyKind::Number, "10-year".into(), "approximately ten".into())]
        );
        assert_eq!(
            find("He is still about 90% deaf without it.", "He is still around 80% deaf without it."),
            vec![(DiscrepancyKind::Number, "90%".into(), "80%".into())]
        );
    }

    #[test]
    fn a_figure_left_vague_on_the_other_side_is_a_discrepancy() {
        assert_eq!(
            find("She has received six shots so far.", "She has received a number of shots so far."),
            vec![(DiscrepancyKind::Number, "six".into(), "a number of".into())]
        );
        assert_eq!(
            find(
                "The hospital does dozens of these operations a year.",
                "The hospital does about 40 of these operations a year."
            ),
            vec![(DiscrepancyKind::Number, "dozens".into(), "about 40".into())]
        );
        assert!(find("Six shots were given in 2017.", "Several doctors gave shots.").iter().all(|d| d.1 != "2017"));
        // What is counted is the phrase after the figure, not its first word.
        assert_eq!(
            find("She has had four rabies shots.", "She has had a number of shots."),
            vec![(DiscrepancyKind::Number, "four".into(), "a number of".into())]
        );
    }

    #[test]
    fn a_change_reaches_across_function_words_the_diff_aligns() {
        // The diff pairs `a … of` with `a … of`; the change between the
        // shared content words `gave` and `trip` still holds both.
        assert_eq!(
            find(
                "The clinic gave her a number of shots before the trip.",
                "The clinic gave her a course of five injections before the trip."
            ),
            vec![(DiscrepancyKind::Number, "a number of".into(), "five".into())]
        );
        // Across a shared content word it is two changes: the five days are
        // not the shots.
        assert!(find(
            "The clinic gave her a number of shots before the trip.",
            "The clinic gave her injections before the trip, five days early."
        )
        .is_empty());
    }

    #[test]
    fn a_figure_replaced_by_a_comparison_is_a_discrepancy() {
        assert_eq!(
            find(
                "The council approved a 4% rise in fares this year.",
                "The council approved a much higher rise in fares this year."
            ),
            vec![(DiscrepancyKind::Number, "4%".into(), "much higher".into())]
        );
        // Shown with the unit a hyphen joins to it.
        assert_eq!(
            find(
                "Prosecutors sought a five-year sentence for the scam.",
                "Prosecutors sought a significantly longer sentence for the scam."
            ),
            vec![(DiscrepancyKind::Number, "five-year".into(), "significantly longer".into())]
        );
        // Not a comparison before what it compares.
        assert!(find("The queue at the gate lasted two hours.", "The queue at the gate lasted much longer.").is_empty());
    }

    #[test]
    fn a_ratio_keeps_its_hedge() {
        assert_eq!(
            find("It affects one in 100,000 babies.", "It is estimated to affect approximately one in 100,000 babies."),
            vec![(DiscrepancyKind::Number, "one in 100,000".into(), "approximately one in 100,000".into())]
        );
        assert!(find("It affects one in 100,000 babies.", "It affects 1 in 100,000 babies.").is_empty());
        assert_eq!(
            find("It affects one in 10,000 babies.", "It affects one in 100,000 babies."),
            vec![(DiscrepancyKind::Number, "one in 10,000".into(), "one in 100,000".into())]
        );
    }

    #[test]
    fn spans_of_time_compare_across_units() {
        assert!(find(
            "Seven days earlier, he had applied for a policy.",
            "A week earlier, he had applied for a policy."
        )
        .is_empty());
        // Headline abbreviations of units.
        assert!(find(
            "Asian shares hit a 3-wk high on hopes of a deal.",
            "Asian shares hit a three-week high on hopes of a deal."
        )
        .is_empty());
        assert_eq!(
            find("The 10-yr yield rose to 2.5 percent on Monday.", "The 30-year yield rose to 2.5 percent on Monday."),
            vec![(DiscrepancyKind::Number, "10-yr".into(), "30-year".into())]
        );
        assert_eq!(
            find(
                "A week before the shooting he had applied for a policy.",
                "Only days before the shooting he had applied for a policy."
            ),
            vec![(DiscrepancyKind::Number, "A week".into(), "days".into())]
        );
        // `three years and 10 months` is one span of time, which `nearly
        // four years` hedges (not `10` months against four years).
        assert_eq!(
            find(
                "The judge added three years and 10 months to his sentence.",
                "The judge added nearly four years to his sentence."
            ),
            vec![(DiscrepancyKind::Number, "three years and 10 months".into(), "nearly four".into())]
        );
        assert!(find(
            "At 20 years, 63 days, he is the second-youngest player to debut for the club.",
            "He is the second-youngest player to debut for the club, at 20 years and 63 days."
        )
        .is_empty());
        assert_eq!(
            find(
                "The judge added three years and 10 months to his sentence.",
                "The judge added five years to his sentence."
            ),
            vec![(DiscrepancyKind::Number, "three years and 10 months".into(), "five".into())]
        );
        // In a partial match the span is set against the hedge that shares
        // its context, past the other figure that stands between (`his
        // 8-year sentence`), not against that figure.
        assert_eq!(
            find_in(
                "The judge called the scheme reckless and tacked on two years and 6 months to his 8-year sentence for tax fraud.",
                "The judge added nearly three years to his existing sentence and ordered him to repay the county.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "two years and 6 months".into(), "nearly three".into())]
        );
        // Shown with its unit, as the vague side is the unit alone.
        assert_eq!(
            find(
                "Seven days before the shooting he had applied for a policy.",
                "Only days before the shooting he had applied for a policy."
            ),
            vec![(DiscrepancyKind::Number, "Seven days".into(), "days".into())]
        );
        assert_eq!(
            find("The operation lasted several hours.", "The eight-hour operation was led by a surgeon."),
            vec![(DiscrepancyKind::Number, "several".into(), "eight-hour".into())]
        );
        assert_eq!(
            find(
                "Such surgery could be done differently within a decade.",
                "Such surgery could be done differently in the years to come."
            ),
            vec![(DiscrepancyKind::Number, "a decade".into(), "years".into())]
        );
        assert!(
            find_in(
                "Over the years, cancer turned up in his lung, and each time he beat it.",
                "He was diagnosed with cancer at nine months old, and it has since returned.",
                MatchKind::Partial
            )
            .is_empty(),
            "an age is not a span of time"
        );
        assert!(
            find_in(
                "On Wednesday, prosecutors sought a five-year sentence for the scam.",
                "He was sentenced Wednesday to an additional three years behind bars.",
                MatchKind::Partial
            )
            .is_empty(),
            "the day of the news does not tie two spans together"
        );
        // `a year` after a count is a rate, not a span.
        assert!(find(
            "About 100 children a year are born without ears.",
            "Many children are born without ears over the years."
        )
        .is_empty());
    }

    #[test]
    fn a_percentage_against_a_word_of_degree_is_a_discrepancy() {
        assert_eq!(
            find(
                "The disease is 100 percent fatal if it goes untreated.",
                "The disease is almost always fatal if it goes untreated."
            ),
            vec![(DiscrepancyKind::Number, "100 percent".into(), "almost always".into())]
        );
        assert_eq!(
            find("Without help he is still about 90% deaf.", "Without help he remains largely deaf."),
            vec![(DiscrepancyKind::Number, "about 90%".into(), "largely".into())]
        );
        // Words of degree stand against percentages only.
        assert!(find("He always wore three hats.", "He wore hats.").is_empty());
    }

    #[test]
    fn figures_after_the_same_words_pair_though_they_count_different_things() {
        assert_eq!(
            find_in(
                "A Facebook page called Save Mira attracted more than 15,000 fans.",
                "Within days, a Save Mira page had attracted more than 50,000 followers, while tweets bombarded the company.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "15,000".into(), "50,000".into())]
        );
        assert_eq!(
            find_in(
                "While the FDA approves hundreds of such arrangements each year, companies often decline.",
                "The FDA approved nearly 1,000 compassionate use requests in 2013.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "hundreds".into(), "nearly 1,000".into())]
        );
    }

    #[test]
    fn figures_counting_the_same_thing_pair_though_described_apart() {
        assert_eq!(
            find(
                "Officials have confirmed 20 animals with rabies.",
                "Officials have confirmed close to two dozen rabid animals."
            ),
            vec![(DiscrepancyKind::Number, "20".into(), "close to two dozen".into())]
        );
        // The day of a date is not a count: the date checks read it.
        assert!(find(
            "There have been 20 animals that tested positive for rabies this spring.",
            "The lab confirmed June 5 that the badger tested positive for rabies."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Number));
    }

    #[test]
    fn a_date_given_only_to_the_year_is_a_discrepancy() {
        assert_eq!(
            find(
                "On July 31, 2014, he directed his son to shoot him.",
                "In the summer of 2014, he directed his son to shoot him."
            ),
            vec![(DiscrepancyKind::Number, "July 31".into(), "2014".into())]
        );
        assert!(find("On 31 July 2014 he was shot.", "On July 31, 2014, he was shot.").is_empty());
    }

    #[test]
    fn a_changed_day_of_the_same_month_is_a_discrepancy() {
        let number = |a: &str, b: &str| vec![(DiscrepancyKind::Number, a.to_string(), b.to_string())];
        for (a, b, found) in [
            ("on June 5", "on June 7", number("June 5", "June 7")),
            ("on 5 June", "on June 7", number("5 June", "June 7")),
            // Another month is the month checks'.
            ("on June 5", "on July 7", number("June", "July")),
            // A month abbreviated is the same month.
            ("on Nov. 15", "on November 17", number("Nov. 15", "November 17")),
        ] {
            assert_eq!(
                find(
                    &format!("The lab confirmed {a} that the badger had rabies."),
                    &format!("The lab confirmed {b} that the badger had rabies.")
                ),
                found,
                "{a} | {b}"
            );
        }
        // The same date written two ways, or with the month abbreviated.
        assert!(find(
            "The lab confirmed on 5 June that it had rabies.",
            "The lab confirmed on June 5 that it had rabies."
        )
        .is_empty());
        assert!(find(
            "The lab confirmed on Sept. 5, 2025, that it had rabies.",
            "The lab confirmed on September 5, 2025, that it had rabies."
        )
        .is_empty());
        // In a partial match, the dates must date the same words.
        assert!(find_in(
            "The lab confirmed on June 5 that the badger had rabies, and a fox was found near the trail.",
            "A hiker reported the fox on June 7 near the trail.",
            MatchKind::Partial
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Number));
    }

    #[test]
    fn german_number_words_and_negations_are_read() {
        assert_eq!(
            find("Die Polizei meldete am Abend zwei Verletzte.", "Die Polizei meldete am Abend drei Verletzte."),
            vec![(DiscrepancyKind::Number, "zwei".into(), "drei".into())]
        );
        assert_eq!(
            find("Die Ursache des Feuers war am Abend unklar.", "Die Ursache des Feuers war am Abend nicht unklar."),
            vec![(DiscrepancyKind::Negation, "".into(), "nicht".into())]
        );
    }

    #[test]
    fn a_figure_that_ends_the_sentence_is_shown_without_a_unit_it_lacks() {
        // The figure is the last word: no unit follows it to show.
        let found =
            find("Union members said the strike would last 22", "Union members said the strike would last days");
        assert_eq!(found, vec![(DiscrepancyKind::Number, "22".into(), "days".into())]);
    }

    #[test]
    fn a_decimal_comma_is_read_as_a_decimal_point() {
        assert_eq!(
            find("Die Quote stieg im Oktober auf 3,5 Prozent.", "Die Quote stieg im Oktober auf 3,8 Prozent."),
            vec![(DiscrepancyKind::Number, "3,5".into(), "3,8".into())]
        );
        assert!(find("Some 1,2 million women still take the pills.", "Some 1.2 million women still take the pills.")
            .is_empty());
    }

    #[test]
    fn a_french_negation_around_an_elided_verb_is_read_and_elision_is_no_spelling_change() {
        assert_eq!(
            find("Le projet n'a pas été approuvé par le conseil.", "Le projet a été approuvé par le conseil."),
            vec![(DiscrepancyKind::Negation, "pas".into(), "".into())]
        );
        assert!(find(
            "L'enquête a révélé le défaut de l'entreprise.",
            "Une enquête a révélé le défaut de cette entreprise."
        )
        .is_empty());
    }

    #[test]
    fn german_french_and_spanish_hedges_and_vague_quantities_are_read() {
        for (a, b, hedged) in [
            (
                "Bei dem Brand wurden 40 Menschen verletzt.",
                "Bei dem Brand wurden etwa 40 Menschen verletzt.",
                "etwa 40",
            ),
            (
                "Dans l'incendie, 40 personnes ont été blessées.",
                "Dans l'incendie, plus de 40 personnes ont été blessées.",
                "plus de 40",
            ),
            (
                "En el incendio resultaron heridas 40 personas.",
                "En el incendio resultaron heridas unas 40 personas.",
                "unas 40",
            ),
        ] {
            assert_eq!(find(a, b), vec![(DiscrepancyKind::Number, "40".into(), hedged.into())], "{b}");
        }
        assert_eq!(
            find("Bei dem Brand wurden 40 Menschen verletzt.", "Bei dem Brand wurden mehrere Menschen verletzt."),
            vec![(DiscrepancyKind::Number, "40".into(), "mehrere".into())]
        );
        assert!(find("He drove a fast 5G network test.", "He drove a 5G network test.").is_empty());
    }

    #[test]
    fn a_changed_weekday_is_a_discrepancy() {
        assert_eq!(
            find("She will receive the last shot on Saturday.", "She will receive the last shot on Sunday."),
            vec![(DiscrepancyKind::Number, "Saturday".into(), "Sunday".into())]
        );
        // A possessive dates as the day does: no name, and no change from
        // the day itself.
        assert_eq!(
            find(
                "The minister who announced Tuesday's ban said the border would stay open.",
                "The minister who announced Wednesday's ban said the border would stay open."
            ),
            vec![(DiscrepancyKind::Number, "Tuesday's".into(), "Wednesday's".into())]
        );
        assert!(find(
            "The minister who announced the ban on Tuesday said the border would stay open.",
            "The minister who announced Tuesday's ban said the border would stay open."
        )
        .is_empty());
        // In a partial match, the month must date the same words.
        assert_eq!(
            find_in(
                "A transplant left him weak, and in February doctors diagnosed him with an infection that spread.",
                "After a transplant wiped out his immune system, he contracted an infection in January and is now in intensive care.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Number, "February".into(), "January".into())]
        );
        assert!(find_in(
            "He said Tuesday that he hopes the new FDA-approved study will help other patients as well.",
            "He will be the first of 20 patients in a new FDA-approved trial, and doctors hope to give him his first dose on Thursday.",
            MatchKind::Partial
        )
        .is_empty());
    }

    #[test]
    fn a_day_left_vague_in_a_shared_clause_is_a_discrepancy() {
        assert_eq!(
            find_in(
                "A transplant left him weak, and in February doctors diagnosed him with an infection that spread.",
                "A transplant left him weak, and he later developed an infection that spread.",
                MatchKind::Paraphrase
            ),
            vec![(DiscrepancyKind::Number, "February".into(), "later".into())]
        );
        // `later` on both sides places something else; `later` in another
        // clause dates something else.
        assert!(find(
            "Moreau confirmed Wednesday that the badger later tested positive.",
            "Tests later confirmed that the badger tested positive."
        )
        .is_empty());
        assert!(find_in(
            "She was bitten on a trail in June, and her mother took her to hospital.",
            "Her mother took her to hospital, where doctors later closed the wound.",
            MatchKind::Partial
        )
        .is_empty());
        // `may` the modal is no month.
        assert!(find(
            "He later said his side had fallen a bit short of the votes.",
            "He said his side may have fallen a bit short of the votes."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Number));
    }

    #[test]
    fn a_figure_before_the_modal_may_is_no_day_of_a_month() {
        assert_eq!(
            find("All 12 may be freed on Friday, officials said.", "All 14 may be freed on Friday, officials said."),
            vec![(DiscrepancyKind::Number, "12".into(), "14".into())]
        );
        // Capitalised, it dates: the date checks read `12 May`.
        assert!(find("They were freed on 12 May, officials said.", "They were freed on 12 May 2024, officials said.")
            .iter()
            .all(|d| d.0 != DiscrepancyKind::Number));
    }

    #[test]
    fn figures_of_different_quantities_are_not_paired() {
        assert!(find("He had led by 112 votes, 12,408 to 12,296.", "He now leads with 12,480 votes to 12,296.")
            .iter()
            .all(|d| d.1 != "112"));
        // A share against a sum of money, in the same changed words.
        assert!(find(
            "The shares fell 2.2 percent to close at a record low on Friday.",
            "The shares fell $9.61 to close at a record low on Friday."
        )
        .is_empty());
    }

    #[test]
    fn a_vague_quantity_both_sides_give_leaves_no_figure_in_question() {
        // `hundreds of local families` on both sides; the claim of 5m is told
        // on one side only.
        assert!(find(
            "The council is facing a 5m damages claim from hundreds of local families who claim they were flooded by the new dam.",
            "Hundreds of local families claiming they were flooded by the new dam were granted legal aid Monday to pursue their case against the council."
        )
        .is_empty());
        // The same vague word of something else still stands against it.
        assert_eq!(
            find(
                "The campaign page drew thousands of followers within days of its launch.",
                "The campaign page drew more than 50,000 followers within days, and thousands of tweets."
            ),
            vec![(DiscrepancyKind::Number, "thousands".into(), "more than 50,000".into())]
        );
        // A unit alone is read with the word before it.
        assert_eq!(
            find(
                "The deal will bring growth over the next four years, in the region the firm has served for years.",
                "The deal will bring growth over the next few years, in the region the firm has served for years."
            ),
            vec![(DiscrepancyKind::Number, "four years".into(), "years".into())]
        );
    }

    #[test]
    fn omitted_facts_and_variants_are_not_discrepancies() {
        assert!(find(
            "Russia launched 176 drones and fired one missile overnight.",
            "Russia fired a total of 176 drones and one missile overnight."
        )
        .is_empty());
        assert!(find("They traded prisoners in 2022.", "They traded prisoners.").is_empty());
    }

    #[test]
    fn another_ending_of_a_word_is_no_spelling_variant() {
        for (a, b) in [
            (
                "The attack was described as an act of terrorism by the police chief.",
                "The attack was described as an act of terrorists by the police chief.",
            ),
            (
                "Officials called the operation successful in a statement on Friday.",
                "Officials called the operation successfully in a statement on Friday.",
            ),
        ] {
            assert!(find(a, b).iter().all(|d| d.0 != DiscrepancyKind::Spelling), "{a} | {b}");
        }
        assert_eq!(
            find(
                "The boy will receive brincidofovir in a new clinical trial.",
                "The boy will receive brincindofovir in a new clinical trial."
            ),
            vec![(DiscrepancyKind::Spelling, "brincidofovir".into(), "brincindofovir".into())]
        );
        // Words that are no names keep both ends when misspelt.
        for (a, b) in [
            (
                "The ministry said the claims would be tested rigorously before any payment.",
                "The ministry said the claims would be tested vigorously before any payment.",
            ),
            (
                "Both parties called for reconciliation after the disputed count.",
                "Both parties called for conciliation after the disputed count.",
            ),
            // Nor is a name against a word in lower case with another ending.
            (
                "The Legislature meets on Monday to vote on the new school funding plan.",
                "State legislators meet on Monday to vote on the new school funding plan.",
            ),
            // A sign is no word: `%` for `percent` is a style.
            (
                "Turnout rose to 64 percent from 58 percent in the last vote.",
                "Turnout rose to 64% from 58% in the last vote.",
            ),
        ] {
            assert!(find(a, b).iter().all(|d| d.0 != DiscrepancyKind::Spelling), "{a} | {b}: {:?}", find(a, b));
        }
        // A place and its people.
        for (a, b) in [
            (
                "Talks between Norway and Estonia resumed in the capital on Monday.",
                "Talks between Norway and Estonian officials resumed in the capital on Monday.",
            ),
            (
                "The Pakistan delegation was received by Tajik officials.",
                "The Pakistani delegation was received by Tajik officials.",
            ),
        ] {
            assert!(find(a, b).iter().all(|d| d.0 != DiscrepancyKind::Spelling), "{a} | {b}: {:?}", find(a, b));
        }
    }

    #[test]
    fn spelling_variants_are_cosmetic() {
        let found = find("Zelenskyy said the organisation would help.", "Zelenskiy said the organization would help.");
        assert_eq!(
            found,
            vec![
                (DiscrepancyKind::Spelling, "Zelenskyy".into(), "Zelenskiy".into()),
                (DiscrepancyKind::Spelling, "organisation".into(), "organization".into())
            ]
        );
        assert!(found.iter().all(|d| d.0.severity() == crate::report::Severity::Cosmetic));
        // Where the diff does not align them: a headline against a sentence.
        assert_eq!(
            find_in(
                "Zelenskyy says Ukraine is working on an exchange",
                "Ukraine is working to resume the exchange, President Volodymyr Zelenskiy said.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Spelling, "Zelenskyy".into(), "Zelenskiy".into())]
        );
        assert!(
            find("Zelenskyy’s aide said.", "Zelenskyy's aide said.").is_empty(),
            "apostrophe styles are not spellings"
        );
        assert_eq!(
            find_in(
                "Valtrendomab will be released to 20 patients.",
                "He will be the first of 20 patients to receive valtredomab.",
                MatchKind::Partial
            ),
            vec![(DiscrepancyKind::Spelling, "Valtrendomab".into(), "valtredomab".into())],
            "a long word seen only at the start of a sentence"
        );
        assert!(
            find_in("The company announced the trial.", "The company announces a trial.", MatchKind::Partial)
                .is_empty(),
            "inflections are not spellings"
        );
    }

    #[test]
    fn a_quotation_begun_in_an_earlier_sentence_ends_at_its_closing_mark() {
        // The mark after `reporter` closes what the sentence before opened:
        // the rest is the writer's, and the quotation is cut short, not
        // misquoted.
        let found = find(
            "The papers were not handed to us but found by our reporter, Ann Lowe, in the ministry in Valletta.\"",
            "The papers were not handed to us, but found by our reporter\" in the island's ministry, he said.",
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Quote), "{found:?}");
    }

    #[test]
    fn a_quotation_joined_or_split_differently_is_not_misquoted() {
        let found = find(
            "\"We will rebuild the war-fighters' training base,\" the colonel said on Monday.",
            "\"We will rebuild the warfighters' training base,\" the colonel said on Monday.",
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Quote), "{found:?}");
        let found = find(
            "\"Nearly 40 per cent of the county's bridges need repair,\" the engineer said.",
            "\"Nearly 40 percent of the county's bridges need repair,\" the engineer said.",
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Quote), "{found:?}");
        let found = find(
            "\"It took 38 visits over 2 years to see it,\" the inspector said on Monday.",
            "\"It took 38 visits over two years to see it,\" the inspector said on Monday.",
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Quote), "{found:?}");
        let found = find(
            "\"We will rebuild the old training base,\" the colonel said on Monday.",
            "\"We will rebuild the new training base,\" the colonel said on Monday.",
        );
        assert!(found.iter().any(|d| d.0 == DiscrepancyKind::Quote), "{found:?}");
    }

    #[test]
    fn misquotes_are_found() {
        let found = find(
            "“We are … counting on the resumption of POW exchanges,” Zelenskyy wrote.",
            "\"We are ... counting on the resumption of exchanges,\" Zelenskiy said.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, DiscrepancyKind::Quote);
        assert_eq!(found[1].0, DiscrepancyKind::Spelling, "substantive first");
        assert_eq!(found[0].1, "We are … counting on the resumption of POW exchanges,");
    }

    #[test]
    fn a_short_quoted_phrase_put_in_other_words_is_a_quote_discrepancy() {
        assert_eq!(
            find(
                "His father said the family was \"on cloud nine\" after the operation.",
                "His father said the family was \"over the moon\" after the operation."
            ),
            vec![(DiscrepancyKind::Quote, "on cloud nine".into(), "over the moon".into())]
        );
        assert_eq!(
            find(
                "Her brother had seen a raccoon \"skulking\" around the yard.",
                "Her brother had seen a raccoon prowling around the yard."
            ),
            vec![(DiscrepancyKind::Quote, "skulking".into(), "prowling".into())]
        );
        // Quotation marks dropped, a phrase partly replaced, a figure or a
        // spelling: not a misquote.
        for (a, b) in [
            ("They launched the \"Save Josh\" campaign online.", "They launched the Save Josh campaign online."),
            (
                "Supporters rallied behind the \"Save Josh\" campaign on Facebook.",
                "Supporters rallied behind the campaign to help Josh on Facebook.",
            ),
            ("He is on the \"10 Most Wanted\" list now.", "He is on the \"Ten Most Wanted\" list now."),
            ("He called himself \"Eleonora[67]\" in the posts.", "He called himself \"Eleonora67]\" in the posts."),
            (
                "He cut the rope with his cheap \"multitool\"-type knife before dawn.",
                "He cut the rope with his ``multi-tool''-type knife before dawn.",
            ),
        ] {
            assert!(find(a, b).iter().all(|d| d.0 != DiscrepancyKind::Quote), "{a} | {b}");
        }
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
        // A name cut short is the same name in another form.
        let found =
            find("The deal was confirmed, Samuel said on Sunday.", "The deal was confirmed, Sam said on Sunday.");
        assert_eq!(found, vec![(DiscrepancyKind::Spelling, "Samuel".into(), "Sam".into())]);
    }

    #[test]
    fn an_abbreviation_and_what_it_stands_for_are_one_name() {
        for (a, b) in [
            ("Their American Basketball Association forefathers would cringe.", "Their ABA forefathers would cringe."),
            ("The severe acute respiratory syndrome virus appeared in China.", "The SARS virus appeared in China."),
            (
                "Investors want to start a TV network for Muslims.",
                "Investors want to start a television network for Muslims.",
            ),
        ] {
            let found = find(a, b);
            assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Name), "{a} | {b}: {found:?}");
        }
        // Capitals that do not stand for the other side's words still name
        // something else.
        assert_eq!(
            find(
                "Officials at the NSA reviewed the contract last week.",
                "Officials at the Pentagon reviewed the contract last week."
            ),
            vec![(DiscrepancyKind::Name, "NSA".into(), "Pentagon".into())]
        );
    }

    #[test]
    fn names_in_different_content_or_of_one_place_are_not_name_discrepancies() {
        assert!(find(
            "Nine-year-old Tobias was born deaf and had a rare condition, his father said.",
            "A nine-year-old boy from Hertfordshire was born deaf and had a rare condition."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Name));
        assert!(
            find("Officials in Russia said the talks failed.", "Russian officials said the talks failed.").is_empty()
        );
    }

    #[test]
    fn one_name_in_two_forms_is_cosmetic() {
        assert_eq!(
            find(
                "He is in intensive care at St. Agnes Children's Research Hospital in Toledo.",
                "He is in intensive care at St. Agnes Children's Hospital in Toledo."
            ),
            vec![(
                DiscrepancyKind::Spelling,
                "St. Agnes Children's Research Hospital".into(),
                "St. Agnes Children's Hospital".into()
            )]
        );
        assert_eq!(
            find(
                "Researchers at the Institute for Child Health (ICH) grow ears.",
                "Researchers at the Institute of Child Health (ICH) grow ears."
            ),
            vec![(DiscrepancyKind::Spelling, "Institute for Child Health".into(), "Institute of Child Health".into())]
        );
        // A word in lower case is a description, not part of the name.
        assert!(find(
            "Tests by the Vermont Center for Disease Control confirmed it.",
            "Tests by the Vermont state Center for Disease Control confirmed it."
        )
        .is_empty());
        // A day dates a name: `on` before it is no other form of the name.
        assert!(find(
            "The council met in Sacramento Friday to discuss the new budget.",
            "The council met in Sacramento on Friday to discuss the new budget."
        )
        .is_empty());
        // Words that join no name part two (`Syria from Downing Street`,
        // `Reyes when Reyes`).
        assert!(find(
            "The minister will speak on Syria from Downing Street at noon.",
            "The minister will speak on Syria at Downing Street at noon."
        )
        .is_empty());
        assert!(find(
            "He told police he shot Reyes after Reyes tried to shoot him.",
            "He told police he shot Reyes when Reyes tried to shoot him."
        )
        .is_empty());
        // Punctuation parts two names.
        assert!(find(
            "Speaking in Ankara, Turkish Foreign Minister Demir said talks would resume.",
            "Speaking in Ankara, the Turkish Foreign Minister said talks would resume."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Spelling));
    }

    #[test]
    fn a_pronoun_a_speaker_or_an_abbreviation_is_no_description_against_a_name() {
        let names = |a: &str, b: &str| -> Vec<(String, String)> {
            find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Name).map(|d| (d.1, d.2)).collect()
        };
        let none: [(String, String); 0] = [];
        assert_eq!(
            names(
                "A judge will decide next week whether he'll stand trial in the county court.",
                "A judge will decide next week if Bryant will stand trial in the county court.",
            ),
            none,
            "`he'll` points back at a name"
        );
        assert_eq!(
            names(
                "Rollover deaths rose 82 percent in 2002, the agency says in its yearly report.",
                "Rollover deaths rose 82 percent in 2002, NHTSA said in its yearly report.",
            ),
            none,
            "who says it is an attribution"
        );
        assert_eq!(
            names(
                "Sales of SUVs rose sharply across the region in the third quarter.",
                "Sales of sport utility vehicles rose sharply across the region in the third quarter.",
            ),
            none,
            "an abbreviation in the plural"
        );
    }

    #[test]
    fn a_name_against_a_description_of_it_is_a_name_discrepancy() {
        let found = find(
            "Her mother drove her immediately to Harbor View Medical Center.",
            "Her mother drove her immediately to a local medical center.",
        );
        assert_eq!(found, vec![(DiscrepancyKind::Name, "Harbor View".into(), "a local".into())]);
        let found = find(
            "Her father handed the badger over to the Vermont Game Service.",
            "Her father handed the badger over to state authorities for testing.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Name], "{found:?}");
        // A pronoun points back at the name; a place added is another slot.
        assert!(find(
            "He traced the outline of Mrs Penrose's ears as a template.",
            "He traced the outline of his mother's ears as a template."
        )
        .is_empty());
        assert!(find(
            "Two badgers, red foxes and skunks tested positive.",
            "Two badgers in Millbrook and skunks tested positive."
        )
        .is_empty());
    }

    #[test]
    fn a_country_and_its_people_are_one_place() {
        let names = |a: &str, b: &str| find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Name).count();
        for (x, y) in [("UK", "British"), ("U.S.", "American"), ("France", "French"), ("Netherlands", "Dutch")] {
            assert_eq!(
                names(
                    &format!("The fund will sell its stake to a fellow {x} utility for 21 million pounds."),
                    &format!("The fund will sell its stake to a fellow {y} utility for 21 million pounds."),
                ),
                0,
                "{x} / {y}"
            );
        }
        assert_eq!(
            names(
                "The fund will sell its stake to a fellow Dutch utility for 21 million pounds.",
                "The fund will sell its stake to a fellow French utility for 21 million pounds.",
            ),
            1,
            "two countries"
        );
    }

    #[test]
    fn a_name_and_a_word_before_the_same_noun_are_two_modifiers() {
        let names = |a: &str, b: &str| find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Name).count();
        assert_eq!(
            names(
                "Farmers clashed with Israeli forces near the border crossing on Friday.",
                "Farmers clashed with security forces near the border crossing on Friday.",
            ),
            0
        );
        assert_eq!(
            names(
                "The senators can block any Supreme Court nominee with a filibuster.",
                "The senators can block any potential nominee with a filibuster.",
            ),
            0
        );
        // A noun phrase in its place still describes what the name names.
        assert_eq!(
            names(
                "Last spring the Transportation Security Administration doubled its classes.",
                "Last spring the agency doubled its classes.",
            ),
            1
        );
        assert_eq!(
            names(
                "In a court filing, Hallworth wrote that the damage was lasting.",
                "In a court filing, prosecutors wrote that the damage was lasting.",
            ),
            1
        );
        assert_eq!(
            names(
                "A warden drove the dead fox to the Ossipee Wildlife Service for testing.",
                "A warden drove the dead fox to state authorities for testing.",
            ),
            1
        );
    }

    #[test]
    fn a_bare_phrase_in_the_singular_describes_no_name() {
        let names = |a: &str, b: &str| find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Name).count();
        assert_eq!(
            names(
                "The fever kills roughly 9,000 people in an average year, officials said.",
                "The fever kills roughly 9,000 Norwegians in an average year, officials said.",
            ),
            0
        );
        assert_eq!(
            names(
                "Halvorsen will be CEO of the merged insurer from March.",
                "Halvorsen will be chief executive of the merged insurer from March.",
            ),
            0
        );
    }

    #[test]
    fn a_piece_of_a_clause_names_nothing() {
        // The diff pairs words that open or close clauses: neither side is
        // one noun phrase.
        for (a, b) in [
            (
                "The inspectors are in Lisbon to review the accounts and cannot sign any contract.",
                "The inspectors - whose remit is to review the accounts - cannot sign any contract.",
            ),
            (
                "Officials said they would release the pair as keeping them would not help the talks.",
                "Officials said they would release Halvorsen and Quist because keeping them would not help the talks.",
            ),
        ] {
            assert!(find(a, b).is_empty(), "{a} | {b}: {:?}", find(a, b));
        }
    }

    #[test]
    fn a_change_across_a_comma_names_nothing() {
        // The diff pairs the end of one phrase and the start of the next:
        // neither side is a name or a description of one.
        for (a, b) in [
            (
                "The retailer has said it plans to open at least 40 stores in the state in the coming years; analysts expect four more in the county.",
                "At least 40 of the stores will be in Oregon, and analysts expect four more in the county.",
            ),
            (
                "The lawyer representing Harlow Mills, Dana Pruitt did not respond to repeated phone calls.",
                "Officials with Harlow and Vesta did not respond to repeated phone calls from the paper.",
            ),
            (
                "In the second quarter, the company now expects output of 46 million BOE, down from 48 million BOE.",
                "Output for the second quarter was cut to 46 million barrels from 48 million barrels.",
            ),
        ] {
            assert!(find(a, b).is_empty(), "{a} | {b}: {:?}", find(a, b));
        }
        // A place and its region against another: both sides alike.
        let found = find(
            "The storm reached Boston, Massachusetts, late on Sunday.",
            "The storm reached Portland, Oregon, late on Sunday.",
        );
        assert_eq!(found, vec![(DiscrepancyKind::Name, "Boston, Massachusetts".into(), "Portland, Oregon".into())]);
    }

    #[test]
    fn a_quote_told_in_reported_speech_is_a_quote_discrepancy() {
        let found = find(
            "“I knew instantly it had to be rabid,” said Lindqvist.",
            "Lindqvist said she knew instantly that it had to be rabid.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, DiscrepancyKind::Quote);
        assert!(find("“I knew it,” said Lindqvist.", "Lindqvist said she knew it.").is_empty(), "too short to tell");
        // Half the quotation's words, inflected differently, are enough.
        let found = find(
            "“What bothers me the most is my son, the pain is on him,” Harlan said.",
            "Harlan told the judge that what bothered him most was the pain he had caused his son.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Quote], "{found:?}");
        let found = find(
            "“The psychological and emotional destruction defendant caused this minor child is unimaginable,” Whitcombe wrote.",
            "Whitcombe wrote that the emotional damage caused to the child was unimaginable.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Quote], "{found:?}");
        let found = find(
            "“It was an unthinkable kind of situation,” the judge said.",
            "The case was described by the judge as an unthinkable situation.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Quote], "{found:?}");
    }

    #[test]
    fn wire_copy_closes_a_quotation_with_two_apostrophes() {
        let text = "\"The destruction is unimaginable,'' Whitcombe wrote in the memo.";
        assert_eq!(quotations(text), vec![(1, 33)]);
        assert_eq!(&text[1..33], "The destruction is unimaginable,");
        // Begun in an earlier sentence.
        assert_eq!(quotations("That will haunt me the rest of my life.''"), vec![(0, 39)]);
        // Closed inside a sentence.
        assert_eq!(quotations("a \"perfect storm'' of medical issues"), vec![(3, 16)]);
        // An apostrophe is not a mark.
        assert_eq!(quotations("The sons' lawyer said it was 'over'."), vec![]);
        // Opened with two backquotes: `` … ''.
        let text = "Police were ``making good progress'' in the case.";
        assert_eq!(quotations(text), vec![(14, 34)]);
        assert_eq!(&text[14..34], "making good progress");
        // Or with two apostrophes.
        let text = "Police were ''making good progress'' in the case.";
        assert_eq!(quotations(text), vec![(14, 34)]);
        let found = find(
            "Bush wanted \"to see an aircraft landing the same way that the pilots saw it,\" Fleischer said.",
            "Fleischer said Bush wanted ''to see an aircraft landing the same way that the pilots saw it.",
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Quote), "{found:?}");
        // The quotation alone is compared with reported speech.
        let found = find(
            "\"The psychological and emotional destruction defendant caused this minor child is unimaginable,'' Whitcombe wrote in the memo.",
            "Assistant U.S. Attorney Dana Whitcombe wrote that the emotional damage caused to the child was unimaginable.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Quote], "{found:?}");
        // Retold by a sentence that quotes something else.
        let found = find(
            "Whitcombe called Harlan a \"self-absorbed, opportunistic narcissist,'' motivated by greed.",
            "Prosecutors described Harlan as a \"menace to society\" and a self-absorbed narcissist.",
        );
        assert_eq!(found.iter().map(|d| d.0).collect::<Vec<_>>(), [DiscrepancyKind::Quote], "{found:?}");
    }

    #[test]
    fn a_word_shared_inside_two_different_names_anchors_no_name_change() {
        let found = find_in(
            "Hope Animal Control Officer Heidi Blood confirmed that the raccoon tested positive for rabies.",
            "The state's Center for Disease Control and Prevention confirmed that the raccoon tested positive for rabies.",
            MatchKind::Partial,
        );
        assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Name || d.2 != "Prevention"), "{found:?}");
        // A name changed after a shared title still is one.
        assert_eq!(
            find(
                "The talks were led by President Olena Marchuk on Monday.",
                "The talks were led by President Ivan Sirko on Monday."
            ),
            vec![(DiscrepancyKind::Name, "Olena Marchuk".into(), "Ivan Sirko".into())]
        );
    }

    #[test]
    fn a_retelling_is_shown_where_it_retells() {
        let found = find_in(
            "“I just will never look at them the same way.”",
            "She said she had never killed an animal before and would never look at raccoons the same way.",
            MatchKind::Partial,
        );
        assert_eq!(
            found,
            vec![(
                DiscrepancyKind::Quote,
                "I just will never look at them the same way.".into(),
                "never look at raccoons the same way".into()
            )]
        );
    }

    #[test]
    fn one_statement_of_a_quotation_cut_with_ellipses_may_be_retold() {
        let found = find_in(
            "\"The water rose fast...We lost the boathouse in minutes...It will take years to rebuild the harbour wall.\"",
            "The mayor told reporters that rebuilding the harbour wall would take years.",
            MatchKind::Partial,
        );
        assert_eq!(
            found,
            vec![(
                DiscrepancyKind::Quote,
                "It will take years to rebuild the harbour wall.".into(),
                "rebuilding the harbour wall would take years".into()
            )]
        );
        assert_eq!(ellipsis_parts("a … b...c", (0, 11)), vec![(0, 1), (6, 7), (10, 11)]);
        assert!(ellipsis_parts("No ellipsis here.", (0, 17)).is_empty());
    }

    #[test]
    fn the_clause_a_quotation_frames_may_be_retold() {
        let found = find_in(
            "“The one thing our crews keep telling every driver on the county roads is that the old bridge will close in spring.”",
            "The old bridge will close in spring, the county engineer said.",
            MatchKind::Partial,
        );
        assert_eq!(
            found,
            vec![(
                DiscrepancyKind::Quote,
                "the old bridge will close in spring.".into(),
                "old bridge will close in spring".into()
            )]
        );
        assert_eq!(framed_clause_of("“They say that”"), None, "nothing follows");
    }

    #[test]
    fn the_same_words_said_by_someone_else_are_an_attribution_discrepancy() {
        let found = find(
            "“We could not have wished for a better result,” Penrose said.",
            "“We could not have wished for a better result,” his mother, Maren, told reporters.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1.as_str()), (DiscrepancyKind::Attribution, "Penrose"));
        let found = find(
            "Okafor insisted that helping one patient would slow efforts to bring the drug to market.",
            "The company argued that helping one patient would slow efforts to bring the drug to market.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1.as_str()), (DiscrepancyKind::Attribution, "Okafor"));
        assert!(find(
            "The fire was put out by noon, the harbour master said.",
            "The fire was put out by noon, the harbour master told reporters."
        )
        .is_empty());
    }

    #[test]
    fn german_french_and_spanish_speakers_are_read() {
        for (language, a, b, speaker) in [
            (
                Language::German,
                "Die Lage an der Grenze sei ernst, sagte Innenminister Berger am Abend.",
                "Die Lage an der Grenze sei ernst, sagte ein Sprecher der Polizei am Abend.",
                "Innenminister Berger",
            ),
            (
                Language::French,
                "Selon le ministre, la situation à la frontière reste grave.",
                "Selon la police, la situation à la frontière reste grave.",
                "ministre",
            ),
            (
                Language::Spanish,
                "La situación en la frontera sigue siendo grave, dijo el ministro.",
                "La situación en la frontera sigue siendo grave, dijo la policía.",
                "ministro",
            ),
        ] {
            let found = find_as(language, a, b);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!((found[0].0, found[0].1.as_str()), (DiscrepancyKind::Attribution, speaker), "{a}");
        }
    }

    #[test]
    fn the_clause_a_speaker_introduces_is_what_they_said() {
        // Each sentence tells more than the shared claim: only the clauses
        // after `warned that` are compared.
        let found = find_in(
            "Harbour master Ines Okafor warned that where one ferry is delayed, others usually follow, and that the timetable has not recovered.",
            "The storm closed the port on Monday, and coastguard officials warned that where one ferry is delayed, there is typically another.",
            MatchKind::Partial,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1.as_str()), (DiscrepancyKind::Attribution, "Ines Okafor"));
        // Different claims introduced alike are not one claim.
        assert!(find_in(
            "Harbour master Ines Okafor warned that the timetable has not recovered.",
            "The storm closed the port, and coastguard officials warned that swimmers should stay away.",
            MatchKind::Partial,
        )
        .is_empty());
    }

    #[test]
    fn a_place_after_an_inverted_verb_is_not_its_speaker() {
        let found = find(
            "The new office has about 60 employees, Robert Liscouski, the assistant secretary for harbour safety and protection, said at a briefing today.",
            "The new office has about 60 employees.",
        );
        assert!(found.iter().all(|d| !d.1.contains("briefing")), "{found:?}");
    }

    #[test]
    fn a_verb_after_and_speaks_for_the_subject_before_it() {
        for (a, b) in [
            (
                "Judge Harlow told the defendant: \"There is no sign of remorse in anything you have said.\"",
                "A judge called the defendant's conduct \"shameful\" and added: \"There is no sign of remorse in anything you have said.\"",
            ),
            (
                "Only 31 kinds of lichen are known on the island and most were identified and described in the 1890s.",
                "Only 31 kinds of lichen are known on the island, most of which were named by the 1890s.",
            ),
        ] {
            let found = find(a, b);
            assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Attribution), "{a} | {b}: {found:?}");
        }
    }

    #[test]
    fn a_speaker_named_in_words_joined_by_and_or_of_is_all_of_them() {
        // The agency's initials and its whole name are one speaker.
        assert!(find(
            "The FDA said on Friday that its staff would draw up rules for the trials.",
            "Last week the Food and Drug Administration said its staff would draw up rules for the trials.",
        )
        .is_empty());
        // A title before a name is not part of it: still another speaker.
        let found = find(
            "Town Animal Control Officer Dana Reyes warned that where one sick animal is found, others are usually near.",
            "Tests later confirmed it, and state health officials warned that where one sick animal is found, others are usually near.",
        );
        assert_eq!(
            found,
            vec![(DiscrepancyKind::Attribution, "Officer Dana Reyes".into(), "state health officials".into())]
        );
    }

    #[test]
    fn a_claim_told_as_someone_s_on_one_side_only_is_an_attribution_discrepancy() {
        assert_eq!(
            find(
                "The bridge will stay closed until the spring for repairs.",
                "Engineers say the bridge will stay closed until the spring for repairs."
            ),
            vec![(DiscrepancyKind::Attribution, "".into(), "Engineers".into())]
        );
        // A speaker of a longer sentence is not the source of a part of it.
        assert!(find_in(
            "The mayor told reporters he had toured the damaged bridge on Monday with engineers and angry residents.",
            "Engineers toured the damaged bridge on Monday.",
            MatchKind::Partial
        )
        .is_empty());
        // A quotation on the other side has a speaker of its own.
        assert!(find(
            "“The bridge will stay closed until the spring,” he said.",
            "Engineers say the bridge will stay closed until the spring."
        )
        .iter()
        .all(|d| d.0 != DiscrepancyKind::Attribution));
    }

    #[test]
    fn a_verb_after_a_set_off_clause_is_inverted_only_when_its_speaker_closes_it() {
        assert_eq!(
            attributions_in(
                "Ghulam Hamid, head of administration in the southern province, said the bus blast happened early in the morning.",
                "The bus blast happened early in the morning.",
                MatchKind::Edited,
            ),
            [("Hamid".to_string(), String::new())],
            "the speaker before the clause set off"
        );
        assert_eq!(
            attributions_in(
                "The port will reopen on Monday after the repairs to the quay, said Harbour Master Ines Duarte.",
                "The port will reopen on Monday after the repairs to the quay.",
                MatchKind::Edited,
            ),
            [("Harbour Master Ines".to_string(), String::new())]
        );
        assert_eq!(
            attributions_in(
                "\"Scam artists should think again,\" Dolan said on Friday at the hearing.",
                "\"Scam artists should think again,\" said Deputy Attorney General Mira Kovacs of the fraud section.",
                MatchKind::Edited,
            ),
            [("Dolan".to_string(), "Deputy Attorney General".to_string())],
            "after a quotation, the speaker follows however long"
        );
    }

    #[test]
    fn in_the_passive_the_speaker_is_the_agent_or_no_one() {
        assert_eq!(
            attributions_in(
                "The decision will be announced on Monday at the city hall meeting in Dallas.",
                "The plan is expected to be disclosed on Monday at the city hall meeting in Dallas.",
                MatchKind::Edited,
            ),
            Vec::<(String, String)>::new(),
            "the decision announces nothing"
        );
        assert_eq!(
            attributions_in(
                "The new bridge was described by Mayor Lena Ortiz as a costly mistake for the city.",
                "The new bridge was described by Governor Paul Reyes as a costly mistake for the city.",
                MatchKind::Edited,
            ),
            [("Mayor Lena Ortiz".to_string(), "Governor Paul Reyes".to_string())]
        );
    }

    #[test]
    fn speakers_are_read_where_they_stand() {
        let attributions = |a: &str, b: &str| attributions_in(a, b, MatchKind::Edited);
        // A participle set off with a time: no one speaks (the deal is not
        // another speaker).
        assert!(attributions(
            "The purchase is the biggest in the history of the region's banks, the two lenders said.",
            "The $3 billion deal, announced Monday, is also the biggest in the history of the region's banks."
        )
        .is_empty());
        // A pronoun speaks, and what follows the verb is what was said.
        assert_eq!(
            attributions(
                "Passengers would be given a refund and a voucher for another trip, she said.",
                "Passengers would be given a refund and a voucher for another trip."
            ),
            vec![("she".into(), "".into())]
        );
        assert!(attributions(
            "He said the patents were assigned to Syndia in 2001 through the foundation.",
            "Moch said the patents were assigned to Syndia in 2001 through the foundation."
        )
        .is_empty());
        // The name before the verb, not the subject of what was said.
        assert_eq!(
            attributions(
                "Teammate Tiki Barber said that Shockey is living the dream life of a New York athlete.",
                "Coach Tom Coughlin said that Shockey is living the dream life of a New York athlete."
            ),
            vec![("Tiki Barber".into(), "Tom Coughlin".into())]
        );
        // No speaker: a date, a verb opening the sentence, a profit posted,
        // a name spelled two ways, a headline.
        for (a, b) in [
            (
                "DeVries, castrated in August 2001, has said the surgery took away his urges.",
                "The surgery took away his urges.",
            ),
            (
                "Added to savings on the dividend, the lease commitments fell by 600 million pounds.",
                "The lease commitments fell by 600 million pounds.",
            ),
            (
                "A year earlier, the company posted a profit of $102 million.",
                "A year earlier, profit was $102 million.",
            ),
            (
                "“We had nothing to do with the decision,” spokesman Sean Sundwell said.",
                "“We had nothing to do with the decision,” Sundwall said.",
            ),
            // Two letters swapped: one misspelling, not two.
            (
                "General Jeffrey said he would give his military pension to charity while in office.",
                "Maj-Gen Jeffery said he would give his military pension to charity while in office.",
            ),
            (
                "Zelenskyy says Ukraine working on new prisoner exchange with Russia",
                "Ukraine working on new prisoner exchange with Russia",
            ),
        ] {
            assert!(attributions(a, b).is_empty(), "{a} | {b}");
        }
    }

    #[test]
    fn a_source_that_closes_a_sentence_owns_all_of_it() {
        let attributions = |a: &str, b: &str| attributions_in(a, b, MatchKind::Partial);
        // A part of what the source said, told as the writer's own.
        assert_eq!(
            attributions(
                "The ferry company lost no money because the forged tickets were quickly spotted, the harbour police said.",
                "The forged tickets were quickly spotted."
            ),
            vec![("harbour police".into(), "".into())]
        );
        // A speaker who opens the sentence may say only its first clause.
        assert!(attributions(
            "Her parents said she had been bullied for months at her old school in the city, and she has since moved to a school with a sailing club.",
            "She has since moved to a school with a sailing club."
        )
        .is_empty());
        // The clause before a comma is not the speaker, nor the words after a
        // verb that opens what is said.
        assert_eq!(
            attributions(
                "Ticket sales rose by a fifth in the spring, tour officials said.",
                "Ticket sales rose by a fifth in the spring."
            ),
            vec![("tour officials".into(), "".into())]
        );
        assert!(attributions(
            "Moreau, who was sacked in March 2019, has said the inquiry ruined his career and his marriage.",
            "The inquiry ruined his career and his marriage, the court heard."
        )
        .is_empty());
    }

    #[test]
    fn the_same_words_said_through_another_medium_are_an_attribution_discrepancy() {
        let attributions = |a: &str, b: &str| attributions_in(a, b, MatchKind::Edited);
        assert_eq!(
            attributions(
                "Both sides agreed to resume the exchange of prisoners, President Kovalenko wrote on X.",
                "Both sides agreed to resume the exchange of prisoners, President Kovalenko said in a video posted on Telegram."
            ),
            vec![("X".into(), "Telegram".into())]
        );
        assert_eq!(
            attributions(
                "The mayor said in a statement that the bridge will stay closed until the spring.",
                "The mayor said in an interview that the bridge will stay closed until the spring."
            ),
            vec![("statement".into(), "interview".into())]
        );
        for (a, b) in [
            // A platform and a form on it agree.
            (
                "The bridge will stay closed until the spring, the mayor wrote on X.",
                "The bridge will stay closed until the spring, the mayor said in a video on X.",
            ),
            // One side names no medium.
            (
                "The bridge will stay closed until the spring, the mayor said.",
                "The bridge will stay closed until the spring, the mayor said in a statement.",
            ),
            // A medium the claim is about is not where it was said.
            (
                "The mayor said the video on Telegram was fake and had been edited.",
                "The mayor said the statement on Telegram was fake and had been edited.",
            ),
        ] {
            assert!(attributions(a, b).is_empty(), "{a} | {b}");
        }
    }

    #[test]
    fn a_description_may_stand_for_a_name_or_another_description() {
        let attributions = |a: &str, b: &str| attributions_in(a, b, MatchKind::Edited);
        for (a, b) in [
            (
                "Quarterly sales at the shipyard fell by a tenth, the company said.",
                "Quarterly sales at the shipyard fell by a tenth, Harland Marine said.",
            ),
            (
                "The league said it would not endorse any of the candidates for the board.",
                "The group said it would not endorse any of the candidates for the board.",
            ),
            (
                "The boy had been teased about his ears for years, his mother said.",
                "The boy had been teased about his ears for years, Anna Kowalski said.",
            ),
            // A group, of whom the name may be one.
            (
                "The transfers from four of the accounts totalled $3.2 billion, prosecutors said.",
                "The transfers from four of the accounts totalled $3.2 billion, Morgan Hale said.",
            ),
        ] {
            assert!(attributions(a, b).is_empty(), "{a} | {b}");
        }
        // Reports are no group of people.
        assert_eq!(
            attributions(
                "The former accountant is expected to plead guilty on Thursday, according to reports.",
                "The former accountant is expected to plead guilty on Thursday, according to Morgan Hale."
            )
            .len(),
            1
        );
        // Two different bodies are two speakers, described or not.
        assert_eq!(
            attributions(
                "The road to the border stays closed until Friday, the minister said.",
                "The road to the border stays closed until Friday, the police said."
            ),
            vec![("minister".into(), "police".into())]
        );
    }

    #[test]
    fn a_figure_rounded_to_fewer_digits_is_the_same_figure() {
        let numbers = |a: &str, b: &str| -> Vec<(String, String)> {
            find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Number).map(|d| (d.1, d.2)).collect()
        };
        let none: Vec<(String, String)> = vec![];
        assert_eq!(
            numbers(
                "The index slipped 12.27 points, or 1.23 percent, on Friday.",
                "The index slipped 12.27 points, or 1.2 percent, on Friday."
            ),
            none
        );
        assert_eq!(numbers("The city has 1.2 million residents.", "The city has 1,230,000 residents."), none);
        assert_eq!(numbers("Turnout was 46% in the north.", "Turnout was 45.8% in the north."), none);
        // Another figure, or one digit left: a change.
        assert_eq!(
            numbers("The fund lost 1.2 percent on Friday.", "The fund lost 1.5 percent on Friday."),
            vec![("1.2 percent".into(), "1.5 percent".into())]
        );
        assert_eq!(
            numbers("Shares closed at $2 on Friday.", "Shares closed at $2.15 on Friday."),
            vec![("2".into(), "2.15".into())]
        );
    }

    #[test]
    fn a_flipped_negation_is_found() {
        let found =
            find("Officials did not confirm the attacks on Sunday.", "Officials confirmed the attacks on Sunday.");
        assert_eq!(found, vec![(DiscrepancyKind::Negation, "not".into(), "confirmed".into())]);
        assert!(find("Moscow did not immediately comment.", "There was no immediate comment from Moscow.").is_empty());
        assert!(find("A boy born without ears has new ones.", "A boy born deaf now has new ones.").is_empty());
    }

    #[test]
    fn words_that_affirm_or_negate_in_other_words_are_no_negation_flip() {
        let negations = |a: &str, b: &str| -> Vec<(String, String)> {
            find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Negation).map(|d| (d.1, d.2)).collect()
        };
        assert_eq!(
            negations(
                "Residents of the village had nothing but praise for the nurse.",
                "Residents of the village had effusive praise for the nurse."
            ),
            vec![]
        );
        assert_eq!(
            negations(
                "The plan cuts not only the rail budget but the bus budget.",
                "The plan cuts the rail budget and the bus budget."
            ),
            vec![]
        );
        assert_eq!(
            negations(
                "Security must rest on trust and not on the possession of weapons.",
                "Security must rest on trust rather than on the possession of weapons."
            ),
            vec![]
        );
        assert_eq!(
            negations(
                "The senator will work to get the loan provision removed from the final bill.",
                "The senator will work to see that the loan provision was not in the final bill."
            ),
            vec![]
        );
        assert_eq!(
            negations(
                "Security must rest on trust and not on the possession of weapons.",
                "Security must rest on trust and on the possession of weapons."
            ),
            vec![("not".into(), "".into())]
        );
    }

    #[test]
    fn a_claim_made_more_or_less_surely_or_widely_is_a_discrepancy() {
        let certainty = |a: &str, b: &str| -> Vec<(String, String)> {
            find(a, b).into_iter().filter(|d| d.0 == DiscrepancyKind::Certainty).map(|d| (d.1, d.2)).collect()
        };
        let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        assert_eq!(
            certainty(
                "The surgery on his ears was primarily cosmetic.",
                "The surgery on his ears was purely cosmetic."
            ),
            pair("primarily", "purely")
        );
        assert_eq!(
            certainty(
                "Stem cells could make rib surgery unnecessary.",
                "Stem cells will make rib surgery unnecessary."
            ),
            pair("could", "will")
        );
        assert_eq!(
            certainty("The alleged gunman opened fire near the station.", "The gunman opened fire near the station."),
            pair("alleged", "")
        );
        assert_eq!(
            certainty("The new drug may help other patients.", "The new drug helps other patients."),
            pair("may", "helps")
        );
        assert_eq!(
            certainty(
                "She began taking them in part to avoid dementia.",
                "She began taking them partly to avoid dementia."
            ),
            vec![]
        );
    }

    #[test]
    fn tense_emphasis_ability_and_other_claims_are_no_certainty_change() {
        let none = |a: &str, b: &str| {
            let found = find(a, b);
            assert!(found.iter().all(|d| d.0 != DiscrepancyKind::Certainty), "{a} | {b}: {found:?}");
        };
        // Tense and emphasis.
        none("The boy will receive the drug on Wednesday.", "The boy received the drug on Wednesday.");
        none("The fire completely destroyed the warehouse.", "The fire destroyed the warehouse.");
        // Ability.
        none("She could see the raccoon on the trail.", "She saw the raccoon on the trail.");
        none(
            "Neither bribery nor force can solve the problem, he said.",
            "Neither bribery nor force would solve the problem, he said.",
        );
        // The modal of another claim.
        none("His lawyer could not be reached on Monday.", "His lawyer would not comment on Monday.");
        none(
            "Experts say the approach would be far less invasive for children.",
            "Experts say the approach could make rib surgery unnecessary for children.",
        );
        // The same word on both sides, or in capitals a month.
        none("Police suspected that the soldier was abducted.", "Police suspect that the soldier was abducted.");
        none("The hearing is set for May 5 in Portland.", "The hearing is set for June 5 in Portland.");
    }
}

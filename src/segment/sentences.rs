//! Sentence boundaries inside one line: after `. ! ? …` (and the quotes and
//! brackets that close with them) when a new sentence starts, but not after
//! abbreviations, titles, initials, inline list markers, numbers, ordinals
//! (German `am 14. März`), or an ellipsis that the sentence goes on after.

use super::abbreviations::{
    classify, is_ordinal_lead, is_sentence_starter, is_speech_verb, is_time_follower, is_time_opener, month_name,
    Abbreviation, MonthName,
};
use crate::text::normalize::lowercase;
use crate::text::tokenize::is_cluster_extender;

/// Ends a sentence; needs whitespace after it.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽' | '؟' | '۔' | '।' | '॥' | '።')
}

/// Ends a sentence in scripts written without spaces; nothing needs to follow.
fn is_unspaced_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closes a quotation or bracket, so it belongs to the sentence it ends.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】')
}

/// Closes a quotation where it is glued to the end of a sentence and a
/// space follows, though English opens with it: German `„Ja.“`, `»Ja.«`.
fn closes_when_glued(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '‹')
}

/// Opens a quotation or bracket before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '「' | '『' | '（' | '【' | '¿' | '¡')
}

/// Byte offsets (within `line`) where a sentence ends and the whitespace to
/// the next one begins. The line's end is not included.
pub fn boundaries(line: &str) -> Vec<usize> {
    let items = list_items(line);
    let mut out: Vec<usize> = items.starts.clone();
    let mut i = 0;
    while i < line.len() {
        let c = line[i..].chars().next().expect("i is a char boundary below len");
        if !(is_terminator(c) || is_unspaced_terminator(c)) || items.marks.contains(&i) {
            i += c.len_utf8();
            continue;
        }
        // `[...]` marks words left out of a quotation, not an end.
        if line[..i].ends_with('[') {
            let dots = line[i..].len() - line[i..].trim_start_matches(['.', '…']).len();
            if line[i + dots..].starts_with(']') {
                i += dots + 1;
                continue;
            }
        }
        let spaced = if c == '.' { spaced_ellipsis_end(line, i) } else { None };
        let (end, unspaced) = match spaced {
            // Three spaced dots leave words out inside a sentence; a fourth
            // is the full stop that ends it.
            Some((end, 3)) => {
                i = end;
                continue;
            }
            Some((end, _)) => (end, false),
            None => terminator_run_end(line, i),
        };
        if end < line.len() && (decide(line, i, end, unspaced) || glued_sentence(line, i, end)) {
            out.push(end);
        }
        i = end.max(i + c.len_utf8());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `. . .` or `. . . .` (an ellipsis typed with spaces, and a full stop)
/// starting at the full stop at `start`: its end, with closing quotes, and
/// its number of dots.
fn spaced_ellipsis_end(line: &str, start: usize) -> Option<(usize, usize)> {
    let mut end = start + 1;
    let mut dots = 1;
    while line[end..].starts_with(" .") {
        end += 2;
        dots += 1;
    }
    if dots < 3 {
        return None;
    }
    while let Some(c) = line[end..].chars().next().filter(|&c| is_closer(c)) {
        end += c.len_utf8();
    }
    Some((end, dots))
}

/// Bytes either side of a glued full stop searched for the token it is in.
const TOKEN_WINDOW: usize = 100;

/// A full stop with no space after it that still ends a sentence
/// (`world.Today`, `1,000.That`): a word or figure before it, a capitalised
/// word after it, and nothing of an address (`Jane.Doe@example.com`,
/// `www.Example.com`) or a name with a dot (`ASP.NET`).
fn glued_sentence(line: &str, start: usize, end: usize) -> bool {
    if end != start + 1 {
        return false;
    }
    let mut after = line[end..].chars();
    let (Some(first), Some(second)) = (after.next(), after.next()) else { return false };
    if !(first.is_uppercase() && second.is_lowercase()) {
        return false;
    }
    // The token around it, looked for within a bounded window so that a
    // long run without spaces stays linear.
    let mut window_start = start.saturating_sub(TOKEN_WINDOW);
    while !line.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let mut window_end = (end + TOKEN_WINDOW).min(line.len());
    while !line.is_char_boundary(window_end) {
        window_end += 1;
    }
    // After the last whitespace character (a no-break space is two bytes).
    let token_start = line[window_start..start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(window_start, |(i, c)| window_start + i + c.len_utf8());
    let token_end = line[end..window_end].find(char::is_whitespace).map_or(window_end, |i| end + i);
    let token = &line[token_start..token_end];
    let before = &line[token_start..start];
    let ends_word = before.chars().next_back().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    ends_word
        && before.chars().count() >= 2
        && !token.contains(['@', '/'])
        && !token.to_ascii_lowercase().starts_with("www.")
}

/// Inline list items on one line (`1.) … 2.) …`, `a. … b. …`, `• … • …`):
/// where each item after the first starts (as a sentence end before it),
/// and the full stops that belong to the markers.
struct ListItems {
    starts: Vec<usize>,
    marks: Vec<usize>,
}

/// A list marker at byte `at`: bullet, ordinal (a number or a letter) and
/// its punctuation (`.)`, `)`, `.`), followed by a space. Returns the
/// ordinal (letters as 1 for `a`), its kind, and the byte of its full stop.
fn list_marker(line: &str, at: usize) -> Option<(u32, u8, Option<usize>)> {
    let rest = &line[at..];
    let bullet = rest.chars().next().filter(|&c| c == '•' || c == '⁃').map_or(0, char::len_utf8);
    let spaces = rest[bullet..].len() - rest[bullet..].trim_start_matches(' ').len();
    let body = &rest[bullet + spaces..];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (value, kind, len) = if (1..=3).contains(&digits) {
        (body[..digits].parse().ok()?, b'1', digits)
    } else if body.starts_with(|c: char| c.is_ascii_lowercase()) {
        (u32::from(body.as_bytes()[0] - b'a') + 1, b'a', 1)
    } else if bullet > 0 && spaces > 0 {
        // A bare bullet: `• Fill the tank • Check the oil`.
        return Some((0, b'*', None));
    } else {
        return None;
    };
    let tail = &body[len..];
    let (punct, dot) = if tail.starts_with(".)") {
        (2, true)
    } else if tail.starts_with(')') && kind == b'1' {
        (1, false)
    } else if tail.starts_with('.') {
        (1, true)
    } else {
        return None;
    };
    if !tail[punct..].starts_with(' ') {
        return None;
    }
    Some((value, kind, dot.then_some(at + bullet + spaces + len)))
}

/// Whether a numbered list item's number (`3. `, `12) `, `2.) `) starts at
/// byte `at` of `line`.
pub(crate) fn numbers_list_item(line: &str, at: usize) -> bool {
    matches!(list_marker(line, at), Some((_, b'1', _)))
}

fn list_items(line: &str) -> ListItems {
    let mut items = ListItems { starts: Vec::new(), marks: Vec::new() };
    // The list opens the line or follows a colon.
    let opening = line.len() - line.trim_start().len();
    // A colon inside a figure (`2:1`, `3:34`) opens nothing.
    let after_colons =
        line.match_indices([':', ';']).map(|(i, _)| i + 1).filter(|&at| line[at..].starts_with(char::is_whitespace));
    let first = std::iter::once(opening).chain(after_colons).find_map(|at| {
        let at = at + line[at..].len() - line[at..].trim_start().len();
        list_marker(line, at).map(|m| (at, m))
    });
    let Some((at, (mut value, kind, dot))) = first else { return items };
    items.marks.extend(dot);
    let char_after = |p: usize| p + line[p..].chars().next().map_or(1, char::len_utf8);
    let mut from = char_after(at);
    while let Some((next, v, dot)) =
        line[from..].char_indices().filter(|&(i, _)| line[..from + i].ends_with(' ')).map(|(i, _)| from + i).find_map(
            |p| {
                let (v, k, dot) = list_marker(line, p)?;
                (k == kind && (kind == b'*' || v == value + 1)).then_some((p, v, dot))
            },
        )
    {
        items.starts.push(line[..next].trim_end().len());
        items.marks.extend(dot);
        value = v;
        from = char_after(next);
    }
    items
}

/// The end of the terminators starting at `start`, with closing quotes and
/// brackets and a full stop after them (`relatives”.`), a quotation mark
/// that closes only in other languages (`prüfen das.“`) and a French
/// closing guillemet after its space (`prudents. »`); and whether an
/// unspaced (CJK) terminator was among them.
fn terminator_run_end(line: &str, start: usize) -> (usize, bool) {
    let mut end = start;
    let mut unspaced = false;
    let mut seen_closer = false;
    let mut chars = line[start..].chars().peekable();
    while let Some(c) = chars.next() {
        if is_terminator(c) || is_unspaced_terminator(c) {
            if seen_closer && c != '.' {
                break;
            }
            unspaced |= is_unspaced_terminator(c);
        } else if is_closer(c) || (closes_when_glued(c) && chars.peek().is_none_or(|n| n.is_whitespace())) {
            seen_closer = true;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    if !seen_closer {
        end += french_closing_guillemet(&line[end..]);
    }
    (end, unspaced)
}

/// The length of ` »` (a space, often a no-break one, then `»` or `›`) at
/// the start of `rest` when a space or nothing follows the guillemet: a
/// French quotation closing after the sentence it quotes.
fn french_closing_guillemet(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_whitespace()) {
        return 0;
    }
    let Some((at, mark)) = chars.next().filter(|&(_, c)| c == '»' || c == '›') else { return 0 };
    let end = at + mark.len_utf8();
    if rest[end..].chars().next().is_none_or(char::is_whitespace) {
        end
    } else {
        0
    }
}

fn decide(line: &str, start: usize, end: usize, unspaced: bool) -> bool {
    let rest = &line[end..];
    let next_char = rest.chars().next();
    if unspaced {
        // A sentence ends right here unless a mark combines with it.
        return next_char.is_some_and(|c| !is_cluster_extender(c));
    }
    if !next_char.is_some_and(char::is_whitespace) {
        return false;
    }
    let mut words = rest.split_whitespace();
    let mut next_word = words.next().unwrap_or("");
    let opened = next_word.starts_with(is_opener);
    if next_word.chars().all(is_opener) {
        // `« Nous`: French sets a quotation mark apart from its first word.
        next_word = words.next().unwrap_or("");
    }
    let bare_next = next_word.trim_start_matches(is_opener);
    let Some(first) = bare_next.chars().next() else { return false };
    if first.is_lowercase() || ",;:)]}-–—".contains(first) {
        return false;
    }
    let run = &line[start..end];
    let has_closer = run.contains(|c| is_closer(c) || closes_when_glued(c));
    if run.contains(['?', '!', '‼', '⁇', '⁈', '⁉', '‽', '؟']) {
        // `“Why?” Smith asked.` — the question is part of the sentence.
        return !(has_closer && speech_verb_follows(rest));
    }
    let periods = run.chars().filter(|&c| c == '.' || c == '…').count();
    if periods > 1 || run.contains('…') || has_closer {
        return true;
    }
    if !run.starts_with('.') {
        return true;
    }
    let next_word = bare_next.trim_end_matches(|c: char| !c.is_alphanumeric());
    period_ends_sentence(line, start, next_word, first, opened)
}

fn speech_verb_follows(rest: &str) -> bool {
    rest.split_whitespace().take(3).any(|w| is_speech_verb(w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// The word before byte `pos`, without opening quotes or brackets.
fn word_before(line: &str, pos: usize) -> (&str, usize) {
    let start =
        line[..pos].rfind(char::is_whitespace).map_or(0, |i| i + line[i..].chars().next().map_or(1, char::len_utf8));
    let mut word = &line[start..pos];
    // After a sentence glued to this one (`Tuesday.Mr`), the word is `Mr`.
    if let Some(k) = word.rfind('.') {
        let mut after = word[k + 1..].chars();
        if after.next().is_some_and(char::is_uppercase) && after.next().is_some_and(char::is_lowercase) {
            word = &word[k + 1..];
        }
    }
    let bare = word.trim_start_matches(is_opener);
    (bare, pos - bare.len())
}

fn period_ends_sentence(line: &str, period: usize, next_word: &str, next_first: char, opened: bool) -> bool {
    let (word, word_start) = word_before(line, period);
    let starter = opened || is_sentence_starter(next_word);
    if word.is_empty() || word.ends_with(is_closer) {
        return true;
    }
    // Dotted acronyms: `U.S.`, `U.N.`, `a.m.`, `e.g.`
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        let lower = lowercase(word);
        if lower == "a.m" || lower == "p.m" {
            return !is_time_follower(next_word)
                && !next_first.is_ascii_digit()
                && !only_a_time_so_far(line, word_start);
        }
        return starter;
    }
    // `p. 55`, `N°. 1026`: a short abbreviation before a figure.
    if next_first.is_ascii_digit() && word.chars().count() <= 2 && !word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match classify(word) {
        Some(Abbreviation::Prefix) => return false,
        Some(Abbreviation::Month) | Some(Abbreviation::Ambiguous) => {
            return !next_first.is_ascii_digit() && starter;
        }
        None => {}
    }
    let mut chars = word.chars();
    let (first, second) = (chars.next(), chars.next());
    if let (Some(letter), None) = (first, second) {
        if letter.is_uppercase() {
            // An initial (`George W. Bush`) follows a capitalised name or
            // another initial; a lone capital after a lower-case word is a
            // word of its own (`wrote on X. “Many…`).
            if starter {
                return true;
            }
            let before = line[..word_start].trim_end();
            let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            return !(prev_word.is_empty() || prev_word.starts_with(char::is_uppercase));
        }
        if letter.is_alphabetic() {
            // `z. B.`: one letter's abbreviation before another's.
            return !is_list_marker(line, word_start) && !letters_abbreviation_follows(line, period, 1);
        }
    }
    // `EE. UU.`: two capitals' abbreviation before another's.
    if word.chars().count() == 2
        && word.chars().all(char::is_uppercase)
        && letters_abbreviation_follows(line, period, 2)
    {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        if word.len() <= 2 && is_list_marker(line, word_start) {
            return false;
        }
        if word.len() <= 3 && german_ordinal(line, word_start, period, next_word) {
            return false;
        }
    }
    true
}

/// The word after the full stop at `period` is the abbreviation of one or
/// two letters (`B.`, `UU.`), in capitals if `word_len` is 2.
fn letters_abbreviation_follows(line: &str, period: usize, word_len: usize) -> bool {
    let next = line[period + 1..].split_whitespace().next().unwrap_or("");
    let Some(letters) = next.strip_suffix('.') else { return false };
    let count = letters.chars().count();
    (1..=2).contains(&count)
        && letters.chars().all(char::is_alphabetic)
        && (word_len == 1 || letters.chars().all(char::is_uppercase))
}

/// The number before the full stop at `period` is a German ordinal: after
/// `am`, `im`, `dem` … (`am 14. März`, `im 19. Jahrhundert`), or before a
/// German month name (`14. März`), or before a month name English shares
/// and a year (`3. April 2026`). English sentences ending in a number
/// before `March` still end.
fn german_ordinal(line: &str, word_start: usize, period: usize, next_word: &str) -> bool {
    let lead = line[..word_start].split_whitespace().next_back().unwrap_or("");
    if is_ordinal_lead(lead) {
        return true;
    }
    match month_name(next_word) {
        Some(MonthName::German) => true,
        Some(MonthName::Shared) => line[period + 1..].split_whitespace().nth(1).is_some_and(|year| {
            let digits = year.trim_end_matches(|c: char| !c.is_ascii_digit());
            digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())
        }),
        None => false,
    }
}

/// `At 7 a.m. Dr. Lang …`: the sentence so far only tells when (a word such
/// as `at` or `shortly after` and the time), so it goes on after the time.
fn only_a_time_so_far(line: &str, word_start: usize) -> bool {
    let before = &line[..word_start];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| is_terminator(c) && before[i + c.len_utf8()..].starts_with(char::is_whitespace))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut words = before[start..].split_whitespace();
    words.next().is_some_and(|w| is_time_opener(w.trim_start_matches(is_opener))) && words.nth(2).is_none()
}

/// `1.`/`a.` opening the line or following a colon, or continuing a count
/// (`… 1. first 2. second`), marks a list item rather than a sentence end.
fn is_list_marker(line: &str, word_start: usize) -> bool {
    let before = line[..word_start].trim_end();
    if before.is_empty() || before.ends_with([':', ';']) {
        return true;
    }
    let word = &line[word_start..];
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) if n >= 2 => line[..word_start].contains(&format!("{}. ", n - 1)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        for b in boundaries(line) {
            out.push(line[from..b].trim());
            from = b;
        }
        out.push(line[from..].trim());
        out
    }

    #[test]
    fn ordinary_sentences_split() {
        assert_eq!(
            split("A solar plant was damaged. Officials said so! Why? Nobody knows."),
            vec!["A solar plant was damaged.", "Officials said so!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_titles_and_months_do_not_end_sentences() {
        for line in [
            "Civilians trained on Saturday, Nov. 15, 2025 in Kharkiv.",
            "Mr. Smith and Dr. Jones met St. Petersburg officials.",
            "The U.N. Security Council will vote on a U.S.-drafted resolution.",
            "Shares in Acme Inc. rose 3.5% to 1,200 points on 17.11.2025 at 3:34.",
            "President George W. Bush and J.K. Rowling spoke.",
            "It was item No. 5 on the list.",
            "The blast happened at 9 a.m. Monday in the city.",
        ] {
            assert_eq!(split(line), vec![line], "{line}");
        }
    }

    #[test]
    fn ambiguous_abbreviations_end_before_a_sentence_opener() {
        assert_eq!(
            split("He moved to the U.S. The move was hard."),
            vec!["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(
            split("It happened at 3 p.m. Officials said so."),
            vec!["It happened at 3 p.m.", "Officials said so."]
        );
        assert_eq!(split("They sell tools, etc. But not food."), vec!["They sell tools, etc.", "But not food."]);
    }

    #[test]
    fn quotes_and_brackets_close_with_the_sentence() {
        assert_eq!(
            split("“We are … counting on the resumption of POW exchanges,” Zelenskyy wrote on X. “Many meetings are taking place.”"),
            vec![
                "“We are … counting on the resumption of POW exchanges,” Zelenskyy wrote on X.",
                "“Many meetings are taking place.”"
            ]
        );
        assert_eq!(
            split("hope they could “celebrate at home”. Meanwhile, Stubb spoke."),
            vec!["hope they could “celebrate at home”.", "Meanwhile, Stubb spoke."]
        );
        assert_eq!(
            split("Saturday, Nov. 15, 2025. (AP Photo/Andrii Marienko) Copyright 2025 The Associated Press. All rights reserved"),
            vec![
                "Saturday, Nov. 15, 2025.",
                "(AP Photo/Andrii Marienko) Copyright 2025 The Associated Press.",
                "All rights reserved"
            ]
        );
        assert_eq!(split("“Why?” Smith asked. He left."), vec!["“Why?” Smith asked.", "He left."]);
    }

    #[test]
    fn ellipses_split_only_before_a_new_sentence() {
        assert_eq!(split("We are ... counting on you."), vec!["We are ... counting on you."]);
        assert_eq!(
            split("Gold prices rose this year. The holiday season..."),
            vec!["Gold prices rose this year.", "The holiday season..."]
        );
        assert_eq!(
            split("It ended around 11 p.m.... Then it rained."),
            vec!["It ended around 11 p.m....", "Then it rained."]
        );
    }

    #[test]
    fn list_markers_are_not_sentences_but_start_items() {
        assert_eq!(split("1. Open the box"), vec!["1. Open the box"]);
        assert_eq!(split("Steps: 1. Open the box 2. Close it"), vec!["Steps: 1. Open the box", "2. Close it"]);
        assert_eq!(split("They won in 2022. Then they lost."), vec!["They won in 2022.", "Then they lost."]);
        for (line, items) in [
            ("1.) Fill the tank 2.) Check the oil", vec!["1.) Fill the tank", "2.) Check the oil"]),
            ("1.) Fill the tank. 2.) Check the oil.", vec!["1.) Fill the tank.", "2.) Check the oil."]),
            ("1) Fill the tank 2) Check the oil 3) Drive", vec!["1) Fill the tank", "2) Check the oil", "3) Drive"]),
            ("1. Fill the tank 2. Check the oil", vec!["1. Fill the tank", "2. Check the oil"]),
            (
                "a. Fill the tank b. Check the oil c. Drive off",
                vec!["a. Fill the tank", "b. Check the oil", "c. Drive off"],
            ),
            ("• 4. Fill the tank • 5. Check the oil", vec!["• 4. Fill the tank", "• 5. Check the oil"]),
            ("⁃7. Fill the tank ⁃8. Check the oil", vec!["⁃7. Fill the tank", "⁃8. Check the oil"]),
        ] {
            assert_eq!(split(line), items, "{line}");
        }
        // Numbers in running text are not a list.
        for line in ["He scored 1) early and 2) late.", "Vote 2) was held after 1) failed."] {
            assert_eq!(split(line), vec![line], "{line}");
        }
    }

    #[test]
    fn spaced_ellipses_are_one_mark() {
        assert_eq!(
            split("The habit weakened . . . was that of combining words. . . . The practice was not abandoned. . . ."),
            vec![
                "The habit weakened . . . was that of combining words. . . .",
                "The practice was not abandoned. . . ."
            ]
        );
        assert_eq!(
            split("“The laws will appear less complex. . . .”"),
            vec!["“The laws will appear less complex. . . .”"]
        );
        assert_eq!(split("Then the end . . . . Next sentence."), vec!["Then the end . . . .", "Next sentence."]);
        assert_eq!(
            split("The thing is . . . I meant it."),
            vec!["The thing is . . . I meant it."],
            "three dots: an omission"
        );
        assert_eq!(
            split("“Bohr [...] used the analogy of stairways [...]” (Smith 55)."),
            vec!["“Bohr [...] used the analogy of stairways [...]” (Smith 55)."]
        );
    }

    #[test]
    fn page_and_number_abbreviations_before_a_figure() {
        for line in ["Please turn to p. 55.", "See pp. 10-12 of the report.", "You can find it at N°. 1026.253.553."] {
            assert_eq!(split(line), vec![line], "{line}");
        }
        assert_eq!(
            split("You can find it at N°. 1026.253.553. That is where the treasure is."),
            vec!["You can find it at N°. 1026.253.553.", "That is where the treasure is."]
        );
    }

    #[test]
    fn a_missing_space_after_a_full_stop_still_ends_a_sentence() {
        assert_eq!(
            split("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot."),
            vec![
                "Hello world.",
                "Today is Tuesday.",
                "Mr. Smith went to the store and bought 1,000.",
                "That is a lot."
            ]
        );
        for line in [
            "Her email is Jane.Doe@example.com today.",
            "Visit www.Example.com for more.",
            "The ASP.NET site runs on Node.js now.",
            "It cost 3.5 million.",
            "Police said\u{a0}.Zelenskyy spoke.",
        ] {
            assert_eq!(split(line), vec![line], "{line}");
        }
    }

    #[test]
    fn unspaced_scripts_split_on_their_own_marks() {
        assert_eq!(split("今日は晴れです。明日は雨です。"), vec!["今日は晴れです。", "明日は雨です。"]);
        assert_eq!(split("Ça va? Oui."), vec!["Ça va?", "Oui."]);
        assert_eq!(split("هل هذا صحيح؟ نعم."), vec!["هل هذا صحيح؟", "نعم."]);
    }
}

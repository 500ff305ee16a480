//! Sentence boundaries inside one line: after `. ! ? …` (and the quotes and
//! brackets that close with them) when a new sentence starts, but not after
//! abbreviations, titles, initials, inline list markers, numbers, or an
//! ellipsis that the sentence goes on after.

use super::abbreviations::{classify, is_sentence_starter, is_speech_verb, is_time_follower, Abbreviation};
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

/// Opens a quotation or bracket before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '「' | '『' | '（' | '【' | '¿' | '¡')
}

/// Byte offsets (within `line`) where a sentence ends and the whitespace to
/// the next one begins. The line's end is not included.
pub fn boundaries(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let c = line[i..].chars().next().expect("i is a char boundary below len");
        if !(is_terminator(c) || is_unspaced_terminator(c)) {
            i += c.len_utf8();
            continue;
        }
        let (end, unspaced) = terminator_run_end(line, i);
        if end < line.len() && decide(line, i, end, unspaced) {
            out.push(end);
        }
        i = end.max(i + c.len_utf8());
    }
    out
}

/// The end of the terminators starting at `start`, with closing quotes and
/// brackets and a full stop after them (`relatives”.`); and whether an
/// unspaced (CJK) terminator was among them.
fn terminator_run_end(line: &str, start: usize) -> (usize, bool) {
    let mut end = start;
    let mut unspaced = false;
    let mut seen_closer = false;
    for c in line[start..].chars() {
        if is_terminator(c) || is_unspaced_terminator(c) {
            if seen_closer && c != '.' {
                break;
            }
            unspaced |= is_unspaced_terminator(c);
        } else if is_closer(c) {
            seen_closer = true;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    (end, unspaced)
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
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let opened = next_word.starts_with(is_opener);
    let bare_next = next_word.trim_start_matches(is_opener);
    let Some(first) = bare_next.chars().next() else { return false };
    if first.is_lowercase() || ",;:)]}-–—".contains(first) {
        return false;
    }
    let run = &line[start..end];
    let has_closer = run.contains(is_closer);
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
    let word = &line[start..pos];
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
        let lower = word.to_lowercase();
        if lower == "a.m" || lower == "p.m" {
            return !is_time_follower(next_word) && !next_first.is_ascii_digit();
        }
        return starter;
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
            return !is_list_marker(line, word_start);
        }
    }
    if word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2 && is_list_marker(line, word_start) {
        return false;
    }
    true
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
    fn list_markers_are_not_sentences() {
        assert_eq!(split("1. Open the box"), vec!["1. Open the box"]);
        assert_eq!(split("Steps: 1. Open the box 2. Close it"), vec!["Steps: 1. Open the box 2. Close it"]);
        assert_eq!(split("They won in 2022. Then they lost."), vec!["They won in 2022.", "Then they lost."]);
    }

    #[test]
    fn unspaced_scripts_split_on_their_own_marks() {
        assert_eq!(split("今日は晴れです。明日は雨です。"), vec!["今日は晴れです。", "明日は雨です。"]);
        assert_eq!(split("Ça va? Oui."), vec!["Ça va?", "Oui."]);
        assert_eq!(split("هل هذا صحيح؟ نعم."), vec!["هل هذا صحيح؟", "نعم."]);
    }
}

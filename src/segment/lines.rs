//! Lines of a document. Every line break ends a segment, except in
//! hard-wrapped text (copied from a PDF or an e-mail), where a line that
//! stops mid-sentence is joined with the next one.

use crate::text::normalize::lowercase;

/// A line of text: a byte range with no leading or trailing whitespace.
/// After joining, a line may span several physical lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first non-whitespace character.
    pub start: usize,
    /// Byte offset just past the last non-whitespace character.
    pub end: usize,
    /// A blank line (or the start of the text) comes before this line.
    pub blank_before: bool,
}

/// True for the characters that break lines (Unicode's mandatory breaks).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The non-empty physical lines of `text`, trimmed.
pub fn physical_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut blank_before = true;
    let mut line_start = 0;
    let mut push = |from: usize, to: usize, blank_before: &mut bool| {
        let raw = &text[from..to];
        let trimmed = raw.trim_start();
        let start = from + (raw.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if start == end {
            *blank_before = true;
        } else {
            lines.push(Line { start, end, blank_before: *blank_before });
            *blank_before = false;
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_line_break(c) {
            push(line_start, i, &mut blank_before);
            // CRLF is one break, not a blank line between two.
            let mut next = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                next += 1;
            }
            line_start = next;
        }
    }
    push(line_start, text.len(), &mut blank_before);
    lines
}

/// Characters after which a line is complete.
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| "\"”’'»)]}*".contains(c));
    trimmed.ends_with(|c: char| ".!?…:;。！？".contains(c))
}

/// Words a sentence cannot end with: a line ending in one continues.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "for", "from", "had", "has",
    "have", "her", "his", "in", "into", "is", "its", "may", "might", "must", "my", "nor", "not", "of", "on", "onto",
    "or", "our", "should", "than", "that", "the", "their", "these", "this", "those", "to", "upon", "was", "were",
    "which", "who", "whom", "whose", "will", "with", "would", "your",
];

fn last_word(line: &str) -> &str {
    line.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("")
}

fn starts_list_item(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    matches!(first, "•" | "-" | "*" | "–" | "—" | "·" | "▪" | "◦")
        || (first.len() <= 3
            && first.ends_with(['.', ')'])
            && first[..first.len() - 1].chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Does the text wrap lines at a fixed width? Then most lines are nearly as
/// long as the longest ones and do not end a sentence.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    if lines.len() < 4 {
        return None;
    }
    let mut lengths: Vec<usize> = lines.iter().map(|l| text[l.start..l.end].chars().count()).collect();
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    if !(30..=110).contains(&width) {
        return None;
    }
    let full: Vec<&Line> = lines.iter().filter(|l| text[l.start..l.end].chars().count() * 10 >= width * 6).collect();
    let open = full.iter().filter(|l| !ends_sentence(&text[l.start..l.end])).count();
    let mostly_full = full.len() * 2 >= lines.len();
    // Wrapping breaks between any two words, and most words are lower-case;
    // a list of headlines has lines of similar length too, but each one
    // starts with a capital.
    let breaks = lines.windows(2).filter(|w| !ends_sentence(&text[w[0].start..w[0].end]));
    let (mut open_breaks, mut lower_next) = (0, 0);
    for pair in breaks {
        open_breaks += 1;
        lower_next += usize::from(text[pair[1].start..].starts_with(char::is_lowercase));
    }
    let mid_sentence = lower_next * 10 >= open_breaks * 3;
    (full.len() >= 3 && mostly_full && open * 2 >= full.len() && mid_sentence).then_some(width)
}

/// Should `next` continue the sentence that `prev` leaves open?
fn continues(prev: &str, next: &str, wrap_width: Option<usize>) -> bool {
    if ends_sentence(prev) || starts_list_item(next) {
        return false;
    }
    let Some(first) = next.chars().next() else { return false };
    let word = lowercase(last_word(prev));
    let open_end = prev.ends_with([',', '-', '(']) || OPEN_ENDINGS.binary_search(&word.as_str()).is_ok();
    // `prev` grows as lines join: its length is only asked up to a bound,
    // or a text of a million one-word lines takes minutes.
    let at_least = |chars: usize| chars == 0 || prev.chars().nth(chars - 1).is_some();
    match wrap_width {
        Some(width) => first.is_lowercase() || open_end || at_least((width * 3).div_ceil(4)),
        None => first.is_lowercase() && (open_end || at_least(60)),
    }
}

/// The lines of `text`, with hard-wrapped lines joined into one.
pub fn logical_lines(text: &str) -> Vec<Line> {
    let physical = physical_lines(text);
    let width = wrap_width(text, &physical);
    let mut joined: Vec<Line> = Vec::with_capacity(physical.len());
    for line in physical {
        if let Some(prev) = joined.last_mut() {
            if !line.blank_before && continues(&text[prev.start..prev.end], &text[line.start..line.end], width) {
                prev.end = line.end;
                continue;
            }
        }
        joined.push(line);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        logical_lines(text).iter().map(|l| &text[l.start..l.end]).collect()
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        assert_eq!(texts("One\nTwo\r\nThree\rFour\u{2028}Five"), vec!["One", "Two", "Three", "Four", "Five"]);
        let lines = logical_lines("One\r\nTwo\r\n\r\nThree");
        assert_eq!(lines.iter().map(|l| l.blank_before).collect::<Vec<_>>(), vec![true, false, true]);
    }

    #[test]
    fn headlines_and_page_lines_stay_apart() {
        let text = "Zelenskyy says Ukraine working on new prisoner exchange\nThe exchanges have been the only progress.\nRecommended Stories\nlist of 4 itemsend of list\nAdvertisement";
        assert_eq!(texts(text).len(), 5);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Ukraine is working to resume prisoner exchanges with Russia that\n\
                    could bring home 1,200 Ukrainian prisoners, President Volodymyr\n\
                    Zelenskyy said Sunday, a day after his national security chief\n\
                    announced progress in negotiations.\n\
                    \n\
                    Rustem Umerov said Saturday he held consultations mediated by\n\
                    Turkey and the United Arab Emirates on resuming exchanges. He\n\
                    said the parties agreed to activate prisoner exchange agreements.\n";
        let lines = texts(text);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[0].ends_with("negotiations."));
    }

    #[test]
    fn a_lower_case_continuation_joins_a_long_open_line() {
        let text = "The minister said the talks that began in Istanbul last week would continue\nthrough the winter.";
        assert_eq!(texts(text).len(), 1);
    }

    #[test]
    fn open_endings_are_sorted_for_bisection() {
        assert!(OPEN_ENDINGS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn headline_lists_are_not_wrapped_text() {
        let text = "(Reporting by Lidia Kelly in Melbourne; Editing by William Mallard)\n\nFollow us on our official WhatsApp channel for breaking news alerts and key updates!\n\nNext In World\n\nNigeria seeks French help to combat insecurity, Macron says\nUganda opposition candidate says he was beaten by security forces";
        assert_eq!(texts(text).len(), 5);
    }

    #[test]
    fn lists_are_not_joined() {
        let text = "The plan has three parts and several more clauses that run on and on\n- first part\n- second part";
        assert_eq!(texts(text).len(), 3);
    }
}

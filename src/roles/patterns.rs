//! What a single line looks like on its own: page chrome, a section header
//! that opens a block of other stories, a time stamp, a byline or date, a
//! photo caption or credit. [`super`] combines these with the line's place
//! in the document.

use crate::text::lexicon::MONTH_NAMES;
use crate::text::wordlist::WordList;

/// Lines that are page chrome by themselves (compared lower-case, without
/// trailing punctuation).
const CHROME_LINES: &[&str] = &[
    "about us",
    "accept",
    "accept all",
    "accessibility",
    "accessibility feedback",
    "ad",
    "advertisement",
    "advertising",
    "back to top",
    "bookmark",
    "close",
    "comment",
    "comments",
    "contact us",
    "continue reading",
    "cookie settings",
    "copy link",
    "email",
    "facebook",
    "gift this article",
    "home",
    "linkedin",
    "listen",
    "listen to article",
    "listen to this article",
    "load more",
    "loading",
    "log in",
    "login",
    "manage preferences",
    "menu",
    "print",
    "privacy policy",
    "read more",
    "register",
    "report an error",
    "save",
    "search",
    "share",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share this",
    "share this article",
    "show more",
    "sign in",
    "sign up",
    "skip to content",
    "skip to main content",
    "sponsored",
    "submit a correction",
    "subscribe",
    "telegram",
    "terms of service",
    "terms of use",
    "tweet",
    "twitter",
    "view comments",
    "whatsapp",
];

/// Openings of lines that announce other stories or offers.
const CHROME_PREFIXES: &[&str] = &[
    "also read:",
    "by clicking",
    "click here",
    "download our app",
    "download the app",
    "follow us",
    "get the latest",
    "got a story",
    "have a tip",
    "send us your",
    "join our",
    "listen to",
    "read also:",
    "read more:",
    "related:",
    "see also:",
    "share on",
    "sign up for",
    "subscribe to",
    "watch:",
    "we use cookies",
];

/// Headers of blocks that list other stories: what follows them is chrome
/// until the article resumes.
const SECTION_HEADERS: &[&str] = &[
    "also read",
    "around the web",
    "editor's picks",
    "editors' picks",
    "from around the web",
    "in other news",
    "latest",
    "latest news",
    "latest stories",
    "more from",
    "more in",
    "more news",
    "more on this",
    "more stories",
    "more videos",
    "most popular",
    "most read",
    "most viewed",
    "most watched",
    "next in",
    "others also read",
    "popular",
    "read more",
    "read next",
    "recommended",
    "related",
    "sponsored",
    "top headlines",
    "top stories",
    "trending",
    "up next",
    "watch next",
    "what to read next",
    "you may also like",
    "you might also like",
];

/// Credits that make a line a photo caption.
const CAPTION_MARKERS: Needles = Needles::new(&[
    "image caption",
    "image copyright",
    "media caption",
    "(ap photo",
    "ap photo/",
    "(photo",
    "photo:",
    "photograph:",
    "photo by",
    "image:",
    "picture:",
    "credit:",
    "getty images",
    "reuters/",
    "via reuters",
    "/reuters",
    "/afp",
    "afp via",
    "epa-efe",
    "shutterstock",
    "/handout",
    "handout via",
    "file photo",
]);

/// Openings of lines with publication details.
const META_PREFIXES: &[&str] = &[
    "additional reporting",
    "compiled by",
    "contributing:",
    "date ",
    "edited by",
    "editing by",
    "first published",
    "last modified",
    "last updated",
    "modified",
    "posted",
    "published",
    "reporting by",
    "source:",
    "updated",
    "written by",
    "writing by",
    "(reporting by",
];

/// Month abbreviations; the full names are [`MONTH_NAMES`].
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn is_month(word: &str) -> bool {
    MONTH_ABBREVIATIONS.contains(&word) || MONTH_NAMES.contains(&word)
}

const TIME_UNITS: &[&str] = &[
    "d", "day", "days", "h", "hour", "hours", "hr", "hrs", "m", "min", "mins", "minute", "minutes", "mo", "month",
    "months", "s", "sec", "second", "seconds", "w", "week", "weeks", "y", "year", "years", "yr", "yrs",
];

/// The line lower-cased, bullets and trailing punctuation removed, spaces
/// collapsed.
pub fn simplify(line: &str) -> String {
    let bullet = |w: &str| matches!(w, "•" | "·" | "-" | "–" | "—" | "*" | "|" | "▪");
    let mut rest = line.trim_start();
    while let Some(word) = rest.split_whitespace().next().filter(|w| bullet(w)) {
        rest = rest[word.len()..].trim_start();
    }
    // One pass, with no lower-casing tables for ASCII: every line of every
    // document goes through here, paragraphs included.
    let mut out = String::with_capacity(rest.len());
    let mut space = false;
    for c in rest.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let kept = out.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')' || c == '…').trim_end().len();
    out.truncate(kept);
    if out.contains('’') {
        out = out.replace('’', "'");
    }
    out
}

/// Strings looked for in one pass over a line (a line is checked against
/// many credits, and long article lines are the most common lines of all).
struct Needles {
    list: &'static [&'static str],
    /// Per byte, the needles that start with it (bit `i` for `list[i]`),
    /// and in the top bit whether the byte is an ASCII letter or digit: one
    /// load per byte of a line.
    starting_with: [u32; 256],
    /// Each needle's first four bytes (fewer if shorter) as a little-endian
    /// word, and the mask of the bytes it has: most word starts that begin
    /// like a needle part from it there, without a call to compare strings.
    heads: [(u32, u32); 32],
}

/// In [`Needles`]' table, the bit of a byte that is a letter or digit.
const ALPHANUMERIC: u32 = 1 << 31;

impl Needles {
    const fn new(list: &'static [&'static str]) -> Self {
        assert!(list.len() < 32, "one bit per needle, and the top bit");
        let mut starting_with = [0u32; 256];
        let mut b = 0;
        while b < 256 {
            if (b as u8).is_ascii_alphanumeric() {
                starting_with[b] = ALPHANUMERIC;
            }
            b += 1;
        }
        let mut heads = [(0u32, 0u32); 32];
        let mut i = 0;
        while i < list.len() {
            let bytes = list[i].as_bytes();
            starting_with[bytes[0] as usize] |= 1 << i;
            let mut k = 0;
            while k < 4 && k < bytes.len() {
                heads[i].0 |= (bytes[k] as u32) << (8 * k);
                heads[i].1 |= 0xFF << (8 * k);
                k += 1;
            }
            i += 1;
        }
        Needles { list, starting_with, heads }
    }

    /// Whether `text` contains a needle. A needle that starts with a letter
    /// or digit is looked for where a word starts, the others everywhere.
    fn found_in(&self, text: &str) -> bool {
        self.found_where(text, |_| true)
    }

    /// Whether `text` contains a needle at a byte offset that `accept`
    /// takes, looked for as [`Needles::found_in`] does.
    fn found_where(&self, text: &str, accept: impl Fn(usize) -> bool) -> bool {
        let bytes = text.as_bytes();
        let mut after_alphanumeric = false;
        for (i, &b) in bytes.iter().enumerate() {
            let entry = self.starting_with[b as usize];
            let alphanumeric = entry & ALPHANUMERIC != 0;
            let inside_word = after_alphanumeric && alphanumeric;
            after_alphanumeric = alphanumeric;
            let mut candidates = entry & !ALPHANUMERIC;
            if candidates == 0 || inside_word {
                continue;
            }
            let rest = &bytes[i..];
            let mut head = [0u8; 4];
            let n = rest.len().min(4);
            head[..n].copy_from_slice(&rest[..n]);
            let head = u32::from_le_bytes(head);
            // Only the needles that start with this byte.
            while candidates != 0 {
                let needle = candidates.trailing_zeros() as usize;
                let (word, mask) = self.heads[needle];
                if head & mask == word && rest.starts_with(self.list[needle].as_bytes()) && accept(i) {
                    return true;
                }
                candidates &= candidates - 1;
            }
        }
        false
    }
}

/// Chrome on its own: "Advertisement", "Save", "Follow us on …", "list of 4
/// items", social buttons.
pub fn is_chrome(simple: &str) -> bool {
    if simple.is_empty() {
        return false;
    }
    CHROME_LINES.binary_search(&simple).is_ok()
        || CHROME_PREFIXES.iter().any(|p| simple.starts_with(p))
        || (simple.starts_with("follow ") && (simple.contains("http") || simple.contains(" on ")) && simple.len() < 140)
        || (simple.starts_with("list of ") && simple.contains(" items"))
        || simple.starts_with("end of list")
        || (simple.contains("cookies")
            && (simple.contains("accept") || simple.contains("agree") || simple.contains("consent"))
            && speaks_of_the_page(simple))
        || (simple.starts_with("download ") && simple.contains(" app"))
        || (simple.contains('@')
            && ["email", "contact", "call", "write to"].iter().any(|w| simple.contains(w))
            && simple.len() < 160)
        || (simple.len() < 400 && is_notice(simple))
        || is_sign_up_pitch(simple)
}

/// What a page says about itself rather than the story: a form or a player
/// that did not load, or a text said to be machine-written or bound by
/// terms, where the line speaks of the page or to its reader, or is a
/// label of a few words. A story's own sentence may say the same words:
/// `AI-generated images of the flood spread quickly`, `Meta changed its
/// terms of service on Monday`.
fn is_notice(simple: &str) -> bool {
    NOTICES.found_in(simple) || (ABOUT_A_TEXT.found_in(simple) && speaks_of_the_page(simple))
}

/// Whether a line speaks of the page or to its reader, or is a label of a
/// few words (`Accept cookies`, `AI-generated summary`).
fn speaks_of_the_page(simple: &str) -> bool {
    simple.split_whitespace().nth(NOTICE_LABEL_WORDS).is_none() || ABOUT_THE_PAGE.found_in(simple)
}

/// The most words of a notice standing as a label (`AI-generated summary`,
/// `I understand the Terms of Service`).
const NOTICE_LABEL_WORDS: usize = 6;

/// Notices no story sentence holds: forms, players that did not load, a
/// machine-written text's disclaimer.
const NOTICES: Needles = Needles::new(&[
    "for validation purposes",
    "media playback is unsupported",
    "may contain inaccuracies",
    "refer to the original source",
    "this iframe",
]);

/// What a notice says of a text (machine-written, bound by terms), and a
/// story may say of others.
const ABOUT_A_TEXT: Needles = Needles::new(&[
    "ai-generated",
    "automatically generated",
    "generated automatically",
    "generated by ai",
    "generated by artificial intelligence",
    "generated with ai",
    "terms of service",
]);

/// Words with which a page speaks of itself or to its reader.
const ABOUT_THE_PAGE: Needles = Needles::new(&[
    "i accept",
    "i agree",
    "i understand",
    "our ",
    "please",
    "this article",
    "this content",
    "this page",
    "this post",
    "this site",
    "this story",
    "this summary",
    "this text",
    "this website",
    "you ",
    "you'",
    "your ",
]);

/// A newsletter pitch: a short line offering an email or newsletter.
fn is_sign_up_pitch(simple: &str) -> bool {
    simple.len() < 100
        && (simple.contains("email") || simple.contains("newsletter"))
        && ["sign up", "subscribe", "inbox", "is delivered", "delivered to you"].iter().any(|w| simple.contains(w))
}

/// A header of a block of other stories: "Top Stories", "Next In World".
pub fn is_section_header(simple: &str) -> bool {
    let words = simple.split_whitespace().take(7).count();
    words > 0
        && words <= 6
        && SECTION_HEADERS
            .iter()
            .any(|h| simple == *h || (simple.starts_with(h) && simple.as_bytes().get(h.len()) == Some(&b' ')))
}

/// A line made of symbols only: `___`, `* * *`, `-----`.
pub fn is_separator(line: &str) -> bool {
    !line.is_empty() && line.chars().all(|c| !c.is_alphanumeric())
}

/// The first `N` words of `text` (fewer if it has fewer) and how many:
/// checked on every line, so kept off the heap.
fn first_words<const N: usize>(text: &str) -> ([&str; N], usize) {
    let mut words = [""; N];
    let mut count = 0;
    for word in text.split_whitespace().take(N) {
        words[count] = word;
        count += 1;
    }
    (words, count)
}

/// A relative time stamp or a video duration: "4h ago", "2 hours ago",
/// "2:22", "5 min read", "just now".
pub fn is_time_stamp(simple: &str) -> bool {
    if matches!(simple, "just now" | "yesterday" | "today") {
        return true;
    }
    if is_duration(simple) {
        return true;
    }
    // At most three words: a fourth is enough to say no.
    let (words, count) = first_words::<4>(simple);
    let (number, rest) = match &words[..count] {
        [first, rest @ ..] => (*first, rest),
        [] => return false,
    };
    let digits = number.trim_end_matches(char::is_alphabetic);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let glued_unit = &number[digits.len()..];
    let (unit, tail) = if glued_unit.is_empty() {
        match rest {
            [unit, tail @ ..] => (*unit, tail),
            [] => return false,
        }
    } else {
        (glued_unit, rest)
    };
    TIME_UNITS.binary_search(&unit).is_ok() && matches!(tail, ["ago"] | ["read"])
}

fn is_duration(s: &str) -> bool {
    if s.len() > 8 {
        return false;
    }
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A photo caption or credit line: it opens with a caption's label or a
/// credit (`Image caption, …`, `Photo: …`, `Getty Images`), or its last
/// words are one (`… on Sunday. (AP Photo/Efrem Lukatsky)`, `…
/// REUTERS/Thomas Peter`, `… on Sunday (Pieter Haalboom/NWS)`). A credit's
/// words inside a paragraph are the story's: `A Reuters/Ipsos poll
/// conducted last week found …`, `seen in a file photo of the chamber, …`.
pub fn is_caption(line: &str, simple: &str) -> bool {
    // A credit does not end as a sentence does, but for a notice after it
    // (`(AP Photo/…) Copyright 2025 The Associated Press.`).
    let sentence_end = line.trim_end().trim_end_matches(['"', '”', '’', '\'']).ends_with(['.', '!', '?']);
    let closing = |at: usize| {
        let after = &simple[at..];
        after.split_whitespace().nth(CREDIT_WORDS).is_none()
            && (!sentence_end || after.contains("copyright") || after.contains("rights reserved"))
    };
    CAPTION_MARKERS.found_where(simple, |at| at == 0 || closing(at)) || ends_with_photo_credit(line)
}

/// The most words a credit that closes a caption runs to, from its marker
/// (`reuters/gleb garanich purchase licensing rights, opens new tab`).
const CREDIT_WORDS: usize = 12;

fn ends_with_photo_credit(line: &str) -> bool {
    let t = line.trim_end();
    let Some(inner) = t.strip_suffix(')').and_then(|r| r.rsplit_once('(')).map(|(_, c)| c) else { return false };
    let Some((who, agency)) = inner.split_once('/') else { return false };
    let capitalised = |s: &str| !s.is_empty() && s.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    capitalised(who)
        && capitalised(agency)
        && who.split_whitespace().count() <= 4
        && agency.split_whitespace().count() <= 4
}

/// A copyright notice (`© 2025 …`, `Copyright 2025 …`, `All rights reserved`).
pub fn is_copyright(simple: &str) -> bool {
    let year_after_copyright = simple.starts_with("copyright ")
        && simple.split_whitespace().nth(1).is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    year_after_copyright || simple.starts_with('©') || simple.starts_with("all rights reserved")
}

/// Publication details: a byline, a date or time line, a lone dateline,
/// reporting credits, an author sign-off.
pub fn is_meta(line: &str, simple: &str) -> bool {
    // Publication details are short: counting past 15 words tells nothing.
    let words = simple.split_whitespace().take(15).count();
    if words == 0 {
        return false;
    }
    let credits = simple.starts_with("(reporting") || simple.starts_with("reporting by");
    if META_PREFIXES.iter().any(|p| simple.starts_with(p)) && (words <= 10 || credits || only_dates_left(simple)) {
        return true;
    }
    if simple.ends_with("contributed to this report") && words <= 12 {
        return true;
    }
    // `Newsfeed Daily | UK News | 16 October 2025, 11:24`
    if words <= 14 && simple.contains(" | ") && has_date(simple) {
        return true;
    }
    // A section label under the headline: `• World`.
    if line.trim_start().starts_with(['•', '·', '|']) && words <= 3 {
        return true;
    }
    if simple.starts_with("by ")
        && words <= 12
        && line.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        return true;
    }
    if words <= 8 && (has_date(simple) || has_clock_time(simple)) && !has_sentence_end(line) {
        return true;
    }
    is_lone_dateline(line)
        || is_sign_off(line)
        || is_agency_credit(line)
        || is_contact(line)
        || is_correction_note(simple)
        || STRUCTURE_LABELS.contains(&simple)
}

/// A reporter's contact line: an e-mail address, a social handle or a
/// phone number, alone or after a name (`-- Jane Doe`, `jdoe@paper.com`,
/// `@janedoe`, `Jane Doe: 555/374-5413`).
fn is_contact(line: &str) -> bool {
    // Six words tell a line too long for a contact: article lines run long.
    let (words, count) = first_words::<6>(line);
    let words = &words[..count];
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let email = |w: &str| w.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    let handle = |w: &str| w.len() > 1 && w.starts_with('@');
    let phone = |w: &str| {
        w.chars().filter(char::is_ascii_digit).count() >= 7
            && w.chars().all(|c| c.is_ascii_digit() || "-/.()+".contains(c))
    };
    let sign_off = (line.trim_start().starts_with("--") || line.trim_start().starts_with('—'))
        && words.len() <= 4
        && words.iter().skip(1).all(|w| w.starts_with(char::is_uppercase));
    sign_off || words.iter().any(|w| email(w) || handle(w) || phone(w))
}

/// A note that the article was corrected or amended.
fn is_correction_note(simple: &str) -> bool {
    simple.starts_with("correction:")
        || simple
            .strip_prefix("this article was ")
            .or_else(|| simple.strip_prefix("this story was "))
            .is_some_and(|rest| ["amended", "corrected", "updated"].iter().any(|w| rest.starts_with(w)))
}

/// The labels of a document's parts, which say nothing of the story: a
/// summary's "Introduction" and "Conclusion", an explainer's "Background".
/// Two articles that share one do not share a passage.
const STRUCTURE_LABELS: &[&str] = &[
    "analysis",
    "at a glance",
    "background",
    "bottom line",
    "conclusion",
    "conclusions",
    "context",
    "editor's note",
    "editors note",
    "extended summary",
    "in brief",
    "in summary",
    "introduction",
    "key points",
    "key takeaways",
    "overview",
    "summary",
    "takeaways",
    "the bottom line",
    "timeline",
    "what we know",
];

/// An agency credit standing alone, as wire copy ends: `(Associated
/// Press)`, `(AP)`, `— Reuters`. A line wholly in parentheses of up to four
/// capitalised words.
fn is_agency_credit(line: &str) -> bool {
    let trimmed = line.trim().trim_start_matches(['—', '–', '-']).trim();
    let Some(inner) = trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else { return false };
    let words: Vec<&str> = inner.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A publication line with several dates (`Published March 9, 2025 4:52 PM |
/// Updated …`): few words remain once dates, times and their labels go.
fn only_dates_left(simple: &str) -> bool {
    const LABELS: &[&str] =
        &["published", "updated", "posted", "modified", "last", "first", "on", "at", "am", "pm", "date"];
    simple
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let w = w.trim_end_matches('.');
            !(LABELS.contains(&w) || is_month(w) || w.starts_with(|c: char| c.is_ascii_digit()))
        })
        .count()
        <= 2
}

fn has_sentence_end(line: &str) -> bool {
    line.split_whitespace().count() > 8 && line.trim_end().ends_with(['.', '!', '?'])
}

/// A month name next to a number, or a numeric date (`2025-11-16`, `17.11.2025`).
pub fn has_date(simple: &str) -> bool {
    let words: Vec<&str> = simple.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let month_with_number = words.windows(2).any(|w| {
        let is_num = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
        let month = |s: &str| is_month(s.trim_end_matches('.'));
        (month(w[0]) && is_num(w[1])) || (is_num(w[0]) && month(w[1]))
    });
    month_with_number || words.iter().any(|w| is_numeric_date(w))
}

fn is_numeric_date(word: &str) -> bool {
    for sep in ['-', '.', '/'] {
        let parts: Vec<&str> = word.split(sep).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            return parts.iter().any(|p| p.len() == 4);
        }
    }
    false
}

fn has_clock_time(simple: &str) -> bool {
    simple.split_whitespace().any(|w| {
        let w = w.trim_end_matches(['.', ',']);
        let (h, m) = match w.split_once(':') {
            Some(hm) => hm,
            None => return false,
        };
        !h.is_empty()
            && h.len() <= 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && m.as_bytes().get(..2).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    }) && ["am", "pm", "a.m", "p.m", "gmt", "utc", "et", "bst", "cet"]
        .iter()
        .any(|z| simple.split_whitespace().any(|w| w.trim_end_matches(['.', ',']) == *z))
}

/// `KYIV, Ukraine (AP) —` or `(Reuters) -` alone on a line.
fn is_lone_dateline(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_suffix(['—', '–', '-']) else { return false };
    let rest = rest.trim_end();
    rest.ends_with(')') && rest.contains('(') && rest.split_whitespace().count() <= 6
}

/// `Samya Kullab, The Associated Press`: a name and a newsroom. (A
/// headline in title case has the same shape: `Bulgaria President Backs
/// Protesters, Opposes Snap Elections`.)
fn is_sign_off(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['—', '–', '-']).trim();
    let Some((name, org)) = t.split_once(", ") else { return false };
    let capitalised = |s: &str| s.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let name_words = name.split_whitespace().take(5).count();
    let org_words = || org.split_whitespace().take(6).count();
    (2..=4).contains(&name_words)
        && (1..=5).contains(&org_words())
        && capitalised(name)
        && capitalised(org)
        && !t.ends_with(['.', '!', '?'])
        && org.split_whitespace().any(is_newsroom_word)
}

/// A word that names a newsroom or a role in one (`Press`, `Reuters`,
/// `Staff Writer`), or an acronym (`AFP`, `NPR`).
fn is_newsroom_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let acronym = (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    acronym || NEWSROOM_WORDS.contains(word)
}

/// Words of newsroom names and roles.
static NEWSROOM_WORDS: WordList = WordList::new(
    "agency bulletin chronicle columnist contributor correspondent courier daily dispatch editor examiner gazette \
     globe guardian herald inquirer journal magazine media network news post press radio reporter reuters service \
     staff telegraph television times tribune wire writer",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_where_a_word_starts_as_a_plain_search_finds_them() {
        // Every needle of a list must be found at a word start or, if it
        // starts with a mark, anywhere; never inside a word. Texts are made
        // of pieces of needles, words and marks, in a fixed pseudo-random
        // order, so that many begin like a needle and part from it.
        let plain = |needles: &Needles, text: &str| {
            needles.list.iter().any(|n| {
                text.match_indices(n).any(|(i, _)| {
                    let b = text.as_bytes();
                    !b[i].is_ascii_alphanumeric() || i == 0 || !b[i - 1].is_ascii_alphanumeric()
                })
            })
        };
        let pieces = [
            "photo",
            "photo:",
            "ph",
            "p",
            "image",
            "im",
            "reuters",
            "/reu",
            "/",
            "(",
            "ap ",
            "afp",
            "via",
            "getty",
            "terms of",
            "terms of service",
            "service",
            "this ifr",
            "this iframe",
            "ai-gen",
            "ai-generated",
            "generated by",
            "generated by ai",
            " ",
            " ",
            "x",
            "e",
            "a",
        ];
        let mut state = 11u64;
        let mut found = [0, 0, 0];
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..6 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            for (k, needles) in [&CAPTION_MARKERS, &NOTICES, &ABOUT_A_TEXT].into_iter().enumerate() {
                let expected = plain(needles, &text);
                assert_eq!(needles.found_in(&text), expected, "{text:?}");
                found[k] += usize::from(expected);
            }
        }
        assert!(found.iter().all(|&n| n > 50), "the texts must hold needles too: {found:?}");
    }

    #[test]
    fn a_simplified_line_is_its_words_lower_cased_and_single_spaced() {
        assert_eq!(simplify("  • · Top   STORIES:\u{a0}\u{3000}Today\u{b}Now!! "), "top stories: today now");
        assert_eq!(simplify("— İSTANBUL’S  ÉTÉ …"), "i\u{307}stanbul's été");
        assert_eq!(simplify("The players’"), "the players'");
        assert_eq!(simplify("• • •"), "");
        assert_eq!(simplify("-5 degrees"), "-5 degrees");
    }

    #[test]
    fn lists_are_sorted_for_bisection() {
        assert!(CHROME_LINES.windows(2).all(|w| w[0] < w[1]));
        assert!(TIME_UNITS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn chrome_lines() {
        for line in [
            "Advertisement",
            "Save",
            "Recommended Stories",
            "list of 4 itemsend of list",
            "Submit a Correction",
            "We use cookies to improve your experience and to show you personalized ads.",
            "Listen to this article 3 min",
            "Download the WKDX 7 News app for breaking news alerts.",
            "Got a story? Email news@dailybeacon.example or call our newsdesk.",
            "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine",
            "Follow us on our official WhatsApp channel for breaking news alerts and key updates!",
            "Also Read: Trump Warns Zelenskyy",
            "This summary was generated automatically from several news reports and may contain inaccuracies.",
            "Email *",
            "Our daily headlines email is delivered each morning.",
            "Media playback is unsupported on your device",
            "AI-generated summary",
            "* I understand the Terms of Service.",
            "By signing up, you agree to our Terms of Service and Privacy Policy.",
            "By continuing to browse this site, you consent to the use of cookies.",
            "Accept all cookies",
        ] {
            let s = simplify(line);
            assert!(is_chrome(&s) || is_section_header(&s), "{line}");
        }
        for line in [
            "Save the children, officials urged.",
            "Follow-up talks are planned",
            "Sharing is caring",
            "The company said the email was sent daily to staff for months.",
            "AI-generated images of the flood spread quickly on social media, officials said.",
            "Meta changed its terms of service on Monday, allowing it to train its models on public posts.",
            "Regulators said websites must ask users to accept cookies before tracking them.",
        ] {
            assert!(!is_chrome(&simplify(line)), "{line}");
        }
    }

    #[test]
    fn section_headers() {
        for line in [
            "Top Stories",
            "Most Watched Today",
            "Next In World",
            "Others Also Read",
            "More Videos",
            "Recommended Stories",
        ] {
            assert!(is_section_header(&simplify(line)), "{line}");
        }
        for line in
            ["Related talks failed on Sunday, officials said", "Latest figures show a rise in prices across the region"]
        {
            assert!(!is_section_header(&simplify(line)), "{line}");
        }
    }

    #[test]
    fn time_stamps_and_durations() {
        for s in ["4h ago", "2 hours ago", "2:22", "10h ago", "5 min read", "just now", "1:02:33"] {
            assert!(is_time_stamp(&simplify(s)), "{s}");
        }
        for s in ["4 hours of talks", "2022", "12:30 talks", "7 days"] {
            assert!(!is_time_stamp(&simplify(s)), "{s}");
        }
    }

    #[test]
    fn captions_and_credits() {
        for s in [
            "(AP Photo/Andrii Marienko) Copyright 2025 The Associated Press.",
            "Ukrainian Presidential Press Service/Handout via REUTERS",
            "Photo: Jane Doe/Getty Images",
            "Smoke rises above the terminal in Rotterdam on Sunday (Pieter Haalboom/NWS)",
            "Firefighters search the rubble in Antakya on Tuesday. REUTERS/Umit Bektas Purchase Licensing Rights, opens new tab",
            "Image caption, Mourners gathered outside the church on Sunday to lay flowers and light candles for the victims of the fire",
            "Getty Images",
            "Civilians train in Kharkiv, Nov. 15, 2025. (AP Photo/Andrii Marienko) Copyright 2025 The Associated Press.",
        ] {
            assert!(is_caption(s, &simplify(s)), "{s}");
        }
        for s in [
            "The photographer said the image was taken at dawn.",
            "Talks resumed (after a break/pause) on Monday.",
            "A Reuters/Ipsos poll conducted last week found that 40 percent of Americans approve of the bill.",
            "Analysts said the vote, seen in a file photo of the chamber, marked a turning point for the coalition.",
            "Most voters back the plan, according to a Reuters/Ipsos poll released on Tuesday.",
        ] {
            assert!(!is_caption(s, &simplify(s)), "{s}");
        }
        for s in [
            "All rights reserved",
            "© 2025 Globe Pulse Media. All rights reserved.",
            "Copyright 2025 Globe Pulse Media.",
        ] {
            assert!(is_copyright(&simplify(s)), "{s}");
        }
    }

    #[test]
    fn meta_lines() {
        for s in [
            "By Samya Kullab, The Associated Press",
            "By News Agencies",
            "Published On 16 Nov 202516 Nov 2025",
            "Posted November 16, 2025 3:34 am.",
            "Last Updated November 16, 2025 10:26 am.",
            "• Sunday, 16 Nov 2025",
            "KYIV, Ukraine (AP) —",
            "(Reuters) -",
            "Samya Kullab, The Associated Press",
            "Jane Doe, AFP",
            "— Harlow Mills, Staff Writer",
            "date 2025-11-16",
            "(Reporting by Lidia Kelly in Melbourne; Editing by William Mallard)",
            "• World",
            "Published March 9, 2025 4:52 PM | Updated March 9, 2025 6:10 PM",
            "The Northern Wire Service contributed to this report.",
            "Newsfeed Daily | UK News | 16 October 2025, 11:24",
            "(Associated Press)",
            "(AP)",
            "-- Jane Doe",
            "jdoe@paper.example",
            "@janedoe",
            "Jane Doe: 555/374-5413",
            "• This article was amended on 12 August 2014.",
            "Extended summary",
            "Conclusion",
        ] {
            assert!(is_meta(s, &simplify(s)), "{s}");
        }
        for s in [
            "By the end of the year, the army had lost more than 1,000 tanks in the region.",
            "Woman, 84, dies after house fire in the Annex",
            "Nigeria seeks French help to combat insecurity, Macron says",
            "date 2025-11-16 Zelenskyy says Ukraine is working on a prisoner exchange with Russia",
            "Russia fired 176 drones on Nov. 16, the air force said on Sunday in a statement.",
            "(The port reopened on Monday.)",
            "Call 911 if you see it.",
            "Police said the suspect, 24, used the handle @darkstar online to sell the stolen phones.",
            "Conclusion of the inquiry delayed",
            "Bulgaria President Backs Protesters, Opposes Snap Elections",
            "At CPAC, Mitt Romney Stresses Conservative Credentials",
        ] {
            assert!(!is_meta(s, &simplify(s)), "{s}");
        }
    }
}

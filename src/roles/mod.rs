//! Roles: what each segment is to its document — headline, article text,
//! publication details, photo caption, or page chrome that is not the
//! article at all (other stories' teasers, "Top Stories", "Advertisement").
//!
//! Pasted web pages carry chrome around the article. A line is chrome when
//! it looks like chrome on its own ([`patterns`]), when it sits in a block
//! opened by a header such as "Top Stories" (the block ends when the
//! article resumes: a full sentence on the article's topic), when it repeats
//! within the page, or when it is headline-shaped and comes after the
//! article's last sentence. Chrome is neither matched nor counted as unique.

mod patterns;

use crate::segment::Segmentation;
use crate::text::hash::{FastMap, FastSet};
use serde::{Deserialize, Serialize};

/// What a segment is to its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// A headline, standfirst or subheading.
    Title,
    /// The article's text.
    Body,
    /// Byline, date, dateline, section label, reporting credits.
    Meta,
    /// A photo caption or credit.
    Caption,
    /// Page chrome that is not the article: teasers of other stories,
    /// "Top Stories", "Advertisement", "Follow us…", navigation.
    Boilerplate,
}

impl Role {
    /// Whether the segment is part of what the article says (title or body):
    /// the text that shares and unique shares are measured on.
    pub fn is_content(self) -> bool {
        matches!(self, Role::Title | Role::Body)
    }
}

/// How a line is shaped, judged from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// No sentence-ending full stop, short: a headline or list item.
    Headline,
    /// Ends like a sentence and is long enough to be article text.
    Sentence,
    /// A teaser cut off with an ellipsis.
    Truncated,
    /// Anything else (a short sentence).
    Short,
}

/// What the line's own words say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Chrome,
    SectionHeader,
    Meta,
    Caption,
    /// A copyright notice: a photo credit under a caption, else page footer.
    Credit,
    Plain,
}

struct LineInfo<'r> {
    shape: Shape,
    pattern: Pattern,
    simple: &'r str,
    /// Distinct content stems, sorted.
    stems: Vec<u32>,
}

/// What the lines of one comparison's documents say they are, by their
/// text: pages of one event share menus, notices and the wire's
/// paragraphs, and each such line is read once.
#[derive(Default)]
pub struct LinesRead<'a> {
    by_text: FastMap<&'a str, usize>,
    /// Per distinct line: its pattern and simplified text.
    read: Vec<(Pattern, String)>,
}

impl<'a> LinesRead<'a> {
    /// The index in `read` of the line `line`, read if it is new.
    fn read(&mut self, line: &'a str) -> usize {
        let next = self.read.len();
        let index = *self.by_text.entry(line).or_insert(next);
        if index == next {
            let simple = patterns::simplify(line);
            self.read.push((pattern(line, &simple), simple));
        }
        index
    }
}

fn shape(line: &str, segments: usize) -> Shape {
    let trimmed = line.trim_end_matches(|c: char| "\"”’')]".contains(c));
    // Shapes differ at 6 and 25 words: counting further tells nothing.
    let words = line.split_whitespace().take(26).count();
    if trimmed.ends_with("...") || trimmed.ends_with('…') {
        return if words >= 6 { Shape::Truncated } else { Shape::Short };
    }
    let ends = trimmed.ends_with(['.', '!', '?', '。', '！', '？']);
    if !ends && segments == 1 && words <= 25 {
        Shape::Headline
    } else if segments >= 2 || line.chars().nth(59).is_some() {
        Shape::Sentence
    } else {
        Shape::Short
    }
}

fn pattern(line: &str, simple: &str) -> Pattern {
    if patterns::is_separator(line) || patterns::is_time_stamp(simple) {
        Pattern::Chrome
    } else if patterns::is_section_header(simple) {
        Pattern::SectionHeader
    } else if patterns::is_chrome(simple) {
        Pattern::Chrome
    } else if patterns::is_copyright(simple) {
        Pattern::Credit
    } else if patterns::is_caption(line, simple) {
        Pattern::Caption
    } else if patterns::is_meta(line, simple) {
        Pattern::Meta
    } else {
        Pattern::Plain
    }
}

/// Assigns a role to every segment of `text`. `content[s]` lists the
/// content words of segment `s` (stem ids, any numbering that is the same
/// for the whole text), which tell whether a line is on the article's topic.
/// `lines_read` keeps what each line's text says for the other documents.
pub fn assign<'a>(
    text: &'a str,
    segmentation: &Segmentation,
    content: &[Vec<u32>],
    lines_read: &mut LinesRead<'a>,
) -> Vec<Role> {
    let lines = &segmentation.lines;
    let mut segments_per_line = vec![0usize; lines.len()];
    let mut stems_per_line: Vec<Vec<u32>> = vec![Vec::new(); lines.len()];
    for (s, stems) in segmentation.segments.iter().zip(content) {
        segments_per_line[s.line] += 1;
        stems_per_line[s.line].extend_from_slice(stems);
    }
    let read: Vec<usize> = lines.iter().map(|l| lines_read.read(&text[l.start..l.end])).collect();
    let infos: Vec<LineInfo> = lines
        .iter()
        .zip(read)
        .zip(segments_per_line.into_iter().zip(stems_per_line))
        .map(|((l, r), (n, mut stems))| {
            stems.sort_unstable();
            stems.dedup();
            let (pattern, simple) = &lines_read.read[r];
            LineInfo { shape: shape(&text[l.start..l.end], n), pattern: *pattern, stems, simple }
        })
        .collect();
    let line_roles = line_roles(&infos);
    segmentation.segments.iter().map(|s| line_roles[s.line]).collect()
}

/// The words the article is about: content stems found in several of its
/// full sentences. A page's teasers each tell another story, so their words
/// rarely repeat; the article's do.
fn topic(infos: &[LineInfo]) -> FastSet<u32> {
    let mut lines_with: FastMap<u32, usize> = FastMap::default();
    let sentences: Vec<&LineInfo> = infos.iter().filter(|l| is_full_sentence(l)).collect();
    for line in &sentences {
        for &stem in &line.stems {
            *lines_with.entry(stem).or_default() += 1;
        }
    }
    // Teasers of related stories may share a phrase or two; the article's
    // own words recur through a tenth of its sentences at least.
    let needed = if sentences.len() >= 3 { sentences.len().div_ceil(10).max(2) } else { 1 };
    lines_with.into_iter().filter(|&(_, n)| n >= needed).map(|(s, _)| s).collect()
}

fn is_full_sentence(l: &LineInfo) -> bool {
    l.pattern == Pattern::Plain && l.shape == Shape::Sentence
}

fn on_topic(line: &LineInfo, topic: &FastSet<u32>) -> bool {
    let shared = line.stems.iter().filter(|s| topic.contains(*s)).count();
    shared >= 3 || (shared >= 2 && shared * 10 >= line.stems.len() * 3)
}

/// Menus, tag lists and breadcrumbs: three or more lines in a row of at most
/// three words, none ending a sentence.
fn mark_link_lists(infos: &[LineInfo], roles: &mut [Option<Role>]) {
    let short = |l: &LineInfo| l.shape == Shape::Headline && l.simple.split_whitespace().count() <= 3;
    let mut i = 0;
    while i < infos.len() {
        let run = infos[i..].iter().take_while(|l| short(l)).count();
        if run >= 3 {
            for role in &mut roles[i..i + run] {
                if role.is_none() {
                    *role = Some(Role::Boilerplate);
                }
            }
        }
        i += run.max(1);
    }
}

fn line_roles(infos: &[LineInfo]) -> Vec<Role> {
    let topic = topic(infos);
    let article_line = |l: &LineInfo| is_full_sentence(l) && on_topic(l, &topic);
    let mut roles: Vec<Option<Role>> = infos
        .iter()
        .map(|l| match l.pattern {
            Pattern::Chrome | Pattern::SectionHeader => Some(Role::Boilerplate),
            Pattern::Meta => Some(Role::Meta),
            Pattern::Caption => Some(Role::Caption),
            Pattern::Credit => None,
            Pattern::Plain => None,
        })
        .collect();
    // A copyright line under a caption credits the photo; elsewhere it is the
    // page's footer.
    for i in 0..infos.len() {
        if infos[i].pattern == Pattern::Credit {
            let after_caption = i > 0 && roles[i - 1] == Some(Role::Caption);
            roles[i] = Some(if after_caption { Role::Caption } else { Role::Boilerplate });
        }
    }
    mark_link_lists(infos, &mut roles);

    // Blocks of other stories, from their header until the article resumes:
    // a sentence on the article's topic, or a byline.
    let mut in_block = false;
    for (i, line) in infos.iter().enumerate() {
        if line.pattern == Pattern::SectionHeader {
            in_block = true;
        } else if in_block {
            if article_line(line) || line.pattern == Pattern::Meta {
                in_block = false;
            } else if line.pattern != Pattern::Caption {
                roles[i] = Some(Role::Boilerplate);
            }
        }
    }

    // Repeated lines: a page repeats its teasers and menus, not its article.
    let mut seen: FastMap<&str, usize> = FastMap::default();
    for line in infos.iter().filter(|l| l.simple.len() >= 12) {
        *seen.entry(line.simple).or_default() += 1;
    }
    for (i, line) in infos.iter().enumerate() {
        if roles[i].is_none() && line.shape != Shape::Sentence && seen.get(line.simple).copied().unwrap_or(0) > 1 {
            roles[i] = Some(Role::Boilerplate);
        }
    }

    // After the article's last sentence, headline-shaped lines and cut-off
    // teasers are links to other pages.
    let first_article = infos.iter().position(article_line);
    let last_article = infos.iter().rposition(article_line).unwrap_or(0);
    for (i, line) in infos.iter().enumerate().skip(last_article + 1) {
        if roles[i].is_none() && matches!(line.shape, Shape::Headline | Shape::Truncated) {
            roles[i] = Some(Role::Boilerplate);
        }
    }
    for (i, line) in infos.iter().enumerate() {
        if roles[i].is_none() && line.shape == Shape::Truncated && !on_topic(line, &topic) {
            roles[i] = Some(Role::Boilerplate);
        }
    }

    assign_titles(infos, &mut roles, first_article);
    roles.into_iter().map(|r| r.unwrap_or(Role::Body)).collect()
}

/// The headline, its standfirst, and subheadings between paragraphs.
///
/// The headline is the last headline-shaped line before the byline that
/// opens the article (pages put menus and teasers above it); without a
/// byline, the first headline-shaped line that is not chrome.
fn assign_titles(infos: &[LineInfo], roles: &mut [Option<Role>], first_article: Option<usize>) {
    // The byline sits above the article's first sentences (a standfirst may
    // come before it).
    let second_article = (first_article.unwrap_or(infos.len()) + 1..infos.len())
        .find(|&i| infos[i].pattern == Pattern::Plain && infos[i].shape == Shape::Sentence)
        .unwrap_or(infos.len());
    let byline = (0..second_article).find(|&i| infos[i].pattern == Pattern::Meta);
    let article_start = byline.unwrap_or(first_article.unwrap_or(infos.len()));
    let headline_shaped = |i: usize| infos[i].shape == Shape::Headline && infos[i].pattern == Pattern::Plain;
    let headline = match byline {
        Some(b) => (0..b).rev().find(|&i| headline_shaped(i) && roles[i] != Some(Role::Caption)),
        None => (0..article_start.min(infos.len())).find(|&i| roles[i].is_none() && headline_shaped(i)),
    };
    if let Some(h) = headline {
        roles[h] = Some(Role::Title);
        // Above a headline that a byline follows: the site's name, section
        // labels, menus.
        if byline.is_some() {
            for role in roles[..h].iter_mut().filter(|r| r.is_none()) {
                *role = Some(Role::Boilerplate);
            }
        }
        // A standfirst: the one line between the headline and the byline.
        if let Some(b) = byline.filter(|&b| b > h) {
            let between: Vec<usize> = (h + 1..b).filter(|&i| roles[i].is_none()).collect();
            if let [dek] = between[..] {
                roles[dek] = Some(Role::Title);
            }
        }
    }
    // Subheadings: a short headline-shaped line between two stretches of text.
    let open: Vec<usize> = (0..infos.len()).filter(|&i| roles[i].is_none()).collect();
    for (k, &i) in open.iter().enumerate() {
        if infos[i].shape != Shape::Headline || infos[i].simple.split_whitespace().count() > 14 {
            continue;
        }
        let before = k.checked_sub(1).map(|p| open[p]);
        let after = open.get(k + 1).copied();
        let is_text = |j: Option<usize>| j.is_some_and(|j| infos[j].shape == Shape::Sentence);
        if is_text(before) && is_text(after) {
            roles[i] = Some(Role::Title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn roles_of(text: &str) -> Vec<(String, Role)> {
        crate::segment_text(text, &Options::default()).into_iter().map(|s| (s.text, s.role)).collect()
    }

    fn role_of(roles: &[(String, Role)], prefix: &str) -> Role {
        roles.iter().find(|(t, _)| t.starts_with(prefix)).unwrap_or_else(|| panic!("no segment {prefix}")).1
    }

    const PAGE: &str = "Harbour fire forces evacuation of Rotterdam docks\n\
        Firefighters battled the blaze for nine hours before it was contained.\n\
        By Anna de Vries, Northwind News\n\
        Published On 3 Mar 2026\n\
        Save\n\
        A fire at a container terminal in Rotterdam forced the evacuation of hundreds of dock workers on Tuesday, the port authority said.\n\
        The fire broke out in a warehouse storing lithium batteries, officials at the port authority said.\n\
        Recommended Stories\n\
        list of 4 itemsend of list\n\
        Port authority spokesman Pieter Jansen said the terminal would stay closed until Thursday while the warehouse fire is investigated.\n\
        Advertisement\n\
        Unions demand answers\n\
        The dock workers' union said it had warned the port authority about battery storage at the terminal in January.\n\
        Top Stories\n\
        Woman, 84, dies after house fire in the Annex\n\
        An 84-year-old woman has died from injuries sustained in a house fire in the Annex. The blaze broke out...\n\
        4h ago\n\
        Most Watched Today\n\
        2:22\n\
        A fire and explosion at a chemical plant in Argentina has injured at least 12 people. Our reporter has more.\n";

    #[test]
    fn a_pasted_page_gets_its_roles() {
        let r = roles_of(PAGE);
        assert_eq!(role_of(&r, "Harbour fire forces"), Role::Title);
        assert_eq!(role_of(&r, "Firefighters battled"), Role::Title);
        assert_eq!(role_of(&r, "By Anna"), Role::Meta);
        assert_eq!(role_of(&r, "Published On"), Role::Meta);
        assert_eq!(role_of(&r, "Save"), Role::Boilerplate);
        assert_eq!(role_of(&r, "A fire at a container"), Role::Body);
        assert_eq!(role_of(&r, "Recommended Stories"), Role::Boilerplate);
        assert_eq!(role_of(&r, "list of 4"), Role::Boilerplate);
        assert_eq!(role_of(&r, "Port authority spokesman"), Role::Body);
        assert_eq!(role_of(&r, "Advertisement"), Role::Boilerplate);
        assert_eq!(role_of(&r, "Unions demand answers"), Role::Title);
        assert_eq!(role_of(&r, "The dock workers"), Role::Body);
        for chrome in [
            "Top Stories",
            "Woman, 84",
            "An 84-year-old",
            "The blaze broke out",
            "4h ago",
            "Most Watched",
            "2:22",
            "A fire and explosion",
            "Our reporter",
        ] {
            assert_eq!(role_of(&r, chrome), Role::Boilerplate, "{chrome}");
        }
    }

    #[test]
    fn plain_prose_is_body() {
        let r = roles_of("The committee met on Monday. It agreed on a budget.\n\nMembers will vote next week on the plan, the chair said.");
        assert!(r.iter().all(|(_, role)| *role == Role::Body), "{r:?}");
    }

    #[test]
    fn captions_are_whole_lines() {
        let r = roles_of("Title of the story here\nCivilians train in Kharkiv, Ukraine, Saturday, Nov. 15, 2025. (AP Photo/Andrii Marienko) Copyright 2025 The Associated Press. All rights reserved\nThe war goes on, officials in Kyiv said on Sunday in a statement.");
        assert_eq!(role_of(&r, "Civilians"), Role::Caption);
        assert_eq!(role_of(&r, "(AP Photo"), Role::Caption);
        assert_eq!(role_of(&r, "All rights"), Role::Caption);
    }
}

//! Finding the article in a web page, after Mozilla's Readability (the
//! extractor behind Firefox's Reader View), whose scoring is well tried on
//! news sites: paragraphs score by their length and commas and pass their
//! score up to their parent and grandparents; class names and ids that say
//! `article`/`content` weigh up, `comment`/`sidebar`/`promo` down; the more
//! of a block is link text, the less it counts. The best-scoring container
//! and those of its siblings that score nearly as well make the article,
//! which is then cleaned of link lists, forms, share bars and other blocks
//! that look like chrome. When that leaves too little text, the search runs
//! again with fewer exclusions.

use super::dom::{Data, Dom, Id};
use std::collections::{HashMap, HashSet};

/// Below this many characters the article is probably not found.
const CHAR_THRESHOLD: usize = 500;
/// How many top-scoring containers are kept to decide the article's root.
const TOP_CANDIDATES: usize = 5;

const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE_CANDIDATE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];
const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
const DIV_TO_P: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
    "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
    "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
];

/// Which exclusions a search applies; later attempts drop them in turn.
#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The article found: a container element in `dom` holding it, and the
/// byline read from the page's markup, if any.
pub(crate) struct Found {
    pub dom: Dom,
    pub root: Id,
    pub byline: Option<String>,
}

/// Finds the article under `body`. `title` is the page's headline (a
/// heading repeating it is left out). The first author line in the markup
/// is taken out of the body, as Readability does, even when the metadata
/// names the author: it belongs with the head lines, not in the text.
pub(crate) fn find(pristine: &Dom, body: Id, title: Option<&str>) -> Found {
    let mut flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
    let mut best: Option<(usize, Found)> = None;
    loop {
        let mut dom = pristine.clone();
        let mut search = Search { dom: &mut dom, flags, scores: HashMap::new(), data_tables: HashSet::new() };
        let (root, byline) = search.grab(body, title);
        let length = inner_text(&dom, root).chars().count();
        if length >= CHAR_THRESHOLD {
            return Found { dom, root, byline };
        }
        if best.as_ref().is_none_or(|(l, _)| length > *l) {
            best = Some((length, Found { dom, root, byline }));
        }
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            break;
        }
    }
    match best {
        Some((_, found)) => found,
        None => Found { dom: pristine.clone(), root: body, byline: None },
    }
}

struct Search<'a> {
    dom: &'a mut Dom,
    flags: Flags,
    scores: HashMap<Id, f64>,
    data_tables: HashSet<Id>,
}

/// Text with white space collapsed and trimmed, as a reader sees it.
pub(crate) fn inner_text(dom: &Dom, id: Id) -> String {
    let mut out = String::new();
    for n in dom.subtree(id) {
        if let Data::Text(t) = &dom.nodes[n].data {
            for (i, word) in t.split(char::is_whitespace).enumerate() {
                if i > 0 && !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out.trim_end().to_string()
}

/// The length of [`inner_text`], counted without building it.
fn text_length(dom: &Dom, id: Id) -> usize {
    let (mut length, mut pending_space) = (0, false);
    for n in dom.subtree(id) {
        if let Data::Text(t) = &dom.nodes[n].data {
            for c in t.chars() {
                if c.is_whitespace() {
                    pending_space = length > 0;
                } else {
                    length += 1 + usize::from(pending_space);
                    pending_space = false;
                }
            }
        }
    }
    length
}

pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn has_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// `class` and `id`, lower case, as the patterns read them.
fn match_string(dom: &Dom, id: Id) -> String {
    format!("{} {}", dom.attr(id, "class").unwrap_or(""), dom.attr(id, "id").unwrap_or("")).to_lowercase()
}

/// How many commas (of any script) the text has.
fn commas(text: &str) -> usize {
    text.chars().filter(|c| matches!(c, ',' | '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，')).count()
}

/// Share of a node's text that is link text (in-page `#` links count less).
pub(crate) fn link_density(dom: &Dom, id: Id) -> f64 {
    let total = text_length(dom, id);
    if total == 0 {
        return 0.0;
    }
    let links: f64 = dom
        .elements_by_tag(id, "a")
        .into_iter()
        .map(|a| {
            let weight = if dom.attr(a, "href").is_some_and(|h| h.starts_with('#')) { 0.3 } else { 1.0 };
            text_length(dom, a) as f64 * weight
        })
        .sum();
    links / total as f64
}

fn is_visible(dom: &Dom, id: Id) -> bool {
    if let Some(style) = dom.attr(id, "style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return false;
        }
    }
    let aria_hidden = dom.attr(id, "aria-hidden") == Some("true");
    let fallback_image = dom.attr(id, "class").is_some_and(|c| c.contains("fallback-image"));
    dom.attr(id, "hidden").is_none() && (!aria_hidden || fallback_image)
}

fn has_ancestor_tag(dom: &Dom, id: Id, tag: &str) -> bool {
    dom.ancestors(id).any(|a| dom.tag(a) == tag)
}

/// No text and nothing but line breaks inside.
fn is_without_content(dom: &Dom, id: Id) -> bool {
    dom.text_content(id).trim().is_empty() && dom.element_children(id).all(|c| matches!(dom.tag(c), "br" | "hr"))
}

fn has_child_block_element(dom: &Dom, id: Id) -> bool {
    dom.subtree(id).into_iter().skip(1).any(|n| DIV_TO_P.contains(&dom.tag(n)))
}

fn is_phrasing(dom: &Dom, id: Id) -> bool {
    match &dom.nodes[id].data {
        Data::Text(_) => true,
        Data::Element { .. } => {
            let tag = dom.tag(id);
            PHRASING.contains(&tag)
                || (matches!(tag, "a" | "del" | "ins") && dom.children(id).iter().all(|&c| is_phrasing(dom, c)))
        }
        _ => false,
    }
}

fn is_whitespace(dom: &Dom, id: Id) -> bool {
    match &dom.nodes[id].data {
        Data::Text(t) => t.trim().is_empty(),
        _ => dom.tag(id) == "br",
    }
}

/// The whole text of an ad slot or of content still loading.
fn is_placeholder(text: &str) -> bool {
    let lowered = text.trim().to_lowercase();
    let lowered = lowered.trim_end_matches(['.', '…']);
    matches!(
        lowered,
        "ad" | "ads"
            | "advertising"
            | "advertisement"
            | "sponsored"
            | "anzeige"
            | "werbung"
            | "publicité"
            | "pub"
            | "anuncio"
            | "loading"
            | "chargement"
            | "cargando"
    )
}

/// How alike two titles are: the share of `b`'s words (by length) also in `a`.
fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let unique_len = unique.iter().map(|t| t.len()).sum::<usize>() + unique.len().saturating_sub(1);
    let all_len = tb.iter().map(|t| t.len()).sum::<usize>() + tb.len() - 1;
    1.0 - unique_len as f64 / all_len as f64
}

impl Search<'_> {
    fn class_weight(&self, id: Id) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let mut weight = 0.0;
        for attr in ["class", "id"] {
            if let Some(value) = self.dom.attr(id, attr).map(str::to_lowercase).filter(|v| !v.is_empty()) {
                let hid = value.split_whitespace().any(|w| w == "hid");
                if hid || has_any(&value, NEGATIVE) {
                    weight -= 25.0;
                }
                if has_any(&value, POSITIVE) {
                    weight += 25.0;
                }
            }
        }
        weight
    }

    fn initialize(&mut self, id: Id) {
        let base = match self.dom.tag(id) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        self.scores.insert(id, base + self.class_weight(id));
    }

    fn is_byline(&self, id: Id, matched: &str) -> bool {
        let marked = self.dom.attr(id, "rel") == Some("author")
            || self.dom.attr(id, "itemprop").is_some_and(|p| p.contains("author"))
            || has_any(matched, BYLINE);
        marked && (1..100).contains(&text_length(self.dom, id))
    }

    /// Walks the page, dropping what cannot be the article, and returns the
    /// elements whose text is scored.
    fn prepare(&mut self, body: Id, title: Option<&str>, byline: &mut Option<String>) -> Vec<Id> {
        let mut to_score = Vec::new();
        let mut title_removed = false;
        let mut stack = vec![body];
        while let Some(node) = stack.pop() {
            if !self.dom.is_element(node) {
                continue;
            }
            if node != body {
                let dom = &*self.dom;
                let tag = dom.tag(node);
                let matched = match_string(dom, node);
                let drop = !is_visible(dom, node)
                    || (dom.attr(node, "aria-modal") == Some("true") && dom.attr(node, "role") == Some("dialog"));
                if drop {
                    self.dom.detach(node);
                    continue;
                }
                if byline.is_none() && self.is_byline(node, &matched) {
                    *byline = Some(inner_text(dom, node));
                    self.dom.detach(node);
                    continue;
                }
                if !title_removed
                    && matches!(tag, "h1" | "h2")
                    && title.is_some_and(|t| similarity(t, &inner_text(dom, node)) > 0.75)
                {
                    title_removed = true;
                    self.dom.detach(node);
                    continue;
                }
                if self.flags.strip_unlikely {
                    let unlikely = has_any(&matched, UNLIKELY)
                        && !has_any(&matched, MAYBE_CANDIDATE)
                        && !has_ancestor_tag(dom, node, "table")
                        && !has_ancestor_tag(dom, node, "code")
                        && !matches!(tag, "body" | "a");
                    if unlikely || dom.attr(node, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)) {
                        self.dom.detach(node);
                        continue;
                    }
                }
                if matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                    && is_without_content(dom, node)
                {
                    self.dom.detach(node);
                    continue;
                }
            }
            let tag = self.dom.tag(node).to_string();
            if TAGS_TO_SCORE.contains(&tag.as_str()) {
                to_score.push(node);
            }
            let mut next = node;
            if tag == "div" {
                self.wrap_phrasing(node);
                let children: Vec<Id> = self.dom.element_children(node).collect();
                let text_outside = self
                    .dom
                    .children(node)
                    .iter()
                    .any(|&c| matches!(&self.dom.nodes[c].data, Data::Text(t) if !t.trim().is_empty()));
                if let [only] = children[..] {
                    if self.dom.tag(only) == "p" && !text_outside && link_density(self.dom, node) < 0.25 {
                        self.dom.replace(node, only);
                        to_score.push(only);
                        next = only;
                    }
                }
                if next == node && !has_child_block_element(self.dom, node) {
                    self.dom.set_tag(node, "p");
                    to_score.push(node);
                }
            }
            stack.extend(self.dom.children(next).iter().rev());
        }
        to_score
    }

    /// Puts runs of inline content of a `div` that also holds blocks into
    /// paragraphs of their own, so that they are scored like paragraphs.
    fn wrap_phrasing(&mut self, div: Id) {
        let children = self.dom.children(div).to_vec();
        if !children.iter().any(|&c| !is_phrasing(self.dom, c)) {
            return;
        }
        let mut out = Vec::with_capacity(children.len());
        let mut run: Vec<Id> = Vec::new();
        let flush = |dom: &mut Dom, run: &mut Vec<Id>, out: &mut Vec<Id>| {
            while run.last().is_some_and(|&c| is_whitespace(dom, c)) {
                run.pop();
            }
            let start = run.iter().position(|&c| !is_whitespace(dom, c)).unwrap_or(run.len());
            if start < run.len() {
                let p = dom.create_element("p");
                for &c in &run[start..] {
                    dom.nodes[c].parent = Some(p);
                    dom.nodes[p].children.push(c);
                }
                dom.nodes[p].parent = Some(div);
                out.push(p);
            }
            run.clear();
        };
        for c in children {
            if is_phrasing(self.dom, c) {
                run.push(c);
            } else {
                flush(self.dom, &mut run, &mut out);
                out.push(c);
            }
        }
        flush(self.dom, &mut run, &mut out);
        self.dom.nodes[div].children = out;
    }

    fn grab(&mut self, body: Id, title: Option<&str>) -> (Id, Option<String>) {
        let mut byline = None;
        let to_score = self.prepare(body, title, &mut byline);

        let mut candidates = Vec::new();
        for el in to_score {
            let Some(parent) = self.dom.nodes[el].parent else { continue };
            if !self.dom.is_element(parent) {
                continue;
            }
            let text = inner_text(self.dom, el);
            let length = text.chars().count();
            if length < 25 {
                continue;
            }
            let score = 1.0 + (commas(&text) + 1) as f64 + (length / 100).min(3) as f64;
            let ancestors: Vec<Id> = self.dom.ancestors(el).take(5).collect();
            for (level, &a) in ancestors.iter().enumerate() {
                let parent_is_element = self.dom.nodes[a].parent.is_some_and(|p| self.dom.is_element(p));
                if !self.dom.is_element(a) || !parent_is_element {
                    break;
                }
                if !self.scores.contains_key(&a) {
                    self.initialize(a);
                    candidates.push(a);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                *self.scores.entry(a).or_default() += score / divider;
            }
        }
        for &c in &candidates {
            let density = link_density(self.dom, c);
            if let Some(s) = self.scores.get_mut(&c) {
                *s *= 1.0 - density;
            }
        }
        let score = |s: &Self, id: Id| s.scores.get(&id).copied().unwrap_or(0.0);
        candidates.sort_by(|&a, &b| score(self, b).total_cmp(&score(self, a)));
        candidates.truncate(TOP_CANDIDATES);

        let is_body = |dom: &Dom, id: Id| matches!(dom.tag(id), "body" | "html" | "");
        let mut top = match candidates.first() {
            Some(&t) if !is_body(self.dom, t) => t,
            _ => {
                // Nothing stood out: the whole body is the article.
                let div = self.dom.create_element("div");
                for c in self.dom.children(body).to_vec() {
                    self.dom.append(div, c);
                }
                self.dom.append(body, div);
                self.initialize(div);
                return (self.finish(div, title), byline);
            }
        };
        // Several near-best candidates under one ancestor: the ancestor holds
        // an article split into parts.
        let top_score = score(self, top);
        let alternatives: Vec<Vec<Id>> = candidates[1..]
            .iter()
            .filter(|&&c| top_score > 0.0 && score(self, c) / top_score >= 0.75)
            .map(|&c| self.dom.ancestors(c).collect())
            .collect();
        if alternatives.len() >= 3 {
            let mut parent = self.dom.nodes[top].parent;
            while let Some(p) = parent.filter(|&p| !is_body(self.dom, p)) {
                if alternatives.iter().filter(|list| list.contains(&p)).count() >= 3 {
                    top = p;
                    break;
                }
                parent = self.dom.nodes[p].parent;
            }
        }
        if !self.scores.contains_key(&top) {
            self.initialize(top);
        }
        // A parent scoring better than the candidate holds more of the article.
        let mut parent = self.dom.nodes[top].parent;
        let mut last = score(self, top);
        let threshold = last / 3.0;
        while let Some(p) = parent.filter(|&p| !is_body(self.dom, p)) {
            if let Some(&ps) = self.scores.get(&p) {
                if ps < threshold {
                    break;
                }
                if ps > last {
                    top = p;
                    break;
                }
                last = ps;
            }
            parent = self.dom.nodes[p].parent;
        }
        // An only child says no more than its parent.
        while let Some(p) = self.dom.nodes[top].parent.filter(|&p| !is_body(self.dom, p)) {
            if self.dom.element_children(p).count() != 1 {
                break;
            }
            top = p;
        }
        if !self.scores.contains_key(&top) {
            self.initialize(top);
        }

        let article = self.dom.create_element("div");
        let top_score = score(self, top);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.dom.attr(top, "class").unwrap_or("").to_string();
        let siblings: Vec<Id> = match self.dom.nodes[top].parent {
            Some(p) => self.dom.element_children(p).collect(),
            None => vec![top],
        };
        for s in siblings {
            let mut append = s == top;
            if !append {
                let same_class = !top_class.is_empty() && self.dom.attr(s, "class") == Some(top_class.as_str());
                let bonus = if same_class { top_score * 0.2 } else { 0.0 };
                if self.scores.get(&s).is_some_and(|&v| v + bonus >= threshold) {
                    append = true;
                } else if self.dom.tag(s) == "p" {
                    let density = link_density(self.dom, s);
                    let text = inner_text(self.dom, s);
                    let length = text.chars().count();
                    let sentence = text.contains(". ") || text.ends_with('.');
                    append =
                        (length > 80 && density < 0.25) || (length > 0 && length < 80 && density == 0.0 && sentence);
                }
            }
            if append {
                self.dom.append(article, s);
            }
        }
        (self.finish(article, title), byline)
    }

    /// Cleans the article container of what is not article text.
    fn finish(&mut self, article: Id, title: Option<&str>) -> Id {
        for table in self.dom.elements_by_tag(article, "table") {
            if self.is_data_table(table) {
                self.data_tables.insert(table);
            }
        }
        self.clean_conditionally(article, "form");
        self.clean_conditionally(article, "fieldset");
        for tag in ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button"] {
            for n in self.dom.elements_by_tag(article, tag) {
                self.dom.detach(n);
            }
        }
        // Share bars and their like, when small.
        for child in self.dom.element_children(article).collect::<Vec<_>>() {
            for n in self.dom.subtree(child) {
                if self.dom.is_element(n)
                    && match_string(self.dom, n).contains("share")
                    && text_length(self.dom, n) < 500
                {
                    self.dom.detach(n);
                }
            }
        }
        // A lone second-level heading that repeats the title.
        let h2s = self.dom.elements_by_tag(article, "h2");
        if let (Some(title), [h2]) = (title, h2s.as_slice()) {
            let text = inner_text(self.dom, *h2);
            let (h, t) = (text.chars().count() as f64, title.chars().count() as f64);
            if t > 0.0 && ((h - t) / t).abs() < 0.5 && (text.contains(title) || title.contains(text.as_str())) {
                self.dom.detach(*h2);
            }
        }
        for tag in ["h1", "h2"] {
            for n in self.dom.elements_by_tag(article, tag) {
                if self.class_weight(n) < 0.0 {
                    self.dom.detach(n);
                }
            }
        }
        self.clean_conditionally(article, "table");
        self.clean_conditionally(article, "ul");
        self.clean_conditionally(article, "div");
        for n in self.dom.subtree(article) {
            if matches!(self.dom.tag(n), "p" | "div" | "span" | "section" | "aside")
                && is_placeholder(&inner_text(self.dom, n))
            {
                self.dom.detach(n);
            }
        }
        // Lists of links that were read as paragraphs (tag lists, "more
        // news" boxes): mostly link text.
        if self.flags.clean_conditionally {
            for p in self.dom.elements_by_tag(article, "p") {
                if link_density(self.dom, p) > 0.5 {
                    self.dom.detach(p);
                }
            }
        }
        for p in self.dom.elements_by_tag(article, "p") {
            let media = ["img", "embed", "object", "iframe"].iter().any(|t| !self.dom.elements_by_tag(p, t).is_empty());
            if !media && self.dom.text_content(p).trim().is_empty() {
                self.dom.detach(p);
            }
        }
        article
    }

    /// A table of data (kept) rather than one used for layout.
    fn is_data_table(&self, table: Id) -> bool {
        let dom = &*self.dom;
        if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0") {
            return false;
        }
        if dom.attr(table, "summary").is_some()
            || dom.element_children(table).any(|c| dom.tag(c) == "caption" && !dom.text_content(c).trim().is_empty())
            || ["col", "colgroup", "tfoot", "thead", "th"].iter().any(|t| !dom.elements_by_tag(table, t).is_empty())
        {
            return true;
        }
        if !dom.elements_by_tag(table, "table").is_empty() {
            return false;
        }
        let rows = dom.elements_by_tag(table, "tr");
        let columns = rows
            .iter()
            .map(|&r| dom.element_children(r).filter(|&c| matches!(dom.tag(c), "td" | "th")).count())
            .max()
            .unwrap_or(0);
        if rows.len() == 1 || columns == 1 {
            return false;
        }
        rows.len() >= 10 || columns > 4 || rows.len() * columns > 10
    }

    /// Removes the `tag` elements under `root` that look like chrome: more
    /// links than text, more images than paragraphs, forms, too little text.
    fn clean_conditionally(&mut self, root: Id, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        for node in self.dom.elements_by_tag(root, tag).into_iter().rev() {
            if self.should_remove(node, tag) {
                self.dom.detach(node);
            }
        }
    }

    fn should_remove(&self, node: Id, tag: &str) -> bool {
        let dom = &*self.dom;
        let is_data = |n: Id| self.data_tables.contains(&n);
        if tag == "table" && is_data(node) {
            return false;
        }
        if dom.ancestors(node).any(|a| dom.tag(a) == "table" && is_data(a)) || has_ancestor_tag(dom, node, "code") {
            return false;
        }
        if dom.elements_by_tag(node, "table").into_iter().any(is_data) {
            return false;
        }
        let text = inner_text(dom, node);
        let length = text.chars().count();
        let mut is_list = matches!(tag, "ul" | "ol");
        if !is_list && length > 0 {
            let list_length: usize =
                ["ul", "ol"].iter().flat_map(|t| dom.elements_by_tag(node, t)).map(|l| text_length(dom, l)).sum();
            is_list = list_length as f64 / length as f64 > 0.9;
        }
        let weight = self.class_weight(node);
        if weight < 0.0 {
            return true;
        }
        if commas(&text) >= 10 {
            return false;
        }
        // One walk gives every count and density below.
        let below: Vec<Id> = dom.subtree(node).into_iter().skip(1).collect();
        let count = |t: &str| below.iter().filter(|&&n| dom.tag(n) == t).count();
        let (p, img, input) = (count("p") as f64, count("img") as f64, count("input") as f64);
        let li = count("li") as f64 - 100.0;
        let embeds = count("object") + count("embed") + count("iframe");
        if is_placeholder(&text) {
            return true;
        }
        let density = |tags: &[&str]| -> f64 {
            if length == 0 {
                return 0.0;
            }
            let inner: usize =
                below.iter().filter(|&&n| tags.contains(&dom.tag(n))).map(|&n| text_length(dom, n)).sum();
            inner as f64 / length as f64
        };
        let heading_density = density(&["h1", "h2", "h3", "h4", "h5", "h6"]);
        let textish = density(&["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]);
        let links = link_density(dom, node);
        let in_figure = has_ancestor_tag(dom, node, "figure");
        let remove = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list && heading_density < 0.9 && length < 25 && !in_figure && (img == 0.0 || img > 2.0))
            || (!is_list && weight < 25.0 && links > 0.2)
            || (weight >= 25.0 && links > 0.5)
            || ((embeds == 1 && length < 75) || embeds > 1)
            || (img == 0.0 && textish == 0.0);
        if is_list && remove {
            // A list of pictures (every item an image) stays.
            if dom.element_children(node).any(|c| dom.element_children(c).count() > 1) {
                return remove;
            }
            if img as usize == count("li") {
                return false;
            }
        }
        remove
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_titles() {
        assert!(similarity("Port fire contained", "Port fire contained") > 0.99);
        assert!(similarity("Port fire contained", "Rail strike ends") < 0.1);
    }

    #[test]
    fn counts() {
        assert_eq!(commas("a, b, c，d"), 3);
        assert_eq!(word_count("  two words "), 2);
    }
}

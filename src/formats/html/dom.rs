//! A small document tree for `html5ever` to build: nodes in one vector,
//! named by index, so that the extraction can read, move and drop them
//! freely. Every walk over it is iterative, and nesting deeper than
//! [`MAX_DEPTH`] is flattened after parsing (as browsers cap DOM depth), so
//! hostile nesting can neither overflow the stack nor make the extraction's
//! per-element walks quadratic.

use html5ever::interface::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::RefCell;

/// The deepest an element sits; the content of deeper ones is moved up, in
/// order, to their ancestor at this depth. Real pages stay far below it.
pub(crate) const MAX_DEPTH: usize = 256;

/// A node's index in [`Dom::nodes`].
pub(crate) type Id = usize;

/// What a node is.
#[derive(Debug, Clone)]
pub(crate) enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<(LocalName, String)>,
    },
    Text(String),
    /// Comments, processing instructions, template contents: never text.
    Other,
}

/// A node and its links.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub data: Data,
}

/// A parsed document. Node 0 is the document.
#[derive(Debug, Clone)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses `html` the way browsers do.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink {
            dom: RefCell::new(Dom { nodes: vec![Node { parent: None, children: Vec::new(), data: Data::Document }] }),
        };
        let mut dom = parse_document(sink, Default::default()).one(StrTendril::from(html));
        dom.flatten();
        dom
    }

    /// Moves every node deeper than [`MAX_DEPTH`] up to be a child of its
    /// ancestor at that depth, keeping document order (text stays in order).
    fn flatten(&mut self) {
        let mut stack = vec![(0, 0)];
        while let Some((id, depth)) = stack.pop() {
            if depth + 1 < MAX_DEPTH {
                stack.extend(self.nodes[id].children.iter().map(|&c| (c, depth + 1)));
                continue;
            }
            let mut flat = Vec::new();
            let mut pending: Vec<Id> = self.nodes[id].children.iter().rev().copied().collect();
            while let Some(n) = pending.pop() {
                flat.push(n);
                pending.extend(std::mem::take(&mut self.nodes[n].children).into_iter().rev());
                self.nodes[n].parent = Some(id);
            }
            self.nodes[id].children = flat;
        }
    }

    /// The lower-case tag name of an HTML element; `""` for other nodes,
    /// and for SVG or MathML elements, whose text is not prose.
    pub fn tag(&self, id: Id) -> &str {
        match &self.nodes[id].data {
            Data::Element { name, .. } if name.ns == ns!(html) => &name.local,
            _ => "",
        }
    }

    /// Whether the node is an element (of any namespace).
    pub fn is_element(&self, id: Id) -> bool {
        matches!(self.nodes[id].data, Data::Element { .. })
    }

    /// The value of attribute `name` of an element.
    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs.iter().find(|(n, _)| &**n == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The node's children.
    pub fn children(&self, id: Id) -> &[Id] {
        &self.nodes[id].children
    }

    /// The element children of a node.
    pub fn element_children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.nodes[id].children.iter().copied().filter(|&c| self.is_element(c))
    }

    /// The node and all its descendants, in document order.
    pub fn subtree(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The descendant elements of `id` with tag `tag`, in document order.
    pub fn elements_by_tag(&self, id: Id, tag: &str) -> Vec<Id> {
        self.subtree(id).into_iter().skip(1).filter(|&n| self.tag(n) == tag).collect()
    }

    /// All the text under a node, as is.
    pub fn text_content(&self, id: Id) -> String {
        let mut out = String::new();
        for n in self.subtree(id) {
            if let Data::Text(t) = &self.nodes[n].data {
                out.push_str(t);
            }
        }
        out
    }

    /// The ancestors of a node, nearest first.
    pub fn ancestors(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        std::iter::successors(self.nodes[id].parent, |&p| self.nodes[p].parent)
    }

    /// Takes a node out of its parent (it stays in the vector, unreachable).
    pub fn detach(&mut self, id: Id) {
        if let Some(parent) = self.nodes[id].parent.take() {
            self.nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Adds a new element with no attributes; it is not attached.
    pub fn create_element(&mut self, tag: &str) -> Id {
        let name = QualName::new(None, ns!(html), LocalName::from(tag));
        self.push(Data::Element { name, attrs: Vec::new() })
    }

    /// Renames an HTML element (a `div` read as a paragraph).
    pub fn set_tag(&mut self, id: Id, tag: &str) {
        if let Data::Element { name, .. } = &mut self.nodes[id].data {
            name.local = LocalName::from(tag);
        }
    }

    /// Appends `child` (detached first) as the last child of `parent`.
    pub fn append(&mut self, parent: Id, child: Id) {
        self.detach(child);
        self.nodes[child].parent = Some(parent);
        self.nodes[parent].children.push(child);
    }

    /// Puts `new` where `old` is, and `old` out of the tree.
    pub fn replace(&mut self, old: Id, new: Id) {
        self.detach(new);
        if let Some(parent) = self.nodes[old].parent.take() {
            if let Some(slot) = self.nodes[parent].children.iter_mut().find(|c| **c == old) {
                *slot = new;
            }
            self.nodes[new].parent = Some(parent);
        }
    }

    fn push(&mut self, data: Data) -> Id {
        self.nodes.push(Node { parent: None, children: Vec::new(), data });
        self.nodes.len() - 1
    }

    fn insert_before(&mut self, sibling: Id, child: Id) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling].parent else { return };
        let at = self.nodes[parent].children.iter().position(|&c| c == sibling).unwrap_or(0);
        self.nodes[parent].children.insert(at, child);
        self.nodes[child].parent = Some(parent);
    }
}

/// The tree builder's view of the [`Dom`].
struct Sink {
    dom: RefCell<Dom>,
}

/// An element's name, owned, as the tree builder asks for it.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn new_node(&self, data: Data) -> Id {
        self.dom.borrow_mut().push(data)
    }

    /// Adds text to a text node at `previous`, or makes a new text node.
    fn text_node(&self, previous: Option<Id>, text: &str) -> Option<Id> {
        let mut dom = self.dom.borrow_mut();
        if let Some(Data::Text(t)) = previous.map(|p| &mut dom.nodes[p].data) {
            t.push_str(text);
            return None;
        }
        Some(dom.push(Data::Text(text.to_string())))
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name(&self, target: &Id) -> Name {
        match &self.dom.borrow().nodes[*target].data {
            Data::Element { name, .. } => Name(name.clone()),
            _ => Name(QualName::new(None, ns!(), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Id {
        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value.to_string())).collect();
        self.new_node(Data::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.new_node(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.new_node(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let child = match child {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                let last = self.dom.borrow().nodes[*parent].children.last().copied();
                match self.text_node(last, &text) {
                    Some(node) => node,
                    None => return,
                }
            }
        };
        self.dom.borrow_mut().append(*parent, child);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.dom.borrow().nodes[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, _target: &Id) -> Id {
        // Template contents are inert: they go to a node outside the tree.
        self.new_node(Data::Other)
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let child = match child {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                let previous = {
                    let dom = self.dom.borrow();
                    dom.nodes[*sibling].parent.and_then(|p| {
                        let siblings = &dom.nodes[p].children;
                        let at = siblings.iter().position(|c| c == sibling)?;
                        at.checked_sub(1).map(|i| siblings[i])
                    })
                };
                match self.text_node(previous, &text) {
                    Some(node) => node,
                    None => return,
                }
            }
        };
        self.dom.borrow_mut().insert_before(*sibling, child);
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: existing, .. } = &mut self.dom.borrow_mut().nodes[*target].data {
            for a in attrs {
                if !existing.iter().any(|(n, _)| *n == a.name.local) {
                    existing.push((a.name.local, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut dom = self.dom.borrow_mut();
        let children = std::mem::take(&mut dom.nodes[*node].children);
        for &c in &children {
            dom.nodes[c].parent = Some(*new_parent);
        }
        dom.nodes[*new_parent].children.extend(children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_a_browser() {
        let dom = Dom::parse("<!DOCTYPE html><p>One<p>Two &amp; <b>three</b><table><td>cell</table>");
        let ps = dom.elements_by_tag(0, "p");
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_content(ps[1]), "Two & three");
        assert_eq!(dom.elements_by_tag(0, "td").len(), 1);
    }

    #[test]
    fn deep_nesting_is_flattened_in_order() {
        let html = "<div>".repeat(MAX_DEPTH + 50)
            + "deep <b>bold</b> text"
            + &"</div>".repeat(MAX_DEPTH + 50)
            + "<p>after</p>";
        let dom = Dom::parse(&html);
        let depth = |id: Id| dom.ancestors(id).count();
        assert!(dom.subtree(0).into_iter().all(|n| depth(n) <= MAX_DEPTH));
        assert_eq!(dom.text_content(0), "deep bold textafter");
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        let dom = Dom::parse("<p><b>bold <i>both</b> italic</i> plain</p>");
        assert_eq!(dom.text_content(dom.elements_by_tag(0, "p")[0]), "bold both italic plain");
    }
}

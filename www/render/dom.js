// Builds DOM nodes from plain values. Text only ever goes in as text nodes
// and attributes through setAttribute, so nothing in an article or its name
// can become markup or a handler, and no bidi control in it can reach the
// text around its element (textNodes). Nodes are made by the document of the
// element they go into, so the views work in a page, a shadow root or a
// detached document (the HTML export).

/**
 * Creates `<tag>` in `doc` with `attrs` (null/false skipped, true as "")
 * and `children` (nodes, strings as text, arrays flattened, null skipped).
 */
export function h(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // Handlers are attached with addEventListener, never as attributes.
    if (/^on/i.test(name)) throw new Error(`event handler attribute ${name} refused`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children as h() takes them. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string' || typeof child === 'number') node.append(...textNodes(node.ownerDocument, String(child)));
    else node.append(child);
  }
  return node;
}

// Isolate initiators (LRI, RLI, FSI), their closing PDI, and the paragraph
// separators that end every isolate.
const BIDI_ISOLATES = /[\u2066-\u2069\n\r\u001c-\u001e\u0085\u2029]/g;

/**
 * `text` as text nodes. A PDI (U+2069) that closes no isolate opened before
 * it in `text` would close the isolation of the element it is in (dir="auto",
 * <bdi>), and an override after it (U+202E) would then reverse the page
 * around that element: such a PDI goes alone in an inline-block, a paragraph
 * of its own, where it closes nothing. The text itself is unchanged.
 */
export function textNodes(doc, text) {
  if (!text.includes('\u2069')) return [doc.createTextNode(text)];
  const nodes = [];
  let open = 0;
  let from = 0;
  for (const { 0: mark, index } of text.matchAll(BIDI_ISOLATES)) {
    if (mark >= '\u2066' && mark <= '\u2068') open++;
    else if (mark !== '\u2069') open = 0; // a paragraph separator ends them all
    else if (open) open--;
    else {
      if (index > from) nodes.push(doc.createTextNode(text.slice(from, index)));
      const stray = doc.createElement('span');
      stray.style.display = 'inline-block';
      stray.textContent = mark;
      nodes.push(stray);
      from = index + 1;
    }
  }
  if (from < text.length) nodes.push(doc.createTextNode(text.slice(from)));
  return nodes;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * `text` as nodes, with each [start, end) range of `ranges` (sorted, not
 * overlapping) in a <mark class="ac-disc">: where a discrepancy sits.
 */
export function markedText(doc, text, ranges) {
  const nodes = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) nodes.push(...textNodes(doc, text.slice(at, start)));
    nodes.push(h(doc, 'mark', { class: 'ac-disc' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) nodes.push(...textNodes(doc, text.slice(at)));
  return nodes;
}

const SVG = 'http://www.w3.org/2000/svg';

// 24×24 stroke icons (paths drawn for this project).
const ICONS = {
  alert: ['M12 4l9 16H3z', 'M12 10v4', 'M12 17v.5'],
  check: ['M5 12l5 5 9-10'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  jump: ['M5 12h13', 'M13 7l5 5-5 5'],
  moved: ['M8 4v16', 'M5 7l3-3 3 3', 'M16 20V4', 'M13 17l3 3 3-3'],
};

/** An inline SVG icon, hidden from assistive technology. */
export function icon(doc, name) {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `ac-icon ac-icon-${name}`);
  for (const d of ICONS[name]) {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

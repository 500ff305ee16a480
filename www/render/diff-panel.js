// The inspector: for one segment, how each other article tells it — the
// kind and strength of each match, the discrepancies called out ("14 →
// 17"), and the word-level difference rendered with <del>/<ins> from the
// match's diff ops. Also the legend shown while nothing is selected.

import { h, icon, markedText } from './dom.js';
import { orientMatch } from '../model/report.js';
import {
  DISCREPANCY_HINTS, DISCREPANCY_LABELS, KIND_HINTS, KIND_LABELS, STATUS_LABELS, groupClass, groupNumber, percent,
} from './palette.js';

/**
 * Renders into `root` what the inspector shows for segment `ref` of
 * `model` (null: the legend). `onJump(ref)` is called when the reader asks
 * to go to a counterpart; `pinned` says whether the selection is held.
 */
export function renderInspector(root, model, ref, { onJump = () => {}, pinned = false } = {}) {
  const doc = root.ownerDocument;
  root.replaceChildren(ref ? segmentDetails(doc, model, ref, onJump, pinned) : legend(doc));
}

function segmentDetails(doc, model, ref, onJump, pinned) {
  const segment = model.segment(ref);
  const status = model.status(ref);
  const name = model.documents[ref.doc].name;
  const counterparts = model.counterparts(ref);
  const articles = new Set(counterparts.map((c) => c.ref.doc));

  const chips = [statusChip(doc, status, segment)];
  if (model.isMoved(ref)) chips.push(h(doc, 'span', { class: 'ac-chip ac-chip-moved' }, icon(doc, 'moved'), 'Moved'));

  const content = [
    h(doc, 'header', { class: 'ac-insp-head' },
      h(doc, 'p', { class: 'ac-insp-where' },
        h(doc, 'span', { class: 'ac-insp-doc', dir: 'auto' }, name),
        ` · ${roleWord(segment.role)} ${ref.segment + 1}`),
      h(doc, 'p', { class: 'ac-insp-chips' }, chips),
      h(doc, 'p', { class: 'ac-insp-hint' }, pinned ? 'Pinned. Esc to release.' : 'Click the sentence to pin it here.')),
    h(doc, 'blockquote', { class: 'ac-insp-text', dir: 'auto' }, markedText(doc, segment.text, model.discrepancyRanges(ref))),
  ];

  if (status === 'shared') {
    content.push(h(doc, 'h3', { class: 'ac-insp-title' },
      articles.size === 1 ? 'Also in 1 other article' : `Also in ${articles.size} other articles`));
    content.push(h(doc, 'p', { class: 'ac-diff-legend' },
      'Differences from this sentence: ', h(doc, 'del', {}, 'only here'), ' ', h(doc, 'ins', {}, 'only there')));
    content.push(h(doc, 'ol', { class: 'ac-counterparts' },
      counterparts.map((c) => counterpartCard(doc, model, ref, c, onJump))));
  } else {
    content.push(h(doc, 'p', { class: 'ac-insp-note' }, STATUS_NOTES[status]));
  }
  return h(doc, 'div', { class: 'ac-insp' }, content);
}

const STATUS_NOTES = {
  unique: 'No other article says this: it is only in this one.',
  boilerplate: 'Page chrome (navigation, teasers, adverts): not part of the article, so it is left out of the comparison.',
  other: 'A byline, date or caption that no other article shares. It is not counted as article text.',
};

function roleWord(role) {
  return { title: 'headline', body: 'sentence', meta: 'line', caption: 'caption', boilerplate: 'line' }[role] ?? 'segment';
}

function statusChip(doc, status, segment) {
  if (status === 'shared') {
    return h(doc, 'span', { class: `ac-chip ac-chip-shared ${groupClass(segment.group)}` },
      h(doc, 'span', { class: 'ac-chip-number' }, groupNumber(segment.group)), 'Shared passage');
  }
  return h(doc, 'span', { class: `ac-chip ac-chip-${status}` }, STATUS_LABELS[status]);
}

function counterpartCard(doc, model, ref, { ref: other, match }, onJump) {
  const name = model.documents[other.doc].name;
  const jump = h(doc, 'button', { type: 'button', class: 'ac-cp-jump', 'data-doc': other.doc, 'data-segment': other.segment },
    h(doc, 'span', { class: 'ac-cp-name', dir: 'auto' }, name), icon(doc, 'jump'));
  jump.setAttribute('aria-label', `Go to ${name}, ${roleWord(model.segment(other).role)} ${other.segment + 1}`);
  jump.addEventListener('click', () => onJump(other));

  if (!match) {
    return h(doc, 'li', { class: 'ac-cp ac-cp-indirect' },
      h(doc, 'div', { class: 'ac-cp-head' }, jump),
      h(doc, 'p', { class: 'ac-cp-note' }, 'Linked through another article’s version of this sentence.'),
      h(doc, 'p', { class: 'ac-cp-text', dir: 'auto' }, model.segment(other).text));
  }

  const oriented = orientMatch(match, ref);
  const mine = model.segment(ref).text;
  const theirs = model.segment(other).text;
  const head = h(doc, 'div', { class: 'ac-cp-head' },
    jump,
    h(doc, 'span', { class: `ac-kind ac-kind-${match.kind}`, title: KIND_HINTS[match.kind] ?? '' }, KIND_LABELS[match.kind] ?? match.kind),
    h(doc, 'span', { class: 'ac-score' }, `${percent(match.score)} match`));
  if (model.movedBetween(ref, other)) head.append(h(doc, 'span', { class: 'ac-chip ac-chip-moved' }, icon(doc, 'moved'), 'Moved'));

  return h(doc, 'li', { class: 'ac-cp' },
    head,
    oriented.discrepancies.length
      ? h(doc, 'ul', { class: 'ac-disc-list' }, oriented.discrepancies.map((d) => discrepancyItem(doc, d, mine, theirs)))
      : null,
    h(doc, 'p', { class: 'ac-diff', dir: 'auto' },
      oriented.ops.length ? diffNodes(doc, oriented.ops, mine, theirs) : theirs));
}

/** One discrepancy: kind, this side → the other side. */
export function discrepancyItem(doc, d, mine, theirs) {
  const value = (span, text) => (span.end > span.start ? text.slice(span.start, span.end) : '');
  const a = value(d.mine, mine);
  const b = value(d.theirs, theirs);
  return h(doc, 'li', { class: `ac-disc-item ac-disc-${d.kind}` },
    h(doc, 'span', { class: 'ac-disc-kind', title: DISCREPANCY_HINTS[d.kind] ?? '' }, icon(doc, 'alert'), DISCREPANCY_LABELS[d.kind] ?? d.kind),
    h(doc, 'span', { class: 'ac-disc-values' },
      a ? h(doc, 'span', { class: 'ac-disc-from', dir: 'auto' }, a) : h(doc, 'span', { class: 'ac-disc-none' }, 'absent'),
      h(doc, 'span', { class: 'ac-disc-arrow', 'aria-label': 'becomes' }, ' → '),
      b ? h(doc, 'span', { class: 'ac-disc-to', dir: 'auto' }, b) : h(doc, 'span', { class: 'ac-disc-none' }, 'absent')));
}

/**
 * The other side's text with the differences marked: words only in this
 * segment as <del>, words only in the other as <ins>. Ranges of the ops
 * leave out the whitespace and punctuation between words, which is taken
 * from the other side.
 */
export function diffNodes(doc, ops, mine, theirs) {
  const nodes = [];
  let at = 0;
  const theirsUpTo = (end) => {
    if (end > at) nodes.push(theirs.slice(at, end));
    at = Math.max(at, end);
  };
  for (const op of ops) {
    const [ms, me] = op.mine;
    const [ts, te] = op.theirs;
    theirsUpTo(ts);
    switch (op.tag) {
      case 'equal':
        theirsUpTo(te);
        break;
      case 'only_theirs':
        nodes.push(h(doc, 'ins', {}, theirs.slice(ts, te)));
        at = te;
        break;
      case 'only_mine': {
        nodes.push(h(doc, 'del', {}, mine.slice(ms, me)));
        // Keep the deleted words apart from the next word.
        const next = theirs.charAt(at);
        if (next && !/\s/.test(next) && /\s$/.test(theirs.slice(0, at))) nodes.push(' ');
        break;
      }
      case 'replace':
        nodes.push(h(doc, 'del', {}, mine.slice(ms, me)), h(doc, 'ins', {}, theirs.slice(ts, te)));
        at = te;
        break;
      default:
        break;
    }
  }
  theirsUpTo(theirs.length);
  return nodes;
}

/** What the marks in the columns mean, with samples styled as the real thing. */
export function legend(doc) {
  const sample = (attrs, text) => h(doc, 'span', { class: 'ac-seg ac-sample', ...attrs }, text);
  const row = (sampleNode, words) => h(doc, 'li', {}, sampleNode, h(doc, 'span', { class: 'ac-legend-words' }, words));
  return h(doc, 'div', { class: 'ac-insp ac-insp-empty' },
    h(doc, 'h3', { class: 'ac-insp-title' }, 'Inspect a sentence'),
    h(doc, 'p', { class: 'ac-insp-note' },
      'Point at a sentence, or Tab to it, to see how each other article tells it, word by word. Click it to pin it here and line up the other columns.'),
    h(doc, 'ul', { class: 'ac-legend' },
      row(sample({ 'data-status': 'shared', 'data-number': '3', class: `ac-seg ac-sample ${groupClass(2)}` }, 'Shared'),
        'Said in several articles; the number and colour name the passage.'),
      row(sample({ 'data-status': 'unique' }, 'Unique'), 'Only in this article.'),
      row(sample({ 'data-status': 'shared', 'data-number': '5', 'data-discrepancy': '', class: `ac-seg ac-sample ${groupClass(4)}` },
        ['Said ', h(doc, 'mark', { class: 'ac-disc' }, '14'), ' times']), 'A figure, quote, name, negation or hedge differs.'),
      row(sample({ 'data-status': 'shared', 'data-number': '7', 'data-moved': '', class: `ac-seg ac-sample ${groupClass(6)}` }, 'Moved'),
        'Part of a passage placed elsewhere in another article.'),
      row(sample({ 'data-status': 'boilerplate' }, 'Advertisement'), 'Page chrome, left out of the comparison.')));
}

// The summary of a comparison: per article the share of shared and unique
// text, the pairwise overlap as a heat map, the discrepancies, the moved
// passages and each article's unique passages. Every entry can take the
// reader to its place in the columns (`onJump`).

import { h, icon, markedText } from './dom.js';
import { DISCREPANCY_HINTS, DISCREPANCY_LABELS, articleLetter, excerpt, percent, plural } from './palette.js';

// Lists stop here (long articles can have thousands of entries); the
// columns' filters and shortcuts reach the rest.
const LIST_LIMIT = 200;

/** An ordered list of the first LIST_LIMIT items, with a note of how many more there are. */
function limitedList(doc, items, render) {
  const list = h(doc, 'ol', { class: 'ac-sum-list' }, items.slice(0, LIST_LIMIT).map(render));
  if (items.length <= LIST_LIMIT) return list;
  return [list, h(doc, 'p', { class: 'ac-sum-more' },
    `and ${(items.length - LIST_LIMIT).toLocaleString('en')} more; the filters of the side-by-side view show them all.`)];
}

/**
 * Renders the summary of `model` into `root`. `onJump(ref, {against})`
 * receives the segment to show and, for overlap cells, the document it is
 * compared against.
 */
export function renderSummary(root, model, { onJump = () => {} } = {}) {
  const doc = root.ownerDocument;
  const action = (attrs, children, ref, extra) => {
    const button = h(doc, 'button', { type: 'button', ...attrs }, children);
    button.addEventListener('click', () => onJump(ref, extra));
    return button;
  };
  const section = (name, title, ...content) =>
    h(doc, 'section', { class: `ac-sum-section ac-sum-${name}`, 'aria-label': title }, h(doc, 'h3', { class: 'ac-sum-title' }, title), content);

  root.replaceChildren(h(doc, 'div', { class: 'ac-summary' },
    section('articles', 'How much each article shares', articleCards(doc, model, action)),
    h(doc, 'div', { class: 'ac-sum-grid' },
      section('overlap', 'Who shares with whom', overlapTable(doc, model, action)),
      section('discrepancies', `Discrepancies (${model.discrepancies.length})`, discrepancyList(doc, model, action))),
    movedList(doc, model, action, section),
    section('unique', 'What only one article says', uniqueLists(doc, model, action))));
}

function articleCards(doc, model, action) {
  return h(doc, 'ol', { class: 'ac-sum-cards' }, model.documents.map((d, i) => {
    const s = d.stats;
    const bar = h(doc, 'div', { class: 'ac-bar ac-bar-large', 'aria-hidden': 'true' },
      h(doc, 'span', { class: 'ac-bar-shared' }), h(doc, 'span', { class: 'ac-bar-unique' }));
    bar.children[0].style.width = `${s.shared_share * 100}%`;
    bar.children[1].style.width = `${s.unique_share * 100}%`;
    const details = [`${plural(s.shared_segments, 'sentence')} shared`, `${s.unique_segments.toLocaleString('en')} unique`];
    if (s.boilerplate_segments) details.push(`${plural(s.boilerplate_segments, 'line')} of page chrome left out`);
    // The name leads to the article's first sentence in the columns.
    const first = d.segments.findIndex((seg) => seg.role === 'title' || seg.role === 'body');
    const name = first >= 0
      ? action({ class: 'ac-sum-card-jump', dir: 'auto', title: `Show ${d.name} in the columns` }, d.name, { doc: i, segment: first })
      : d.name;
    return h(doc, 'li', { class: 'ac-sum-card' },
      h(doc, 'h4', { class: 'ac-sum-card-name', dir: 'auto', title: d.name }, name),
      s.content_segments
        ? [
          h(doc, 'p', { class: 'ac-sum-figures' },
            h(doc, 'span', { class: 'ac-sum-figure' }, h(doc, 'strong', {}, percent(s.shared_share)), ' shared'),
            h(doc, 'span', { class: 'ac-sum-figure ac-sum-figure-unique' }, h(doc, 'strong', {}, percent(s.unique_share)), ' unique')),
          bar,
          h(doc, 'p', { class: 'ac-sum-card-details' }, details.join(' · ')),
        ]
        : h(doc, 'p', { class: 'ac-sum-card-details' }, 'No article text found.'));
  }));
}

function overlapTable(doc, model, action) {
  const { documents, report } = model;
  const head = h(doc, 'tr', {},
    h(doc, 'td', { class: 'ac-heat-corner' }),
    documents.map((d, j) => h(doc, 'th', { scope: 'col', title: d.name },
      h(doc, 'span', { class: 'ac-heat-letter' }, articleLetter(j)), h(doc, 'span', { class: 'ac-heat-colname', dir: 'auto' }, d.name))));
  const rows = documents.map((d, i) => h(doc, 'tr', {},
    h(doc, 'th', { scope: 'row', title: d.name },
      h(doc, 'span', { class: 'ac-heat-letter' }, articleLetter(i)), h(doc, 'span', { class: 'ac-heat-rowname', dir: 'auto' }, d.name)),
    documents.map((other, j) => {
      if (i === j) return h(doc, 'td', { class: 'ac-heat-self' }, h(doc, 'span', { 'aria-label': 'same article' }, '—'));
      const share = report.overlap[i]?.[j] ?? 0;
      const label = `${percent(share)} of ${d.name} is found in ${other.name}`;
      const first = model.passagesBetween(i, j)[0];
      const cell = first
        ? action({ class: 'ac-heat-value', 'aria-label': label, title: label }, percent(share), { doc: i, segment: first.from.first }, { against: j })
        : h(doc, 'span', { class: 'ac-heat-value', 'aria-label': label, title: label }, percent(share));
      return h(doc, 'td', { class: `ac-heat-${Math.round(share * 10)}` }, cell);
    })));
  return [
    h(doc, 'p', { class: 'ac-sum-lede' }, 'Read across: the share of the row’s article that is found in the column’s article.'),
    h(doc, 'div', { class: 'ac-heat-wrap' },
      h(doc, 'table', { class: 'ac-heat' },
        h(doc, 'caption', { class: 'ac-visually-hidden' }, 'Share of each row’s article found in each column’s article'),
        h(doc, 'thead', {},
          h(doc, 'tr', {}, h(doc, 'td', {}), h(doc, 'th', { colspan: documents.length, scope: 'colgroup', class: 'ac-heat-axis' }, 'found in →')),
          head),
        h(doc, 'tbody', {}, rows))),
    h(doc, 'p', { class: 'ac-heat-scale', 'aria-hidden': 'true' },
      h(doc, 'span', {}, '0%'), h(doc, 'span', { class: 'ac-heat-ramp' }), h(doc, 'span', {}, '100%')),
  ];
}

function discrepancyList(doc, model, action) {
  if (!model.discrepancies.length) {
    return h(doc, 'p', { class: 'ac-sum-empty' }, icon(doc, 'check'), 'No discrepancies: where the articles share a sentence, its figures, quotes, names, speakers, negations and hedges agree.');
  }
  const item = (d) => {
    const a = model.segment(d.a);
    const from = model.documents[d.a.doc].name;
    const to = model.documents[d.b.doc].name;
    return h(doc, 'li', {}, action({ class: 'ac-sum-item ac-sum-disc' }, [
      h(doc, 'span', { class: 'ac-sum-item-head' },
        h(doc, 'span', { class: `ac-disc-kind ac-disc-${d.kind}`, title: DISCREPANCY_HINTS[d.kind] ?? '' }, icon(doc, 'alert'), DISCREPANCY_LABELS[d.kind] ?? d.kind),
        h(doc, 'span', { class: 'ac-disc-values' },
          h(doc, 'span', { class: 'ac-disc-from', dir: 'auto' }, d.aSpan.text || 'absent'),
          h(doc, 'span', { class: 'ac-disc-arrow' }, ' → '),
          h(doc, 'span', { class: 'ac-disc-to', dir: 'auto' }, d.bSpan.text || 'absent'))),
      h(doc, 'span', { class: 'ac-sum-where' }, h(doc, 'span', { dir: 'auto' }, from), ' → ', h(doc, 'span', { dir: 'auto' }, to)),
      h(doc, 'span', { class: 'ac-sum-context', dir: 'auto' }, markedText(doc, a.text, [[d.aSpan.start, d.aSpan.end]].filter(([s, e]) => e > s))),
    ], d.a, { against: d.b.doc }));
  };
  // Cosmetic ones (spelling variants) wait behind a disclosure the reader opens.
  const substantive = model.discrepancies.filter((d) => d.severity !== 'cosmetic');
  const cosmetic = model.discrepancies.filter((d) => d.severity === 'cosmetic');
  return [
    substantive.length ? limitedList(doc, substantive, item) : h(doc, 'p', { class: 'ac-sum-empty' }, icon(doc, 'check'), 'Figures, quotes, names, speakers, negations and hedges agree.'),
    cosmetic.length ? h(doc, 'details', { class: 'ac-sum-cosmetic' },
      h(doc, 'summary', {}, `Spelling variants (${cosmetic.length})`),
      limitedList(doc, cosmetic, item)) : null,
  ];
}

function movedList(doc, model, action, section) {
  const moved = model.report.passages.filter((p) => p.moved);
  if (!moved.length) return null;
  return section('moved', `Moved passages (${moved.length})`,
    h(doc, 'p', { class: 'ac-sum-lede' }, 'Shared passages that sit at a different place in the other article.'),
    limitedList(doc, moved, (p) => {
      const first = { doc: p.a.doc, segment: p.a.first };
      return h(doc, 'li', {}, action({ class: 'ac-sum-item' }, [
        h(doc, 'span', { class: 'ac-sum-item-head' }, icon(doc, 'moved'),
          h(doc, 'span', {}, h(doc, 'span', { dir: 'auto' }, model.documents[p.a.doc].name), ' ↔ ', h(doc, 'span', { dir: 'auto' }, model.documents[p.b.doc].name)),
          h(doc, 'span', { class: 'ac-sum-count' }, plural(p.length, 'sentence'))),
        h(doc, 'span', { class: 'ac-sum-context', dir: 'auto' }, excerpt(model.segment(first).text)),
      ], first, { against: p.b.doc }));
    }));
}

function uniqueLists(doc, model, action) {
  return model.documents.map((d, i) => {
    const runs = model.uniquePassages[i];
    // The name isolated: a right-to-left name or an override in it leaves the words after it alone.
    const heading = [
      h(doc, 'span', { dir: 'auto' }, d.name),
      `: ${runs.length ? `${plural(d.stats.unique_segments, 'sentence')}, ${percent(d.stats.unique_share)} of its text` : 'nothing of its own'}`,
    ];
    const list = runs.length
      ? limitedList(doc, runs, (run) => {
        const count = run.last - run.first + 1;
        const text = d.segments.slice(run.first, run.last + 1).map((s) => s.text).join(' ');
        return h(doc, 'li', {}, action({ class: 'ac-sum-item ac-sum-unique-item' }, [
          h(doc, 'span', { class: 'ac-sum-context', dir: 'auto' }, excerpt(text, 220)),
          count > 1 ? h(doc, 'span', { class: 'ac-sum-count' }, plural(count, 'sentence')) : null,
        ], { doc: i, segment: run.first }));
      })
      : h(doc, 'p', { class: 'ac-sum-empty' }, 'Everything this article says is also in another one.');
    return h(doc, 'details', { class: 'ac-sum-unique-doc', open: runs.length > 0 },
      h(doc, 'summary', { class: 'ac-sum-unique-name' }, h(doc, 'span', { dir: 'auto' }, heading)), list);
  });
}

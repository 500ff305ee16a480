// The view model of a report: the indexes every view needs (each segment's
// status, matches, counterparts, discrepancy ranges and moved flag; the list
// of discrepancies; each article's unique passages), derived once from the
// report object that compare() returns. Pure data, no DOM: the app, the
// widget and the exports all read the report through it.

/** Status of a segment: what the views mark it as. */
export function segmentStatus(segment) {
  if (segment.group !== null && segment.group !== undefined) return 'shared';
  if (segment.role === 'boilerplate') return 'boilerplate';
  if (segment.role === 'title' || segment.role === 'body') return 'unique';
  // A byline, date or caption that matches nothing: not content, so
  // neither shared nor unique.
  return 'other';
}

/** Merges overlapping or touching [start, end) ranges. */
function mergeRanges(ranges) {
  const sorted = ranges.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Derives the view model of `report`, whose documents' texts were `texts`
 * (the report keeps the segments, not the whitespace between them).
 * Segments are named by refs `{doc, segment}` as in the report.
 */
export function buildModel(report, texts = []) {
  const steps = modelSteps(report, texts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same model, built a time slice of about `budgetMs` at a time: a
 * report of 100,000 segments takes tens of milliseconds to index, which
 * in one task would hold the page.
 */
export async function buildModelInSlices(report, texts = [], { budgetMs = 8 } = {}) {
  const steps = modelSteps(report, texts);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

// Items between two points where building the model may pause.
const STEP_ITEMS = 2000;

/** Builds the model, yielding every STEP_ITEMS items or so; returns it. */
function* modelSteps(report, texts) {
  const { documents, matches, groups, passages } = report;
  // Long reports have ~100,000 segments, most of them without matches or
  // discrepancies: those lists are made only where there is something to
  // list, and flags are bytes.
  const sparse = () => documents.map((d) => new Array(d.segments.length));
  const flags = () => documents.map((d) => new Uint8Array(d.segments.length));
  let work = 0;
  const due = () => ++work % STEP_ITEMS === 0;

  // What each document has, for the filters: {unique, shared, discrepancies}.
  const present = documents.map(() => ({ unique: false, shared: false, discrepancies: false }));
  const status = [];
  for (const [doc, d] of documents.entries()) {
    const statuses = new Array(d.segments.length);
    for (let i = 0; i < statuses.length; i++) {
      statuses[i] = segmentStatus(d.segments[i]);
      if (statuses[i] === 'unique' || statuses[i] === 'shared') present[doc][statuses[i]] = true;
      if (due()) yield;
    }
    status.push(statuses);
  }

  const matchesOf = sparse();
  const discrepancyRanges = sparse();
  const discrepant = flags();
  for (let index = 0; index < matches.length; index++) {
    if (due()) yield;
    const m = matches[index];
    (matchesOf[m.a.doc][m.a.segment] ??= []).push(index);
    (matchesOf[m.b.doc][m.b.segment] ??= []).push(index);
    if (!m.discrepancies.length) continue;
    discrepant[m.a.doc][m.a.segment] = 1;
    discrepant[m.b.doc][m.b.segment] = 1;
    present[m.a.doc].discrepancies = present[m.b.doc].discrepancies = true;
    for (const d of m.discrepancies) {
      (discrepancyRanges[m.a.doc][m.a.segment] ??= []).push([d.a.start, d.a.end]);
      (discrepancyRanges[m.b.doc][m.b.segment] ??= []).push([d.b.start, d.b.end]);
    }
  }
  for (const doc of discrepancyRanges) {
    for (let i = 0; i < doc.length; i++) {
      if (doc[i]) doc[i] = mergeRanges(doc[i]);
      if (due()) yield;
    }
  }

  // Only the matched segments of a moved passage moved; chrome or captions
  // inside the run did not.
  const moved = flags();
  for (const p of passages) {
    if (!p.moved) continue;
    for (const run of [p.a, p.b]) {
      for (let s = run.first; s <= run.last; s++) {
        if (status[run.doc][s] === 'shared') moved[run.doc][s] = 1;
        if (due()) yield;
      }
    }
  }

  const discrepancies = [];
  for (let match = 0; match < matches.length; match++) {
    const m = matches[match];
    for (const d of m.discrepancies) {
      discrepancies.push({ match, kind: d.kind, severity: d.severity, a: m.a, b: m.b, aSpan: d.a, bSpan: d.b });
    }
    if (due()) yield;
  }
  // Substantive first (a figure, a quote, who said it), then cosmetic
  // spellings; each in reading order.
  const cosmetic = (d) => (d.severity === 'cosmetic' ? 1 : 0);
  discrepancies.sort((x, y) => cosmetic(x) - cosmetic(y) || x.a.doc - y.a.doc || x.a.segment - y.a.segment || x.b.doc - y.b.doc || x.b.segment - y.b.segment);

  const uniquePassages = [];
  for (const [doc, d] of documents.entries()) {
    const runs = [];
    let run = null;
    for (let i = 0; i < d.segments.length; i++) {
      if (due()) yield;
      if (status[doc][i] !== 'unique') {
        run = null;
        continue;
      }
      if (!run) runs.push((run = { doc, first: i, last: i, length: 0 }));
      run.last = i;
      run.length += d.segments[i].end - d.segments[i].start;
    }
    uniquePassages.push(runs);
  }

  const wholeTexts = [];
  const model = {
    report,
    documents,
    /** The document's whole text (rebuilt with line breaks when not given). */
    text: (doc) => (wholeTexts[doc] ??= texts[doc] ?? rebuildText(documents[doc])),
    segment: (ref) => documents[ref.doc].segments[ref.segment],
    status: (ref) => status[ref.doc][ref.segment],
    matchesOf: (ref) => (matchesOf[ref.doc][ref.segment] ?? []).map((i) => matches[i]),
    hasDiscrepancy: (ref) => discrepant[ref.doc][ref.segment] === 1,
    discrepancyRanges: (ref) => discrepancyRanges[ref.doc][ref.segment] ?? [],
    isMoved: (ref) => moved[ref.doc][ref.segment] === 1,
    /** Whether document `doc` has any segment that `filter` (unique, shared or discrepancies) shows. */
    has: (doc, filter) => present[doc][filter] ?? true,
    discrepancies,
    uniquePassages,

    /**
     * The segment's counterparts: every segment it matches directly, and the
     * members of its group in documents where it matches nothing directly
     * (linked through another article's version, `match` null), in
     * document order.
     */
    counterparts(ref) {
      const direct = new Map();
      for (const i of matchesOf[ref.doc][ref.segment] ?? []) {
        const m = matches[i];
        const other = m.a.doc === ref.doc && m.a.segment === ref.segment ? m.b : m.a;
        direct.set(`${other.doc}:${other.segment}`, { ref: other, match: m });
      }
      const matchedDocs = new Set([...direct.values()].map((c) => c.ref.doc));
      const group = model.segment(ref).group;
      const indirect = group === null || group === undefined ? [] : groups[group].members
        .filter((r) => r.doc !== ref.doc && !matchedDocs.has(r.doc))
        .map((r) => ({ ref: r, match: null }));
      return [...direct.values(), ...indirect]
        .sort((x, y) => x.ref.doc - y.ref.doc || x.ref.segment - y.ref.segment);
    },

    /** Whether `x` and `y` are matched within a passage that moved between their documents. */
    movedBetween(x, y) {
      const within = (run, ref) => run.doc === ref.doc && run.first <= ref.segment && ref.segment <= run.last;
      return passages.some((p) => p.moved && ((within(p.a, x) && within(p.b, y)) || (within(p.a, y) && within(p.b, x))));
    },

    /** Shared passages of two documents, in the first one's order. */
    passagesBetween(i, j) {
      return passages
        .filter((p) => (p.a.doc === i && p.b.doc === j) || (p.a.doc === j && p.b.doc === i))
        .map((p) => (p.a.doc === i ? { from: p.a, to: p.b, moved: p.moved } : { from: p.b, to: p.a, moved: p.moved }))
        .sort((x, y) => x.from.first - y.from.first);
    },

    totals: {
      documents: documents.length,
      passages: passages.length,
      moved: passages.filter((p) => p.moved).length,
      groups: groups.length,
      unique: documents.reduce((n, d) => n + d.stats.unique_segments, 0),
      discrepancies: discrepancies.length,
    },
  };
  return model;
}

/**
 * A document's text from its segments alone, for a report that comes
 * without its texts: a one-character gap becomes a space, a longer one a
 * line break padded to keep every offset right.
 */
function rebuildText(document) {
  let text = '';
  for (const s of document.segments) {
    const gap = s.start - text.length;
    if (gap > 0) text += gap === 1 ? ' ' : `\n${' '.repeat(gap - 1)}`;
    text += s.text;
  }
  return text + ' '.repeat(Math.max(0, document.length - text.length));
}

/**
 * Orients a match from the segment `ref` towards its other side: returns
 * {other, mine, theirs, ops, discrepancies} where `ops` and the
 * discrepancies' `mine`/`theirs` index the segment's and the other
 * segment's texts, and `only_mine`/`only_theirs` replace delete/insert.
 */
export function orientMatch(match, ref) {
  const fromA = match.a.doc === ref.doc && match.a.segment === ref.segment;
  const side = (pair) => (fromA ? { mine: pair.a, theirs: pair.b } : { mine: pair.b, theirs: pair.a });
  const tags = fromA
    ? { equal: 'equal', delete: 'only_mine', insert: 'only_theirs', replace: 'replace' }
    : { equal: 'equal', delete: 'only_theirs', insert: 'only_mine', replace: 'replace' };
  return {
    other: fromA ? match.b : match.a,
    ops: match.diff.map((op) => ({ tag: tags[op.op] ?? op.op, ...side(op) })),
    discrepancies: match.discrepancies.map((d) => ({ kind: d.kind, ...side(d) })),
  };
}

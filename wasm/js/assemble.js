// Builds the report's large arrays from the column of numbers the wasm
// hands over (wasm/src/handover.rs writes it): the same objects serde
// would build, field for field and in the same order, without a crossing
// of the wasm boundary per field.

/**
 * The report from its parts. `parts` holds what serde made of the rest:
 * the report's other fields in their order (`[version, options,
 * documents, overlap, warnings, semantic_model]`, each document as `[name,
 * length, stats, source]`), the role, match kind and diff operation names
 * that the numbers give by index, and the discrepancies of the matches
 * that have any. `texts` are the documents' texts, which each segment's
 * text is cut from (offsets are UTF-16 code units).
 */
export function assembleReport(parts, numbers, scores, texts) {
  const [[version, options, documents, overlap, warnings, semanticModel], [roles, kinds, tags], discrepancies] = parts;
  let i = 0;
  let listed = 0;
  const next = () => numbers[i++];
  // `count` objects made by `make(index)`, in order.
  const list = (make, count = next()) => {
    const out = new Array(count);
    for (let k = 0; k < count; k++) out[k] = make(k);
    return out;
  };
  const ref = () => ({ doc: next(), segment: next() });
  const run = () => ({ doc: next(), first: next(), last: next() });
  const range = () => [next(), next()];
  return {
    version,
    options,
    documents: documents.map(([name, length, stats, source], d) => {
      const segments = list(() => {
        const [start, end, role, group] = [next(), next(), roles[next()], next()];
        return { start, end, text: texts[d].slice(start, end), role, group: group ? group - 1 : null };
      });
      // serde leaves out a source that is None.
      return source === null ? { name, length, segments, stats } : { name, length, segments, stats, source };
    }),
    matches: list((m) => {
      const [a, b, kind, ops, listing] = [ref(), ref(), kinds[next()], next(), next()];
      const diff = list(() => ({ op: tags[next()], a: range(), b: range() }), ops);
      return { a, b, kind, score: scores[m], diff, discrepancies: listing ? discrepancies[listed++] : [] };
    }),
    groups: list(() => ({ members: list(ref), documents: list(next) })),
    passages: list(() => ({ a: run(), b: run(), length: next(), moved: next() === 1 })),
    overlap,
    warnings,
    semantic_model: semanticModel,
  };
}

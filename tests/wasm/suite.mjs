// The behavioural suite of the wasm API, shared by the node runner
// (node.test.mjs) and the browser runner (tests/browser): each case gets
// the module's exports and throws on failure.

const wire = {
  name: 'Wire',
  text: 'Fire hits Rotterdam port\n\nAt least 14 workers were injured in the fire, officials said. The terminal will stay closed until Wednesday.',
};
const daily = {
  name: 'Daily',
  text: 'The terminal will stay closed until Wednesday. At least 17 workers were injured in the fire, officials said on Sunday. 😀 The union blamed battery storage.',
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function rejects(fn, kind, field) {
  try {
    fn();
  } catch (e) {
    check(e instanceof Error, `expected an Error, got ${e}`);
    check(e.name === 'ArticleCompareError', `name ${e.name}`);
    check(e.kind === kind, `kind ${e.kind}, expected ${kind} (${e.message})`);
    check(e.field === field, `field ${e.field}, expected ${field}`);
    check(e.message.length > 10, 'a message a person can act on');
    return e;
  }
  throw new Error(`expected ${kind} to be thrown`);
}

export const cases = {
  'version is a semver string': (api) => {
    check(/^\d+\.\d+\.\d+/.test(api.version()), api.version());
  },

  'compare returns plain objects with UTF-16 offsets': (api) => {
    const report = api.compare([wire, daily]);
    check(Object.getPrototypeOf(report) === Object.prototype, 'a plain object, not a Map');
    check(report.documents.length === 2, 'two documents');
    for (const [i, doc] of report.documents.entries()) {
      const text = [wire, daily][i].text;
      check(doc.length === text.length, 'length in UTF-16 units');
      for (const s of doc.segments) {
        check(text.slice(s.start, s.end) === s.text, `offsets index the JS string: ${s.text}`);
      }
    }
  },

  'a changed figure is a discrepancy inside a match': (api) => {
    const report = api.compare([wire, daily]);
    const match = report.matches.find((m) => m.discrepancies.some((d) => d.kind === 'number'));
    check(match, 'a match with a number discrepancy');
    const d = match.discrepancies.find((x) => x.kind === 'number');
    check(d.a.text === '14' && d.b.text === '17', `${d.a.text} vs ${d.b.text}`);
    const seg = report.documents[match.a.doc].segments[match.a.segment];
    check(seg.text.slice(d.a.start, d.a.end) === '14', 'span offsets index the segment text');
  },

  'a report without its word diffs gets each back from wordDiff': (api) => {
    const full = api.compare([wire, daily]);
    const lean = api.compare([wire, daily], { include_diffs: false });
    check(lean.options.include_diffs === false && full.options.include_diffs === true, 'options echoed');
    check(full.matches.some((m) => m.diff.length > 1), 'an edited match');
    check(lean.matches.length === full.matches.length, 'the same matches');
    const text = (r) => lean.documents[r.doc].segments[r.segment].text;
    for (const [i, m] of lean.matches.entries()) {
      check(m.diff.length === 0, 'no diff carried');
      check(JSON.stringify(m.discrepancies) === JSON.stringify(full.matches[i].discrepancies), 'discrepancies kept');
      check(JSON.stringify(api.wordDiff(text(m.a), text(m.b))) === JSON.stringify(full.matches[i].diff), `the diff of ${text(m.a)}`);
    }
    rejects(() => api.compare([wire, daily], { include_diffs: 1 }), 'invalid_option', 'options.include_diffs');
    rejects(() => api.wordDiff('a sentence', 7), 'invalid_input', 'b');
  },

  'unique segments have no group': (api) => {
    const report = api.compare([wire, daily]);
    const union = report.documents[1].segments.find((s) => s.text.includes('The union'));
    check(union.group === null && union.role === 'body', JSON.stringify(union));
    check(report.documents[1].stats.unique_segments >= 1, 'counted as unique');
  },

  'options are validated by name': (api) => {
    rejects(() => api.compare([wire, daily], { strictness: 2 }), 'invalid_option', 'options.strictness');
    rejects(() => api.compare([wire, daily], { strictnes: 0.2 }), 'invalid_option', 'options.strictnes');
    rejects(() => api.compare([wire, daily], 'strict'), 'invalid_option', 'options');
    rejects(() => api.compare([wire, daily], { strictness: 'high' }), 'invalid_option', 'options.strictness');
    rejects(() => api.compare([wire, daily], { word_diffs: 'no' }), 'invalid_option', 'options.word_diffs');
    rejects(() => api.compare([wire, daily], { focus: 0.5 }), 'invalid_option', 'options.focus');
    rejects(() => api.compare([wire, daily], { focus: -1 }), 'invalid_option', 'options.focus');
    const given = api.compare([wire, daily], { focus: null, strictness: undefined, detect_boilerplate: false }).options;
    check(given.focus === null && given.strictness === 0.5 && given.detect_boilerplate === false, JSON.stringify(given));
    const loose = api.compare([wire, daily], { strictness: 0, word_diffs: false });
    check(loose.options.strictness === 0 && loose.matches.every((m) => m.diff.length === 0), 'options applied');
  },

  'bad articles are rejected naming the field': (api) => {
    rejects(() => api.compare('two texts'), 'invalid_input', 'articles');
    rejects(() => api.compare([wire, { name: 'B', text: 42 }]), 'invalid_input', 'articles[1].text');
    rejects(() => api.compare([wire, { name: 7, text: 'x' }]), 'invalid_input', 'articles[1].name');
    rejects(() => api.compare([wire]), 'too_few_documents', 'articles');
  },

  'input whose reading throws is rejected, and the engine keeps working': (api) => {
    const boom = (what) => {
      throw new Error(`${what} boom`);
    };
    const hostile = [
      [() => api.compare(new Proxy([wire, daily], { get: (t, k) => (k === '1' ? boom('proxy') : Reflect.get(t, k)) })), 'articles[1]'],
      [() => api.compare([wire, { name: 'B', get text() { return boom('getter'); } }]), 'articles[1].text'],
      [() => api.compare([wire, { get name() { return boom('name'); }, text: 'x' }]), 'articles[1].name'],
      [() => api.compare([wire, { ...daily, get source() { return boom('source'); } }]), 'articles[1].source'],
      [() => api.compare([wire, daily], { get strictness() { return boom('option'); } }), 'options.strictness'],
      [() => api.compare([wire, daily], new Proxy({}, { ownKeys: () => boom('keys') })), 'options'],
      [() => api.compare(new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : boom('index')) })), 'articles'],
    ];
    for (const [fn, field] of hostile) {
      const e = rejects(fn, field === 'articles' ? 'too_large' : 'invalid_input', field);
      check(field === 'articles' || /reading it threw: \w+ boom/.test(e.message), e.message);
    }
    // An exception unwinding through the wasm would skip its clean-up: an
    // instance broke after about 1,300 of them.
    for (let i = 0; i < 3000; i++) rejects(hostile[i % 6][0], 'invalid_input', hostile[i % 6][1]);
    check(api.compare([wire, daily]).matches.length === 2, 'the engine still compares');
  },

  'more articles than the limit are refused with what to do': (api) => {
    const many = Array.from({ length: 501 }, (_, i) => ({ name: `Outlet ${i}`, text: 'Fire hits Rotterdam port.' }));
    const e = rejects(() => api.compare(many), 'too_large', 'articles');
    check(/at most 500 can be compared at once: compare them in smaller sets/.test(e.message), e.message);
    api.compare(many.slice(0, 500));
  },

  'unnamed articles get a name and empty ones a warning': (api) => {
    const report = api.compare([{ text: wire.text }, { text: '   ' }]);
    check(report.documents[0].name === 'Article 1', report.documents[0].name);
    check(report.warnings.some((w) => w.kind === 'empty_document' && w.doc === 1), JSON.stringify(report.warnings));
  },

  'a source from extract() is carried into the report': (api) => {
    const source = { format: 'html', encoding: 'utf-8', extraction: 'readability', title: 'Fire', byline: null, date: null, dropped: { blocks: 3, characters: 120 } };
    const report = api.compare([{ ...wire, source }, daily]);
    check(report.documents[0].source.extraction === 'readability', JSON.stringify(report.documents[0].source));
    check(report.documents[1].source === undefined, 'no source, no field');
    for (const bad of [{ format: 3 }, { formats: 'html' }, { dropped: { blocks: -1 } }, { dropped: { pages: 1 } }, ['html'], 'html']) {
      rejects(() => api.compare([{ ...wire, source: bad }, daily]), 'invalid_input', 'articles[0].source');
    }
    // No JSON at all: still a refusal, not an exception thrown through the wasm.
    for (const source of [() => {}, Symbol('source')]) rejects(() => api.compare([{ ...wire, source }, daily]), 'invalid_input', 'articles[0].source');
  },

  'progress is reported in order up to done': (api) => {
    const seen = [];
    api.compare([wire, daily], {}, (done, stage) => seen.push([done, stage]));
    check(seen.length >= 3, `reported ${seen.length} times`);
    check(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0]), 'never goes back');
    check(seen[seen.length - 1][0] === 1 && seen[seen.length - 1][1] === 'reporting', JSON.stringify(seen.at(-1)));
    check(['reading', 'indexing', 'scoring', 'grouping', 'diffing', 'reporting'].every((s) => seen.some(([, t]) => t === s)), 'every stage named');
    api.compare([wire, daily], {}, () => {
      throw new Error('a broken progress bar');
    });
  },

  'a focus document keeps its matches': (api) => {
    const report = api.compare([wire, daily], { focus: 1 });
    check(report.options.focus === 1, JSON.stringify(report.options));
    rejects(() => api.compare([wire, daily], { focus: 2 }), 'invalid_option', 'options.focus');
  },

  'words are counted as the comparison counts them': (api) => {
    check(api.countWords('Ukraine’s 1,200 POWs — don’t! 日本') === 6, String(api.countWords('Ukraine’s 1,200 POWs')));
  },

  'segment returns spans with roles': (api) => {
    const segments = api.segment('Rotterdam fire\n\nMr. Smith left at 9 a.m. Monday. Advertisement');
    check(segments.map((s) => s.text).join('|') === 'Rotterdam fire|Mr. Smith left at 9 a.m. Monday.|Advertisement', JSON.stringify(segments));
    check(segments[0].role === 'title', segments[0].role);
    rejects(() => api.segment(12), 'invalid_input', 'text');
  },
};

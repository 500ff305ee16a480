// Deterministic benchmark inputs, written as text files into a folder:
//
//   node bench/generate.mjs OUT_DIR
//
// - pair-<size>/a.txt, b.txt for 10 KB, 100 KB, 1 MB and 10 MB: b is a with
//   ~20% of sentences edited, ~10% deleted, ~10% inserted and ~10% moved;
// - set-<n>/NNN.txt for 10, 50 and 200 articles of ~5 KB on one event:
//   perturbed copies of the project's sample articles;
// - worst-<case>/a.txt, b.txt: a pathological text of about 1 MB (5 MB for
//   the repeated sentence) against the normal a.txt of pair-1m: one line
//   without a full stop, one sentence 100,000 times, lines without
//   punctuation, only numbers, only stop words, a million one-word lines;
// - long-paragraphs/a.txt, b.txt: about 1 MB of 200-word paragraphs, b with
//   a word changed near the start and the end of each and one inserted in
//   the middle (drafts with long paragraphs, edited lightly);
// - reordered-paragraphs/a.txt, b.txt: the same a, b with each paragraph's
//   words shuffled (every word kept, their order lost: long sentences that
//   share all their words and no phrase).
//
// Sentences of the big documents are walked from a word-bigram chain over
// the sample articles, with invented words mixed in, so that every sentence
// is different, as in a real book or feed, and the vocabulary keeps growing.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/articles/', import.meta.url));

/** mulberry32: a small seeded PRNG, so every run writes the same bytes. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

function sampleTexts() {
  const out = [];
  for (const set of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(FIXTURES, set.name)).filter((f) => f.endsWith('.txt'))) {
      out.push({ set: set.name, file, text: readFileSync(join(FIXTURES, set.name, file), 'utf8') });
    }
  }
  return out;
}

/** The sample articles' body sentences (long lines split at full stops). */
function sampleSentences(texts) {
  const sentences = [];
  for (const { text } of texts) {
    for (const line of text.split('\n')) {
      for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
        if (s.split(' ').length >= 8 && /[.!?]["”]?$/.test(s)) sentences.push(s.trim());
      }
    }
  }
  return sentences;
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'vor', 'del', 'ri', 'an', 'pe', 'gus', 'tra', 'no', 'bel', 'quin', 'do'];

function inventedWord(random) {
  let w = '';
  const n = 2 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
  return w;
}

/**
 * A word-bigram chain over the sample sentences: fresh sentences wander from
 * one sample sentence into another, so they share phrases the way real
 * prose does, not whole templates.
 */
function chain(sentences) {
  const next = new Map();
  const starts = [];
  for (const s of sentences) {
    const words = s.split(' ');
    starts.push(words[0]);
    for (let i = 0; i < words.length; i++) {
      const key = words[i];
      if (!next.has(key)) next.set(key, []);
      next.get(key).push(words[i + 1] ?? null);
    }
  }
  return { next, starts };
}

/** A sentence walked from the chain, with a fifth of its longer words and every figure made up. */
function freshSentence(random, { next, starts }) {
  const words = [];
  let word = pick(random, starts);
  while (word !== null && words.length < 45) {
    words.push(word);
    word = pick(random, next.get(word));
  }
  if (words.length < 6 || !/[.!?]["”]?$/.test(words[words.length - 1])) return freshSentence(random, { next, starts });
  return words
    .map((w) => {
      if (/^\d/.test(w)) return String(Math.floor(random() * 10000));
      if (w.length > 4 && /^[a-z]+[,.]?$/.test(w) && random() < 0.2) return inventedWord(random) + w.replace(/^[a-z]+/, '');
      return w;
    })
    .join(' ');
}

/** A light edit: change a figure, swap a word, or drop a few words. */
function edit(random, sentence) {
  const words = sentence.split(' ');
  const i = Math.floor(random() * words.length);
  const r = random();
  if (r < 0.3) words[i] = String(Math.floor(random() * 1000));
  else if (r < 0.7) words[i] = inventedWord(random);
  else words.splice(i, Math.min(3, words.length - 1 - i));
  return words.join(' ');
}

function paragraphs(random, sentences) {
  const out = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 2 + Math.floor(random() * 4);
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return out.join('\n\n') + '\n';
}

function pair(random, sentences, bytes) {
  const a = [];
  let size = 0;
  while (size < bytes) {
    const s = freshSentence(random, sentences);
    a.push(s);
    size += s.length + 1;
  }
  const b = [];
  const moved = [];
  for (const s of a) {
    const r = random();
    if (r < 0.2) b.push(edit(random, s));
    else if (r < 0.3) continue; // deleted
    else if (r < 0.4) b.push(s, freshSentence(random, sentences)); // inserted after
    else if (r < 0.5) moved.push(s);
    else b.push(s);
  }
  // Moved sentences go back in runs at other places.
  for (let i = 0; i < moved.length; ) {
    const n = 1 + Math.floor(random() * 4);
    b.splice(Math.floor(random() * b.length), 0, ...moved.slice(i, i + n));
    i += n;
  }
  return [paragraphs(random, a), paragraphs(random, b)];
}

/** A perturbed copy of one of the sample outlets, cut to about 5 KB. */
function outletCopy(random, outlets, sentences) {
  const lines = pick(random, outlets).text.split('\n');
  const out = [];
  for (const line of lines) {
    const r = random();
    if (r < 0.15 && line.length > 60) out.push(edit(random, line));
    else if (r < 0.25) continue;
    else if (r < 0.35) out.push(line, freshSentence(random, sentences));
    else out.push(line);
  }
  let text = out.join('\n');
  while (text.length < 4500) text += '\n' + freshSentence(random, sentences);
  return text.slice(0, 5500) + '\n';
}

/** `n` words picked at random from `sentences`, with the characters `strip` matches removed. */
const randomWords = (random, sentences, n, strip) =>
  Array.from({ length: n }, () => pick(random, pick(random, sentences).split(' ')).replace(strip, ''));

/** Texts that have broken comparers, about 1 MB each, from `sentences` (a list). */
function pathological(random, sentences) {
  const MB = 1e6;
  const repeat = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const words = (n, strip) => randomWords(random, sentences, n, strip);
  const lines = [];
  for (let size = 0; size < MB;) {
    const line = words(12, /[.,;:!?"“”]/g).join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return {
    'one-line': words(180_000, /[.!?…]/g).join(' ').slice(0, MB),
    'repeated-sentence': repeat('The fire broke out at the port shortly after dawn. ', 100_000 * 51),
    'no-punctuation': lines.join('\n'),
    'only-numbers': Array.from({ length: 170_000 }, () => `${Math.floor(random() * 1e5)}${pick(random, ['', ' ', '.', ',', '\n'])}`).join(' ').slice(0, MB),
    'stop-words': repeat('the of and to a in is it that was for on are as with his they at be this from I have or by. ', MB),
    'one-word-lines': repeat('a\n', MB),
  };
}

/** About 1 MB of 200-word paragraphs, and the same paragraphs lightly edited. */
function longParagraphs(random, sentences) {
  const a = [];
  const b = [];
  for (let size = 0; size < 1e6;) {
    const words = randomWords(random, sentences, 200, /[.!?…]/g);
    const edited = [...words];
    edited[3] = 'altered';
    edited[196] = 'revised';
    edited.splice(100, 0, 'inserted');
    a.push(`${words.join(' ')}.`);
    b.push(`${edited.join(' ')}.`);
    size += a[a.length - 1].length + 1;
  }
  return [a.join('\n'), b.join('\n')];
}

/** `paragraphs` (one a line) with the words of each in a random order. */
function shuffledWords(random, paragraphs) {
  return paragraphs
    .split('\n')
    .map((line) => {
      const words = line.split(' ');
      for (let i = words.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [words[i], words[j]] = [words[j], words[i]];
      }
      return words.join(' ');
    })
    .join('\n');
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/generate.mjs OUT_DIR');
    process.exit(2);
  }
  const texts = sampleTexts();
  const sentences = chain(sampleSentences(texts));
  const random = rng(20261121);
  let normal = '';
  for (const [label, bytes] of [['10k', 1e4], ['100k', 1e5], ['1m', 1e6], ['10m', 1e7]]) {
    const [a, b] = pair(random, sentences, bytes);
    if (label === '1m') normal = a;
    mkdirSync(join(dir, `pair-${label}`), { recursive: true });
    writeFileSync(join(dir, `pair-${label}`, 'a.txt'), a);
    writeFileSync(join(dir, `pair-${label}`, 'b.txt'), b);
  }
  const event = texts.filter((t) => t.set === 'harbour-fire');
  for (const n of [5, 10, 50, 200]) {
    mkdirSync(join(dir, `set-${n}`), { recursive: true });
    for (let i = 0; i < n; i++) {
      const text = n === 5 && i < event.length ? event[i].text : outletCopy(random, event, sentences);
      writeFileSync(join(dir, `set-${n}`, `${String(i + 1).padStart(3, '0')}.txt`), text);
    }
  }
  for (const [label, text] of Object.entries(pathological(rng(7), sampleSentences(texts)))) {
    mkdirSync(join(dir, `worst-${label}`), { recursive: true });
    writeFileSync(join(dir, `worst-${label}`, 'a.txt'), text);
    writeFileSync(join(dir, `worst-${label}`, 'b.txt'), normal);
  }
  const [long, edited] = longParagraphs(rng(11), sampleSentences(texts));
  mkdirSync(join(dir, 'long-paragraphs'), { recursive: true });
  writeFileSync(join(dir, 'long-paragraphs', 'a.txt'), long);
  writeFileSync(join(dir, 'long-paragraphs', 'b.txt'), edited);
  mkdirSync(join(dir, 'reordered-paragraphs'), { recursive: true });
  writeFileSync(join(dir, 'reordered-paragraphs', 'a.txt'), long);
  writeFileSync(join(dir, 'reordered-paragraphs', 'b.txt'), shuffledWords(rng(13), long));
  console.log(`wrote benchmark inputs to ${dir}`);
}

main();

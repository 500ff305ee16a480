// Words and classes the views share: how statuses, match kinds and
// discrepancy kinds are named and marked, and which colour a group gets.
// Colours themselves live in styles/render.css (custom properties).

/** Number of distinct group colours in render.css (ac-g0 … ac-g7). */
export const GROUP_COLOURS = 8;

/** The colour class of a group. */
export function groupClass(group) {
  return `ac-g${group % GROUP_COLOURS}`;
}

/** How a group is numbered for people (1-based). */
export function groupNumber(group) {
  return group + 1;
}

export const STATUS_LABELS = {
  shared: 'Shared',
  unique: 'Only in this article',
  boilerplate: 'Page chrome',
  other: 'Byline, date or caption',
};

export const KIND_LABELS = {
  verbatim: 'Verbatim',
  edited: 'Edited',
  paraphrase: 'Paraphrase',
  partial: 'Partial',
};

export const KIND_HINTS = {
  verbatim: 'the same words',
  edited: 'the same sentence, some words changed',
  paraphrase: 'the same content, reworded',
  partial: 'one carries only part of the other',
};

export const DISCREPANCY_LABELS = {
  number: 'Figure',
  quote: 'Quote',
  name: 'Name',
  attribution: 'Attribution',
  negation: 'Negation',
  certainty: 'Certainty',
  spelling: 'Spelling',
};

export const DISCREPANCY_HINTS = {
  number: 'a figure differs, is hedged on one side only, or is left vague',
  quote: 'the quoted words differ, or one side reports them in its own words',
  name: 'a name differs, or one side names what the other only describes',
  attribution: 'the same words, said by someone else, attributed on one side only, or said elsewhere ("on X" vs "in a video")',
  negation: 'one negates what the other affirms',
  certainty: 'one says it more or less surely or widely: "could" vs "will", "primarily" vs "purely", a hedge dropped',
  spelling: 'the same word or name written differently (cosmetic)',
};

/** A percentage for people: 0.7539 → "75%", tiny non-zero shares → "<1%". */
export function percent(share) {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** Words for a strictness value from 0 to 1. */
export function strictnessWords(value) {
  if (value < 0.2) return 'Very loose';
  if (value < 0.4) return 'Loose';
  if (value <= 0.6) return 'Balanced';
  if (value <= 0.8) return 'Strict';
  return 'Very strict';
}

/** The letter that labels article `index`: A … Z, then A1 … Z1, A2 … */
export function articleLetter(index) {
  return String.fromCharCode(65 + (index % 26)) + (index >= 26 ? Math.floor(index / 26) : '');
}

/** "1 sentence", "3 sentences". */
export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Shortens `text` to about `max` characters at a word boundary. */
export function excerpt(text, max = 160) {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > max * 0.6 ? cut : max)}…`;
}

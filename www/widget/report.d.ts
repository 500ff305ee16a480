// The report of a comparison: what the wasm API's compare(), the command
// line's --json and the widget's `report` give (src/report.rs documents
// every field). Offsets are UTF-16 code units, as JavaScript strings index.

export type Role = 'title' | 'body' | 'meta' | 'caption' | 'boilerplate';
export type MatchKind = 'verbatim' | 'edited' | 'paraphrase' | 'partial';
export type DiscrepancyKind = 'number' | 'quote' | 'name' | 'attribution' | 'negation' | 'spelling';
/** `cosmetic` for spelling variants; listed after the `substantive` ones. */
export type Severity = 'substantive' | 'cosmetic';

export interface Options {
  strictness: number;
  detect_boilerplate: boolean;
  word_diffs: boolean;
}

export interface SegmentRef {
  doc: number;
  segment: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  role: Role;
  /** Index into `Report.groups`, or null when the segment matches nothing. */
  group: number | null;
}

export interface DocumentStats {
  segments: number;
  content_segments: number;
  shared_segments: number;
  unique_segments: number;
  boilerplate_segments: number;
  content_length: number;
  shared_length: number;
  unique_length: number;
  shared_share: number;
  unique_share: number;
}

export interface DocumentReport {
  name: string;
  length: number;
  segments: Segment[];
  stats: DocumentStats;
  /** How the text was read from a file; absent for text given as text. */
  source?: Record<string, unknown>;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface DiffOp {
  op: 'equal' | 'delete' | 'insert' | 'replace';
  a: [number, number];
  b: [number, number];
}

export interface Match {
  a: SegmentRef;
  b: SegmentRef;
  kind: MatchKind;
  score: number;
  diff: DiffOp[];
  discrepancies: { kind: DiscrepancyKind; severity: Severity; a: Span; b: Span }[];
}

export interface SegmentRun {
  doc: number;
  first: number;
  last: number;
}

export interface Report {
  version: string;
  options: Options;
  documents: DocumentReport[];
  matches: Match[];
  groups: { members: SegmentRef[]; documents: number[] }[];
  passages: { a: SegmentRun; b: SegmentRun; length: number; moved: boolean }[];
  /** overlap[i][j]: the share of document i's content found in document j. */
  overlap: number[][];
  warnings: { kind: string; doc: number | null; message: string }[];
}

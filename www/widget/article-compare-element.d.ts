// Types of <article-compare> (article-compare-element.js).
import type { MatchKind, Report } from './report.js';

export type { Report } from './report.js';

/** An article to compare. A missing or blank name becomes "Article N". */
export interface Article {
  name?: string;
  text: string;
}

export interface ReadyDetail {
  /** The version of article-compare. */
  version: string;
}

export interface ComparedDetail {
  report: Report;
  /** The articles compared, as read from the children, `src` or `articles`. */
  articles: { name: string; text: string }[];
  /** Milliseconds the comparison took. */
  ms: number;
}

export interface SelectDetail {
  doc: number;
  segment: number;
  /** The name of the sentence's article. */
  article: string;
  text: string;
  status: 'shared' | 'unique' | 'boilerplate' | 'other';
  group: number | null;
  counterparts: {
    doc: number;
    segment: number;
    article: string;
    text: string;
    /** null when linked only through another article's version. */
    kind: MatchKind | null;
    score: number | null;
  }[];
}

export interface ErrorDetail {
  kind: 'engine' | 'styles' | 'fetch' | 'too_few_documents' | 'invalid_input' | 'invalid_option' | 'too_large' | 'internal';
  message: string;
  /** The input at fault (`articles[1].text`), when the API names one. */
  field: string | null;
  /** The URL that could not be fetched (kind `fetch`). */
  url: string | null;
  error: Error;
}

export declare class ArticleCompareElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** 0 (loose) to 1 (strict); the attribute also takes loose, normal, strict. Default 0.5. */
  strictness: number;
  view: 'columns' | 'focus';
  /** The `focus` attribute: the name of the article the focus view centres on; null: the first. */
  focusArticle: string | null;
  hideBoilerplate: boolean;
  theme: 'auto' | 'light' | 'dark';
  /** URLs of text files, separated by spaces. */
  src: string;
  /** The articles to compare instead of the children and `src`; null goes back to those. */
  get articles(): { name: string; text: string }[];
  set articles(value: Article[] | null);
  /** The last report (the command line's --json), or null. */
  readonly report: Report | null;
  /** Compares now; resolves to the report, or null when a newer comparison replaced this one. */
  compare(): Promise<Report | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-compare': ArticleCompareElement;
  }
  interface HTMLElementEventMap {
    'article-compare:ready': CustomEvent<ReadyDetail>;
    'article-compare:compared': CustomEvent<ComparedDetail>;
    'article-compare:select': CustomEvent<SelectDetail>;
    'article-compare:error': CustomEvent<ErrorDetail>;
  }
}

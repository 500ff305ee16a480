import type { Options, Report } from './report.js';

/** The loaded engine: the wasm API of article-compare. */
export interface Engine {
  compare(articles: { name?: string; text: string }[], options?: Partial<Options>): Report;
  segment(text: string, options?: object): { start: number; end: number; text: string; role: string }[];
  version(): string;
}

/** Where the wasm comes from: init's wasmUrl, else <meta name="article-compare-wasm">, else ../pkg/. */
export declare function wasmUrl(): URL;

/** Loads the engine once per page (safe to call again); `wasmUrl` counts if given before the first load. */
export declare function init(options?: { wasmUrl?: string | URL }): Promise<Engine>;

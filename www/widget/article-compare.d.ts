// The entry module: importing it registers <article-compare>.
export { ArticleCompareElement } from './article-compare-element.js';
export type { Article, ComparedDetail, ErrorDetail, ReadyDetail, Report, SelectDetail } from './article-compare-element.js';
export { define } from './define.js';
export { init } from './wasm-loader.js';
export type { Engine } from './wasm-loader.js';

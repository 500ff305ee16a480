// The module a page loads: <script type="module" src="…/article-compare.js">
// registers <article-compare>; importing it also gives the API.
import { define } from './define.js';

export { ArticleCompareElement } from './article-compare-element.js';
export { define } from './define.js';
export { init } from './wasm-loader.js';

define();

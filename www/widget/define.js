// Registers the element under a tag name, once: a second call, or a second
// copy of the widget on the page, leaves the first registration alone.
import { ArticleCompareElement } from './article-compare-element.js';

/**
 * Defines `tag` (default article-compare) in `registry` unless it is taken;
 * returns the class registered under it.
 */
export function define(tag = 'article-compare', registry = customElements) {
  if (!registry.get(tag)) {
    try {
      registry.define(tag, ArticleCompareElement);
    } catch (e) {
      // A class can be registered under one name only: another gets a subclass.
      if (e.name !== 'NotSupportedError') throw e;
      registry.define(tag, class extends ArticleCompareElement {});
    }
  }
  return registry.get(tag);
}

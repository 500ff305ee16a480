/** Registers the element under `tag` (default article-compare) unless the name is taken; returns the class registered under it. */
export declare function define(tag?: string, registry?: CustomElementRegistry): CustomElementConstructor;

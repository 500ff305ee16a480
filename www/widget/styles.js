// The widget's styles: styles/render.css (the look the app and the widget
// share) and widget.css, fetched once per page and adopted
// by every shadow root as a constructable stylesheet, so that a strict CSP
// (style-src 'self') needs nothing more.
//
// render.css is written for a page, so the widget adapts two things in it:
// its custom properties sit on .ac-root, which becomes :host, where a page's
// own `article-compare { --ac-accent: … }` overrides them; and rem, the
// page's root font size (a CMS theme may make it 10px, a hostile page
// 40px), becomes var(--ac-rem), the widget's own unit, which widget.css
// declares and uses as it is.

const RENDER_CSS = new URL('../styles/render.css', import.meta.url);
const WIDGET_CSS = new URL('./widget.css', import.meta.url);

// The theme attribute decides what the dark colours' media query says.
const DARK = '@media screen and (prefers-color-scheme: dark)';
const MEDIA = { auto: DARK, light: '@media not all', dark: '@media screen' };

let css = null;
const sheets = new Map();

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (HTTP ${response.status})`);
  return response.text();
}

function adapt(text) {
  return text.replaceAll('.ac-root', ':host').replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--ac-rem))');
}

/** The stylesheet of `theme` (auto | light | dark); built once per page. */
export function loadSheet(theme) {
  if (!css) {
    css = Promise.all([fetchText(RENDER_CSS).then(adapt), fetchText(WIDGET_CSS)]).then((texts) => texts.join('\n'));
    css.catch(() => {
      css = null;
      sheets.clear();
    });
  }
  if (!sheets.has(theme)) {
    sheets.set(theme, css.then((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text.replaceAll(DARK, MEDIA[theme]));
      return sheet;
    }));
  }
  return sheets.get(theme);
}

// Reads the files a user drops or picks into articles {name, text, source,
// file, original}: `source` says how the text was read (the report's
// `documents[].source`). Every kind of file goes through one table of
// readers; a file that cannot be read gets a message that names it and says
// why, and the other files still load.
//
// Plain UTF-8 text is read here. Everything else (web pages, Word
// documents, Markdown, other encodings, unknown kinds) goes to the formats
// module, imported only then (its wasm weighs about 580 KB gzipped), which
// reads it in a worker.

// The formats module's maxInputBytes(), checked before a file is read into memory.
const MAX_BYTES = 50 * 1024 * 1024;

/** How text read as it is is described: the report's `source` shape. */
const PLAIN_UTF8 = Object.freeze({
  format: 'text', encoding: 'utf-8', extraction: 'plain', title: null, byline: null, date: null,
  dropped: Object.freeze({ blocks: 0, characters: 0 }),
});

/** The formats module's extract(bytes, name) → {text, source}, loading it the first time. */
export async function extractBytes(bytes, name) {
  const { extract } = await import('./formats-client.js');
  return extract(bytes, name);
}

/** Text that decodes as UTF-8 is read as it is; any other goes to the formats module. */
async function readText(bytes, name) {
  const text = await decodeUtf8(bytes);
  return text === null ? extractBytes(bytes, name) : { text, source: PLAIN_UTF8 };
}

// Bytes decoded per task: a 10 MB file decoded at once held the page for
// 50 ms.
export const DECODE_SLICE_BYTES = 1 << 20;

/**
 * `bytes` as UTF-8 text, decoded a slice at a time with the page free in
 * between; null if they are not: a NUL byte (UTF-16 without a byte-order
 * mark, or no text at all) or a sequence UTF-8 does not allow (legacy
 * single-byte text, UTF-16 with its byte-order mark).
 */
export async function decodeUtf8(bytes) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts = [];
  for (let at = 0; at < bytes.length; at += DECODE_SLICE_BYTES) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const slice = bytes.subarray(at, at + DECODE_SLICE_BYTES);
    if (slice.includes(0)) return null;
    try {
      // A character cut at the slice's end is completed by the next one.
      parts.push(decoder.decode(slice, { stream: true }));
    } catch {
      return null;
    }
  }
  try {
    parts.push(decoder.decode());
  } catch {
    return null; // the file ends inside a character
  }
  return parts.join('');
}

const READERS = [
  { extensions: ['.txt', '.text'], types: ['text/plain'], read: readText },
  { extensions: ['.md', '.markdown'], types: ['text/markdown'], read: extractBytes },
  { extensions: ['.html', '.htm', '.xhtml'], types: ['text/html', 'application/xhtml+xml'], read: extractBytes },
  { extensions: ['.docx'], types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], read: extractBytes },
];

// Any other file: the formats module tells text from what it refuses.
const OTHER = { read: extractBytes };

/** What the file picker offers. */
export const ACCEPT = READERS.flatMap((r) => [...r.extensions, ...r.types]).join(',');

/** The kinds of file that can be read, for messages: ".txt, .md, .html, .docx". */
export const READABLE = READERS.map((r) => r.extensions[0]).join(', ');

function readerFor(file) {
  const name = file.name.toLowerCase();
  return READERS.find((r) => r.extensions.some((ext) => name.endsWith(ext)))
    ?? READERS.find((r) => r.types.includes(file.type))
    ?? OTHER;
}

/** A refusal in the formats module's words: "name: reason". */
class Refusal extends Error {}

function problemMessage(name, error) {
  let message;
  if (error instanceof Refusal || error?.name === 'ArticleCompareError') message = error.message;
  else if (error?.name === 'ReaderStopped') message = `${name}: could not be read, because ${error.message}. Try it again, or save it in another format`;
  else message = `${name}: could not be read, because the reader for this kind of file did not load (${error?.message ?? error}). Reload the page and try again`;
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/**
 * Reads `files` (a FileList or array of File) in order. Resolves to
 * {articles: [{name, text, source, file, original}], problems: [{name, message}]},
 * where `file` is the file's name, `original` the File itself, and each
 * message is a sentence that names the file.
 */
export async function readArticleFiles(files) {
  const articles = [];
  const problems = [];
  for (const file of files) {
    try {
      if (file.size === 0) throw new Refusal(`${file.name}: is empty`);
      if (file.size > MAX_BYTES) {
        throw new Refusal(`${file.name}: is too large to compare (it is ${Math.round(file.size / 1048576)} MB; the limit is ${MAX_BYTES / 1048576} MB)`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { text, source } = await readerFor(file).read(bytes, file.name);
      if (!text.trim()) throw new Refusal(`${file.name}: has no text, only white space`);
      articles.push({ name: file.name, text, source, file: file.name, original: file });
    } catch (e) {
      problems.push({ name: file.name, message: problemMessage(file.name, e) });
    }
  }
  return { articles, problems };
}

// --- telling the user how a text was read -------------------------------------

const FORMATS = { text: 'text', markdown: 'Markdown', html: 'web page', docx: 'Word document' };
const EXTRACTIONS = { markdown: 'formatting removed', readability: 'article only', html_text: 'all its visible text' };
const LEFT_OUT = { html: 'page chrome', markdown: 'images or raw HTML', docx: 'footnotes or comments' };
const ENCODINGS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', macintosh: 'Mac Roman', big5: 'Big5', shift_jis: 'Shift_JIS' };

/** An encoding's usual name: "Windows-1252" for `windows-1252`. */
function encodingName(encoding) {
  if (ENCODINGS[encoding]) return ENCODINGS[encoding];
  return encoding.startsWith('windows-') ? `Windows-${encoding.slice(8)}` : encoding.toUpperCase();
}

/** "12 blocks of page chrome", or '' when nothing was left out. */
function droppedBlocks(source) {
  const blocks = source.dropped?.blocks ?? 0;
  if (!blocks) return '';
  return `${blocks} ${blocks === 1 ? 'block' : 'blocks'} of ${LEFT_OUT[source.format] ?? 'the source'}`;
}

/** The decisions taken in reading `source` ("article only", "decoded as …") and what was left out. */
function decisions(source) {
  const parts = [];
  if (EXTRACTIONS[source.extraction]) parts.push(EXTRACTIONS[source.extraction]);
  // The encoding is news when it is not UTF-8, and for text, where it is the whole decision.
  if (source.encoding !== 'utf-8') parts.push(`decoded as ${encodingName(source.encoding)}`);
  else if (source.format === 'text') parts.push('UTF-8');
  const dropped = droppedBlocks(source);
  return { kind: FORMATS[source.format] ?? source.format, parts, left: dropped ? `; ${dropped} left out` : '' };
}

/**
 * One line on how an article's text was read from `file` (null: pasted):
 * "Read from page.html (web page, article only; 12 blocks of page chrome left out)".
 */
export function describeSource(source, file) {
  const { kind, parts, left } = decisions(source);
  if (!file) return `Pasted from a ${kind} (${parts.join(', ')}${left})`;
  return `Read from ${file} (${[kind, ...parts].join(', ')}${left})`;
}

/**
 * The same without the file's name, for under a title that names it:
 * "Web page, article only; 12 blocks of page chrome left out".
 */
export function summarizeSource(source, file) {
  const { kind, parts, left } = decisions(source);
  const line = `${[file ? kind : `pasted ${kind}`, ...parts].join(', ')}${left}`;
  return `${line[0].toUpperCase()}${line.slice(1)}`;
}

const FORMAT_DETAILS = { text: 'Plain text', markdown: 'Markdown', html: 'Web page (HTML)', docx: 'Word document (.docx)' };
const EXTRACTION_DETAILS = {
  plain: 'The text as it is',
  markdown: 'The text, with the Markdown formatting removed',
  readability: 'The article only: the page’s blocks were scored and the article’s kept (readability)',
  html_text: 'All the page’s visible text: no article stood out from the rest of the page',
  docx: 'The document’s paragraphs, headings and tables',
};

/** The facts of `source` as [term, description] pairs, for a list. */
export function sourceFacts(source) {
  const dropped = droppedBlocks(source);
  const characters = source.dropped?.characters ?? 0;
  return [
    ['Format', FORMAT_DETAILS[source.format] ?? source.format],
    ['Encoding', encodingName(source.encoding)],
    ['Extraction', EXTRACTION_DETAILS[source.extraction] ?? source.extraction],
    ['Title', source.title],
    ['Byline', source.byline],
    ['Date', source.date],
    ['Left out', dropped ? `${dropped}, ${characters.toLocaleString('en')} ${characters === 1 ? 'character' : 'characters'}` : 'Nothing'],
  ].filter(([, value]) => value);
}

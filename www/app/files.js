// Reads the files a user drops or picks into articles {name, text}. Every
// kind of file goes through one table of readers, so that a later reader
// (HTML, DOCX) is one more entry; a file that cannot be read gets a message
// that says why, and the other files still load.

const MAX_BYTES = 50 * 1024 * 1024;

/** Plain text in UTF-8 (a byte-order mark is dropped). */
async function readUtf8Text(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new Error('is not a text file: it contains binary data.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('is not UTF-8 text. Save it as UTF-8 (Unicode) text and add it again.');
  }
}

const READERS = [
  { kind: 'text', extensions: ['.txt', '.text'], types: ['text/plain'], read: readUtf8Text },
  { kind: 'markdown', extensions: ['.md', '.markdown'], types: ['text/markdown'], read: readUtf8Text },
];

/** What the file picker offers. */
export const ACCEPT = READERS.flatMap((r) => [...r.extensions, ...r.types]).join(',');

/** The kinds of file that can be read, for messages: ".txt, .md". */
export const READABLE = READERS.map((r) => r.extensions[0]).join(', ');

function readerFor(file) {
  const name = file.name.toLowerCase();
  return READERS.find((r) => r.extensions.some((ext) => name.endsWith(ext)))
    ?? READERS.find((r) => r.types.includes(file.type));
}

/**
 * Reads `files` (a FileList or array of File) in order. Resolves to
 * {articles: [{name, text}], problems: [{name, message}]}, where each
 * message is a sentence about the file that names it.
 */
export async function readArticleFiles(files) {
  const articles = [];
  const problems = [];
  for (const file of files) {
    const reader = readerFor(file);
    try {
      if (!reader) throw new Error(`cannot be read yet: only ${READABLE} files are supported.`);
      if (file.size === 0) throw new Error('is empty.');
      if (file.size > MAX_BYTES) throw new Error(`is too large (${Math.round(file.size / 1048576)} MB; the limit is ${MAX_BYTES / 1048576} MB).`);
      const text = await reader.read(file);
      if (!text.trim()) throw new Error('contains no text, only blank space.');
      articles.push({ name: file.name, text });
    } catch (e) {
      problems.push({ name: file.name, message: `${file.name} ${e.message}` });
    }
  }
  return { articles, problems };
}

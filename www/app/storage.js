// Keeps what the user pasted or dropped (article names, texts and how they
// were read from files, and the settings) in this browser, so that a reload loses nothing; nothing is ever
// sent anywhere. An ordinary draft goes to localStorage, which writes at
// once and so can be saved as the page goes away; a draft of megabytes goes
// to IndexedDB, its texts as Blobs (encoded once, not copied again).

const LOCAL_KEY = 'article-compare:draft';
const LOCAL_LIMIT = 1_000_000; // characters of text; more goes to IndexedDB
const DB_NAME = 'article-compare';
const STORE = 'drafts';
const KEY = 'current';

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, act) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('storage transaction aborted'));
    });
  } finally {
    db.close();
  }
}

// Whether IndexedDB may hold a draft (null: not known yet).
let inDatabase = null;

// The Blob of each text saved last, so that an unchanged text is not
// encoded again at every save.
let blobs = new Map();

// Encoding megabytes of text takes long: a slice of this many characters per task.
const ENCODE_SLICE = 256 * 1024;

/** `text` as a Blob, encoded a slice per task (joining Blobs copies nothing). */
async function encode(text) {
  const parts = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + ENCODE_SLICE, text.length);
    // Never between the two halves of a surrogate pair, which would each become U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(new Blob([text.slice(at, end)]));
    at = end;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(parts, { type: 'text/plain' });
}

async function saveToDatabase(draft) {
  const kept = new Map();
  const articles = [];
  for (const a of draft.articles) {
    const blob = blobs.get(a.text) ?? kept.get(a.text) ?? await encode(a.text);
    kept.set(a.text, blob);
    articles.push({ ...a, text: blob });
  }
  blobs = kept;
  await run('readwrite', (store) => store.put({ ...draft, articles }, KEY));
  inDatabase = true;
}

async function clearDatabase() {
  if (inDatabase === false) return;
  await run('readwrite', (store) => store.delete(KEY));
  blobs = new Map();
  inDatabase = false;
}

const textLength = (draft) => draft.articles.reduce((n, a) => n + a.text.length, 0);

/** Writes `draft` to localStorage if it is small enough and fits; returns whether it did. */
function saveLocally(draft) {
  if (textLength(draft) > LOCAL_LIMIT) return false;
  try {
    localStorage.setItem(LOCAL_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false; // full, or storage refused: IndexedDB then
  }
}

/**
 * The saved draft {articles: [{name, text, named, source, file}], strictness,
 * showBoilerplate, pasteAs}, or null.
 */
export async function loadDraft() {
  let local = null;
  try {
    local = localStorage.getItem(LOCAL_KEY);
  } catch {
    // Storage refused (a privacy setting): IndexedDB may still work.
  }
  if (local) return JSON.parse(local);
  const draft = await run('readonly', (store) => store.get(KEY));
  inDatabase = Boolean(draft);
  if (!draft) return null;
  const articles = await Promise.all(draft.articles.map(async (a) => ({ ...a, text: await a.text.text() })));
  return { ...draft, articles };
}

/** Saves `draft` (as loadDraft returns it). */
export async function saveDraft(draft) {
  if (saveLocally(draft)) {
    await clearDatabase();
    return;
  }
  await saveToDatabase(draft);
  try {
    localStorage.removeItem(LOCAL_KEY);
  } catch {
    // Nothing was stored there.
  }
}

/**
 * Saves `draft` as the page goes away: at once when it fits localStorage,
 * otherwise by starting the IndexedDB write.
 */
export function saveDraftNow(draft) {
  if (!saveLocally(draft)) saveDraft(draft);
}

/** Forgets the saved draft. */
export async function clearDraft() {
  try {
    localStorage.removeItem(LOCAL_KEY);
  } catch {
    // Nothing was stored there.
  }
  inDatabase = null;
  await clearDatabase();
}

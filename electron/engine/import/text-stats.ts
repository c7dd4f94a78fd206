import { countWords } from '../../../shared/text/normalize';

// No `u` flag: these must see UTF-16 units, not code points.
const SURROGATE = /[\uD800-\uDFFF]/;
const PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Characters as users count them: code points, not UTF-16 units. */
export function countChars(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  return text.length - (text.match(PAIRS)?.length ?? 0);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * countWords (shared/text/normalize.ts) with a fast path for ASCII text, where its pattern
 * `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*` reduces to `[A-Za-z0-9][A-Za-z0-9'-]*`: a word starts at a letter or digit
 * that does not continue a word. Same counts (tests/unit/import/text-stats.test.ts), several times faster.
 */
export function wordCount(text: string): number {
  if (NON_ASCII.test(text)) return countWords(text);
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inWord) {
      if (isAlnum(c) || c === 39 || c === 45) continue;
      inWord = false;
    }
    if (isAlnum(c)) {
      n++;
      inWord = true;
    }
  }
  return n;
}

/** Per ASCII code: 1 letter or digit (starts or continues a word), 2 `'` or `-` (only continues one), 3 space, 0 other printable, 4 not printable. */
const CLASS = new Uint8Array(128).fill(4);
for (let c = 0x20; c <= 0x7e; c++) CLASS[c] = isAlnum(c) ? 1 : c === 39 || c === 45 ? 2 : c === 32 ? 3 : 0;

/**
 * One pass over a document for the common case: if the text is printable ASCII with single inner spaces (so it
 * is already normalized and its characters are its UTF-16 units), returns its word count, counted as `wordCount`
 * does; otherwise -1, and the caller takes the general paths (hashText, countChars, wordCount).
 */
export function normalAsciiWordCount(text: string): number {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return -1;
  let words = 0;
  let inWord = false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    const k = CLASS[c]!;
    if (k === 1) {
      if (!inWord) {
        words++;
        inWord = true;
      }
      space = false;
    } else if (k === 2) {
      space = false;
    } else if (k === 3) {
      if (space) return -1;
      space = true;
      inWord = false;
    } else if (k === 0) {
      inWord = false;
      space = false;
    } else return -1;
  }
  return words;
}

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

// The ASCII fast path as a table-driven state machine over UTF-8 bytes: one lookup per byte and no data-dependent
// branch (word boundaries in real text defeat branch prediction), on a byte array rather than the string (a CSV
// field is a slice of its line, and reading a sliced string unit by unit costs about twice as much).
const IN_GAP = 0; // after punctuation, or at the start
const IN_WORD = 1;
const AFTER_SPACE = 2;
const INVALID = 3; // absorbing: not printable ASCII, or two spaces in a row
/** Per (state, byte): the next state in bits 0–1, and 4 when the byte starts a word. */
const STEP = new Uint8Array(4 * 256);
for (let s = 0; s < 4; s++) {
  for (let c = 0; c < 256; c++) {
    let next: number;
    let starts = 0;
    if (s === INVALID || c < 0x20 || c > 0x7e) next = INVALID;
    else if (isAlnum(c)) {
      next = IN_WORD;
      starts = s === IN_WORD ? 0 : 4;
    } else if (c === 39 || c === 45) next = s === IN_WORD ? IN_WORD : IN_GAP; // ' and - continue a word, never start one
    else if (c === 32) next = s === AFTER_SPACE ? INVALID : AFTER_SPACE;
    else next = IN_GAP;
    STEP[(s << 8) | c] = next | starts;
  }
}

/**
 * normalAsciiWordCount over a text's UTF-8 bytes: its word count if they are printable ASCII with single inner
 * spaces and no space at either end, otherwise -1.
 */
export function normalAsciiBytesWordCount(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n === 0 || bytes[0] === 32 || bytes[n - 1] === 32) return -1;
  let state = IN_GAP;
  let words = 0;
  for (let i = 0; i < n; i++) {
    const v = STEP[(state << 8) | bytes[i]!]!;
    state = v & 3;
    words += v >> 2;
  }
  return state === INVALID ? -1 : words;
}

/** Longest text the fast paths encode into their scratch buffer; longer ones take the general paths. */
const MAX_SCRATCH_UNITS = 1 << 20;
let scratch = Buffer.allocUnsafe(3 << 16);

/**
 * A text's UTF-8 bytes in a scratch buffer (valid until the next call), or null for a text over 1M units. The buffer
 * holds 3 bytes per UTF-16 unit, the most UTF-8 needs, so the bytes are complete and the text is ASCII exactly when
 * there are as many bytes as units.
 */
export function utf8Scratch(text: string): Buffer | null {
  if (text.length > MAX_SCRATCH_UNITS) return null;
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafe(text.length * 3);
  return scratch.subarray(0, scratch.write(text, 0, 'utf8'));
}

/**
 * One pass over a document for the common case: if the text is printable ASCII with single inner spaces (so it
 * is already normalized and its characters are its UTF-16 units), returns its word count, counted as `wordCount`
 * does; otherwise -1, and the caller takes the general paths (hashText, countChars, wordCount).
 */
export function normalAsciiWordCount(text: string): number {
  const bytes = utf8Scratch(text);
  return bytes === null || bytes.length !== text.length ? -1 : normalAsciiBytesWordCount(bytes);
}

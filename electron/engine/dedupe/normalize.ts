// Text normalization shared by exact and near-duplicate detection.
// Exact: NFC, case folded, whitespace runs folded to one space, optionally punctuation folded too.
// Near: the same NFC + case folding, then words = maximal runs of letters, digits and combining marks.
import { hash64Hex } from './hash';

let wordTable: Uint8Array | null = null;

/** 1 for UTF-16 code units that belong to a word (letters, digits, marks; surrogate halves count as letters). */
export function wordCharTable(): Uint8Array {
  if (wordTable) return wordTable;
  const t = new Uint8Array(65536);
  const re = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) t[c] = 1;
    else if (c < 128) t[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
    else t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
  wordTable = t;
  return t;
}

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** NFC + lower case; skips the (slow) NFC pass for pure ASCII text. */
export function foldCase(text: string): string {
  const t = ASCII_ONLY.test(text) ? text : text.normalize('NFC');
  return t.toLowerCase();
}

const PUNCT = /[^\p{L}\p{N}\p{M}\s]+/gu;
const SPACE = /\s+/g;

export interface ExactOptions {
  /** Also treat punctuation and symbols as whitespace ("Halo, dunia!" = "halo dunia"). */
  foldPunctuation?: boolean;
}

/** The canonical form two texts must share to be exact duplicates. */
export function normalizeExact(text: string, opts: ExactOptions = {}): string {
  let t = foldCase(text);
  if (opts.foldPunctuation) t = t.replace(PUNCT, ' ');
  return t.replace(SPACE, ' ').trim();
}

/** 64-bit hash (16 hex digits) of the normalized text; equal keys = exact duplicates. */
export function exactKey(text: string, opts: ExactOptions = {}): string {
  return hash64Hex(normalizeExact(text, opts));
}

// Text normalization shared by exact and near-duplicate detection.
// Exact: NFC, case folded, whitespace runs folded to one space, optionally punctuation folded too.
// Near: the same NFC + case folding, then words = maximal runs of letters, digits and combining marks.
let wordTable: Uint8Array | null = null;

export const CHAR_OTHER = 0;
export const CHAR_WORD = 1;
export const CHAR_SPACE = 2;

/**
 * Class of every UTF-16 code unit: CHAR_WORD for letters, digits and marks (surrogate halves count as
 * letters), CHAR_SPACE for what `\s` matches, CHAR_OTHER for punctuation and symbols.
 */
export function wordCharTable(): Uint8Array {
  if (wordTable) return wordTable;
  const t = new Uint8Array(65536);
  const word = /[\p{L}\p{N}\p{M}]/u;
  const space = /\s/;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) t[c] = CHAR_WORD;
    else {
      const ch = String.fromCharCode(c);
      t[c] = word.test(ch) ? CHAR_WORD : space.test(ch) ? CHAR_SPACE : CHAR_OTHER;
    }
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

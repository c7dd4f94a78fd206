/**
 * The normalization behind a document's identity hash: Unicode NFC and whitespace folded, so that the same
 * text saved with CRLF, NBSPs or trailing blanks is still the same document. Case is kept: exact-duplicate
 * detection folds case on top of this.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Words as the corpus counts them: runs of letters, marks, digits, apostrophes and hyphens. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)) n++;
  return n;
}

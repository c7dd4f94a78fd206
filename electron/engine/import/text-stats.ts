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

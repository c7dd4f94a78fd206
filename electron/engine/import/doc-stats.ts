import { hashNormalizedBytes, hashText } from './hash';
import { countChars, normalAsciiBytesWordCount, utf8Scratch, wordCount } from './text-stats';

export interface DocStats {
  hash: string;
  chars: number;
  words: number;
}

/** A document's identity hash and counts: one pass over its bytes for already-normal printable ASCII, the general paths otherwise. */
export function docStats(t: string): DocStats {
  const bytes = utf8Scratch(t);
  if (bytes !== null && bytes.length === t.length) {
    const w = normalAsciiBytesWordCount(bytes);
    if (w >= 0) return { hash: hashNormalizedBytes(bytes), chars: t.length, words: w };
  }
  return { hash: hashText(t), chars: countChars(t), words: wordCount(t) };
}

import { hashNormalizedText, hashText } from './hash';
import { countChars, normalAsciiWordCount, wordCount } from './text-stats';

export interface DocStats {
  hash: string;
  chars: number;
  words: number;
}

/** A document's identity hash and counts: one pass for already-normal printable ASCII, the general paths otherwise. */
export function docStats(t: string): DocStats {
  const w = normalAsciiWordCount(t);
  return w >= 0 ? { hash: hashNormalizedText(t), chars: t.length, words: w } : { hash: hashText(t), chars: countChars(t), words: wordCount(t) };
}

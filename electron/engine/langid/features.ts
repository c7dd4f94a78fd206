/**
 * Hashed character n-gram + word features, shared by the trainer and the detector so both see
 * exactly the same feature space. Written allocation-free (reused typed buffers) because the
 * detector must label tens of thousands of sentences per second per core.
 */

/** Longest text prefix we look at; long documents are labelled per paragraph anyway. */
export const MAX_CHARS = 2000;
export const MAX_NGRAM = 5;

const SPACE = 32;
const APOS = 39;
const HYPHEN = 45;

export interface ScriptCounts {
  latin: number;
  /** Letters of the Javanese, Sundanese, Balinese and Buginese scripts (aksara). */
  javanese: number;
  sundanese: number;
  balinese: number;
  buginese: number;
  /** Any other letter-like character (Arabic, CJK, Cyrillic...). */
  other: number;
  digits: number;
}

export class FeatureExtractor {
  private chars = new Uint16Array(MAX_CHARS + 2);
  private feats = new Int32Array(MAX_CHARS * (MAX_NGRAM + 2) + 16);
  /** Number of features written by the last `extract` call. */
  count = 0;
  /** Number of letters kept by the last `extract` call. */
  letters = 0;
  /** Bit i set when letter a+i occurred; bit 26 stands for any letter outside a-z (for the junk checks). */
  letterSet = 0;
  /** Latin letters outside a-z (with diacritics) of the last `extract` call. */
  marked = 0;
  /** Word hashes of the last `extract` call (same hash as the word features), for lexicon look-ups. */
  readonly words = new Int32Array(MAX_CHARS / 2 + 2);
  wordCount = 0;
  readonly scripts: ScriptCounts = { latin: 0, javanese: 0, sundanese: 0, balinese: 0, buginese: 0, other: 0, digits: 0 };

  constructor(readonly bits: number) {}

  get features(): Int32Array {
    return this.feats;
  }

  /** Normalizes `text` into the char buffer and fills `features` with bucket ids; returns the count. */
  extract(text: string): number {
    const len = this.normalize(text);
    return this.hash(len);
  }

  private normalize(text: string): number {
    const s = this.scripts;
    s.latin = s.javanese = s.sundanese = s.balinese = s.buginese = s.other = s.digits = 0;
    const buf = this.chars;
    let n = 0;
    buf[n++] = SPACE;
    let prevLetter = false;
    let letters = 0;
    let set = 0;
    let marked = 0;
    const end = Math.min(text.length, MAX_CHARS * 2);
    for (let i = 0; i < end && n < MAX_CHARS; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || isMarkedLatin(c)) {
        if (c >= 0xc0) {
          c = lowerLatin(c);
          marked++;
          set |= 1 << 26;
        } else set |= 1 << (c - 97);
        buf[n++] = c;
        prevLetter = true;
        letters++;
        s.latin++;
        continue;
      }
      if ((c === APOS || c === 0x2019 || c === 0x60 || c === HYPHEN) && prevLetter) {
        // Glottal-stop apostrophes (Buginese tike', Acehnese) and reduplication hyphens carry signal.
        buf[n++] = c === HYPHEN ? HYPHEN : APOS;
        prevLetter = false;
        continue;
      }
      if (c >= 48 && c <= 57) s.digits++;
      else if (c >= 0xa980 && c <= 0xa9df) s.javanese++;
      else if (c >= 0x1b80 && c <= 0x1bbf) s.sundanese++;
      else if (c >= 0x1b00 && c <= 0x1b7f) s.balinese++;
      else if (c >= 0x1a00 && c <= 0x1a1f) s.buginese++;
      else if (c > 0x24f && isOtherLetter(c)) s.other++;
      if (prevLetter || (n > 0 && buf[n - 1] !== SPACE)) buf[n++] = SPACE;
      prevLetter = false;
    }
    if (buf[n - 1] !== SPACE) buf[n++] = SPACE;
    this.letters = letters;
    this.letterSet = set;
    this.marked = marked;
    return n;
  }

  private hash(len: number): number {
    const buf = this.chars;
    const out = this.feats;
    const mask = (1 << this.bits) - 1;
    let k = 0;
    // Character n-grams over " w1 w2 ... ", which also spans word boundaries.
    for (let i = 0; i < len; i++) {
      let h = 0x811c9dc5 | 0;
      for (let j = 0; j < MAX_NGRAM && i + j < len; j++) {
        const c = buf[i + j] ?? SPACE;
        h = Math.imul(h ^ c, 0x01000193);
        if (j === 0 && c === SPACE) continue;
        out[k++] = mix(h ^ Math.imul(j + 1, 0x9e3779b1)) & mask;
      }
    }
    // Whole words and word bigrams.
    let prev = 0;
    let w = 0x2545f491 | 0;
    let inWord = false;
    let nw = 0;
    for (let i = 1; i < len; i++) {
      const c = buf[i] ?? SPACE;
      if (c === SPACE) {
        if (inWord) {
          // Whole words count double: Indonesian and Malay differ mostly in vocabulary, not in spelling patterns.
          const wf = mix(w ^ 0x5bd1e995) & mask;
          out[k++] = wf;
          out[k++] = wf;
          if (prev !== 0) out[k++] = mix(Math.imul(prev, 31) ^ w ^ 0x27d4eb2f) & mask;
          prev = w;
          if (nw < this.words.length) this.words[nw++] = w;
        }
        w = 0x2545f491 | 0;
        inWord = false;
      } else {
        w = Math.imul(w ^ c, 0x01000193);
        inWord = true;
      }
    }
    this.count = k;
    this.wordCount = nw;
    return k;
  }
}

let keyExtractor: FeatureExtractor | null = null;

/** Key of a one- or two-word lexicon entry, matching `words` (single) or `bigramKey` of consecutive words. */
export function lexiconKey(entry: string): number {
  // One shared extractor: its buffers are ~60 KB, and word lists hold tens of thousands of entries.
  const ex = (keyExtractor ??= new FeatureExtractor(4));
  ex.extract(entry);
  if (ex.wordCount === 1) return ex.words[0] ?? 0;
  if (ex.wordCount === 2) return bigramKey(ex.words[0] ?? 0, ex.words[1] ?? 0);
  return 0;
}

export function bigramKey(prev: number, w: number): number {
  return (Math.imul(prev, 31) ^ w ^ 0x1b873593) | 0;
}

function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function lowerLatin(c: number): number {
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c >= 0x100 && c <= 0x17f && c % 2 === 0) return c + 1;
  return c;
}

const LETTER = /\p{L}/u;

/** A Latin letter with a diacritic (Latin-1 to Latin Extended-B, Latin Extended Additional): part of a word, as a-z. */
export function isMarkedLatin(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

function isOtherLetter(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogate halves: emoji and astral symbols
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, arrows, symbols
  return LETTER.test(String.fromCharCode(c));
}

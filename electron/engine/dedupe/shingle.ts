// Shingling into reusable typed arrays: each word becomes one 32-bit hash, each word n-gram one 32-bit
// hash of its word hashes. Short texts (fewer than `shortDocWords` words) use character n-grams of
// the space-joined words instead, because a ten-word sentence has too few word 5-grams for MinHash.
import { fmix32, hashRange, mix32 } from './hash';
import { CHAR_OTHER, CHAR_SPACE, CHAR_WORD, foldCase, wordCharTable } from './normalize';

export interface ShingleOptions {
  /** Words per shingle (default 5). */
  ngram: number;
  /** Texts with fewer words than this use character shingles (default 3 × ngram). */
  shortDocWords: number;
  /** Characters per shingle for short texts (default 5). */
  charNgram: number;
  /** Exact key: treat punctuation as whitespace too (default false). */
  foldPunctuation: boolean;
}

export function shingleOptions(partial: Partial<ShingleOptions> = {}): ShingleOptions {
  const ngram = partial.ngram ?? 5;
  if (!Number.isInteger(ngram) || ngram < 1 || ngram > 32) throw new RangeError(`ngram must be 1..32, got ${ngram}`);
  return {
    ngram,
    shortDocWords: partial.shortDocWords ?? ngram * 3,
    charNgram: partial.charNgram ?? 5,
    foldPunctuation: partial.foldPunctuation ?? false,
  };
}

export type ShingleKind = 'word' | 'char' | 'empty';

const WORD_SEED = 0x3c6ef372;
const SHINGLE_SEED = 0x1f83d9ab;
const CHAR_SEED = 0x5be0cd19;

/** Reusable buffers; one per thread. `shingles[0..count)` is valid after `run`. */
export class Shingler {
  readonly opts: ShingleOptions;
  words = new Int32Array(256);
  wordCount = 0;
  shingles = new Int32Array(256);
  count = 0;
  kind: ShingleKind = 'empty';
  /** The exact-duplicate key of the last text as two 32-bit lanes (see `normalizeExact`). */
  exactHi = 0;
  exactLo = 0;
  private readonly table = wordCharTable();

  constructor(opts: Partial<ShingleOptions> = {}) {
    this.opts = shingleOptions(opts);
  }

  /** Shingles `text`; returns the number of shingles (duplicates included). */
  run(text: string): number {
    const t = foldCase(text);
    this.hashWords(t);
    const { ngram, shortDocWords } = this.opts;
    if (this.wordCount === 0) {
      this.kind = 'empty';
      this.count = 0;
    } else if (this.wordCount < shortDocWords || this.wordCount < ngram) {
      this.kind = 'char';
      this.charShingles(t);
    } else {
      this.kind = 'word';
      this.wordShingles();
    }
    return this.count;
  }

  /** Sorted distinct shingles (a fresh array) — the set that true Jaccard is computed on. */
  set(text: string): Int32Array {
    this.run(text);
    return this.lastSet();
  }

  /** Sorted distinct shingles of the text given to the last `run`. */
  lastSet(): Int32Array {
    return sortedUnique(this.shingles.subarray(0, this.count));
  }

  /** 16 hex digits of the last text's exact key. */
  exactKeyHex(): string {
    return this.exactHi.toString(16).padStart(8, '0') + this.exactLo.toString(16).padStart(8, '0');
  }

  // One pass over the case-folded text hashes the words and, in two lanes, the whitespace-folded
  // text itself (the exact key), so exact and near fingerprints cost one read of the text.
  private hashWords(t: string): void {
    const table = this.table;
    const foldPunct = this.opts.foldPunctuation;
    let n = 0;
    let h = WORD_SEED;
    let len = 0;
    let e1 = 0x2545f491;
    let e2 = 0x6b43a9b5 | 0;
    let elen = 0;
    let pendingSpace = false;
    for (let i = 0, L = t.length; i <= L; i++) {
      const c = i < L ? t.charCodeAt(i) : 32;
      const cls = table[c]!;
      if (cls === CHAR_SPACE || (foldPunct && cls === CHAR_OTHER)) pendingSpace = elen > 0;
      else {
        // Two xor-multiply lanes (FNV-1a style, different odd multipliers), finished with fmix32 below.
        if (pendingSpace) {
          e1 = Math.imul(e1 ^ 32, 0x5bd1e995);
          e2 = Math.imul(e2 ^ 32, 0x01000193);
          elen++;
          pendingSpace = false;
        }
        e1 = Math.imul(e1 ^ c, 0x5bd1e995);
        e2 = Math.imul(e2 ^ c, 0x01000193);
        elen++;
      }
      if (cls === CHAR_WORD) {
        h = Math.imul(h ^ c, 0x01000193);
        len++;
      } else if (len > 0) {
        if (n === this.words.length) this.words = grow(this.words);
        this.words[n++] = fmix32(h ^ len) | 0;
        h = WORD_SEED;
        len = 0;
      }
    }
    this.wordCount = n;
    this.exactHi = fmix32(mix32(e1, elen));
    this.exactLo = fmix32(mix32(e2, elen ^ 0x9e3779b9));
  }

  private wordShingles(): void {
    const k = this.opts.ngram;
    const n = this.wordCount - k + 1;
    if (this.shingles.length < n) this.shingles = new Int32Array(Math.max(n, this.shingles.length * 2));
    const w = this.words;
    const out = this.shingles;
    for (let j = 0; j < n; j++) {
      let s = SHINGLE_SEED;
      for (let q = 0; q < k; q++) s = mix32(s, w[j + q]!);
      out[j] = fmix32(s ^ k) | 0;
    }
    this.count = n;
  }

  private charShingles(t: string): void {
    // Rebuild the text as words joined by single spaces so punctuation and spacing do not matter.
    const table = this.table;
    let joined = '';
    let start = -1;
    for (let i = 0, L = t.length; i <= L; i++) {
      const isWord = i < L && table[t.charCodeAt(i)] === CHAR_WORD;
      if (isWord && start < 0) start = i;
      else if (!isWord && start >= 0) {
        joined += (joined.length ? ' ' : '') + t.slice(start, i);
        start = -1;
      }
    }
    const k = this.opts.charNgram;
    const n = Math.max(1, joined.length - k + 1);
    if (this.shingles.length < n) this.shingles = new Int32Array(Math.max(n, this.shingles.length * 2));
    if (joined.length <= k) this.shingles[0] = hashRange(joined, 0, joined.length, CHAR_SEED) | 0;
    else for (let p = 0; p < n; p++) this.shingles[p] = hashRange(joined, p, p + k, CHAR_SEED) | 0;
    this.count = n;
  }
}

let scratch: Shingler | null = null;

/** 64-bit key (16 hex digits) of `normalizeExact(text)`; equal keys = exact duplicates. */
export function exactKey(text: string, opts: { foldPunctuation?: boolean } = {}): string {
  const fold = opts.foldPunctuation ?? false;
  if (!scratch || scratch.opts.foldPunctuation !== fold) scratch = new Shingler({ foldPunctuation: fold });
  scratch.run(text);
  return scratch.exactKeyHex();
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function sortedUnique(a: Int32Array): Int32Array {
  const s = Int32Array.from(a).sort();
  let m = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[m - 1]) s[m++] = s[i]!;
  return s.slice(0, m);
}

/** |A ∩ B| / |A ∪ B| of two sorted distinct arrays; two empty sets count as 0. */
export function jaccardSorted(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

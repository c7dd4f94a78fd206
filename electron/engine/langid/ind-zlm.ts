/**
 * The Indonesian-vs-Malay discriminator. The two standards share most of their words, so the main
 * 11-class model is unsure between them on short sentences. When its answer is `ind` or `zlm`, the split
 * of their probability mass is re-decided by a pairwise log-odds
 *
 *   d = kMain * (main logit ind - zlm, before temperature) + kPair * (binary model score)
 *     + kMarkers * (Indonesian markers - Malay markers) + kLean * (lean Indonesian - lean Malay markers)
 *     + kWordlist * (words only the Indonesian word list has - words only the Malay list has) + bias
 *
 * where the binary model is a logistic regression over word unigrams and bigrams (and, in mode 'all',
 * the main model's character n-grams) trained on Indonesian and Malay text only, and the markers are
 * the strong lexical markers of scripts/langid/ind-zlm-lexicon.ts. The coefficients are stacked
 * on out-of-fold scores (scripts/langid/cv-ind-zlm.ts, cv-tiers.ts), never on the valid splits. A model
 * may have no binary model (`bits` 0, round 3 `--ind-zlm tiers`): then only the main logit and the
 * strong and lean marker counts decide.
 */
import { bigramKey, lexiconKey, type FeatureExtractor } from './features.js';
import { fmix32 } from '../dedupe/hash';

export interface PairModelHeader {
  /** Hash buckets of the binary model (its weights follow the main weights in the model file). */
  bits: number;
  /** Dequantization scale of its int8 weights. */
  scale: number;
  /** 'words': word unigrams + bigrams; 'all': those plus the main model's features. */
  features: 'words' | 'all';
  /** The binary score is sum(weights) * n^-norm over its n features (0: plain sum, 0.5: like the main model). */
  norm: number;
  kMain: number;
  kPair: number;
  kMarkers: number;
  /** Weight of the lean-marker count (lexicon.lean); absent in older models. */
  kLean?: number;
  /** Weight of the word-list count (lexicon.wordlist: Indonesian-only minus Malay-only words); absent in older models. */
  kWordlist?: number;
  bias: number;
}

const WORD_SALT = 0x3c6ef372;
const BIGRAM_SALT = 0x1f83d9ab;

/** Bucket ids of the binary model's features of the text last extracted by `ex`, into `out`; returns the count. */
export function pairFeatureIds(ex: FeatureExtractor, bits: number, mode: 'words' | 'all', out: Int32Array): number {
  const mask = (1 << bits) - 1;
  let k = 0;
  let prev = 0;
  for (let i = 0; i < ex.wordCount && k + 2 <= out.length; i++) {
    const w = ex.words[i] ?? 0;
    out[k++] = fmix32(w ^ WORD_SALT) & mask;
    if (i > 0) out[k++] = fmix32(bigramKey(prev, w) ^ BIGRAM_SALT) & mask;
    prev = w;
  }
  if (mode === 'all') {
    const f = ex.features;
    for (let i = 0; i < ex.count && k < out.length; i++) out[k++] = fmix32((f[i] ?? 0) ^ WORD_SALT) & mask;
  }
  return k;
}

/** The binary model's score (log-odds of Indonesian over Malay) for the text last extracted by `ex`. */
export function pairScore(ex: FeatureExtractor, h: PairModelHeader, weights: Float32Array, ids: Int32Array): number {
  const n = pairFeatureIds(ex, h.bits, h.features, ids);
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += weights[ids[i] ?? 0] ?? 0;
  return h.norm === 0 ? s : s * Math.pow(n, -h.norm);
}

/** Sizes a feature-id buffer for pairFeatureIds (words + bigrams + main features). */
export function pairIdBuffer(ex: FeatureExtractor): Int32Array {
  return new Int32Array(ex.words.length * 2 + ex.features.length);
}

/** Indonesian minus Malay marker hits (words and two-word entries) in the text last extracted by `ex`. */
export function markerCount(ex: FeatureExtractor, markers: Map<number, number>): number {
  let score = 0;
  let prev = 0;
  for (let i = 0; i < ex.wordCount; i++) {
    const w = ex.words[i] ?? 0;
    score += markers.get(w) ?? 0;
    if (i > 0) score += markers.get(bigramKey(prev, w)) ?? 0;
    prev = w;
  }
  return score;
}

/** Lexicon key -> +1 Indonesian marker, -1 Malay marker (0 for an entry in both lists: dropped). */
export function markerMap(lex: { ind: string[]; zlm: string[] }): Map<number, number> {
  const m = new Map<number, number>();
  for (const e of lex.ind) m.set(lexiconKey(e), 1);
  for (const e of lex.zlm) {
    const k = lexiconKey(e);
    if (m.get(k) === 1) m.delete(k);
    else m.set(k, -1);
  }
  m.delete(0);
  return m;
}


/**
 * Language identification for Indonesian corpora: a hashed n-gram softmax model trained on
 * NusaX / TALPCo / NusaWrites (scripts/train-langid.ts) answers first; when it is unsure, franc
 * restricted to the languages that matter is blended in. Confidences are calibrated softmax
 * probabilities, so a wrong answer mostly carries a low one. Before the model, a few rules answer
 * `und` for text no language can be read from (docs/langid.md): too few letters once links are
 * removed, junk (hahaha, kkkk, keyboard mash), or another Latin-script language (Dutch, German...).
 */
import { francAll } from 'franc';
import type { UndReason } from '../../../shared/contract/langid';
import { bigramKey, FeatureExtractor, lexiconKey } from './features.js';
import { cleanText, dropJunkWords, isJunk } from './input-rules.js';
import { ForeignCheck } from './foreign.js';
import { markerCount, markerMap, pairIdBuffer, pairScore, type PairModelHeader } from './ind-zlm.js';
import { FRANC_ONLY, isLangCode, LANGID_LANGUAGES, type DetectedLang } from './languages.js';
import { findModelPath, readModel, type LoadedModel, type ModelHeader } from './model-file.js';

export interface LangAlternative {
  lang: DetectedLang;
  confidence: number;
}

/**
 * Why a rule, not the model's low confidence, answered `und` (confidence 0); the contract's type, as the corpus stores it:
 * `short` fewer than MIN_LETTERS letters once links, e-mail addresses and @mentions are removed;
 * `junk` a letter or two repeated, laughter (wkwk, hahaha) or a keyboard mash;
 * `foreign` another Latin-script language (the alternatives then say what the model alone would have answered).
 */
export type { UndReason };

export interface Detection {
  lang: DetectedLang;
  confidence: number;
  alternatives: LangAlternative[];
  /** Set only when a rule made the answer `und`. */
  reason?: UndReason;
}

export interface DetectOptions {
  /** How many alternatives after the top answer (default 3). */
  alternatives?: number;
}

/** Fewer letters than this and we do not guess: one short word (saya, halo) is shared by several of our languages. */
const MIN_LETTERS = 5;
/** franc is unreliable on less; shorter foreign text keeps the model's (usually low) confidence. */
const FOREIGN_MIN_LETTERS = 20;
/** Below this model confidence (Indonesian and Malay counted together) franc is asked even without a sign. */
const FOREIGN_ASK_BELOW = 0.6;

function und(reason: UndReason, alternatives: LangAlternative[] = []): Detection {
  return { lang: 'und', confidence: 0, alternatives, reason };
}

export class LanguageDetector {
  readonly header: ModelHeader;
  private readonly weights: Float32Array;
  private readonly bias: Float32Array;
  private readonly classes: number;
  private readonly extractor: FeatureExtractor;
  private readonly logits: Float64Array;
  private readonly probs: Float64Array;
  private readonly francIndex: Int32Array;
  private readonly francOnly: string[];
  private readonly indIdx: number;
  /** Lexicon key -> +1 Malay marker, -1 Indonesian marker. */
  private readonly markers = new Map<number, number>();
  private readonly zlmIdx: number;
  /** The stacked discriminator (newer models): its header, weights, marker map and id buffer. */
  private readonly pair: PairModelHeader | null;
  private readonly pairWeights: Float32Array;
  private readonly pairMarkers: Map<number, number>;
  private readonly leanMarkers: Map<number, number>;
  private readonly wordlistMarkers: Map<number, number>;
  private readonly pairIds: Int32Array;
  private readonly foreignCheck = new ForeignCheck();

  constructor(model: LoadedModel) {
    this.header = model.header;
    this.weights = model.weights;
    this.classes = model.header.languages.length;
    this.bias = Float32Array.from(model.header.bias);
    this.extractor = new FeatureExtractor(model.header.bits);
    this.logits = new Float64Array(this.classes);
    this.probs = new Float64Array(this.classes);
    this.francOnly = [...FRANC_ONLY];
    this.indIdx = model.header.languages.indexOf('ind');
    this.zlmIdx = model.header.languages.indexOf('zlm');
    const lex = model.header.lexicon;
    if (lex) {
      for (const e of lex.zlm) this.markers.set(lexiconKey(e), 1);
      for (const e of lex.ind) this.markers.set(lexiconKey(e), this.markers.get(lexiconKey(e)) === 1 ? 0 : -1);
      this.markers.delete(0);
    }
    const ph = model.header.pair;
    this.pair = ph && (ph.bits === 0 || model.pairWeights) ? ph : null;
    this.pairWeights = model.pairWeights ?? new Float32Array(0);
    this.pairMarkers = lex ? markerMap(lex) : new Map<number, number>();
    this.leanMarkers = lex?.lean ? markerMap(lex.lean) : new Map<number, number>();
    this.wordlistMarkers = lex?.wordlist && ph?.kWordlist ? markerMap(lex.wordlist) : new Map<number, number>();
    this.pairIds = pairIdBuffer(this.extractor);
    // For each franc code, the model class it votes for.
    this.francIndex = Int32Array.from(this.francOnly.map((c) => model.header.languages.indexOf(c)));
    for (const l of model.header.languages) if (!isLangCode(l)) throw new Error(`langid model has unknown language ${l}`);
  }

  static load(path = findModelPath()): LanguageDetector {
    return new LanguageDetector(readModel(path));
  }

  /** Raw n-gram model probabilities (after temperature) into `this.probs`; returns letters seen. */
  private scoreNgrams(text: string): number {
    const ex = this.extractor;
    const n = ex.extract(text);
    const C = this.classes;
    const logits = this.logits;
    for (let c = 0; c < C; c++) logits[c] = 0;
    const feats = ex.features;
    const w = this.weights;
    if (C === 11) sum11(w, feats, n, logits);
    else {
      for (let i = 0; i < n; i++) {
        const base = (feats[i] ?? 0) * C;
        for (let c = 0; c < C; c++) logits[c] = (logits[c] ?? 0) + (w[base + c] ?? 0);
      }
    }
    const s = n > 0 ? 1 / Math.sqrt(n) : 0;
    const t = this.header.temperature;
    for (let c = 0; c < C; c++) logits[c] = ((logits[c] ?? 0) * s + (this.bias[c] ?? 0)) / t;
    softmaxInto(logits, this.probs);
    return ex.letters;
  }

  detect(text: string, opts: DetectOptions = {}): Detection {
    if (typeof text !== 'string' || text.length === 0) return und('short');
    // Laughter or a keyboard mash inside a sentence would pull the model (wkwkwk → Javanese): it reads the rest.
    const clean = dropJunkWords(cleanText(text), MIN_LETTERS);
    const letters = this.scoreNgrams(clean);
    const ex = this.extractor;
    const sc = ex.scripts;
    if (sc.javanese + sc.sundanese + sc.balinese + sc.buginese > 0) {
      const scriptAnswer = aksara(sc);
      if (scriptAnswer) return scriptAnswer;
    }
    if (letters < MIN_LETTERS) return und('short');
    if (isJunk(ex, clean)) return und('junk');

    const C = this.classes;
    const probs = this.probs;
    let top = argmax(probs);
    if ((probs[top] ?? 0) < this.header.francBelow && clean.length >= 10 && this.header.francWeight > 0) {
      this.blendFranc(clean);
      top = argmax(probs);
    }
    if (top === this.indIdx || top === this.zlmIdx) {
      if (this.pair) this.splitIndZlm(this.pair);
      else {
        this.applyLexicon();
        this.adjustIndZlm();
      }
      top = argmax(probs);
    }
    // Text that is mostly another script (or digits/emoji around a few Latin letters) is not ours to label confidently.
    const foreign = sc.other / Math.max(1, sc.other + sc.latin);
    const damp = foreign > 0.5 ? 0 : 1 - foreign;
    const alternatives = Math.max(0, opts.alternatives ?? 3);
    const order = topIndices(probs, top, Math.min(alternatives, C - 1));
    const langs = this.header.languages;
    const confidence = round3((probs[top] ?? 0) * damp);
    const alts: LangAlternative[] = [];
    for (const i of order) {
      alts.push({ lang: langs[i] as DetectedLang, confidence: round3((probs[i] ?? 0) * damp) });
    }
    const unsure = confidence < this.header.undBelow;
    if (unsure || (letters >= FOREIGN_MIN_LETTERS && this.looksForeign(clean, top))) {
      alts.unshift({ lang: langs[top] as DetectedLang, confidence });
      alts.length = Math.min(alts.length, alternatives);
      return unsure ? { lang: 'und', confidence, alternatives: alts } : und('foreign', alts);
    }
    return { lang: langs[top] as DetectedLang, confidence, alternatives: alts };
  }

  /** Asks franc (with other Latin-script languages) when the text shows a sign of one or the model is unsure. */
  private looksForeign(text: string, top: number): boolean {
    const p = this.probs;
    let mass = p[top] ?? 0;
    if (top === this.indIdx) mass += p[this.zlmIdx] ?? 0;
    else if (top === this.zlmIdx) mass += p[this.indIdx] ?? 0;
    const ex = this.extractor;
    const sign = this.foreignCheck.screen(ex.words, ex.wordCount, ex.marked, text);
    if (mass >= FOREIGN_ASK_BELOW && sign === 'none') return false;
    return this.foreignCheck.isForeign(text, sign === 'tagalog');
  }

  /** Re-splits the Indonesian + Malay probability mass by the stacked discriminator's log-odds. */
  private splitIndZlm(h: PairModelHeader): void {
    const ex = this.extractor;
    const main = ((this.logits[this.indIdx] ?? 0) - (this.logits[this.zlmIdx] ?? 0)) * this.header.temperature;
    let d = h.kMain * main + h.bias;
    if (h.kPair !== 0 && this.pairWeights.length > 0) d += h.kPair * pairScore(ex, h, this.pairWeights, this.pairIds);
    if (h.kMarkers !== 0) d += h.kMarkers * markerCount(ex, this.pairMarkers);
    if (h.kLean) d += h.kLean * markerCount(ex, this.leanMarkers);
    if (h.kWordlist) d += h.kWordlist * markerCount(ex, this.wordlistMarkers);
    const p = this.probs;
    const mass = (p[this.indIdx] ?? 0) + (p[this.zlmIdx] ?? 0);
    const share = 1 / (1 + Math.exp(-d));
    p[this.indIdx] = mass * share;
    p[this.zlmIdx] = mass * (1 - share);
  }

  /** Adds the Indonesian/Malay marker-word evidence to the two logits (models without `pair`). */
  private applyLexicon(): void {
    const weight = this.header.lexicon?.weight ?? 0;
    if (weight === 0 || this.markers.size === 0) return;
    const ex = this.extractor;
    let score = 0;
    let prev = 0;
    for (let i = 0; i < ex.wordCount; i++) {
      const w = ex.words[i] ?? 0;
      score += this.markers.get(w) ?? 0;
      if (i > 0) score += this.markers.get(bigramKey(prev, w)) ?? 0;
      prev = w;
    }
    if (score === 0) return;
    const logits = this.logits;
    if (score > 0) logits[this.zlmIdx] = (logits[this.zlmIdx] ?? 0) + weight * score;
    else logits[this.indIdx] = (logits[this.indIdx] ?? 0) - weight * score;
    softmaxInto(logits, this.probs);
  }

  private adjustIndZlm(): void {
    const k = this.header.indZlmScale ?? 1;
    if (k === 1 || this.indIdx < 0 || this.zlmIdx < 0) return;
    const p = this.probs;
    const mass = (p[this.indIdx] ?? 0) + (p[this.zlmIdx] ?? 0);
    const d = ((this.logits[this.indIdx] ?? 0) - (this.logits[this.zlmIdx] ?? 0)) * k;
    const share = 1 / (1 + Math.exp(-d));
    p[this.indIdx] = mass * share;
    p[this.zlmIdx] = mass * (1 - share);
  }

  /** Adds franc's restricted trigram scores to the (temperature-scaled) logits and renormalizes. */
  private blendFranc(text: string): void {
    const fr = francAll(text, { only: this.francOnly, minLength: 1 });
    const logits = this.logits;
    const wgt = this.header.francWeight;
    for (const [code, score] of fr) {
      const i = this.francOnly.indexOf(code);
      if (i < 0) continue;
      const cls = this.francIndex[i] ?? -1;
      if (cls >= 0) logits[cls] = (logits[cls] ?? 0) + wgt * score;
    }
    // Banjar has no franc model: give it the mean franc score of its closest neighbours (ind, min).
    const bjn = this.header.languages.indexOf('bjn');
    if (bjn >= 0) {
      let sum = 0;
      let k = 0;
      for (const [code, score] of fr) {
        if (code !== 'ind' && code !== 'min') continue;
        sum += score;
        k++;
      }
      if (k > 0) logits[bjn] = (logits[bjn] ?? 0) + wgt * (sum / k);
    }
    softmaxInto(logits, this.probs);
  }
}

function aksara(sc: FeatureExtractor['scripts']): Detection | null {
  const counts: Array<[DetectedLang, number]> = [
    ['jav', sc.javanese],
    ['sun', sc.sundanese],
    ['ban', sc.balinese],
    ['bug', sc.buginese],
  ];
  let best: [DetectedLang, number] = ['und', 0];
  for (const e of counts) if (e[1] > best[1]) best = e;
  if (best[1] < 3 || best[1] < sc.latin) return null;
  // A native script names its language well, though Balinese/Javanese script is also used for Kawi, Sasak...
  return { lang: best[0], confidence: 0.8, alternatives: [] };
}

/** The hot loop for the shipped 11-language model: sums in registers instead of through memory. */
function sum11(w: Float32Array, feats: Int32Array, n: number, out: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0;
  for (let i = 0; i < n; i++) {
    const b = (feats[i] ?? 0) * 11;
    a0 += w[b] ?? 0;
    a1 += w[b + 1] ?? 0;
    a2 += w[b + 2] ?? 0;
    a3 += w[b + 3] ?? 0;
    a4 += w[b + 4] ?? 0;
    a5 += w[b + 5] ?? 0;
    a6 += w[b + 6] ?? 0;
    a7 += w[b + 7] ?? 0;
    a8 += w[b + 8] ?? 0;
    a9 += w[b + 9] ?? 0;
    a10 += w[b + 10] ?? 0;
  }
  out[0] = a0;
  out[1] = a1;
  out[2] = a2;
  out[3] = a3;
  out[4] = a4;
  out[5] = a5;
  out[6] = a6;
  out[7] = a7;
  out[8] = a8;
  out[9] = a9;
  out[10] = a10;
}

function softmaxInto(logits: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if ((logits[i] ?? 0) > max) max = logits[i] ?? 0;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i] ?? 0) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
}

/** The `k` most probable classes after `top`, best first (a selection, not a full sort: k is small). */
function topIndices(p: Float64Array, top: number, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    let best = -1;
    for (let i = 0; i < p.length; i++) {
      if (i === top || out.includes(i)) continue;
      if (best < 0 || (p[i] ?? 0) > (p[best] ?? 0)) best = i;
    }
    if (best < 0) break;
    out.push(best);
  }
  return out;
}

function argmax(a: Float64Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if ((a[i] ?? 0) > (a[best] ?? 0)) best = i;
  return best;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

let shared: LanguageDetector | null = null;

/** The process-wide detector, loaded on first use from resources/models. */
export function getDetector(): LanguageDetector {
  shared ??= LanguageDetector.load();
  return shared;
}

export function detectLanguage(text: string, opts?: DetectOptions): Detection {
  return getDetector().detect(text, opts);
}

export { LANGID_LANGUAGES };

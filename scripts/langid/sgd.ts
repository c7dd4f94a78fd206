/**
 * The language-ID model's trainer core (multinomial logistic regression by averaged SGD over the hashed
 * features of features.ts), shared by scripts/train-langid.ts and the cross-validation script.
 */
import { FeatureExtractor } from '../../electron/engine/langid/features.js';
import { LANGID_LANGUAGES } from '../../electron/engine/langid/languages.js';
import { splitSentences, type LabelledText } from './data.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Example {
  cls: number;
  text: string;
}

/** Full texts, the sentences of paragraphs, and random 2-7 word fragments for short-text robustness. */
export function expand(items: LabelledText[], rand: () => number): Example[] {
  const langs: readonly string[] = LANGID_LANGUAGES;
  const out: Example[] = [];
  for (const it of items) {
    const cls = langs.indexOf(it.lang);
    if (cls < 0) continue;
    out.push({ cls, text: it.text });
    if (it.source === 'pseudo-paragraph') continue; // its sentences are already examples of their own
    const sentences = splitSentences(it.text);
    if (sentences.length > 1) for (const s of sentences) out.push({ cls, text: s });
    for (const s of sentences) {
      const words = s.split(/\s+/u).filter(Boolean);
      if (words.length < 5) continue;
      for (let k = 0; k < 2; k++) {
        const len = 2 + Math.floor(rand() * 6);
        const start = Math.floor(rand() * Math.max(1, words.length - len));
        out.push({ cls, text: words.slice(start, start + len).join(' ') });
      }
    }
  }
  return out;
}

/**
 * Pseudo-paragraphs (3-6 random sentences of one language) for sources that only have short
 * sentences, so that long Malay text is not pulled towards the languages that had long examples.
 */
export function pseudoParagraphs(items: LabelledText[], rand: () => number): LabelledText[] {
  const byLang = new Map<string, LabelledText[]>();
  for (const it of items) if (it.source.startsWith('talpco')) byLang.set(it.lang, [...(byLang.get(it.lang) ?? []), it]);
  const out: LabelledText[] = [];
  for (const [lang, list] of byLang) {
    for (let k = 0; k < list.length / 3; k++) {
      const n = 3 + Math.floor(rand() * 4);
      const picked = Array.from({ length: n }, () => list[Math.floor(rand() * list.length)]?.text ?? '');
      out.push({ lang, text: picked.join(' '), source: 'pseudo-paragraph' });
    }
  }
  return out;
}

export function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
}

export interface Trained {
  weights: Float32Array;
  bias: Float32Array;
}

export function train(examples: Example[], bits: number, epochs: number, seed: number): Trained {
  const C = LANGID_LANGUAGES.length;
  const B = 1 << bits;
  const W = new Float32Array(B * C);
  const U = new Float32Array(B * C);
  const b = new Float64Array(C);
  const ub = new Float64Array(C);
  const perClass = new Float64Array(C);
  for (const e of examples) perClass[e.cls] = (perClass[e.cls] ?? 0) + 1;
  const classWeight = Array.from(perClass, (n) => (n > 0 ? examples.length / (C * n) : 0));
  const ex = new FeatureExtractor(bits);
  const z = new Float64Array(C);
  const rand = rng(seed);
  const order = examples.slice();
  let t = 1;
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    const lr = 0.3 / (1 + ep * 0.5);
    for (const e of order) {
      const n = ex.extract(e.text);
      if (n === 0) continue;
      const s = 1 / Math.sqrt(n);
      const f = ex.features;
      for (let c = 0; c < C; c++) z[c] = 0;
      for (let i = 0; i < n; i++) {
        const base = (f[i] ?? 0) * C;
        for (let c = 0; c < C; c++) z[c] = (z[c] ?? 0) + (W[base + c] ?? 0);
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        z[c] = (z[c] ?? 0) * s + (b[c] ?? 0);
        if ((z[c] ?? 0) > max) max = z[c] ?? 0;
      }
      let sum = 0;
      for (let c = 0; c < C; c++) {
        z[c] = Math.exp((z[c] ?? 0) - max);
        sum += z[c] ?? 0;
      }
      const cw = classWeight[e.cls] ?? 1;
      for (let c = 0; c < C; c++) {
        const g = ((z[c] ?? 0) / sum - (c === e.cls ? 1 : 0)) * cw * lr;
        if (Math.abs(g) < 1e-7) continue;
        const step = g * s;
        for (let i = 0; i < n; i++) {
          const idx = (f[i] ?? 0) * C + c;
          W[idx] = (W[idx] ?? 0) - step;
          U[idx] = (U[idx] ?? 0) - t * step;
        }
        b[c] = (b[c] ?? 0) - g * 0.1;
        ub[c] = (ub[c] ?? 0) - t * g * 0.1;
      }
      t++;
    }
  }
  // Averaged SGD: w_avg = w - u / t.
  for (let i = 0; i < W.length; i++) W[i] = (W[i] ?? 0) - (U[i] ?? 0) / t;
  const bias = new Float32Array(C);
  for (let c = 0; c < C; c++) bias[c] = (b[c] ?? 0) - (ub[c] ?? 0) / t;
  return { weights: W, bias };
}

/** int8 weights with one scale, as shipped. */
export function quantize(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] ?? 0));
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round((w[i] ?? 0) / scale);
  return { q, scale };
}

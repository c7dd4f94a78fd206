/**
 * Trains the binary Indonesian-vs-Malay model of electron/engine/langid/ind-zlm.ts (logistic regression
 * by averaged SGD, class-balanced, L2) and stacks its score with the main model and the marker count.
 */
import { FeatureExtractor } from '../../electron/engine/langid/features.js';
import { pairFeatureIds, pairIdBuffer, type PairModelHeader } from '../../electron/engine/langid/ind-zlm.js';
import { rng, shuffle } from './sgd.js';

export interface PairTrainConfig {
  bits: number;
  features: 'words' | 'all';
  norm: number;
  epochs: number;
  l2: number;
  seed: number;
}

export interface PairExample {
  text: string;
  /** 1 = Indonesian, 0 = Malay. */
  y: number;
}

/** Binary model weights (log-odds of Indonesian); the intercept is left to the stacking step. */
export function trainPairModel(examples: PairExample[], cfg: PairTrainConfig): Float32Array {
  const B = 1 << cfg.bits;
  const W = new Float32Array(B);
  const U = new Float32Array(B);
  let b = 0;
  const pos = examples.filter((e) => e.y === 1).length;
  const cw = [examples.length / (2 * Math.max(1, examples.length - pos)), examples.length / (2 * Math.max(1, pos))];
  const ex = new FeatureExtractor(18);
  const ids = pairIdBuffer(ex);
  // Features once per example (the extractor is deterministic).
  const feats = examples.map((e) => {
    ex.extract(e.text);
    const n = pairFeatureIds(ex, cfg.bits, cfg.features, ids);
    return ids.slice(0, n);
  });
  const order = examples.map((_, i) => i);
  const rand = rng(cfg.seed);
  let t = 1;
  for (let ep = 0; ep < cfg.epochs; ep++) {
    shuffle(order, rand);
    const lr = 0.5 / (1 + ep * 0.5);
    for (const i of order) {
      const f = feats[i] as Int32Array;
      const y = (examples[i] as PairExample).y;
      if (f.length === 0) continue;
      const s = cfg.norm === 0 ? 1 : Math.pow(f.length, -cfg.norm);
      let z = b;
      for (const id of f) z += (W[id] ?? 0) * s;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * (cw[y] ?? 1) * lr;
      for (const id of f) {
        const step = g * s + lr * cfg.l2 * (W[id] ?? 0);
        W[id] = (W[id] ?? 0) - step;
        U[id] = (U[id] ?? 0) - t * step;
      }
      b -= g * 0.1;
      t++;
    }
  }
  for (let i = 0; i < B; i++) W[i] = (W[i] ?? 0) - (U[i] ?? 0) / t;
  return W;
}

export interface StackRow {
  /** Main model logit ind - zlm (before temperature). */
  main: number;
  pair: number;
  markers: number;
  /** 1 = Indonesian. */
  y: number;
  weight: number;
}

export type Stack = Pick<PairModelHeader, 'kMain' | 'kPair' | 'kMarkers' | 'bias'>;

/** Weighted logistic regression of y on [main, pair, markers, 1] by Newton's method with a small ridge. */
export function fitStack(rows: StackRow[], use: { pair: boolean; markers: boolean }, ridge = 1e-3): Stack {
  const D = 4;
  const x = (r: StackRow): number[] => [r.main, use.pair ? r.pair : 0, use.markers ? r.markers : 0, 1];
  let beta = [1, 0, 0, 0];
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    for (const r of rows) {
      const xi = x(r);
      const z = xi.reduce((s, v, j) => s + v * (beta[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < D; j++) {
        g[j] = (g[j] ?? 0) + r.weight * (p - r.y) * (xi[j] ?? 0);
        for (let k = 0; k < D; k++) (H[j] as number[])[k] = ((H[j] as number[])[k] ?? 0) + r.weight * p * (1 - p) * (xi[j] ?? 0) * (xi[k] ?? 0);
      }
    }
    for (let j = 0; j < D; j++) {
      (H[j] as number[])[j] = ((H[j] as number[])[j] ?? 0) + ridge * rows.length;
      g[j] = (g[j] ?? 0) + ridge * rows.length * (beta[j] ?? 0);
    }
    const step = solve(H, g);
    beta = beta.map((v, j) => v - (step[j] ?? 0));
    if (step.every((s) => Math.abs(s) < 1e-7)) break;
  }
  return { kMain: beta[0] ?? 0, kPair: beta[1] ?? 0, kMarkers: beta[2] ?? 0, bias: beta[3] ?? 0 };
}

export function stackScore(s: Stack, r: Pick<StackRow, 'main' | 'pair' | 'markers'>): number {
  return s.kMain * r.main + s.kPair * r.pair + s.kMarkers * r.markers + s.bias;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[piv]?.[c] ?? 0)) piv = r;
    [M[c], M[piv]] = [M[piv] as number[], M[c] as number[]];
    const d = M[c]?.[c] ?? 0;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (M[r]?.[c] ?? 0) / d;
      for (let k = c; k <= n; k++) (M[r] as number[])[k] = (M[r]?.[k] ?? 0) - f * (M[c]?.[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

/** Logistic regression of y (0/1) on the rows of X plus an intercept (last coefficient), by Newton's method with a small ridge. */
export function fitLinear(X: number[][], y: number[], ridge = 1e-3): number[] {
  const D = (X[0]?.length ?? 0) + 1;
  const row = (i: number): number[] => [...(X[i] ?? []), 1];
  let beta = new Array<number>(D).fill(0);
  beta[0] = 1;
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    for (let i = 0; i < X.length; i++) {
      const xi = row(i);
      const z = xi.reduce((s, v, j) => s + v * (beta[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const yi = y[i] ?? 0;
      for (let j = 0; j < D; j++) {
        g[j] = (g[j] ?? 0) + (p - yi) * (xi[j] ?? 0);
        for (let k = 0; k < D; k++) (H[j] as number[])[k] = ((H[j] as number[])[k] ?? 0) + p * (1 - p) * (xi[j] ?? 0) * (xi[k] ?? 0);
      }
    }
    for (let j = 0; j < D; j++) {
      (H[j] as number[])[j] = ((H[j] as number[])[j] ?? 0) + ridge * X.length;
      g[j] = (g[j] ?? 0) + ridge * X.length * (beta[j] ?? 0);
    }
    const step = solve(H, g);
    beta = beta.map((v, j) => v - (step[j] ?? 0));
    if (step.every((s) => Math.abs(s) < 1e-7)) break;
  }
  return beta;
}

/**
 * What the Indonesian/Malay cross-validation scripts of rounds 3 and 4 (cv-tiers.ts, cv-wordlist.ts, cv-l10n.ts)
 * share: a linear stack over some features of each held-out row, fitted on TALPCo rows of the other folds, scored on
 * the held-out fold, and the table every script prints. Each script only says which features its candidates use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { trainingTexts, type LabelledText } from './data.js';
import { CV_FOLDS, defaultCacheDir, type OofItem } from './cv-main.js';
import { loadOof } from './cv-ind-zlm.js';
import { fitLinear } from './ind-zlm-train.js';

/** One held-out Indonesian or Malay training text. */
export interface HeldOutRow {
  fold: number;
  /** The main model's answer is ind or zlm (otherwise the split is not consulted). */
  pairTop: boolean;
  source: string;
  text: string;
  /** 1 = Indonesian, 0 = Malay. */
  y: number;
  /** Main model logit ind − zlm (before temperature). */
  main: number;
}

export interface LinearStack {
  /** One coefficient per feature. */
  coef: number[];
  bias: number;
}

/** 'fit': the logistic intercept; 'balanced': the intercept that maximizes min(ind, zlm) accuracy on the fitting rows. */
export type BiasRule = 'fit' | 'balanced';

export function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

export function linearScore(st: LinearStack, x: number[]): number {
  return dot(st.coef, x) + st.bias;
}

/** Coefficients from TALPCo pair-top rows (translation pairs: both languages weigh the same). */
export function fitRowStack<R extends HeldOutRow>(rows: R[], features: (r: R) => number[], bias: BiasRule): LinearStack {
  const sel = rows.filter((r) => r.pairTop && r.source.startsWith('talpco'));
  const beta = fitLinear(sel.map(features), sel.map((r) => r.y));
  const coef = beta.slice(0, -1);
  let b = beta[beta.length - 1] ?? 0;
  if (bias === 'balanced') b = balancedBias(sel.map((r) => ({ s: dot(coef, features(r)), y: r.y })), b);
  return { coef, bias: b };
}

/** The intercept (searched near the fitted one) that maximizes min(ind accuracy, zlm accuracy), ties to the smallest move. */
export function balancedBias(scored: Array<{ s: number; y: number }>, start: number): number {
  const n1 = Math.max(1, scored.filter((r) => r.y === 1).length);
  const n0 = Math.max(1, scored.length - n1);
  let best = start;
  let bestMin = -1;
  for (let k = -200; k <= 200; k++) {
    const b = start + k * 0.01;
    let ok1 = 0;
    let ok0 = 0;
    for (const r of scored) {
      if (r.y === 1 && r.s + b > 0) ok1++;
      if (r.y === 0 && r.s + b <= 0) ok0++;
    }
    const m = Math.min(ok1 / n1, ok0 / n0);
    if (m > bestMin + 1e-9 || (Math.abs(m - bestMin) < 1e-9 && Math.abs(b - start) < Math.abs(best - start))) {
      bestMin = m;
      best = b;
    }
  }
  return best;
}

/** Each fold's stack, fitted on the other folds' rows. */
export function foldStacks<R extends HeldOutRow>(rows: R[], features: (r: R) => number[], bias: BiasRule): LinearStack[] {
  return Array.from({ length: CV_FOLDS }, (_, f) => fitRowStack(rows.filter((r) => r.fold !== f), features, bias));
}

export interface CvResult {
  talpcoInd: number;
  talpcoZlm: number;
  nusaxInd: number;
  /** Mean negative log-likelihood of the truth under the pairwise probability (TALPCo, pair-top rows). */
  nll: number;
}

export function evaluate<R extends HeldOutRow>(rows: R[], score: (r: R) => number): CvResult {
  const acc = (sel: R[]): number => sel.filter((r) => r.pairTop && (score(r) > 0 ? 1 : 0) === r.y).length / Math.max(1, sel.length);
  const talpco = rows.filter((r) => r.source.startsWith('talpco'));
  let nll = 0;
  let n = 0;
  for (const r of talpco) {
    if (!r.pairTop) continue;
    const p = 1 / (1 + Math.exp(-score(r)));
    nll -= Math.log(Math.max(1e-6, r.y === 1 ? p : 1 - p));
    n++;
  }
  return {
    talpcoInd: acc(talpco.filter((r) => r.y === 1)),
    talpcoZlm: acc(talpco.filter((r) => r.y === 0)),
    nusaxInd: acc(rows.filter((r) => r.source.startsWith('nusax'))),
    nll: nll / Math.max(1, n),
  };
}

/** Nested CV: every held-out row scored by the stack of its fold. */
export function nestedStackCv<R extends HeldOutRow>(rows: R[], features: (r: R) => number[], bias: BiasRule): CvResult {
  const stacks = foldStacks(rows, features, bias);
  return evaluate(rows, (r) => linearScore(stacks[r.fold] as LinearStack, features(r)));
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * The body of every round-3/4 CV script: reads --cache and --write, prints a table of the shipped rule and each
 * candidate (the chosen one in bold), and with --write keeps it in docs/benchmarks/<file>.
 */
export function runCvScript<C extends { name: string; bias: string }>(opts: {
  intro: string[];
  candidates: C[];
  /** Null until a script's table has been read and its rule applied. */
  chosen: C | null;
  chosenFor: string;
  shipped: (oof: OofItem[][], all: LabelledText[]) => CvResult;
  result: (cfg: C, oof: OofItem[][], all: LabelledText[]) => CvResult;
  file: string;
}): void {
  const argv = process.argv.slice(2);
  const cache = argv.includes('--cache') ? (argv[argv.indexOf('--cache') + 1] ?? defaultCacheDir()) : defaultCacheDir();
  const { sentences, paragraphs } = trainingTexts();
  const all = [...sentences, ...paragraphs];
  const oof = loadOof(cache, all);
  const out = [...opts.intro, '', '| Indonesian/Malay split | bias | TALPCo ind | TALPCo zlm | min | NusaX ind | pair NLL |', '|---|---|---|---|---|---|---|'];
  const line = (name: string, bias: string, r: CvResult): string =>
    `| ${name} | ${bias} | ${pct(r.talpcoInd)} | ${pct(r.talpcoZlm)} | ${pct(Math.min(r.talpcoInd, r.talpcoZlm))} | ${pct(r.nusaxInd)} | ${r.nll.toFixed(3)} |`;
  out.push(line('marker rule (weight 4, scale 0.7; shipped until round 4)', '–', opts.shipped(oof, all)));
  for (const cfg of opts.candidates) {
    const name = opts.chosen !== null && cfg === opts.chosen ? `**${cfg.name}** (${opts.chosenFor})` : cfg.name;
    out.push(line(name, cfg.bias, opts.result(cfg, oof, all)));
    console.error(out[out.length - 1]);
  }
  console.log(out.join('\n'));
  if (argv.includes('--write')) {
    mkdirSync('docs/benchmarks', { recursive: true });
    writeFileSync(`docs/benchmarks/${opts.file}`, `${out.join('\n')}\n`);
  }
}

/**
 * Cross-validation, step 1: out-of-fold scores of the main 11-class model for every Indonesian and
 * Malay TRAINING sentence, so the Indonesian-vs-Malay discriminator and how it is combined with the
 * main model can be chosen without ever looking at the valid splits.
 *
 *   npx tsx scripts/langid/cv-main.ts [--folds 0,1,2,3,4] [--cache /tmp/kurasi-langid-cv]
 *
 * Folds group parallel texts (a TALPCo line, a NusaX row, in contiguous blocks), so a sentence's
 * translation is never in the training part of its own fold. NusaWrites paragraphs (bug, mad only)
 * are in every fold's training part. Each fold trains exactly as scripts/train-langid.ts trains the
 * shipped model (same features, lexicon examples, pseudo-paragraphs, seed, epochs) and writes
 * <cache>/main-fold<k>.json: [{ lang, text, source, group, logits }] with the raw (temperature-1)
 * logits after int8 quantization, as the detector would compute them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureExtractor } from '../../electron/engine/langid/features.js';
import { LANGID_LANGUAGES } from '../../electron/engine/langid/languages.js';
import { TALPCO_TRAIN_LINES, trainingTexts, type LabelledText } from './data.js';
import { lexiconExamples } from './ind-zlm-lexicon.js';
import { expand, pseudoParagraphs, quantize, rng, train } from './sgd.js';
import { isEntryScript } from './entry.js';

export const CV_FOLDS = 5;
export const CV_SEED = 20261127;
export const CV_BITS = 18;
export const CV_EPOCHS = 10;

export interface OofItem {
  lang: string;
  text: string;
  source: string;
  group: number;
  /** Raw main-model logits (sum of weights / sqrt(features) + bias), class order of LANGID_LANGUAGES. */
  logits: number[];
}

export function defaultCacheDir(): string {
  return process.env.KURASI_LANGID_CV ?? '/tmp/kurasi-langid-cv-blocks';
}

/**
 * Which fold a training item is held out in (-1: in every fold's training part). Folds are contiguous
 * blocks of lines/rows: TALPCo lists related sentences next to each other ("Saya makan nasi." / "Saya tidak
 * makan nasi."), so interleaved folds (line % 5) leak near-duplicates into training and flatter a word model;
 * the valid split (TALPCo lines 801-1000) is a contiguous block too.
 */
export function foldOf(t: LabelledText): number {
  if (t.group === undefined || t.source.startsWith('nusawrites')) return -1;
  const size = t.source.startsWith('talpco') ? TALPCO_TRAIN_LINES : NUSAX_TRAIN_ROWS;
  return Math.min(CV_FOLDS - 1, Math.floor((t.group * CV_FOLDS) / size));
}

const NUSAX_TRAIN_ROWS = 500;

function fitFold(fold: number, all: LabelledText[]): OofItem[] {
  const fit = all.filter((t) => foldOf(t) !== fold);
  const held = all.filter((t) => foldOf(t) === fold && (t.lang === 'ind' || t.lang === 'zlm'));
  const lexicon = lexiconExamples().map((e) => ({ ...e, source: 'lexicon' }));
  const m = train(expand([...fit, ...lexicon, ...pseudoParagraphs(fit, rng(CV_SEED + 1))], rng(CV_SEED)), CV_BITS, CV_EPOCHS, CV_SEED);
  const { q, scale } = quantize(m.weights);
  const C = LANGID_LANGUAGES.length;
  const ex = new FeatureExtractor(CV_BITS);
  return held.map((t) => {
    const n = ex.extract(t.text);
    const z = new Array<number>(C).fill(0);
    for (let i = 0; i < n; i++) {
      const base = (ex.features[i] ?? 0) * C;
      for (let c = 0; c < C; c++) z[c] = (z[c] ?? 0) + (q[base + c] ?? 0) * scale;
    }
    const s = n > 0 ? 1 / Math.sqrt(n) : 0;
    return { lang: t.lang, text: t.text, source: t.source, group: t.group ?? -1, logits: z.map((v, c) => v * s + (m.bias[c] ?? 0)) };
  });
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (k: string): string | undefined => argv[argv.indexOf(k) + 1];
  const folds = (argv.includes('--folds') ? (arg('--folds') ?? '') : '0,1,2,3,4').split(',').map(Number);
  const cache = argv.includes('--cache') ? (arg('--cache') ?? defaultCacheDir()) : defaultCacheDir();
  mkdirSync(cache, { recursive: true });
  const { sentences, paragraphs } = trainingTexts();
  const all = [...sentences, ...paragraphs];
  for (const f of folds) fitFoldToCache(f, all, cache);
}

/** Trains fold `f`'s main model and writes its out-of-fold scores to <cache>/main-fold<f>.json. */
export function fitFoldToCache(f: number, all: LabelledText[], cache: string): void {
  const t0 = Date.now();
  mkdirSync(cache, { recursive: true });
  const items = fitFold(f, all);
  writeFileSync(join(cache, `main-fold${f}.json`), JSON.stringify(items));
  console.error(`cv fold ${f}: ${items.length} held-out ind/zlm items, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (isEntryScript('cv-main.ts')) main();

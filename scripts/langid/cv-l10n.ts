/**
 * Cross-validation, round 4b (`npx tsx scripts/langid/cv-l10n.ts`): a binary Indonesian-vs-Malay word model
 * trained with Mozilla's parallel interface strings (mozilla-l10n.ts, ~6,400 pairs) besides the TALPCo training
 * folds, stacked with the round-3 marker tiers and the Tesseract word-list count (cv-wordlist.ts). Round 2 had only
 * TALPCo's 800 Malay lines for such a model; the question is whether 6,400 more pairs from another domain make it
 * worth its place. Same protocol as before: TRAINING data only, 5 contiguous-block folds, each fold's binary model
 * trained without that fold, stack coefficients fitted on the other folds, every number on the held-out fold. The
 * valid splits are never read. The candidates were written down before the first run.
 *
 *   npx tsx scripts/langid/cv-l10n.ts [--cache DIR] [--write]   (--write: docs/benchmarks/langid-cv-l10n.md)
 */
import { FeatureExtractor } from '../../electron/engine/langid/features.js';
import { pairIdBuffer, pairScore, type PairModelHeader } from '../../electron/engine/langid/ind-zlm.js';
import type { LabelledText } from './data.js';
import { CV_FOLDS, type OofItem } from './cv-main.js';
import { pairExamples } from './cv-ind-zlm.js';
import { shippedRuleCv } from './cv-tiers.js';
import { chosenWordlist, wordlistFeatures, wordlistRows, type WordlistConfig, type WordlistRow } from './cv-wordlist.js';
import { fitRowStack, nestedStackCv, runCvScript, type BiasRule, type CvResult, type LinearStack } from './cv-stack.js';
import { trainPairModel, type PairExample, type PairTrainConfig } from './ind-zlm-train.js';
import { loadL10nPairs } from './mozilla-l10n.js';
import { isEntryScript } from './entry.js';

const PAIR_SEED = 4;

export interface L10nConfig {
  name: string;
  /** The binary model (null: none, the round-4 word-list stack alone). */
  pair: PairTrainConfig | null;
  /** Train the binary model on TALPCo training folds (+ lexicon), on the Mozilla pairs, or both. */
  data: 'talpco' | 'mozilla' | 'both';
  withNusax: boolean;
  /** Keep the Tesseract word-list count in the stack. */
  wordlist: boolean;
  bias: BiasRule;
}

const words = (norm: number): PairTrainConfig => ({ bits: 16, features: 'words', norm, epochs: 10, l2: 1e-4, seed: PAIR_SEED });

export const L10N_CANDIDATES: L10nConfig[] = [];
for (const bias of ['fit', 'balanced'] as const) {
  L10N_CANDIDATES.push(
    { name: 'round 4 word lists, no binary model', pair: null, data: 'both', withNusax: false, wordlist: true, bias },
    { name: '+ binary words /n^0.25, TALPCo only', pair: words(0.25), data: 'talpco', withNusax: true, wordlist: true, bias },
    { name: '+ binary words /n^0.25, TALPCo + Mozilla', pair: words(0.25), data: 'both', withNusax: true, wordlist: true, bias },
    { name: '+ binary words /n^0.25, Mozilla only', pair: words(0.25), data: 'mozilla', withNusax: false, wordlist: true, bias },
    { name: '+ binary words sum, TALPCo + Mozilla', pair: words(0), data: 'both', withNusax: true, wordlist: true, bias },
    { name: '+ binary words /sqrt(n), TALPCo + Mozilla', pair: words(0.5), data: 'both', withNusax: true, wordlist: true, bias },
    { name: '+ binary words+chars /sqrt(n), TALPCo + Mozilla', pair: { ...words(0.5), features: 'all' }, data: 'both', withNusax: true, wordlist: true, bias },
    { name: '+ binary words /n^0.25, TALPCo + Mozilla, no word lists', pair: words(0.25), data: 'both', withNusax: true, wordlist: false, bias },
  );
}

/**
 * The configuration `npm run train:langid -- --ind-zlm l10n` builds, chosen 2026-12-03 from the table this script
 * prints (docs/benchmarks/langid-cv-l10n.md) by the rule of rounds 2 and 3: the best minimum of TALPCo ind/zlm
 * among those that keep NusaX Indonesian within half a point of the shipped rule.
 */
export const CHOSEN_L10N = { name: '+ binary words sum, TALPCo + Mozilla', bias: 'balanced' } as const;

export function chosenL10n(): L10nConfig {
  const c = L10N_CANDIDATES.find((x) => x.name === CHOSEN_L10N.name && x.bias === CHOSEN_L10N.bias);
  if (!c) throw new Error(`no l10n candidate named ${CHOSEN_L10N.name}`);
  return c;
}

/** The word-list part of a configuration: cv-wordlist.ts's choice (round-3 tiers + word-list diff), or its tiers alone. */
export function wordlistPart(cfg: L10nConfig): WordlistConfig {
  const chosen = chosenWordlist();
  return { ...chosen, name: cfg.name, wl: cfg.wordlist ? chosen.wl : 'none', bias: cfg.bias };
}

/** The binary model's examples: TALPCo outside `fold` (-1: all) with the lexicons, and/or the Mozilla pairs. */
export function l10nExamples(cfg: L10nConfig, all: LabelledText[], fold: number): PairExample[] {
  const out: PairExample[] = [];
  if (cfg.data !== 'mozilla') out.push(...pairExamples(all, fold, cfg.withNusax));
  if (cfg.data !== 'talpco') {
    for (const [ind, zlm] of loadL10nPairs()) out.push({ text: ind, y: 1 }, { text: zlm, y: 0 });
  }
  return out;
}

export interface L10nRow extends WordlistRow {
  pair: number;
}

export function l10nFeatures(cfg: L10nConfig, r: L10nRow): number[] {
  const base = wordlistFeatures(wordlistPart(cfg), r);
  return cfg.pair ? [...base, r.pair] : base;
}

/**
 * Held-out rows of every fold with that fold's binary-model score. `examples` gives a fold's training examples for
 * the binary model (round 5 adds sources to round 4's).
 */
export function l10nRows(
  cfg: L10nConfig,
  oof: OofItem[][],
  all: LabelledText[],
  examples: (fold: number) => PairExample[] = (fold) => l10nExamples(cfg, all, fold),
): L10nRow[] {
  const rows = wordlistRows(wordlistPart(cfg), oof, all);
  if (!cfg.pair) return rows.map((r) => ({ ...r, pair: 0 }));
  const p = cfg.pair;
  const ex = new FeatureExtractor(18);
  const ids = pairIdBuffer(ex);
  const head: PairModelHeader = { bits: p.bits, scale: 1, features: p.features, norm: p.norm, kMain: 0, kPair: 0, kMarkers: 0, bias: 0 };
  const models = Array.from({ length: CV_FOLDS }, (_, f) => trainPairModel(examples(f), p));
  return rows.map((r) => {
    ex.extract(r.text);
    return { ...r, pair: pairScore(ex, head, models[r.fold] as Float32Array, ids) };
  });
}

export function fitL10nStack(cfg: L10nConfig, rows: L10nRow[]): LinearStack {
  return fitRowStack(rows, (r) => l10nFeatures(cfg, r), cfg.bias);
}

export function l10nCv(cfg: L10nConfig, oof: OofItem[][], all: LabelledText[]): CvResult {
  return nestedStackCv(l10nRows(cfg, oof, all), (r) => l10nFeatures(cfg, r), cfg.bias);
}

function main(): void {
  runCvScript({
    intro: [
      `${CV_FOLDS}-fold cross-validation on the training data only (contiguous blocks of TALPCo lines 1-800 and NusaX train rows;`,
      'binary models trained without the held-out fold; stack coefficients fitted on the other folds; every number on held-out',
      `folds). Mozilla pairs: ${loadL10nPairs().length} (scripts/langid/l10n, MPL-2.0). Every row but the first stacks the main logit,`,
      'the round-3 strong and lean marker counts and, unless marked, the Tesseract word-list count.',
    ],
    candidates: L10N_CANDIDATES,
    chosen: chosenL10n(),
    chosenFor: 'chosen for --ind-zlm l10n',
    shipped: shippedRuleCv,
    result: l10nCv,
    file: 'langid-cv-l10n.md',
  });
}

if (isEntryScript('cv-l10n.ts')) main();

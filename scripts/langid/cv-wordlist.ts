/**
 * Cross-validation, round 4 (`npx tsx scripts/langid/cv-wordlist.ts`): does the Tesseract word-list evidence
 * (tesseract-wordlists.ts: words only the Indonesian or only the Malay list has) help the round-3 Indonesian/Malay
 * stack? Same protocol as cv-tiers.ts: TRAINING data only, 5 contiguous-block folds, out-of-fold main scores,
 * stack coefficients fitted on the other folds, every number on the held-out fold. The valid splits are never read.
 * The candidates below were written down before the first run.
 *
 *   npx tsx scripts/langid/cv-wordlist.ts [--cache DIR] [--write]   (--write: docs/benchmarks/langid-cv-wordlist.md)
 */
import { FeatureExtractor } from '../../electron/engine/langid/features.js';
import { markerCount, markerMap } from '../../electron/engine/langid/ind-zlm.js';
import type { LabelledText } from './data.js';
import { CV_FOLDS, foldOf, type OofItem } from './cv-main.js';
import { chosenTiers, contradicted, shippedRuleCv, tierFeatures, tierRows, type TierConfig, type TierRow } from './cv-tiers.js';
import { nestedStackCv, runCvScript, type BiasRule, type CvResult } from './cv-stack.js';
import { loadWordlists } from './tesseract-wordlists.js';
import { isEntryScript } from './entry.js';

type Lists = { ind: string[]; zlm: string[] };

export interface WordlistConfig {
  name: string;
  /** The marker tiers stacked with the word-list counts (null: main logit and word lists only). */
  tiers: TierConfig | null;
  /** 'diff': one coefficient for (Indonesian-only − Malay-only hits); 'split': one each; 'capped': the diff clipped to ±2. */
  wl: 'none' | 'diff' | 'split' | 'capped';
  /** Drop list words seen in the other language's training text (of the folds the stack may look at). */
  clean: boolean;
  bias: BiasRule;
}

export interface WordlistRow extends TierRow {
  wi: number;
  wz: number;
}

const ROUND3 = chosenTiers();
const NO_TIERS: TierConfig = { ...ROUND3, name: 'none', strong: 'old', lean: false, drop: 'none' };

export const WORDLIST_CANDIDATES: WordlistConfig[] = [];
for (const bias of ['fit', 'balanced'] as const) {
  WORDLIST_CANDIDATES.push(
    { name: 'round 3 (no word lists)', tiers: ROUND3, wl: 'none', clean: false, bias },
    { name: 'main + word lists (diff)', tiers: null, wl: 'diff', clean: false, bias },
    { name: 'round 3 + word lists (diff)', tiers: ROUND3, wl: 'diff', clean: false, bias },
    { name: 'round 3 + word lists (split)', tiers: ROUND3, wl: 'split', clean: false, bias },
    { name: 'round 3 + word lists (capped ±2)', tiers: ROUND3, wl: 'capped', clean: false, bias },
    { name: 'round 3 + word lists (diff), cleaned per fold', tiers: ROUND3, wl: 'diff', clean: true, bias },
  );
}

/**
 * The word-list part of round 4 (cv-l10n.ts stacks its binary word model on top of it). Chosen 2026-12-03 from the
 * table this script prints (docs/benchmarks/langid-cv-wordlist.md): the best minimum of TALPCo ind/zlm; the capped
 * variant ties it, the split one costs a coefficient more for less.
 */
export const CHOSEN_WORDLIST = { name: 'round 3 + word lists (diff)', bias: 'balanced' } as const;

export function chosenWordlist(): WordlistConfig {
  const c = WORDLIST_CANDIDATES.find((x) => x.name === CHOSEN_WORDLIST.name && x.bias === CHOSEN_WORDLIST.bias);
  if (!c) throw new Error(`no word-list candidate named ${CHOSEN_WORDLIST.name}`);
  return c;
}

/** The word lists a configuration uses, given the training texts it may look at. */
export function wordlistLists(cfg: WordlistConfig, train: LabelledText[], lists: Lists = loadWordlists()): Lists {
  if (!cfg.clean) return lists;
  const drop = contradicted(lists, train);
  const keep = (e: string): boolean => !drop.has(e.replaceAll(' ', '_'));
  return { ind: lists.ind.filter(keep), zlm: lists.zlm.filter(keep) };
}

/** Stack inputs: the tier features (or the main logit alone), then the word-list evidence. */
export function wordlistFeatures(cfg: WordlistConfig, r: Pick<WordlistRow, 'main' | 'si' | 'sz' | 'li' | 'lz' | 'wi' | 'wz'>): number[] {
  const base = cfg.tiers ? tierFeatures(cfg.tiers, r) : [r.main];
  if (cfg.wl === 'diff') return [...base, r.wi - r.wz];
  if (cfg.wl === 'split') return [...base, r.wi, r.wz];
  if (cfg.wl === 'capped') return [...base, Math.max(-2, Math.min(2, r.wi - r.wz))];
  return base;
}

export function wordlistCounter(lists: Lists): (ex: FeatureExtractor) => [number, number] {
  const ind = markerMap({ ind: lists.ind, zlm: [] });
  const zlm = markerMap({ ind: lists.zlm, zlm: [] });
  return (ex) => [markerCount(ex, ind), markerCount(ex, zlm)];
}

/** Held-out rows of every fold, with word-list hits counted by the lists that fold's training part allows. */
export function wordlistRows(cfg: WordlistConfig, oof: OofItem[][], all: LabelledText[]): WordlistRow[] {
  const tiers = tierRows(cfg.tiers ?? NO_TIERS, oof, all);
  const base = loadWordlists();
  const counters = Array.from({ length: CV_FOLDS }, (_, f) => wordlistCounter(wordlistLists(cfg, all.filter((t) => foldOf(t) !== f), base)));
  const ex = new FeatureExtractor(18);
  return tiers.map((r) => {
    ex.extract(r.text);
    const [wi, wz] = (counters[r.fold] as (e: FeatureExtractor) => [number, number])(ex);
    return { ...r, wi, wz };
  });
}

export function wordlistCv(cfg: WordlistConfig, oof: OofItem[][], all: LabelledText[]): CvResult {
  return nestedStackCv(wordlistRows(cfg, oof, all), (r) => wordlistFeatures(cfg, r), cfg.bias);
}

function main(): void {
  const lists = loadWordlists();
  runCvScript({
    intro: [
      `${CV_FOLDS}-fold cross-validation on the training data only (contiguous blocks of TALPCo lines 1-800 and NusaX train rows;`,
      'stack coefficients fitted on the other folds; every number on held-out folds). Word lists: Tesseract (tessdata_fast,',
      `Apache-2.0), ${lists.ind.length} words only in the Indonesian list, ${lists.zlm.length} only in the Malay list.`,
    ],
    candidates: WORDLIST_CANDIDATES,
    chosen: chosenWordlist(),
    chosenFor: 'the word-list part of --ind-zlm l10n',
    shipped: shippedRuleCv,
    result: wordlistCv,
    file: 'langid-cv-wordlist.md',
  });
}

if (isEntryScript('cv-wordlist.ts')) main();

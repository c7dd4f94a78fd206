/**
 * Cross-validation, round 6 (`npx tsx scripts/langid/cv-cld3.ts`): would Google's CLD3, trained on far more web text
 * than we have, add independent evidence to the Indonesian-vs-Malay split? CLD3 is not a dependency of Kurasi (a
 * 6.6 MB WebAssembly build, cld3-asm, MIT); to run this script, install it without saving: `npm i --no-save cld3-asm`.
 *
 * CLD3's answer becomes one more stack input: +logit(p) when it says `id`, −logit(p) when it says `ms`, 0 otherwise
 * (p clipped to 0.005–0.995, the logit to at least 0.01). Same protocol as rounds 3–5: TRAINING data only,
 * 5 contiguous-block folds, stack coefficients fitted on the other folds, every number on the held-out fold; the
 * valid splits are never read.
 *
 * Rule, written before the table was run: adopt only if the minimum of TALPCo ind/zlm beats round 5's (same
 * intercept) by at least half a point with NusaX Indonesian within half a point, since it would cost a dependency
 * and CLD3 runs at ~9,000 texts per second (it would be consulted only when the split is close).
 *
 *   npx tsx scripts/langid/cv-cld3.ts [--cache DIR] [--write]   (--write: docs/benchmarks/langid-cv-cld3.md)
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LabelledText } from './data.js';
import type { OofItem } from './cv-main.js';
import { shippedRuleCv } from './cv-tiers.js';
import { l10nFeatures, type L10nRow } from './cv-l10n.js';
import { asL10n, chosenUiL10n, uiL10nRows } from './cv-ui-l10n.js';
import { foldStacks, linearScore, nestedStackCv, runCvScript, type BiasRule, type CvResult, type LinearStack } from './cv-stack.js';
import { isEntryScript } from './entry.js';

interface CldResult {
  language: string;
  probability: number;
}
interface CldIdentifier {
  findLanguage(text: string): CldResult;
}
interface CldFactory {
  create(minBytes: number, maxBytes: number): CldIdentifier;
}

export interface Cld3Config {
  name: string;
  cld3: boolean;
  bias: BiasRule;
}

export const CLD3_CANDIDATES: Cld3Config[] = [];
for (const bias of ['fit', 'balanced'] as const) {
  CLD3_CANDIDATES.push({ name: 'round 5 (shipped)', cld3: false, bias }, { name: 'round 5 + CLD3 id/ms logit', cld3: true, bias });
}

/** CLD3's vote for Indonesian (positive) or Malay (negative); 0 when it names another language. */
export function cldVote(r: CldResult): number {
  const p = Math.min(0.995, Math.max(0.005, r.probability));
  // Its best language can have p < 0.5; the vote still goes its way, only weakly.
  const logit = Math.max(0.01, Math.log(p / (1 - p)));
  return r.language === 'id' ? logit : r.language === 'ms' ? -logit : 0;
}

async function loadCld3(): Promise<CldIdentifier> {
  const require = createRequire(import.meta.url);
  let mod: { loadModule(): Promise<CldFactory> };
  try {
    mod = require('cld3-asm') as typeof mod;
  } catch {
    throw new Error('cv-cld3.ts needs cld3-asm, which Kurasi does not depend on: npm i --no-save cld3-asm');
  }
  return (await mod.loadModule()).create(0, 1000);
}

async function main(): Promise<void> {
  const cld = await loadCld3();
  const round5 = chosenUiL10n();
  const votes = new Map<string, number>();
  const vote = (text: string): number => {
    let v = votes.get(text);
    if (v === undefined) votes.set(text, (v = cldVote(cld.findLanguage(text))));
    return v;
  };
  let rowCache: L10nRow[] | null = null;
  const rows = (oof: OofItem[][], all: LabelledText[]): L10nRow[] => (rowCache ??= uiL10nRows(round5, oof, all));
  const result = (cfg: Cld3Config, oof: OofItem[][], all: LabelledText[]): CvResult => {
    const base = asL10n({ ...round5, bias: cfg.bias });
    const features = (r: L10nRow): number[] => (cfg.cld3 ? [...l10nFeatures(base, r), vote(r.text)] : l10nFeatures(base, r));
    return nestedStackCv(rows(oof, all), features, cfg.bias);
  };
  runCvScript({
    intro: [
      '5-fold cross-validation on the training data only (contiguous blocks of TALPCo lines 1-800 and NusaX train rows;',
      'stack coefficients fitted on the other folds; every number on held-out folds). Every row stacks round 5\'s inputs;',
      'the second adds CLD3\'s id/ms answer (cld3-asm 4.0.0) as one more input. See the head of scripts/langid/cv-cld3.ts.',
    ],
    candidates: CLD3_CANDIDATES,
    chosen: null,
    chosenFor: '',
    shipped: shippedRuleCv,
    result,
    file: 'langid-cv-cld3.md',
  });
  if (rowCache !== null) {
    const note = overlap(rowCache, round5.bias, vote);
    console.log(note);
    if (process.argv.includes('--write')) appendFileSync('docs/benchmarks/langid-cv-cld3.md', `\n${note}\n`);
  }
}

/** Where round 5 (held out, its own intercept rule) is wrong on TALPCo, how often CLD3 is right: the evidence it could add. */
function overlap(rows: L10nRow[], bias: BiasRule, vote: (text: string) => number): string {
  const base = asL10n({ ...chosenUiL10n(), bias });
  const features = (r: L10nRow): number[] => l10nFeatures(base, r);
  const stacks = foldStacks(rows, features, bias);
  const n = { wrong: 0, cldRight: 0, cldWrong: 0, cldOther: 0 };
  for (const r of rows) {
    if (!r.pairTop || !r.source.startsWith('talpco')) continue;
    const ours = linearScore(stacks[r.fold] as LinearStack, features(r)) > 0 ? 1 : 0;
    if (ours === r.y) continue;
    n.wrong++;
    const v = vote(r.text);
    if (v === 0) n.cldOther++;
    else if ((v > 0 ? 1 : 0) === r.y) n.cldRight++;
    else n.cldWrong++;
  }
  const alone = (y: number): string => {
    const talpco = rows.filter((r) => r.y === y && r.source.startsWith('talpco'));
    let id = 0;
    let ms = 0;
    for (const r of talpco) {
      const v = vote(r.text);
      if (v > 0) id++;
      else if (v < 0) ms++;
    }
    return `of ${talpco.length} ${y ? 'Indonesian' : 'Malay'} lines ${id} \`id\`, ${ms} \`ms\`, ${talpco.length - id - ms} another language`;
  };
  return `CLD3 alone on TALPCo training lines: ${alone(1)}; ${alone(0)}. On the ${n.wrong} held-out TALPCo lines round 5 gets wrong, CLD3 is right on ${n.cldRight}, wrong on ${n.cldWrong} and names another language for ${n.cldOther}.`;
}

if (isEntryScript('cv-cld3.ts')) void main();

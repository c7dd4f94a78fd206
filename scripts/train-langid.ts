/**
 * Trains the language-ID n-gram model (resources/models/langid-ngram.bin) from the TRAIN splits in
 * ../shared/data only. Reproducible: fixed seed, fixed data order; same inputs give the same file.
 *
 *   npx tsx scripts/train-langid.ts [--out resources/models/langid-ngram.bin] [--bits 18] [--epochs 10]   (round 5: shipped)
 *   npx tsx scripts/train-langid.ts --ind-zlm l10n|markers|tiers|stacked [--out FILE]   (the round-4 / 1 / 3 / 2 Indonesian/Malay splits)
 *   npx tsx scripts/train-langid.ts --discriminator-only FILE --ind-zlm ui-l10n|l10n|markers|tiers|stacked --out FILE2   (FILE's main model + a refit split)
 *
 * Model: multinomial logistic regression over hashed char 1-5-grams + words + word bigrams,
 * trained with averaged SGD, class-balanced. Temperature and the franc blend are fitted on a 10%
 * slice of the training data held out from a first fit; the shipped model is refit on all of it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LanguageDetector } from '../electron/engine/langid/detector.js';
import { LANGID_LANGUAGES } from '../electron/engine/langid/languages.js';
import { readModel, writeModel, type ModelHeader } from '../electron/engine/langid/model-file.js';
import { lexiconExamples, strongMarkers } from './langid/ind-zlm-lexicon.js';
import { chosenDiscriminator, fitStackOn, loadOof, oofRows, pairExamples } from './langid/cv-ind-zlm.js';
import { trainPairModel } from './langid/ind-zlm-train.js';
import { chosenTiers, fitTierStack, tierLists, tierRows } from './langid/cv-tiers.js';
import { chosenL10n, fitL10nStack, l10nExamples, l10nRows, wordlistPart } from './langid/cv-l10n.js';
import { asL10n, chosenUiL10n, fitUiL10nStack, uiL10nExamples, uiL10nRows } from './langid/cv-ui-l10n.js';
import { wordlistLists } from './langid/cv-wordlist.js';
import { splitSentences, trainingTexts, type LabelledText } from './langid/data.js';
import { expand, hashStr, pseudoParagraphs, quantize, rng, train, type Trained } from './langid/sgd.js';

interface Args {
  out: string;
  /**
   * 'ui-l10n' (round 5, shipped since 2026-12-03, scripts/langid/cv-ui-l10n.ts): round 4 with CLDR's Indonesian/Malay
   * names and emoji words added to the binary model's training pairs; 'l10n' (round 4): main logit, marker tiers, Tesseract word-list count and a binary word
   * model trained with Mozilla's id/ms interface strings, stacked by block-fold CV; 'markers' (round 1, shipped before):
   * the marker-weight rule fitted on the calibration slice; 'tiers' (round 3): main logit + strong and lean marker counts;
   * 'stacked' (round 2): with a binary word model trained on TALPCo only. See docs/benchmarks/langid-eval.md.
   */
  indZlm: 'ui-l10n' | 'l10n' | 'tiers' | 'markers' | 'stacked';
  discriminatorOnly?: string;
  bits: number;
  epochs: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { indZlm: 'ui-l10n', out: 'resources/models/langid-ngram.bin', bits: 18, epochs: 10, seed: 20261127 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (!v) continue;
    if (k === '--out') a.out = v;
    else if (k === '--bits') a.bits = Number(v);
    else if (k === '--epochs') a.epochs = Number(v);
    else if (k === '--seed') a.seed = Number(v);
    else if (k === '--discriminator-only') a.discriminatorOnly = v;
    else if (k === '--ind-zlm') a.indZlm = v === 'stacked' || v === 'markers' || v === 'tiers' || v === 'l10n' ? v : 'ui-l10n';
    else continue;
    i++;
  }
  return a;
}

function header(bits: number, m: Trained, extra: Partial<ModelHeader>): ModelHeader {
  return {
    version: 1,
    languages: [...LANGID_LANGUAGES],
    bits,
    scale: 1,
    bias: Array.from(m.bias, (x) => Math.round(x * 1e4) / 1e4),
    temperature: 1,
    francWeight: 0,
    francBelow: 0,
    undBelow: 0,
    trainedOn: [],
    createdBy: 'scripts/train-langid.ts',
    ...extra,
  };
}

function accuracy(det: LanguageDetector, dev: LabelledText[]): number {
  let ok = 0;
  for (const d of dev) if (det.detect(d.text).lang === d.lang) ok++;
  return ok / dev.length;
}

/** Mean negative log-likelihood of the true class, for temperature fitting. */
function nll(det: LanguageDetector, dev: LabelledText[]): number {
  let s = 0;
  for (const d of dev) {
    const r = det.detect(d.text, { alternatives: LANGID_LANGUAGES.length });
    const p = r.lang === d.lang ? r.confidence : (r.alternatives.find((a) => a.lang === d.lang)?.confidence ?? 0);
    s -= Math.log(Math.max(p, 1e-4));
  }
  return s / dev.length;
}

/**
 * The Indonesian-vs-Malay discriminator (chosen by `npm run cv:langid`): the binary model is trained on all
 * Indonesian/Malay training text; the stacking coefficients on the out-of-fold rows of all folds.
 */
function discriminator(all: LabelledText[]) {
  const disc = chosenDiscriminator();
  const markers = strongMarkers(disc.markers === 'extended');
  const stack = fitStackOn(oofRows(disc, loadOof(undefined, all), all), disc);
  const pairCfg = disc.pair;
  if (!pairCfg) throw new Error('the chosen discriminator has no binary model');
  const pairQ = quantize(trainPairModel(pairExamples(all, -1, disc.withNusax), pairCfg));
  console.error(`ind/zlm discriminator "${disc.name}": ${JSON.stringify(stack)}`);
  return { markers, pairCfg, stack, pairQ };
}

/**
 * The round-3 Indonesian-vs-Malay split (chosen by scripts/langid/cv-tiers.ts; not shipped, see langid-eval.md): marker
 * lists from the lexicon, stack coefficients fitted on the out-of-fold rows of all five folds.
 */
function tiers(all: LabelledText[]): Pick<ModelHeader, 'lexicon' | 'pair'> {
  const cfg = chosenTiers();
  const lists = tierLists(cfg, all);
  const st = fitTierStack(cfg, tierRows(cfg, loadOof(undefined, all), all));
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  const [kMain = 0, kMarkers = 0, kLean = 0] = st.coef.map(r4);
  console.error(`ind/zlm tiers "${cfg.name}" (${cfg.bias} bias): kMain ${kMain}, kMarkers ${kMarkers}, kLean ${kLean}, bias ${r4(st.bias)}`);
  return {
    lexicon: { ...lists.strong, weight: 0, lean: lists.lean },
    pair: { bits: 0, scale: 1, features: 'words', norm: 0, kMain, kPair: 0, kMarkers, kLean, bias: r4(st.bias) },
  };
}

/**
 * Round 4 (scripts/langid/cv-l10n.ts): the main logit, the round-3 marker tiers, the Tesseract word-list count and a
 * binary word model trained on TALPCo, NusaX Indonesian, the lexicons and Mozilla's Indonesian/Malay interface
 * strings; stack coefficients fitted on the out-of-fold rows of all five folds.
 */
function l10n(all: LabelledText[], round5 = false): { part: Pick<ModelHeader, 'lexicon' | 'pair'>; pairQ: { q: Int8Array; scale: number } } {
  const ui = round5 ? chosenUiL10n() : null;
  const cfg = ui ? asL10n(ui) : chosenL10n();
  const wl = wordlistPart(cfg);
  const tiersCfg = wl.tiers;
  if (!cfg.pair || !tiersCfg || wl.wl !== 'diff') throw new Error(`--ind-zlm l10n expects a binary model, marker tiers and the word-list diff (${cfg.name})`);
  const lists = tierLists(tiersCfg, all);
  const oof = loadOof(undefined, all);
  const st = ui ? fitUiL10nStack(ui, uiL10nRows(ui, oof, all)) : fitL10nStack(cfg, l10nRows(cfg, oof, all));
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  const [kMain = 0, kMarkers = 0, kLean = 0, kWordlist = 0, kPair = 0] = st.coef.map(r4);
  const pairQ = quantize(trainPairModel(ui ? uiL10nExamples(ui, all, -1) : l10nExamples(cfg, all, -1), cfg.pair));
  console.error(`ind/zlm ${round5 ? 'ui-l10n' : 'l10n'} "${cfg.name}" (${cfg.bias} bias): kMain ${kMain}, kMarkers ${kMarkers}, kLean ${kLean}, kWordlist ${kWordlist}, kPair ${kPair}, bias ${r4(st.bias)}`);
  const p = cfg.pair;
  return {
    part: {
      lexicon: { ...lists.strong, weight: 0, lean: lists.lean, wordlist: { ...wordlistLists(wl, all), source: WORDLIST_SOURCE } },
      pair: { bits: p.bits, scale: pairQ.scale, features: p.features, norm: p.norm, kMain, kPair, kMarkers, kLean, kWordlist, bias: r4(st.bias) },
    },
    pairQ,
  };
}

const WORDLIST_SOURCE = 'Tesseract tessdata_fast ind/msa word lists (Debian tesseract-ocr-ind, tesseract-ocr-msa 4.1.0), Apache-2.0';
const UI_L10N_SOURCES_TEXT = [
  'Chromium 156 localizations, id and ms (Debian chromium-l10n), BSD-3-Clause',
  'Unicode CLDR 48 annotations, names, units and calendar words, id and ms (npm cldr-*-full 48.2.0), Unicode-3.0',
  'SAP OpenUI5 message bundles, id and ms (npm @openui5/*), Apache-2.0',
];
const L10N_SOURCE = "Mozilla Firefox ESR and Thunderbird 140 localizations, id and ms (Debian firefox-esr-l10n-*, thunderbird-l10n-*), MPL-2.0";

/**
 * --discriminator-only FILE: keeps FILE's main model (its weights, temperature, franc and `und` settings)
 * and refits only the Indonesian-vs-Malay discriminator. The main model is deterministic, so this writes
 * the same file as a full run whenever FILE came from a full run on the same data.
 */
function refitDiscriminator(from: string, out: string, mode: Args['indZlm']): void {
  const { sentences, paragraphs } = trainingTexts();
  const m = readModel(from);
  const q = Int8Array.from(m.weights, (w) => Math.round(w / m.header.scale));
  if (mode === 'tiers') {
    writeModel(out, { ...m.header, indZlmScale: undefined, ...tiers([...sentences, ...paragraphs]) }, q);
    console.error(`wrote ${out} (main model from ${from})`);
    return;
  }
  if (mode === 'l10n' || mode === 'ui-l10n') {
    const { part, pairQ } = l10n([...sentences, ...paragraphs], mode === 'ui-l10n');
    writeModel(out, { ...m.header, indZlmScale: undefined, ...part, trainedOn: withL10nSources(m.header.trainedOn, mode === 'ui-l10n') }, q, pairQ.q);
    console.error(`wrote ${out} (main model from ${from})`);
    return;
  }
  const { markers, pairCfg, stack, pairQ } = discriminator([...sentences, ...paragraphs]);
  const h: ModelHeader = {
    ...m.header,
    lexicon: { ...markers, weight: 0 },
    pair: { bits: pairCfg.bits, scale: pairQ.scale, features: pairCfg.features, norm: pairCfg.norm, ...stack },
  };
  writeModel(out, h, q, pairQ.q);
  console.error(`wrote ${out} (main model from ${from})`);
}

function l10nSources(round5: boolean): string[] {
  return [WORDLIST_SOURCE, L10N_SOURCE, ...(round5 ? UI_L10N_SOURCES_TEXT : [])];
}

function withL10nSources(trainedOn: string[], round5: boolean): string[] {
  const ours = new Set([WORDLIST_SOURCE, L10N_SOURCE, ...UI_L10N_SOURCES_TEXT]);
  return [...trainedOn.filter((t) => !ours.has(t)), ...l10nSources(round5)];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.discriminatorOnly) {
    refitDiscriminator(args.discriminatorOnly, args.out, args.indZlm);
    return;
  }
  const { sentences, paragraphs } = trainingTexts();
  const all = [...sentences, ...paragraphs];
  // Calibration slice: ~10% of training items, chosen by a stable hash of the text.
  const isDev = (t: LabelledText): boolean => hashStr(t.text) % 10 === 0;
  const lexicon = lexiconExamples().map((e) => ({ ...e, source: 'lexicon' }));
  const fitItems = [...all.filter((t) => !isDev(t)), ...lexicon];
  const devItems = all.filter(isDev);
  const devShort = devItems.flatMap((d) => splitSentences(d.text).map((s) => ({ ...d, text: s })));
  const dev = [...devItems, ...devShort];
  console.error(`train items ${all.length} (fit ${fitItems.length}, calibration ${devItems.length})`);

  const t0 = Date.now();
  const first = train(expand([...fitItems, ...pseudoParagraphs(fitItems, rng(args.seed + 1))], rng(args.seed)), args.bits, args.epochs, args.seed);
  console.error(`first fit ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const mk = (extra: Partial<ModelHeader>, m: Trained = first): LanguageDetector =>
    new LanguageDetector({ header: header(args.bits, m, extra), weights: m.weights });

  let bestT = 1;
  let bestNll = Infinity;
  for (const T of [0.25, 0.35, 0.5, 0.7, 1, 1.4, 2, 2.8, 4]) {
    const v = nll(mk({ temperature: T }), dev);
    if (v < bestNll) {
      bestNll = v;
      bestT = T;
    }
  }
  let best = { francWeight: 0, francBelow: 0, acc: accuracy(mk({ temperature: bestT }), dev) };
  console.error(`temperature ${bestT} (nll ${bestNll.toFixed(3)}), dev accuracy without franc ${best.acc.toFixed(4)}`);
  for (const francWeight of [1, 2, 4, 8]) {
    for (const francBelow of [0.6, 0.8, 0.95]) {
      const acc = accuracy(mk({ temperature: bestT, francWeight, francBelow }), dev);
      if (acc > best.acc + 0.002) best = { francWeight, francBelow, acc };
    }
  }
  console.error(`franc blend weight ${best.francWeight} below ${best.francBelow}: dev accuracy ${best.acc.toFixed(4)}`);

  // --ind-zlm markers (round 1): marker weight and pairwise calibration, fitted together on the
  // calibration slice. --ind-zlm tiers: round 3 (scripts/langid/cv-tiers.ts). --ind-zlm stacked: round 2 (`npm run cv:langid`).
  let indZlm: Partial<ModelHeader>;
  let pairQ: { q: Int8Array; scale: number } | undefined;
  if (args.indZlm === 'markers') {
    let bestK = 1;
    let bestW = 0;
    let bestPairNll = Infinity;
    const markers = strongMarkers(false);
    const pairDev = dev.filter((d) => d.lang === 'ind' || d.lang === 'zlm');
    for (const weight of [0, 1, 2, 3, 4, 5, 6]) {
      for (const k of [0.4, 0.55, 0.7, 0.85, 1, 1.2]) {
        const det = mk({ temperature: bestT, francWeight: best.francWeight, francBelow: best.francBelow, indZlmScale: k, lexicon: { ...markers, weight } });
        const v = nll(det, pairDev);
        if (v < bestPairNll - 1e-4) {
          bestPairNll = v;
          bestK = k;
          bestW = weight;
        }
      }
    }
    const pairAcc = accuracy(mk({ temperature: bestT, indZlmScale: bestK, lexicon: { ...markers, weight: bestW } }), pairDev);
    console.error(`ind/zlm marker weight ${bestW}, logit scale ${bestK} (pair nll ${bestPairNll.toFixed(3)}, pair accuracy ${pairAcc.toFixed(4)})`);
    indZlm = { indZlmScale: bestK, lexicon: { ...markers, weight: bestW } };
  } else if (args.indZlm === 'tiers') {
    indZlm = tiers(all);
  } else if (args.indZlm === 'l10n' || args.indZlm === 'ui-l10n') {
    const r = l10n(all, args.indZlm === 'ui-l10n');
    indZlm = r.part;
    pairQ = r.pairQ;
  } else {
    const d = discriminator(all);
    pairQ = d.pairQ;
    indZlm = {
      lexicon: { ...d.markers, weight: 0 },
      pair: { bits: d.pairCfg.bits, scale: d.pairQ.scale, features: d.pairCfg.features, norm: d.pairCfg.norm, ...d.stack },
    };
  }

  const final = train(expand([...all, ...lexicon, ...pseudoParagraphs(all, rng(args.seed + 1))], rng(args.seed)), args.bits, args.epochs, args.seed);
  const { q, scale } = quantize(final.weights);
  const h = header(args.bits, final, {
    scale,
    temperature: bestT,
    francWeight: best.francWeight,
    francBelow: best.francBelow,
    ...indZlm,
    undBelow: 0.25,
    trainedOn: [
      'NusaX-MT train.csv (10 language columns), CC BY-SA 4.0',
      `TALPCo data_{ind,zsm,jav,eng} lines 1-800 of the first 1000 (zsm labelled zlm), CC BY 4.0`,
      'NusaWrites paragraph-{bug,mad}-train.csv, Apache-2.0',
      'scripts/langid/ind-zlm-lexicon.ts: Indonesian/Malay marker words written for Kurasi (Apache-2.0, this repository)',
      ...(args.indZlm === 'l10n' || args.indZlm === 'ui-l10n' ? l10nSources(args.indZlm === 'ui-l10n') : []),
    ],
  });
  mkdirSync(dirname(args.out), { recursive: true });
  writeModel(args.out, h, q, pairQ?.q);
  console.error(`wrote ${args.out}`);
}

main();

/**
 * npm run eval:langid: accuracy per language and confusion matrices on held-out text (NusaX valid,
 * TALPCo lines 801-1000, NusaWrites valid), for sentences and paragraphs, plus confidence quality.
 * Prints a Markdown report and writes it to docs/benchmarks/langid-eval.md (--no-write to skip;
 * --methodology-only prints the Indonesian/Malay history section alone, reading no held-out text).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { francAll } from 'franc';
import { LanguageDetector } from '../../electron/engine/langid/detector.js';
import { FRANC_ONLY, LANGID_LANGUAGES, normalizeLangCode } from '../../electron/engine/langid/languages.js';
import { evalTexts, type LabelledText } from '../../scripts/langid/data.js';

const GOALS: Record<string, { sentence: number; paragraph: number }> = {
  ind: { sentence: 0.9, paragraph: 0.98 },
  zlm: { sentence: 0.9, paragraph: 0.98 },
  jav: { sentence: 0.93, paragraph: 0.93 },
  sun: { sentence: 0.93, paragraph: 0.93 },
  min: { sentence: 0.93, paragraph: 0.93 },
  ace: { sentence: 0.93, paragraph: 0.93 },
  bug: { sentence: 0.93, paragraph: 0.93 },
  ban: { sentence: 0.85, paragraph: 0.85 },
  mad: { sentence: 0.85, paragraph: 0.85 },
  bjn: { sentence: 0.85, paragraph: 0.85 },
  eng: { sentence: 0.98, paragraph: 0.98 },
};

type Predict = (text: string) => { lang: string; confidence: number };

interface Result {
  gold: string;
  pred: string;
  confidence: number;
}

function run(items: LabelledText[], predict: Predict): Result[] {
  return items.map((it) => {
    const r = predict(it.text);
    return { gold: it.lang, pred: r.lang, confidence: r.confidence };
  });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function accuracyTable(title: string, res: Result[], francRes: Result[] | null, goalKey: 'sentence' | 'paragraph'): string {
  const langs = LANGID_LANGUAGES.filter((l) => res.some((r) => r.gold === l));
  const lines = [`### ${title}`, '', `| lang | n | accuracy | goal | met | mean conf. (right) | mean conf. (wrong) |${francRes ? ' franc `only` |' : ''}`];
  lines.push(`|---|---|---|---|---|---|---|${francRes ? '---|' : ''}`);
  let ok = 0;
  for (const l of langs) {
    const rs = res.filter((r) => r.gold === l);
    const right = rs.filter((r) => r.pred === l);
    const wrong = rs.filter((r) => r.pred !== l);
    ok += right.length;
    const acc = right.length / rs.length;
    const goal = GOALS[l]?.[goalKey] ?? 0;
    const mean = (a: Result[]): string => (a.length ? (a.reduce((s, r) => s + r.confidence, 0) / a.length).toFixed(2) : '–');
    let fr = '';
    if (francRes) {
      const fs = francRes.filter((r) => r.gold === l);
      fr = ` ${pct(fs.filter((r) => r.pred === l).length / fs.length)} |`;
    }
    lines.push(`| ${l} | ${rs.length} | ${pct(acc)} | ${pct(goal)} | ${acc >= goal ? 'yes' : 'NO'} | ${mean(right)} | ${mean(wrong)} |${fr}`);
  }
  lines.push(`| **all** | ${res.length} | ${pct(ok / res.length)} | | | | |${francRes ? ` ${pct(francRes.filter((r) => r.pred === r.gold).length / francRes.length)} |` : ''}`);
  return lines.join('\n');
}

function confusion(title: string, res: Result[]): string {
  const golds = LANGID_LANGUAGES.filter((l) => res.some((r) => r.gold === l));
  const preds = [...LANGID_LANGUAGES, 'und'];
  const lines = [`#### Confusion: ${title} (rows = truth, columns = prediction)`, '', `| | ${preds.join(' | ')} |`, `|---|${preds.map(() => '---').join('|')}|`];
  for (const g of golds) {
    const cells = preds.map((p) => {
      const n = res.filter((r) => r.gold === g && r.pred === p).length;
      return n === 0 ? '·' : g === p ? `**${n}**` : String(n);
    });
    lines.push(`| ${g} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function confidenceReport(res: Result[]): string {
  const wrong = res.filter((r) => r.pred !== r.gold);
  const lines = ['| confidence ≥ | share of texts | accuracy |', '|---|---|---|'];
  for (const th of [0, 0.5, 0.7, 0.9]) {
    const sel = res.filter((r) => r.confidence >= th && r.pred !== 'und');
    lines.push(`| ${th} | ${pct(sel.length / res.length)} | ${sel.length ? pct(sel.filter((r) => r.pred === r.gold).length / sel.length) : '–'} |`);
  }
  const right = res.filter((r) => r.pred === r.gold);
  lines.push('', '| confidence < | share of wrong answers | share of right answers |', '|---|---|---|');
  for (const th of [0.5, 0.7, 0.9]) {
    const w = wrong.filter((r) => r.pred === 'und' || r.confidence < th).length;
    const ok = right.filter((r) => r.confidence < th).length;
    lines.push(`| ${th} | ${wrong.length ? pct(w / wrong.length) : '–'} | ${right.length ? pct(ok / right.length) : '–'} |`);
  }
  const meanWrong = wrong.length ? wrong.reduce((a, r) => a + r.confidence, 0) / wrong.length : 0;
  const meanRight = right.length ? right.reduce((a, r) => a + r.confidence, 0) / right.length : 0;
  lines.push('', `Wrong answers: ${wrong.length} of ${res.length}; mean confidence ${meanWrong.toFixed(2)} when wrong vs ${meanRight.toFixed(2)} when right.`);
  return lines.join('\n');
}

/** Reliability table: per confidence bin, how often the answer is right (a calibrated detector: accuracy ≈ confidence). */
function reliability(res: Result[]): string {
  const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const lines = ['| confidence | n | mean confidence | accuracy |', '|---|---|---|---|'];
  let ece = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i] ?? 0;
    const hi = edges[i + 1] ?? 1;
    const sel = res.filter((r) => r.confidence >= lo && r.confidence < hi);
    if (sel.length === 0) continue;
    const conf = sel.reduce((a, r) => a + r.confidence, 0) / sel.length;
    const acc = sel.filter((r) => r.pred === r.gold).length / sel.length;
    ece += (sel.length / res.length) * Math.abs(conf - acc);
    lines.push(`| ${lo.toFixed(2)}–${Math.min(1, hi).toFixed(2)} | ${sel.length} | ${conf.toFixed(3)} | ${pct(acc)} |`);
  }
  lines.push('', `Expected calibration error (bin-weighted |confidence − accuracy|): ${ece.toFixed(3)}.`);
  return lines.join('\n');
}

/**
 * TALPCo gives the same sentence in both languages; where the Indonesian and Malay held-out sentences are
 * identical no detector can be right on both, so accuracy is also reported without those pairs.
 */
function identicalPairsReport(items: LabelledText[], res: Result[]): string {
  const key = (t: LabelledText): string => `${t.group ?? -1}`;
  const ind = new Map(items.filter((t) => t.lang === 'ind').map((t) => [key(t), t.text]));
  const same = new Set(items.filter((t) => t.lang === 'zlm' && ind.get(key(t)) === t.text).map(key));
  const lines = [
    `${same.size} of the ${ind.size} held-out TALPCo lines are word-for-word identical in Indonesian and Malay.`,
    '',
    '| lang | accuracy, all lines | accuracy without the identical lines | identical lines answered as this language |',
    '|---|---|---|---|',
  ];
  for (const lang of ['ind', 'zlm']) {
    const idx = items.map((t, i) => [t, i] as const).filter(([t]) => t.lang === lang);
    const ok = (sel: typeof idx): number => sel.filter(([, i]) => res[i]?.pred === lang).length;
    const rest = idx.filter(([t]) => !same.has(key(t)));
    const ident = idx.filter(([t]) => same.has(key(t)));
    lines.push(`| ${lang} | ${ok(idx)}/${idx.length} = ${pct(ok(idx) / idx.length)} | ${ok(rest)}/${rest.length} = ${pct(ok(rest) / rest.length)} | ${ok(ident)} of ${ident.length} |`);
  }
  return lines.join('\n');
}

/** How the Indonesian/Malay discriminator was chosen, with the cross-validation tables (`npm run cv:langid`, `npx tsx scripts/langid/cv-tiers.ts --write`). */
function methodology(det: LanguageDetector): string {
  const p = det.header.pair;
  const read = (f: string, how: string): string => (existsSync(f) ? readFileSync(f, 'utf8').trim() : `(run ${how})`);
  const lex = det.header.lexicon;
  const round5 = det.header.trainedOn.some((t) => t.includes('CLDR'));
  let current = `This model uses the marker rule: marker weight ${lex?.weight ?? 0}, ind/zlm logit scale ${det.header.indZlmScale ?? 1}, both fitted on a calibration slice of the training data.`;
  if (p && p.bits === 0) {
    current =
      `This model uses the round-3 marker tiers: d = ${p.kMain.toFixed(3)} × (main ind−zlm logit) + ${p.kMarkers.toFixed(3)} × (strong ind − strong zlm markers)` +
      ` + ${(p.kLean ?? 0).toFixed(3)} × (lean ind − lean zlm markers) ${p.bias < 0 ? '−' : '+'} ${Math.abs(p.bias).toFixed(3)}` +
      ` (${lex?.ind.length ?? 0} + ${lex?.zlm.length ?? 0} strong, ${lex?.lean?.ind.length ?? 0} + ${lex?.lean?.zlm.length ?? 0} lean entries; coefficients by block-fold CV, bias balanced on the training folds).`;
  } else if (p?.kWordlist !== undefined) {
    current =
      `This model uses the round-${round5 ? 5 : 4} split: d = ${p.kMain.toFixed(3)} × (main ind−zlm logit) + ${p.kMarkers.toFixed(3)} × (strong markers)` +
      ` + ${(p.kLean ?? 0).toFixed(3)} × (lean markers) + ${p.kWordlist.toFixed(3)} × (Tesseract word-list hits, ind − zlm)` +
      ` + ${p.kPair.toFixed(3)} × (binary word model, summed) ${p.bias < 0 ? '−' : '+'} ${Math.abs(p.bias).toFixed(3)}` +
      ` (${lex?.wordlist?.ind.length ?? 0} + ${lex?.wordlist?.zlm.length ?? 0} word-list entries; binary model: ${p.features}, 2^${p.bits} buckets,` +
      ` trained on TALPCo, NusaX Indonesian, the lexicons and 6,444 Mozilla interface-string pairs${round5 ? ' and 4,094 CLDR name and emoji-word pairs' : ''}; coefficients by block-fold CV, bias balanced on the training folds).`;
  } else if (p) {
    current = `This model uses the stacked discriminator: main ${p.kMain.toFixed(3)}, binary ${p.kPair.toFixed(3)}, markers ${p.kMarkers.toFixed(3)}, bias ${p.bias.toFixed(3)} (binary model: ${p.features}, 2^${p.bits} buckets, normalization n^-${p.norm}).`;
  }
  return [
    '## Indonesian vs Malay: what was tried, and how it was judged',
    '',
    current,
    '',
    'Every variant re-decides the split only when the main model answers `ind` or `zlm`, so another language\'s accuracy cannot drop',
    '(a text of another language can only move away from a wrong `ind`/`zlm` answer; an Indonesian text can move to a third language).',
    '',
    '**Round 2** (2026-11-28, `npm run train:langid -- --ind-zlm stacked`): a log-odds stacking the main model\'s ind−zlm logit,',
    'a binary logistic regression over word unigrams and bigrams trained on Indonesian and Malay training text only, and a count',
    'of strong lexical markers (`scripts/langid/ind-zlm-lexicon.ts`, written from general knowledge, minus markers the training',
    'text shows in the other language). Chosen by 5-fold cross-validation on the training data (`npm run cv:langid`, second table',
    'below). On the valid split no stacked variant beat the marker rule: each lost 5–6 NusaX Indonesian sentences (called Malay).',
    '',
    '**Round 3** (2026-11-28, `npm run train:langid -- --ind-zlm tiers`): no learned word model. 238 more strong markers than round 2',
    '(105 Indonesian, 133 Malay) and a lean tier (44 Indonesian, 67 Malay words that both standards know but one clearly prefers: Malay *boleh, hendak, mesti, tak,',
    'tiada, bila, apabila, sedap*…, Indonesian *kamu, anda, harus, saja, bagus, teman, agar, meskipun*…), all written for Kurasi',
    'from general knowledge (spelling pairs such as *bahawa/bahwa, mahupun/maupun, helo/halo, lapan/delapan, jadual/jadwal,',
    'okey/oke*; seasons, school, household and travel words; colloquial particles), and a linear stack of the main logit, the',
    'strong count and the lean count whose coefficients and bias are fitted on out-of-fold rows of contiguous-block folds, the',
    'bias chosen so that the held-out training folds are balanced between the two languages (first table below). After one look',
    'at the cross-validation errors on the *training* folds, 11 lean words that the training text showed to be my mistakes were',
    'removed and some forgotten pairs added, so the round-3 cross-validation figures are somewhat optimistic.',
    '',
    '**Round 4** (2026-12-03, `npm run train:langid`, shipped): more Malay text, from two sources outside ../shared/data. (1) Tesseract\'s',
    'Indonesian and Malay word lists (tessdata_fast, Apache-2.0; `scripts/langid/wordlists/`): 21,433 words only the Indonesian list',
    'has and 20,942 only the Malay list has, counted as one more stack input (`scripts/langid/cv-wordlist.ts`, third table below).',
    '(2) Mozilla\'s Firefox and Thunderbird localizations (MPL-2.0; `scripts/langid/l10n/`): 6,444 pairs of the same interface',
    'string in Indonesian and Malay, eight times the Malay text TALPCo gives. They train a binary word model (as in round 2, now',
    'with far more text) stacked with the main logit, the round-3 marker tiers and the word-list count (`scripts/langid/cv-l10n.ts`,',
    'fourth table below). Candidates were listed before the first run and the configuration was chosen by the same rule as rounds 2',
    'and 3 (best minimum of TALPCo ind/zlm on held-out training folds with NusaX Indonesian within half a point): words summed, TALPCo',
    '+ Mozilla, balanced bias; 89.4% / 89.8% on held-out training folds against 86.6% / 82.8% for the marker rule. Adding the Mozilla',
    'strings to the *main* model\'s training instead was also cross-validated (all five folds refit with them): every candidate got',
    'worse (best minimum 87.9%, NusaX Indonesian 95.4%), so the main model is unchanged and only the split was refit',
    '(`--discriminator-only`; a full `npm run train:langid` writes the same file).',
    '',
    'The valid split has been looked at seven times in all, and every look is reported here (short TALPCo ind / zlm, NusaX valid ind):',
    '',
    '| model | chosen by | ind short | zlm short | NusaX ind |',
    '|---|---|---|---|---|',
    '| marker rule (2026-11-27, shipped until 2026-12-03) | calibration slice | 89.0% | 88.5% | 97% |',
    '| stacked, words summed, +NusaX ind | interleaved-fold CV (line % 5) | 91.0% | 88.5% | 91% |',
    '| same, 19 markers contradicted by training text removed | (decided before looking) | 91.5% | 86.0% | 92% |',
    '| stacked, words / n^0.25, +NusaX ind | contiguous-block CV | 90.0% | 86.5% | 92% |',
    `| round 3: strong + lean marker tiers, balanced bias | contiguous-block CV (below) | ${LOOK5.ind} | ${LOOK5.zlm} | ${LOOK5.nusax} |`,
    `| round 4: + word lists + binary words with Mozilla text | contiguous-block CV (below) | ${LOOK6.ind} | ${LOOK6.zlm} | ${LOOK6.nusax} |`,
    `| round 5: + CLDR names and emoji words in the binary model (**shipped**) | contiguous-block CV (below) | ${LOOK7.ind} | ${LOOK7.zlm} | ${LOOK7.nusax} |`,
    '',
    LOOK5.verdict,
    '',
    LOOK6.verdict,
    '',
    LOOK7.verdict,
    '',
    '**Round 6** (2026-12-03, not shipped): Google\'s CLD3 (the cld3-asm WebAssembly build, MIT), trained on far more web text than',
    'we have, as one more stack input (its `id`/`ms` answer as a signed logit). Alone it is weak on TALPCo training lines: of 800',
    'Indonesian lines it calls 517 `id`, 214 `ms` and 69 something else; of 800 Malay lines 526 `ms`, 222 `id`, 52 something else.',
    'What matters is whether it is right where round 5 is wrong: on the 140 held-out training lines round 5 gets wrong, CLD3 is',
    'right on 60, wrong on 66 and names another language for 14, which is chance. Stacked, it lowers the cross-validated minimum',
    '(89.9% → 89.5%, table below), so by the rule written before the run (a gain of at least half a point, since it would cost a',
    'dependency and ~9,000 texts per second) it is not adopted, and the valid split was not looked at for it. This is more evidence',
    'that the lines both models miss carry no signal a word- or character-level model can pick up.',
    '',
    'After round 6 the detector got two input rules, decided and measured on training text and Debian\'s interface messages only',
    '(junk words inside a sentence are dropped; a Tagalog word lowers franc\'s bar for Tagalog; docs/langid.md). This report was',
    'regenerated with them: no valid answer changed its label (one right answer\'s confidence rose), so the tables are those of the',
    'seventh look and nothing was chosen from it.',
    '',
    '### Round 6: CLD3 as a stack input (`npx tsx scripts/langid/cv-cld3.ts`, needs `npm i --no-save cld3-asm`)',
    '',
    read('docs/benchmarks/langid-cv-cld3.md', '`npx tsx scripts/langid/cv-cld3.ts --write`'),
    '',
    '### Round 5: more parallel Indonesian/Malay text for the binary model (`npx tsx scripts/langid/cv-ui-l10n.ts`)',
    '',
    read('docs/benchmarks/langid-cv-ui-l10n.md', '`npx tsx scripts/langid/cv-ui-l10n.ts --write`'),
    '',
    '### Round 4: word lists (`npx tsx scripts/langid/cv-wordlist.ts`)',
    '',
    read('docs/benchmarks/langid-cv-wordlist.md', '`npx tsx scripts/langid/cv-wordlist.ts --write`'),
    '',
    '### Round 4: binary word model with Mozilla text (`npx tsx scripts/langid/cv-l10n.ts`)',
    '',
    read('docs/benchmarks/langid-cv-l10n.md', '`npx tsx scripts/langid/cv-l10n.ts --write`'),
    '',
    '### Round 3: marker tiers (`npx tsx scripts/langid/cv-tiers.ts`)',
    '',
    read('docs/benchmarks/langid-cv-tiers.md', '`npx tsx scripts/langid/cv-tiers.ts --write`'),
    '',
    '### Round 2: stacked with a binary word model (`npm run cv:langid`)',
    '',
    read('docs/benchmarks/langid-cv.md', '`npm run cv:langid`'),
  ].join('\n');
}

/** The fifth look at the valid split (round 3), filled in by hand after that one run; see the table in methodology(). */
const LOOK5 = {
  ind: '88.5%',
  zlm: '89.0%',
  nusax: '93%',
  verdict: [
    'Round 3 did not beat the marker rule on the valid split: on the TALPCo short sentences both get 355 of 400 right (Indonesian',
    '177 vs 178, Malay 178 vs 177; without the 16 identical lines Indonesian 167/184 = 90.8% vs 168/184, Malay 172/184 = 93.5% vs',
    '171/184), and on NusaX valid Indonesian round 3 is 4 sentences worse (93 vs 97: 3 called Malay where the marker rule called',
    'none, one more called Banjar). The cross-validated gain (minimum of ind/zlm 82.8% → 87.4%, partly optimistic, see above) did not transfer.',
    'So the shipped model stayed the marker rule (until round 4, below; `npm run train:langid -- --ind-zlm markers` still writes it), the round-3',
    'lexicon, `--ind-zlm tiers` and scripts/langid/cv-tiers.ts stay for further work, and the Indonesian and Malay short-sentence',
    'goals are **not met** (89.0% / 88.5%). This was the fifth look; no variant was chosen after it. The full report of the',
    'round-3 candidate is in docs/benchmarks/langid-eval-round3.md.',
  ].join('\n'),
};

/** The sixth look (round 4), filled in by hand after that one run of the candidate; see the table in methodology(). */
const LOOK6 = {
  ind: '89.5%',
  zlm: '89.0%',
  nusax: '96%',
  verdict: [
    'Round 4 was looked at once, after it had been chosen. On the TALPCo short sentences it gets 357 of 400 right against 355 for the',
    'marker rule (Indonesian 179 vs 178, Malay 178 vs 177; without the 16 identical lines 171/184 = 92.9% and 170/184 = 92.4%). It',
    'loses one NusaX Indonesian sentence (96 vs 97: one more called Malay) and one of 50 Malay pseudo-paragraphs (now called',
    'Indonesian: 98.0%, the goal exactly), so over every Indonesian and Malay valid text the two tie (577 right each). Its confidence',
    'is better calibrated (expected calibration error 0.004 against 0.008 on all sentences; 57 wrong answers against 58). As in rounds',
    '2 and 3 the cross-validated gain is far larger than the valid split shows; there, 200 lines per language move by half a point',
    'per line. It was **shipped** (until round 5, the same day) because it was chosen in advance on four times as much held-out training text (800 lines per',
    'language) and the one look on 200 does not contradict it. The short-sentence goals are still **not met** (89.5% / 89.0%, one and',
    'two lines short); no variant was chosen after this look.',
  ].join('\n'),
};

/** The seventh look (round 5), filled in by hand after that one run; see the table in methodology(). */
const LOOK7 = {
  ind: '88.5%',
  zlm: '89.5%',
  nusax: '95%',
  verdict: [
    'Round 5 (2026-12-03) added three permissively licensed sources of the same message in both languages (scripts/langid/l10n:',
    "Chromium's localizations, Unicode CLDR's names and emoji words, OpenUI5's message bundles). Candidates and the rule were",
    'written down before the cross-validation ran (head of scripts/langid/cv-ui-l10n.ts): the interface-string sources lowered Malay',
    'on held-out training folds, CLDR alone raised the minimum from 89.4% to 89.9% (about four lines of ~790 per language), so by the',
    'rule the binary model is now trained with the CLDR pairs as well. The one look afterwards (together with the new `und` rules',
    'for junk, links and other languages, which changed no valid answer of ours): TALPCo short Indonesian 177/200 = 88.5% (two lines',
    'fewer than round 4), Malay 179/200 = 89.5% (one more); NusaX valid Indonesian 95 vs 96; Malay pseudo-paragraphs 50/50 (one more);',
    'expected calibration error on all sentences 0.005 vs 0.004. Over every Indonesian and Malay valid text it is one answer behind',
    'round 4 (576 vs 577): no difference the split can resolve. It is **shipped** because the rule fixed in advance says so, and',
    'round 4 stays buildable (`--ind-zlm l10n`). The short-sentence goals are still **not met**; no variant was chosen after this look.',
  ].join('\n'),
};

function main(): void {
  const write = !process.argv.includes('--no-write');
  const det = LanguageDetector.load();
  if (process.argv.includes('--methodology-only')) {
    // Prints the hand-maintained history section alone: no held-out text is read.
    console.log(methodology(det));
    return;
  }
  const ours: Predict = (t) => det.detect(t);
  const only = [...FRANC_ONLY];
  const franc: Predict = (t) => {
    const top = francAll(t, { only })[0];
    return { lang: top ? normalizeLangCode(top[0]) : 'und', confidence: top?.[1] ?? 0 };
  };
  const sets = evalTexts();
  const sent = run(sets.sentences, ours);
  const short = run(sets.short, ours);
  const para = run(sets.paragraphs, ours);
  const out = [
    '# Language identification: evaluation',
    '',
    `Generated by \`npm run eval:langid\` (tests/eval/langid.ts) on ${new Date().toISOString().slice(0, 10)} with the shipped model \`resources/models/langid-ngram.bin\`.`,
    'Only held-out text: NusaX-MT valid.csv (100 sentences per language), TALPCo lines 801–1000 (TALPCo has no split; lines 1–800 are used for training),',
    'NusaWrites paragraph-*-valid.csv. `ind`, `zlm`, `ace`, `ban`, `bjn` and `eng` have no held-out paragraphs, so their paragraph rows are',
    '*pseudo-paragraphs*: 4 consecutive held-out sentences joined (marked in the source column of the data, counted here with the real ones).',
    'The franc column is franc 6.2 restricted with `only` to the 10 codes it knows (it has no `bjn`), on the same texts.',
    `Model settings (fitted on a calibration slice of the training data): temperature ${det.header.temperature}, franc blend weight ${det.header.francWeight}` +
      ` (below ${det.header.francBelow}), \`und\` below ${det.header.undBelow}; the Indonesian/Malay split is described below.`,
    '',
    '## Sentences (NusaX valid + TALPCo held-out)',
    '',
    accuracyTable('Sentences', sent, run(sets.sentences, franc), 'sentence'),
    '',
    confusion('sentences', sent),
    '',
    '## Short sentences (TALPCo held-out, mean ~40 characters)',
    '',
    accuracyTable('Short sentences', short, run(sets.short, franc), 'sentence'),
    '',
    confusion('short sentences', short),
    '',
    '### Indonesian/Malay lines that are identical in TALPCo',
    '',
    identicalPairsReport(sets.short, short),
    '',
    '## Paragraphs (NusaWrites valid + pseudo-paragraphs)',
    '',
    accuracyTable('Paragraphs', para, run(sets.paragraphs, franc), 'paragraph'),
    '',
    confusion('paragraphs', para),
    '',
    methodology(det),
    '',
    '## Does confidence mean something? (all sentences)',
    '',
    confidenceReport(sent),
    '',
    '### Reliability (all sentences)',
    '',
    reliability(sent),
    '',
    '### Reliability (Indonesian and Malay short sentences only)',
    '',
    reliability(short.filter((r) => r.gold === 'ind' || r.gold === 'zlm')),
    '',
  ].join('\n');
  console.log(out);
  if (write) {
    mkdirSync('docs/benchmarks', { recursive: true });
    writeFileSync('docs/benchmarks/langid-eval.md', out);
  }
}

main();

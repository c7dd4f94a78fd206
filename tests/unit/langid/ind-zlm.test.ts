import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDetector, LanguageDetector } from '../../../electron/engine/langid/detector';
import { FeatureExtractor } from '../../../electron/engine/langid/features';
import { markerCount, markerMap, type PairModelHeader } from '../../../electron/engine/langid/ind-zlm';
import { findModelPath, readModel, writeModel, type LoadedModel } from '../../../electron/engine/langid/model-file';
import { evalTexts } from '../../../scripts/langid/data';
import { strongMarkers } from '../../../scripts/langid/ind-zlm-lexicon';
import { tempDir } from '../../helpers/temp';

const det = getDetector();

/** The shipped main model with a stacked discriminator of markers only (the binary weights all zero). */
function stackedDetector(): { det: LanguageDetector; model: LoadedModel } {
  const m = readModel(findModelPath());
  const pair: PairModelHeader = { bits: 12, scale: 1, features: 'words', norm: 0, kMain: 0.26, kPair: 1, kMarkers: 3, bias: 0 };
  const model: LoadedModel = {
    header: { ...m.header, lexicon: { ...strongMarkers(true), weight: 0 }, pair },
    weights: m.weights,
    pairWeights: new Float32Array(1 << pair.bits),
  };
  return { det: new LanguageDetector(model), model };
}

describe('Indonesian-vs-Malay discriminator', () => {
  it('round-trips a model file with the binary weights appended', () => {
    const { model } = stackedDetector();
    const pair = model.header.pair;
    if (!pair || !model.pairWeights) throw new Error('model without pair');
    model.pairWeights[7] = 0.5;
    model.pairWeights[4095] = -0.25;
    const q = Int8Array.from(model.weights, (w) => Math.round(w / model.header.scale));
    const path = join(tempDir(), 'copy.bin');
    writeModel(path, { ...model.header, pair: { ...pair, scale: 0.25 } }, q, Int8Array.from(model.pairWeights, (w) => Math.round(w / 0.25)));
    const back = readModel(path);
    expect(back.header.pair?.kMarkers).toBe(3);
    expect(back.pairWeights?.length).toBe(4096);
    expect(back.pairWeights?.[7]).toBe(0.5);
    expect(back.pairWeights?.[4095]).toBe(-0.25);
    // Byte comparison: a deep equality over 2.9M floats takes minutes.
    const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(back.weights).equals(bytes(model.weights))).toBe(true);
  });

  it('re-splits Indonesian and Malay by the stacked log-odds when the model has one', () => {
    const { det } = stackedDetector();
    expect(det.detect('Kami mahu pergi ke pejabat pos hari ini.').lang).toBe('zlm');
    expect(det.detect('Kami mau pergi ke kantor pos besok pagi.').lang).toBe('ind');
    const r = det.detect('Saya tidak bisa datang karena sakit.', { alternatives: 11 });
    const total = r.confidence + r.alternatives.reduce((a, x) => a + x.confidence, 0);
    expect(total).toBeGreaterThan(0.98);
    expect(total).toBeLessThan(1.02);
  });

  it('counts Indonesian markers positive and Malay markers negative, including two-word markers', () => {
    const markers = markerMap({ ind: ['karena', 'rumah sakit'], zlm: ['kerana', 'hospital'] });
    const ex = new FeatureExtractor(18);
    ex.extract('Dia ke rumah sakit karena demam.');
    expect(markerCount(ex, markers)).toBe(2);
    ex.extract('Dia ke hospital kerana demam.');
    expect(markerCount(ex, markers)).toBe(-2);
    ex.extract('Dia demam.');
    expect(markerCount(ex, markers)).toBe(0);
  });

  it('a discriminator without a binary model (bits 0) round-trips and counts strong and lean markers with their own weights', () => {
    const m = readModel(findModelPath());
    const pair: PairModelHeader = { bits: 0, scale: 1, features: 'words', norm: 0, kMain: 0, kPair: 0, kMarkers: 4, kLean: 1, bias: 0 };
    const lexicon = { ind: ['karena'], zlm: ['kerana'], weight: 0, lean: { ind: ['kamu'], zlm: ['boleh'] } };
    const q = Int8Array.from(m.weights, (w) => Math.round(w / m.header.scale));
    const path = join(tempDir(), 'tiers.bin');
    writeModel(path, { ...m.header, indZlmScale: undefined, lexicon, pair }, q);
    const back = readModel(path);
    expect(back.pairWeights).toBeUndefined();
    expect(back.header.pair?.kLean).toBe(1);
    const tiers = new LanguageDetector(back);
    // With kMain 0 only the markers decide: one strong Malay marker outweighs two lean Indonesian ones, not the reverse.
    expect(tiers.detect('Kamu pergi kerana kamu lapar.').lang).toBe('zlm');
    expect(tiers.detect('Kamu pergi karena boleh.').lang).toBe('ind');
    const r = tiers.detect('Kamu boleh pergi.', { alternatives: 11 });
    const indZlm = [r, ...r.alternatives].filter((a) => a.lang === 'ind' || a.lang === 'zlm').map((a) => a.confidence);
    expect(indZlm[0]).toBeCloseTo(indZlm[1] ?? 0, 2);
  });

  it('counts word-list hits with their own weight, and only when the model gives that weight', () => {
    const m = readModel(findModelPath());
    const q = Int8Array.from(m.weights, (w) => Math.round(w / m.header.scale));
    const lexicon = { ind: [], zlm: [], weight: 0, wordlist: { ind: ['universitas', 'taksi'], zlm: ['universiti', 'teksi'], source: 'test' } };
    const write = (kWordlist: number | undefined, name: string): LanguageDetector => {
      const pair: PairModelHeader = { bits: 0, scale: 1, features: 'words', norm: 0, kMain: 0, kPair: 0, kMarkers: 0, kWordlist, bias: 0 };
      const path = join(tempDir(), name);
      writeModel(path, { ...m.header, indZlmScale: undefined, lexicon, pair }, q);
      return new LanguageDetector(readModel(path));
    };
    const withList = write(2, 'wordlist.bin');
    expect(withList.detect('Saya naik teksi ke universiti itu.').lang).toBe('zlm');
    expect(withList.detect('Saya naik taksi ke universitas itu.').lang).toBe('ind');
    // One hit each way cancels out: the split is even.
    const r = withList.detect('Saya naik taksi ke universiti itu.', { alternatives: 11 });
    const indZlm = [r, ...r.alternatives].filter((a) => a.lang === 'ind' || a.lang === 'zlm').map((a) => a.confidence);
    expect(indZlm[0]).toBeCloseTo(indZlm[1] ?? 0, 2);
    // Without kWordlist (older models) the lists are ignored: kMain 0 and no markers leave an even split.
    const r2 = write(undefined, 'no-weight.bin').detect('Saya naik teksi ke universiti itu.', { alternatives: 11 });
    const even = [r2, ...r2.alternatives].filter((a) => a.lang === 'ind' || a.lang === 'zlm').map((a) => a.confidence);
    expect(even[0]).toBeCloseTo(even[1] ?? 0, 2);
  });

  it('the shipped model reaches at least 88% on each of the held-out TALPCo Indonesian and Malay short sentences', () => {
    const short = evalTexts().short;
    for (const lang of ['ind', 'zlm']) {
      const items = short.filter((t) => t.lang === lang);
      const ok = items.filter((t) => det.detect(t.text).lang === lang).length;
      expect(ok / items.length, lang).toBeGreaterThanOrEqual(0.88);
    }
  });

  it('gives its wrong Indonesian/Malay answers lower confidence than its right ones', () => {
    const short = evalTexts().short.filter((t) => t.lang === 'ind' || t.lang === 'zlm');
    const res = short.map((t) => ({ t, r: det.detect(t.text) }));
    const mean = (a: typeof res): number => a.reduce((s, x) => s + x.r.confidence, 0) / Math.max(1, a.length);
    const right = res.filter((x) => x.r.lang === x.t.lang);
    const wrong = res.filter((x) => x.r.lang !== x.t.lang);
    expect(wrong.length).toBeGreaterThan(0);
    expect(mean(wrong)).toBeLessThan(mean(right) - 0.15);
  });
});

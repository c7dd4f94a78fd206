import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDetector } from '../../../electron/engine/langid/detector';
import { FeatureExtractor } from '../../../electron/engine/langid/features';
import { markerCount, markerMap, pairIdBuffer, pairScore } from '../../../electron/engine/langid/ind-zlm';
import { findModelPath, readModel, writeModel } from '../../../electron/engine/langid/model-file';
import { evalTexts } from '../../../scripts/langid/data';
import { tempDir } from '../../helpers/temp';

const det = getDetector();

describe('Indonesian-vs-Malay discriminator', () => {
  it('ships in the model with its binary weights and stacking coefficients', () => {
    const m = readModel(findModelPath());
    expect(m.header.pair).toBeDefined();
    expect(m.pairWeights?.length).toBe(1 << (m.header.pair?.bits ?? 0));
    expect(m.header.pair?.kMain).toBeGreaterThan(0);
    expect((m.header.lexicon?.ind.length ?? 0) + (m.header.lexicon?.zlm.length ?? 0)).toBeGreaterThan(400);
  });

  it('round-trips a model file with the binary weights appended', () => {
    const m = readModel(findModelPath());
    const pair = m.header.pair;
    if (!pair || !m.pairWeights) throw new Error('model without pair');
    const q = Int8Array.from(m.weights, (w) => Math.round(w / m.header.scale));
    const pq = Int8Array.from(m.pairWeights, (w) => Math.round(w / pair.scale));
    const path = join(tempDir(), 'copy.bin');
    writeModel(path, m.header, q, pq);
    const back = readModel(path);
    expect(back.header).toEqual(m.header);
    // Byte comparison: a deep equality over 2.9M floats takes minutes.
    const bytes = (a: Float32Array | undefined): Buffer => Buffer.from(a?.buffer ?? new ArrayBuffer(0), a?.byteOffset ?? 0, a?.byteLength ?? 0);
    expect(bytes(back.pairWeights).equals(bytes(m.pairWeights))).toBe(true);
    expect(bytes(back.weights).equals(bytes(m.weights))).toBe(true);
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

  it('scores marker-bearing literal sentences on the right side and shared-only text near the middle', () => {
    const m = readModel(findModelPath());
    const pair = m.header.pair;
    if (!pair || !m.pairWeights) throw new Error('model without pair');
    const ex = new FeatureExtractor(m.header.bits);
    const ids = pairIdBuffer(ex);
    const score = (t: string): number => {
      ex.extract(t);
      return pairScore(ex, pair, m.pairWeights ?? new Float32Array(0), ids);
    };
    expect(score('Saya tidak bisa datang karena sakit.')).toBeGreaterThan(score('Saya tidak boleh datang kerana sakit.'));
    expect(det.detect('Kami mahu pergi ke pejabat pos esok pagi.').lang).toBe('zlm');
    expect(det.detect('Kami mau pergi ke kantor pos besok pagi.').lang).toBe('ind');
  });

  it('reaches at least 88% on each of the held-out TALPCo Indonesian and Malay short sentences', () => {
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

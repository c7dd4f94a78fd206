import { describe, expect, it } from 'vitest';
import { cohensKappa, krippendorffAlphaNominal, rawAgreement } from '../../../electron/engine/labels/agreement-math';

const u = (...vals: (string | null)[]) => vals.filter((v): v is string => v !== null);

describe('agreement maths', () => {
  it("matches Krippendorff's published example: 4 observers, 12 units, missing values, nominal alpha = 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data matrix (. = missing).
    const A = ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null];
    const B = ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, '3'];
    const C = [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', null];
    const D = ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null];
    const units = A.map((_, i) => u(A[i] ?? null, B[i] ?? null, C[i] ?? null, D[i] ?? null));
    // By hand: n = 40 pairable values (unit 12 has one), n_1..n_5 = 9, 13, 10, 5, 3 → Σ_{c≠k} n_c·n_k = 40² − 384 = 1216.
    // Disagreeing ordered pairs / (m − 1): unit 2 (2,2,3,2) 6/3 = 2, unit 6 (1,2,3,4) 12/3 = 4, unit 8 (1,1,2,1) 6/3 = 2 → 8.
    // alpha = 1 − 39·8/1216 = 0.74342 (published: 0.743).
    const alpha = krippendorffAlphaNominal(units);
    expect(alpha).not.toBeNull();
    expect(alpha as number).toBeCloseTo(1 - (39 * 8) / 1216, 10);
    expect(alpha as number).toBeCloseTo(0.743, 3);
  });

  it('two coders, binary data (Krippendorff 2011 example A): alpha = 0.095; kappa and raw agreement by hand', () => {
    const A = ['0', '1', '0', '0', '0', '0', '0', '0', '1', '0'];
    const B = ['1', '1', '1', '0', '0', '1', '0', '0', '0', '0'];
    const units = A.map((a, i) => [a, B[i] as string]);
    expect(krippendorffAlphaNominal(units) as number).toBeCloseTo(0.095, 3);
    // 6 of 10 agree: po = 0.6; marginals A(1)=0.2, B(1)=0.4 → pe = 0.2·0.4 + 0.8·0.6 = 0.56; κ = 0.04/0.44.
    expect(rawAgreement(units)).toBeCloseTo(0.6, 10);
    expect(cohensKappa(units.map((x) => [x[0] as string, x[1] as string])) as number).toBeCloseTo(0.04 / 0.44, 10);
  });

  it('perfect agreement gives 1; undefined cases give null', () => {
    const units = [['a', 'a'], ['b', 'b'], ['a', 'a']];
    expect(krippendorffAlphaNominal(units)).toBe(1);
    expect(cohensKappa(units.map((x) => [x[0] as string, x[1] as string]))).toBe(1);
    expect(rawAgreement(units)).toBe(1);
    expect(krippendorffAlphaNominal([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(cohensKappa([['a', 'a']])).toBeNull();
    expect(rawAgreement([['a']])).toBeNull();
    expect(krippendorffAlphaNominal([['a'], ['b']])).toBeNull();
  });

  it('three annotators with one planted disagreement, by hand', () => {
    // units: (k,k,k) (k,k,d) (d,d,d) (k,k,k): n_k = 8, n_d = 4, n = 12; unit 2 has 2·2 = 4 ordered k-d pairs / (3−1) = 2.
    // alpha = 1 − 11·2 / (2·8·4) = 1 − 22/64 = 0.65625; raw = pairs agreeing 3+1+3+3 = 10 of 12.
    const units = [['k', 'k', 'k'], ['k', 'k', 'd'], ['d', 'd', 'd'], ['k', 'k', 'k']];
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.65625, 10);
    expect(rawAgreement(units)).toBeCloseTo(10 / 12, 10);
  });
});

// MinHash signatures and LSH band keys on typed arrays.
// Permutation i of a (well-mixed) shingle hash x is ((x ^ b_i) * a_i) mod 2^32, ordered as signed
// int32; four permutations share each pass over the shingles so x is loaded once per four.
import { fmix32, mix32, seededUint32s } from './hash';

export const DEFAULT_NUM_PERM = 128;

export class MinHasher {
  readonly numPerm: number;
  private readonly a: Int32Array;
  private readonly b: Int32Array;

  constructor(numPerm = DEFAULT_NUM_PERM, seed = 0x6a09e667) {
    if (numPerm % 4 !== 0 || numPerm < 4) throw new RangeError('numPerm must be a positive multiple of 4');
    this.numPerm = numPerm;
    this.a = Int32Array.from(seededUint32s(numPerm, seed), (x) => x | 1);
    this.b = Int32Array.from(seededUint32s(numPerm, seed ^ 0x5bd1e995), (x) => x | 0);
  }

  /**
   * Writes the signature of shingles[0..n) to out[offset..offset+numPerm): the signed minima of each
   * permutation; only equality matters later.
   * With n = 0 every slot is 0x7fffffff, which callers treat as "no signature".
   */
  signatureInto(sh: Int32Array, n: number, out: Int32Array, offset: number): void {
    const A = this.a;
    const B = this.b;
    for (let i = 0; i < this.numPerm; i += 4) {
      const a0 = A[i]!, b0 = B[i]!, a1 = A[i + 1]!, b1 = B[i + 1]!;
      const a2 = A[i + 2]!, b2 = B[i + 2]!, a3 = A[i + 3]!, b3 = B[i + 3]!;
      let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
      for (let j = 0; j < n; j++) {
        const x = sh[j]!;
        // x is already a well-mixed 32-bit hash: the product's high bits decide the minimum, so no
        // finishing shift is needed (it cost a third of the time), and a signed minimum is as good a
        // permutation order as an unsigned one — only equality of minima is used later.
        let v = Math.imul(x ^ b0, a0);
        if (v < m0) m0 = v;
        v = Math.imul(x ^ b1, a1);
        if (v < m1) m1 = v;
        v = Math.imul(x ^ b2, a2);
        if (v < m2) m2 = v;
        v = Math.imul(x ^ b3, a3);
        if (v < m3) m3 = v;
      }
      out[offset + i] = m0;
      out[offset + i + 1] = m1;
      out[offset + i + 2] = m2;
      out[offset + i + 3] = m3;
    }
  }
}

/** Fraction of equal slots: an unbiased estimate of the Jaccard similarity. */
export function signatureAgreement(s: Int32Array, sOff: number, t: Int32Array, tOff: number, numPerm: number): number {
  let eq = 0;
  for (let i = 0; i < numPerm; i++) if (s[sOff + i] === t[tOff + i]) eq++;
  return eq / numPerm;
}

export interface LshParams {
  bands: number;
  rows: number;
}

/** Probability that a pair with Jaccard `j` shares at least one band. */
export function candidateProbability(j: number, p: LshParams): number {
  return 1 - Math.pow(1 - Math.pow(j, p.rows), p.bands);
}

/**
 * Bands × rows for a Jaccard threshold. Every candidate is verified afterwards, so LSH only has to
 * find the pairs: take the most rows per band (fewest chance candidates) that still finds a pair at
 * exactly the threshold with probability ≥ `minRecall`, using as many bands as the signature allows.
 * For 0.8 and 128 hashes this gives 21 × 6 (P = 0.998 at 0.8, 0.28 at 0.5, 0.0003 at 0.2).
 */
export function lshParams(threshold: number, numPerm = DEFAULT_NUM_PERM, minRecall = 0.99): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);
  let best: LshParams = { bands: numPerm, rows: 1 };
  for (let rows = 1; rows <= numPerm; rows++) {
    const bands = Math.floor(numPerm / rows);
    if (bands < 1) break;
    if (candidateProbability(threshold, { bands, rows }) >= minRecall) best = { bands, rows };
  }
  return best;
}

/** Band keys of one signature: out[outOff + band] = 32-bit hash of that band's rows. */
export function bandKeysInto(sig: Int32Array, sigOff: number, p: LshParams, out: Uint32Array, outOff: number): void {
  for (let band = 0; band < p.bands; band++) {
    let h = 0x7f4a7c15 ^ band;
    const base = sigOff + band * p.rows;
    for (let r = 0; r < p.rows; r++) h = mix32(h, sig[base + r]!);
    out[outOff + band] = fmix32(h ^ p.rows);
  }
}

/**
 * A seeded permutation of 0..n-1 computed one position at a time (no array of a million ids): a 4-round
 * Feistel network over the smallest even power of two ≥ n, walking the cycle until the value falls below n.
 * Same seed → same order on every laptop, so annotators sampling with one seed label the same documents.
 */
export function makePermutation(n: number, seed: number): (position: number) => number {
  let bits = 2;
  while (2 ** bits < n) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  const round = (r: number, i: number): number => {
    let h = Math.imul(r ^ Math.imul(seed + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) & mask;
  };
  const once = (x: number): number => {
    let l = Math.floor(x / 2 ** half);
    let r = x & mask;
    for (let i = 0; i < 4; i++) {
      const next = l ^ round(r, i);
      l = r;
      r = next;
    }
    return l * 2 ** half + r;
  };
  return (position: number) => {
    if (position < 0 || position >= n) throw new RangeError(`position ${position} outside 0..${n - 1}`);
    let x = once(position);
    while (x >= n) x = once(x);
    return x;
  };
}

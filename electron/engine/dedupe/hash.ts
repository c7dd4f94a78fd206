// Small non-cryptographic 32-bit hashing used by dedupe. Everything works on int32 values held in
// registers or typed arrays: no object per word or shingle, so a 500-byte document costs a few
// thousand integer operations.

/** murmur3's finalizer: spreads every input bit across the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds one 32-bit value into a running hash (murmur3 block step). */
export function mix32(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Hash of a string's UTF-16 code units in [start, end). */
export function hashRange(s: string, start: number, end: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) h = mix32(h, s.charCodeAt(i));
  return fmix32(h ^ (end - start));
}

/** 64-bit hash of a whole string as two independent 32-bit lanes, written as 16 hex digits. */
export function hash64Hex(s: string): string {
  const hi = hashRange(s, 0, s.length, 0x2545f491);
  const lo = hashRange(s, 0, s.length, 0x6b43a9b5);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Deterministic generator for the per-permutation constants (splitmix32-style). */
export function seededUint32s(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    out[i] = fmix32(s);
  }
  return out;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeExact } from '../../../electron/engine/dedupe/normalize';
import { Shingler, exactKey, jaccardSorted, sortedUnique } from '../../../electron/engine/dedupe/shingle';
import { MinHasher, candidateProbability, lshParams, signatureAgreement } from '../../../electron/engine/dedupe/minhash';
import { UnionFind, radixSortByKey } from '../../../electron/engine/dedupe/cluster';
import { dedupeTexts, textJaccard } from '../../../electron/engine/dedupe/pipeline';
import { fmix32, hash64Hex } from '../../../electron/engine/dedupe/hash';

describe('normalization for exact duplicates', () => {
  it('folds NFC, case and whitespace', () => {
    expect(normalizeExact('  Halo\t\tDUNIA \n  baru ')).toBe('halo dunia baru');
    // "é" as e + combining acute (NFD) equals the precomposed form.
    expect(normalizeExact('Kafe\u0301')).toBe('kaf\u00e9');
    expect(exactKey('Saya MAKAN nasi.')).toBe(exactKey('saya   makan\nnasi.'));
  });

  it('folds punctuation only when asked', () => {
    expect(exactKey('Halo, dunia!')).not.toBe(exactKey('halo dunia'));
    expect(exactKey('Halo, dunia!', { foldPunctuation: true })).toBe(exactKey('halo dunia', { foldPunctuation: true }));
    expect(normalizeExact('«Halo» — dunia…', { foldPunctuation: true })).toBe('halo dunia');
  });

  it('hashes to 16 hex digits', () => {
    expect(exactKey('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(exactKey(' a  b ')).toBe(exactKey('a b'));
    expect(exactKey('a b')).not.toBe(exactKey('ab'));
    expect(hash64Hex('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64Hex('abc')).not.toBe(hash64Hex('abd'));
    expect(fmix32(0)).toBe(0);
  });
});

describe('shingles', () => {
  it('makes words from letters and digits, ignoring case and punctuation', () => {
    const s = new Shingler({ ngram: 1, shortDocWords: 0 });
    expect(s.set('Ibu, ibu! IBU pergi ke pasar 2 kali.').length).toBe(6); // ibu pergi ke pasar 2 kali
    expect(s.wordCount).toBe(8);
  });

  it('counts word n-grams: n words give n - k + 1 shingles', () => {
    const s = new Shingler({ ngram: 5, shortDocWords: 0 });
    expect(s.run('a b c d e f g')).toBe(3);
    expect(s.kind).toBe('word');
  });

  it('uses character shingles for short texts', () => {
    const s = new Shingler({ ngram: 5 }); // short = fewer than 15 words
    expect(s.run('Halo,   dunia!')).toBe(6); // "halo dunia" = 10 chars → 6 character 5-grams
    expect(s.kind).toBe('char');
    expect(s.run('...')).toBe(0);
    expect(s.kind).toBe('empty');
  });

  it('computes Jaccard by hand-checked counts', () => {
    // 10 words → 6 five-grams each; changing the last word changes exactly one: 5 shared, union 7.
    const a = 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh';
    const b = 'satu dua tiga empat lima enam tujuh delapan sembilan sebelas';
    expect(textJaccard(a, b, { shortDocWords: 0 })).toBeCloseTo(5 / 7, 10);
    // Changing the first word as well: 4 shared, union 8.
    expect(textJaccard(a, 'nol' + b.slice(4), { shortDocWords: 0 })).toBeCloseTo(4 / 8, 10);
    expect(jaccardSorted(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4))).toBe(0.5);
    expect(jaccardSorted(new Int32Array(0), new Int32Array(0))).toBe(0);
    expect([...sortedUnique(Int32Array.of(3, 1, 3, -2))]).toEqual([-2, 1, 3]);
  });
});

describe('MinHash and LSH parameters', () => {
  it('derives bands × rows from the threshold', () => {
    expect(lshParams(0.8)).toEqual({ bands: 21, rows: 6 });
    expect(lshParams(0.9)).toEqual({ bands: 12, rows: 10 });
    const p = lshParams(0.8);
    expect(candidateProbability(0.8, p)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.3, p)).toBeLessThan(0.02);
    expect(() => lshParams(1)).toThrow();
  });

  it('estimates Jaccard from signature agreement', () => {
    const h = new MinHasher(128);
    const a = new Int32Array(200);
    const b = new Int32Array(200);
    for (let i = 0; i < 200; i++) {
      a[i] = fmix32(i + 1) | 0;
      b[i] = fmix32(i < 150 ? i + 1 : i + 10_000) | 0; // 150 shared of 250 → J = 0.6
    }
    const sa = new Int32Array(128);
    const sb = new Int32Array(128);
    h.signatureInto(a, 200, sa, 0);
    h.signatureInto(b, 200, sb, 0);
    expect(Math.abs(signatureAgreement(sa, 0, sb, 0, 128) - 0.6)).toBeLessThan(0.15);
    h.signatureInto(a, 200, sb, 0);
    expect(signatureAgreement(sa, 0, sb, 0, 128)).toBe(1);
  });
});

describe('union-find and bucketing', () => {
  it('groups transitively', () => {
    const uf = new UnionFind(6);
    expect(uf.union(0, 2)).toBe(true);
    expect(uf.union(2, 4)).toBe(true);
    expect(uf.union(0, 4)).toBe(false);
    uf.union(1, 5);
    expect(uf.groups()).toEqual([
      [0, 2, 4],
      [1, 5],
    ]);
  });

  it('radix-sorts doc indices by one band key, stably', () => {
    const bands = 2;
    const keys = Uint32Array.of(5, 0, 0x10000, 0, 5, 0, 0xffffffff, 0, 0x10000, 0);
    const idx = Uint32Array.of(0, 1, 2, 3, 4);
    radixSortByKey(idx, keys, bands, 0, new Uint32Array(5));
    expect([...idx]).toEqual([0, 2, 1, 4, 3]);
  });
});

describe('dedupeTexts on real paragraphs', () => {
  const csv = readFileSync(join(process.cwd(), '..', 'shared', 'data', 'nusa-writes', 'paragraph-sun-valid.csv'), 'utf8');
  // First three long quoted paragraphs of the Sundanese validation file.
  const paras = [...csv.matchAll(/^\d+,"((?:[^"]|"")+)"/gm)].map((m) => m[1]!.replace(/""/g, '"')).filter((t) => t.split(' ').length > 60);
  const [p1, p2, p3] = paras as [string, string, string];

  it('finds the exact and the near copies and nothing else', () => {
    const words = p2.split(' ');
    words[10] = 'GANTI';
    const texts = [
      p1,
      p2,
      p3,
      `  ${p1.toUpperCase().replace(/ /g, '   ')}\n`, // exact copy of 0 after folding
      words.join(' '), // near copy of 1: one word changed
      `${p3}\n\nHak cipta dilindungi undang-undang.`, // near copy of 2: footer
    ];
    expect(textJaccard(texts[1]!, texts[4]!)).toBeGreaterThan(0.8);
    const r = dedupeTexts(texts);
    expect(r.clusters).toEqual([
      { members: [0, 3], kind: 'exact' },
      { members: [1, 4], kind: 'near' },
      { members: [2, 5], kind: 'near' },
    ]);
  });

  it('leaves pairs under the threshold apart', () => {
    const half = p1.split(' ');
    const cut = half.slice(0, Math.floor(half.length / 2)).join(' ');
    expect(textJaccard(p1, cut)).toBeLessThan(0.6);
    expect(dedupeTexts([p1, cut, p2]).clusters).toEqual([]);
    // …but a lower threshold joins them when the true Jaccard clears it.
    const j = textJaccard(p1, cut);
    expect(dedupeTexts([p1, cut, p2], { threshold: Math.max(0.05, j - 0.05) }).clusters).toEqual([{ members: [0, 1], kind: 'near' }]);
  });
});

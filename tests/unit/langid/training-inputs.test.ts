import { describe, expect, it } from 'vitest';
import { cleanString, loadL10nPairs } from '../../../scripts/langid/mozilla-l10n';
import { loadWordlists } from '../../../scripts/langid/tesseract-wordlists';

describe('round-4 training inputs', () => {
  it('interface strings lose placeables, markup, printf slots and escapes, keep their words', () => {
    expect(cleanString('Sila masukkan { $name } <b>sekarang</b>.')).toBe('Sila masukkan sekarang .');
    expect(cleanString('Muat turun %1$S daripada %S\\nselesai')).toBe('Muat turun daripada selesai');
    expect(cleanString('&brandShortName; telah dikemas kini')).toBe('telah dikemas kini');
  });

  it('the committed Mozilla pairs are distinct Indonesian/Malay pairs of at least two words each', () => {
    const pairs = loadL10nPairs();
    expect(pairs.length).toBeGreaterThan(6000);
    const words = (s: string): number => (s.match(/\p{L}{2,}/gu) ?? []).length;
    for (const [ind, zlm] of pairs) {
      expect(ind).not.toBe(zlm);
      expect(words(ind)).toBeGreaterThanOrEqual(2);
      expect(words(zlm)).toBeGreaterThanOrEqual(2);
    }
    // The columns are not swapped: Malay "sila" (please) is common on the Malay side and rare on the Indonesian one.
    const count = (side: 0 | 1): number => pairs.filter((p) => /\bsila\b/i.test(p[side])).length;
    expect(count(1)).toBeGreaterThan(100);
    expect(count(0)).toBeLessThan(10);
  });

  it('the committed word lists are disjoint, lower-case and hold known spellings on the right side', () => {
    const { ind, zlm } = loadWordlists();
    const zset = new Set(zlm);
    expect(ind.some((w) => zset.has(w))).toBe(false);
    expect([...ind, ...zlm].every((w) => w === w.toLowerCase())).toBe(true);
    expect(ind).toContain('taksi');
    expect(zlm).toContain('universiti');
    expect(zlm).toContain('teksi');
  });
});

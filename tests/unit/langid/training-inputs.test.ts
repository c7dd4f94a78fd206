import { describe, expect, it } from 'vitest';
import { cleanString, loadL10nPairs } from '../../../scripts/langid/mozilla-l10n';
import { loadWordlists } from '../../../scripts/langid/tesseract-wordlists';
import {
  UI_L10N_SOURCES,
  cleanUiString,
  loadUiL10nPairs,
  parseJavaProperties,
  readPak,
  type UiL10nSource,
} from '../../../scripts/langid/ui-l10n';

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

describe('round-5 training inputs: Chromium, CLDR and OpenUI5 interface strings', () => {
  it('placeholders, ICU plurals, mnemonics and links go; the words stay', () => {
    expect(
      cleanUiString('{COUNT, plural, offset:1 =1 {Hapus $1 item} other {Hapus # item dari <b>$2</b>}}'),
    ).toBe('Hapus item dari');
    expect(cleanUiString('S&esuaikan Tab && grup')).toBe('Sesuaikan Tab & grup');
    expect(cleanUiString('Lihat [di sini](https://example.com/a?b=1) &quot;sekarang&#39;')).toBe(
      'Lihat di sini sekarang',
    );
    expect(cleanUiString('Sila pilih {{name}} ${x} %{y} %1$s')).toBe('Sila pilih');
  });

  it('reads Java .properties with escapes and continued lines', () => {
    const src = '# komen\nA=Sila \\u0070ilih\nB : satu \\\n    dua\n! lagi\nC\\=D=nilai\n';
    expect([...parseJavaProperties(Buffer.from(src, 'latin1'))]).toEqual([
      ['A', 'Sila pilih'],
      ['B', 'satu dua'],
      ['C=D', 'nilai'],
    ]);
  });

  it('reads the text resources of a Chromium .pak, following aliases and skipping binary ones', () => {
    const texts = [
      Buffer.from('Buka tab'),
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]),
      Buffer.from('Tutup'),
    ];
    const ids = [10, 11, 12];
    const head = Buffer.alloc(12 + 6 * (texts.length + 1) + 4);
    head.writeUInt32LE(5, 0);
    head.writeUInt8(1, 4);
    head.writeUInt16LE(texts.length, 8);
    head.writeUInt16LE(1, 10);
    let offset = head.length;
    texts.forEach((t, i) => {
      head.writeUInt16LE(ids[i] ?? 0, 12 + 6 * i);
      head.writeUInt32LE(offset, 14 + 6 * i);
      offset += t.length;
    });
    head.writeUInt32LE(offset, 14 + 6 * texts.length);
    // Resource 20 is an alias of entry 2 (id 12).
    head.writeUInt16LE(20, 12 + 6 * (texts.length + 1));
    head.writeUInt16LE(2, 14 + 6 * (texts.length + 1));
    expect([...readPak(Buffer.concat([head, ...texts]))].sort((a, b) => a[0] - b[0])).toEqual([
      [10, 'Buka tab'],
      [12, 'Tutup'],
      [20, 'Tutup'],
    ]);
  });

  const words = (s: string): number => (s.match(/\p{L}{2,}/gu) ?? []).length;
  const minimum: Record<UiL10nSource, number> = { chromium: 8000, cldr: 3500, openui5: 1800 };
  // CLDR's one-word entries are dictionary words (mobil / kereta), not names, so ui-l10n.ts keeps them.
  const minWords: Record<UiL10nSource, number> = { chromium: 2, cldr: 1, openui5: 2 };

  for (const source of UI_L10N_SOURCES) {
    it(`the committed ${source} pairs are distinct, sorted Indonesian/Malay pairs of at least ${minWords[source]} word(s) each`, () => {
      const pairs = loadUiL10nPairs(source);
      expect(pairs.length).toBeGreaterThan(minimum[source]);
      const lines = pairs.map(([ind, zlm]) => `${ind}\t${zlm}`);
      expect(new Set(lines).size).toBe(lines.length);
      expect([...lines].sort()).toEqual(lines);
      for (const [ind, zlm] of pairs) {
        expect(ind.toLowerCase()).not.toBe(zlm.toLowerCase());
        expect(words(ind)).toBeGreaterThanOrEqual(minWords[source]);
        expect(words(zlm)).toBeGreaterThanOrEqual(minWords[source]);
        expect(`${ind}${zlm}`).not.toMatch(/[\t\n]/);
      }
      // The columns are not swapped: Malay boleh/daripada/butang (can/than/button) sit on the Malay side, Indonesian
      // tombol/pengaturan/perangkat/silakan (button/settings/device/please) on the Indonesian side.
      const count = (re: RegExp, side: 0 | 1): number => pairs.filter((p) => re.test(p[side])).length;
      const zlmWords = /\b(?:boleh|daripada|butang)\b/i;
      const indWords = /\b(?:tombol|pengaturan|perangkat|silakan)\b/i;
      expect(count(zlmWords, 1)).toBeGreaterThan(100);
      expect(count(zlmWords, 0)).toBeLessThan(count(zlmWords, 1) / 10);
      expect(count(indWords, 0)).toBeGreaterThan(50);
      expect(count(indWords, 1)).toBeLessThan(count(indWords, 0) / 10);
    });
  }

  it('the CLDR pairs hold no date patterns and no skin-tone variants of emoji names', () => {
    const pairs = loadUiL10nPairs('cldr');
    expect(pairs.filter((p) => /\b(?:EEEE|MMMM|HH|y G)\b/.test(p.join('\t')))).toEqual([]);
    // cldr-annotations-derived-full would add thousands of "…: warna kulit cerah" names; the base set has a few.
    expect(pairs.filter((p) => p[0].includes('warna kulit')).length).toBeLessThan(50);
  });
});

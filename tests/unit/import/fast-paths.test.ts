import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { splitSimpleRecord } from '../../../electron/engine/import/csv-split';
import { hashText } from '../../../electron/engine/import/hash';
import { parseCsvText } from '../../../electron/engine/import/read-csv';
import { countChars, wordCount } from '../../../electron/engine/import/text-stats';
import { countWords, normalizeText } from '../../../shared/text/normalize';

function rng(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const PIECES = ['a', 'Kata', '12', ' ', '  ', ',', '\t', '"', '""', '\n', "'", '-', '’', 'é', 'e\u0301', '\u00a0', '😀', 'x"y', '\r', '.', ''];

function randomString(r: () => number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

describe('fast paths agree with the reference implementations', () => {
  it('the simple CSV splitter gives fast-csv’s fields, or defers to it', async () => {
    const r = rng(7);
    let simple = 0;
    for (let k = 0; k < 3000; k++) {
      const fields = Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomString(r, Math.floor(r() * 6)).replaceAll('\r', '').replaceAll('\n', ' '));
      // Half well-formed (quoted when needed), half raw pieces.
      const rec = k % 2 === 0 ? fields.map((f) => (/[",\n]/u.test(f) || r() < 0.3 ? `"${f.replaceAll('"', '""')}"` : f)).join(',') : fields.join(',');
      if (rec.trim() === '') continue;
      const mine = splitSimpleRecord(rec, 44);
      if (mine === null) continue;
      simple++;
      const theirs = await parseCsvText(rec, ',').catch((e: unknown) => String(e));
      expect([rec, mine]).toEqual([rec, Array.isArray(theirs) ? theirs[0] : theirs]);
    }
    expect(simple).toBeGreaterThan(1000);
  });

  it('splits quoted fields with delimiters, doubled quotes and newlines', () => {
    expect(splitSimpleRecord('1,"a, ""b""\nc",', 44)).toEqual(['1', 'a, "b"\nc', '']);
    expect(splitSimpleRecord('x\t"y"\tz', 9)).toEqual(['x', 'y', 'z']);
    expect(splitSimpleRecord('1,he said "hi"', 44)).toBeNull();
    expect(splitSimpleRecord('1,"ab"c', 44)).toBeNull();
    expect(splitSimpleRecord('1,"open', 44)).toBeNull();
  });

  it('hashText equals SHA-256 of normalizeText, truncated to 128 bits', () => {
    const r = rng(11);
    const samples = ['Halo dunia', ' Halo dunia', 'Halo  dunia', 'Halo dunia ', 'Halo\tdunia', 'Halo\r\ndunia', 'café', 'cafe\u0301', 'a\u00a0b', ''];
    for (let k = 0; k < 2000; k++) samples.push(randomString(r, Math.floor(r() * 12)));
    for (const s of samples) expect(hashText(s)).toBe(createHash('sha256').update(normalizeText(s)).digest('hex').slice(0, 32));
    expect(hashText('Halo dunia')).toBe(hashText(' Halo\r\n dunia '));
  });

  it('wordCount equals countWords and countChars counts code points', () => {
    const r = rng(13);
    const samples = ["it's a well-known fact", '--a--b--', "''x", 'rumah2 12-an', 'kata’kata', 'naïve café'];
    for (let k = 0; k < 3000; k++) samples.push(randomString(r, Math.floor(r() * 15)));
    for (const s of samples) {
      expect([s, wordCount(s)]).toEqual([s, countWords(s)]);
      expect(countChars(s)).toBe([...s].length);
    }
  });
});

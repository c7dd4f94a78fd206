import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { docStats } from '../../../electron/engine/import/doc-stats';
import { hashNormalizedText, hashText } from '../../../electron/engine/import/hash';
import { endsInsideQuotes } from '../../../electron/engine/import/read-csv';
import { metadataOf } from '../../../electron/engine/import/read-jsonl';
import { countChars, normalAsciiWordCount, wordCount } from '../../../electron/engine/import/text-stats';
import { countWords, normalizeText } from '../../../shared/text/normalize';

function rng(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

function pick(r: () => number, pieces: string[], len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += pieces[Math.floor(r() * pieces.length)];
  return s;
}

/** The character-by-character rule endsInsideQuotes follows (fast-csv's): the reference it is checked against. */
function endsInsideQuotesSlow(line: string, delimiter: string, inside: boolean): boolean {
  const d = delimiter.charCodeAt(0);
  let fieldStart = !inside;
  let quoted = inside;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (line.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === d) {
      fieldStart = true;
      continue;
    } else if (c === 34 && fieldStart) {
      quoted = true;
    }
    fieldStart = false;
  }
  return quoted;
}

describe('one-pass scans agree with the reference implementations', () => {
  it('endsInsideQuotes (quote to quote) equals the character-by-character rule', () => {
    const r = rng(5);
    const pieces = ['"', '""', ',', '\t', 'a', 'kata', ' ', '"x"', ',"', '",', "'"];
    let n = 0;
    for (let k = 0; k < 20_000; k++) {
      const line = pick(r, pieces, Math.floor(r() * 10));
      for (const delim of [',', '\t'])
        for (const inside of [false, true]) {
          expect([line, delim, inside, endsInsideQuotes(line, delim, inside)]).toEqual([line, delim, inside, endsInsideQuotesSlow(line, delim, inside)]);
          n++;
        }
    }
    expect(n).toBe(80_000);
  });

  it('normalAsciiWordCount: -1 unless already-normal printable ASCII, else wordCount’s count', () => {
    const r = rng(9);
    // \u0120 and \u0161 are ' ' and 'a' in their low 7 bits: the table-driven scan must still see them as non-ASCII.
    const pieces = ['a', 'Kata', '12', ' ', '  ', ',', '\t', '"', "'", '-', '’', 'é', '\u00a0', '😀', '.', '\n', '~', '\u007f', '', '\u0120', '\u0161'];
    const samples = ['Halo dunia', ' Halo', 'Halo ', 'Halo  dunia', "it's a well-known fact", '--a--b--', "''x", 'rumah2 12-an', 'a\tb', ''];
    for (let k = 0; k < 20_000; k++) samples.push(pick(r, pieces, Math.floor(r() * 12)));
    let fast = 0;
    for (const s of samples) {
      const w = normalAsciiWordCount(s);
      // The fast path is taken exactly when the text is non-empty printable ASCII without leading, trailing or double spaces.
      expect([s, w >= 0]).toEqual([s, /^[\x21-\x7e]+( [\x21-\x7e]+)*$/u.test(s)]);
      // docStats (bytes, scratch buffer) gives exactly the general paths' hash and counts, fast path or not.
      expect([s, docStats(s)]).toEqual([s, { hash: hashText(s), chars: countChars(s), words: wordCount(s) }]);
      if (w < 0) continue;
      fast++;
      expect([s, normalizeText(s)]).toEqual([s, s]);
      expect([s, w]).toEqual([s, countWords(s)]);
      expect(w).toBe(wordCount(s));
      expect(countChars(s)).toBe(s.length);
      expect(hashNormalizedText(s)).toBe(hashText(s));
      expect(hashNormalizedText(s)).toBe(createHash('sha256').update(s).digest('hex').slice(0, 32));
    }
    expect(fast).toBeGreaterThan(1000);
    expect(normalAsciiWordCount('Halo  dunia')).toBe(-1);
    expect(normalAsciiWordCount('café')).toBe(-1);
    expect(normalAsciiWordCount('a\tb')).toBe(-1);
    expect(normalAsciiWordCount('Dua kata')).toBe(2);
  });

  it('JSONL metadata written out directly is exactly JSON.stringify of the object without its text and id', () => {
    const o = { name: 'x.jsonl', textField: 'text', idField: 'id', metadataFields: undefined, maxRecordBytes: 1 << 20 };
    const lines = [
      '{"id":1,"text":"t","topic":"berita"}',
      '{"text":"t","10":"a","b":[1,{"c":null}],"2":true,"id":"x","__proto__":{"p":1},"s":"kutip \\"dan\\" \\u00e9 \\ud83d\\ude00"}',
      '{"text":"t","id":"only"}',
      '{"nested":{"text":"inner"},"text":"t","n":-0.5e3}',
    ];
    for (const line of lines) {
      const obj = JSON.parse(line) as Record<string, unknown>;
      const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(obj)) if (k !== 'text' && k !== 'id') copy[k] = obj[k];
      const expected = Object.keys(copy).length === 0 ? null : JSON.stringify(copy);
      expect([line, metadataOf(obj, 'text', o)]).toEqual([line, expected]);
    }
  });
});

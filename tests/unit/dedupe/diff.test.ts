import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../renderer/src/features/dedupe/diff';

describe('side-by-side word diff', () => {
  it('marks only the words that differ, ignoring case and punctuation', () => {
    const d = diffWords('Saya makan nasi goreng, enak.', 'SAYA makan mie goreng enak!');
    expect(d.a).toEqual([
      { text: 'Saya makan ', changed: false },
      { text: 'nasi ', changed: true },
      { text: 'goreng, enak.', changed: false },
    ]);
    expect(d.b.filter((s) => s.changed).map((s) => s.text)).toEqual(['mie ']);
  });

  it('marks inserted and deleted sentences', () => {
    const d = diffWords('Satu dua. Tiga empat.', 'Berita terkini. Satu dua. Tiga empat.');
    expect(d.b[0]).toEqual({ text: 'Berita terkini. ', changed: true });
    expect(d.a.every((s) => !s.changed)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { detectPii, redact, redactWithCounts } from '../../../electron/engine/pii';

const TEXT =
  'Nama: Siti, NIK 3174055203900002, KK 3174051201150003, NPWP 01.312.166.0-091.000, HP +62 812 3456 7890, ' +
  'surel siti@contoh.co.id, IP 172.16.5.4, rekening BCA 1234567890, kartu kredit 4111 1111 1111 1111, paspor B1234567.';

describe('redact', () => {
  it('replaces every finding with its typed token', () => {
    expect(redact(TEXT, detectPii(TEXT))).toBe(
      'Nama: Siti, NIK <NIK>, KK <KK>, NPWP <NPWP>, HP <PHONE>, surel <EMAIL>, IP <IP>, rekening BCA <BANK_ACCOUNT>, ' +
        'kartu kredit <CARD>, paspor <PASSPORT>.',
    );
  });
  it('counts replacements per type', () => {
    const r = redactWithCounts(TEXT, detectPii(TEXT));
    expect(r.counts).toEqual({ NIK: 1, KK: 1, NPWP: 1, PHONE: 1, EMAIL: 1, IP: 1, BANK_ACCOUNT: 1, CARD: 1, PASSPORT: 1 });
  });
  it('is idempotent: detecting and redacting the output again changes nothing', () => {
    const once = redact(TEXT, detectPii(TEXT));
    expect(detectPii(once)).toEqual([]);
    expect(redact(once, detectPii(once))).toBe(once);
  });
  it('is stable: the order findings arrive in does not matter, overlaps keep the earlier span', () => {
    const f = detectPii(TEXT);
    expect(redact(TEXT, [...f].reverse())).toBe(redact(TEXT, f));
    expect(redact('abcdef', [{ type: 'EMAIL', start: 3, end: 6 }, { type: 'NIK', start: 1, end: 4 }])).toBe('a<NIK>ef');
  });
  it('ignores spans outside the text', () => {
    expect(redact('abc', [{ type: 'IP', start: 2, end: 10 }])).toBe('abc');
  });
});

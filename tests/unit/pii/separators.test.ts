import { describe, expect, it } from 'vitest';
import { detectPii, redact } from '../../../electron/engine/pii';

const types = (text: string): string[] => detectPii(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('detectPii: identifiers written with separators', () => {
  it('finds a NIK in fours with dots, spaces or dashes, and as province.regency.district.date.serial', () => {
    expect(types('NIK saya 3174.0552.0390.0002 ya')).toEqual(['NIK:3174.0552.0390.0002']);
    expect(types('NIK: 3174 0512 0390 0001')).toEqual(['NIK:3174 0512 0390 0001']);
    expect(types('NIK 3174-0512-0390-0001')).toEqual(['NIK:3174-0512-0390-0001']);
    expect(types('NIK 31.74.05.520390.0002, lahir di Jakarta')).toEqual(['NIK:31.74.05.520390.0002']);
    expect(types('NIK 31 74 05 120390 0001')).toEqual(['NIK:31 74 05 120390 0001']);
  });
  it('keeps the NIK checks for grouped numbers: Feb 30, province 00, serial 0000, mixed separators', () => {
    expect(detectPii('NIK 3174.0530.0290.0001 ditolak')).toEqual([]);
    expect(detectPii('NIK 31.74.05.300290.0001 ditolak')).toEqual([]);
    expect(detectPii('NIK 0074.0512.0390.0001 ditolak')).toEqual([]);
    expect(detectPii('NIK 3174.0512.0390.0000 ditolak')).toEqual([]);
    expect(detectPii('NIK 3174.0512 0390-0001 ditolak')).toEqual([]);
  });
  it('finds a KK number with dots after its cue', () => {
    expect(types('No. KK 3174.0512.0115.0003')).toEqual(['KK:3174.0512.0115.0003']);
    expect(types('Kartu Keluarga: 317405.120115.0003')).toEqual(['KK:317405.120115.0003']);
  });
  it('ignores dotted product codes, vouchers and prices that are not valid identifiers', () => {
    expect(detectPii('Kode voucher 9876.5432.1098.7654 berlaku sampai akhir bulan.')).toEqual([]);
    expect(detectPii('Nomor pesanan 1234.5678.9012.3456 sedang dikemas.')).toEqual([]);
    expect(detectPii('Harganya Rp 1.234.567.890 saja')).toEqual([]);
    expect(detectPii('Ongkir ke kode wilayah (021) 9.500 rupiah, tiba 3 hari.')).toEqual([]);
  });
});

describe('detectPii: phone numbers written with spaces, dashes and parentheses', () => {
  it('finds mobile numbers with a parenthesised prefix or spaced dashes', () => {
    expect(types('hubungi (0812) 3456-7890 ya')).toEqual(['PHONE:(0812) 3456-7890']);
    expect(types('WA +62 (812) 3456 7890')).toEqual(['PHONE:+62 (812) 3456 7890']);
    expect(types('nomor 0812 - 3456 - 7890 aktif')).toEqual(['PHONE:0812 - 3456 - 7890']);
    expect(types('nomor 0812 – 3456 – 7890 aktif')).toEqual(['PHONE:0812 – 3456 – 7890']);
  });
  it('finds a landline with its area code in parentheses even without a phone word', () => {
    const [f] = detectPii('Kantor pusat (021) 555-1234, buka Senin–Jumat.');
    expect(f).toMatchObject({ type: 'PHONE', confidence: 0.85 });
    expect(types('telp (0274) 512345')).toEqual(['PHONE:(0274) 512345']);
  });
  it('does not take a bare landline without a phone word, nor a number with doubled separators', () => {
    expect(detectPii('Kantor pusat 021-5551234 buka Senin.')).toEqual([]);
    expect(detectPii('nomor 0812 -- 3456 -- 7890')).toEqual([]);
  });
  it('redacts the grouped forms with typed tokens, idempotently', () => {
    const text = 'NIK 3174.0552.0390.0002, HP (0812) 3456-7890.';
    const once = redact(text, detectPii(text));
    expect(once).toBe('NIK <NIK>, HP <PHONE>.');
    expect(redact(once, detectPii(once))).toBe(once);
  });
});

import { describe, expect, it } from 'vitest';
import { detectPii, type PiiFinding } from '../../../electron/engine/pii';

function found(text: string): [string, string, number][] {
  return detectPii(text).map((f: PiiFinding) => [f.type, text.slice(f.start, f.end), f.confidence]);
}
const types = (text: string): string[] => detectPii(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('detectPii: identity numbers', () => {
  it('finds a NIK after its cue, a woman\'s NIK included', () => {
    expect(types('NIK saya 3174051203900001.')).toEqual(['NIK:3174051203900001']);
    expect(types('No. KTP: 3174055203900002')).toEqual(['NIK:3174055203900002']);
  });
  it('does not report an invalid NIK even next to "NIK" (Feb 30, province 00, serial 0000)', () => {
    expect(detectPii('NIK 3174053002900001 tidak valid')).toEqual([]);
    expect(detectPii('NIK 0074051203900001 tidak valid')).toEqual([]);
    expect(detectPii('NIK 3174051203900000 tidak valid')).toEqual([]);
  });
  it('tells 16-digit numbers apart by their cue', () => {
    expect(types('No. KK 3174051201150003')).toEqual(['KK:3174051201150003']);
    expect(types('NPWP baru: 3174051203900001')).toEqual(['NPWP:3174051203900001']);
    expect(types('kartu kredit 4111 1111 1111 1111')).toEqual(['CARD:4111 1111 1111 1111']);
    expect(types('nomor pesanan 3174051203900001 sudah dikirim')).toEqual([]);
    expect(types('ID transaksi 3174051203900001')).toEqual([]);
  });
  it('gives a valid NIK without any cue a lower confidence, and ignores random 16-digit numbers', () => {
    const [f] = detectPii('Data: Siti, 3174055203900002, Surabaya');
    expect(f?.type).toBe('NIK');
    expect(f?.confidence).toBeLessThan(0.99);
    expect(detectPii('Angka 9999999999999999 dan 1234567890123456')).toEqual([]);
  });
  it('finds formatted NPWPs and rejects a wrong check digit', () => {
    expect(types('NPWP 01.312.166.0-091.000')).toEqual(['NPWP:01.312.166.0-091.000']);
    expect(types('NPWP 01.312.166.1-091.000')).toEqual([]);
  });
  it('is not fooled into reading an NPWP with a wrong check digit as an IP address', () => {
    expect(types('NPWP 49.156.183.5-245.000 salah')).toEqual([]);
  });
  it('does not read an order number with a digit glued on as a NIK', () => {
    expect(detectPii('NIK 31740512039000011')).toEqual([]);
    expect(detectPii('kode A3174051203900001')).toEqual([]);
  });
});

describe('detectPii: phones', () => {
  it('finds mobile numbers in the usual spellings', () => {
    for (const p of ['081234567890', '0812-3456-7890', '0812 3456 7890', '0812.3456.7890', '+62 812 3456 7890', '+6281234567890', '6281234567890', '0895 1234 567']) {
      expect(types(`Hubungi ${p} ya`)).toEqual([`PHONE:${p}`]);
    }
  });
  it('finds landlines only right after a phone word', () => {
    expect(types('Telp. (021) 555-1234 atau fax 0274 512345')).toEqual(['PHONE:(021) 555-1234', 'PHONE:0274 512345']);
    expect(detectPii('Kode pos 40123, ruang 0215 lantai 3')).toEqual([]);
    expect(detectPii('Tahun 2021 tercatat 0215551234 kasus')).toEqual([]);
  });
  it('rejects non-mobile prefixes, prices, too-short numbers and tails of longer numbers', () => {
    expect(detectPii('Hubungi 0841234567890')).toEqual([]);
    expect(detectPii('Harga Rp 081.500 saja')).toEqual([]);
    expect(detectPii('Harganya 62.812.345.000 rupiah')).toEqual([]);
    expect(detectPii('nomor 08123')).toEqual([]);
    expect(detectPii('Token listrik 1201 1826 0832 3738 3002')).toEqual([]);
  });
});

describe('detectPii: e-mail, IP, bank, passport', () => {
  it('finds e-mail addresses but not file names', () => {
    expect(types('kirim ke budi.santoso@ui.ac.id.')).toEqual(['EMAIL:budi.santoso@ui.ac.id']);
    expect(detectPii('lihat logo@2x.png')).toEqual([]);
  });
  it('finds IPv4 and IPv6 addresses but not version numbers', () => {
    expect(types('dari IP 192.168.10.20 tadi')).toEqual(['IP:192.168.10.20']);
    expect(types('alamat 2001:db8::8a2e:370:7334')).toEqual(['IP:2001:db8::8a2e:370:7334']);
    expect(detectPii('versi 1.2.3.4 dirilis')).toEqual([]);
    expect(detectPii('nilai 300.1.2.3')).toEqual([]);
  });
  it('finds bank accounts only after a bank or account cue, and never a price', () => {
    expect(types('Transfer ke rekening BCA 1234567890 a.n. Budi')).toEqual(['BANK_ACCOUNT:1234567890']);
    expect(types('No. rek Mandiri: 123-00-1234567-8')).toEqual(['BANK_ACCOUNT:123-00-1234567-8']);
    expect(detectPii('Saya menabung 1234567890 kali')).toEqual([]);
    expect(detectPii('Cashback BCA Rp 15.000.000 untuk nasabah')).toEqual([]);
  });
  it('finds passport numbers only next to "paspor"', () => {
    expect(types('Nomor paspor saya B1234567.')).toEqual(['PASSPORT:B1234567']);
    expect(detectPii('Kode B1234567 untuk voucher')).toEqual([]);
  });
  it('labels financial data as specific and identity data as general (UU PDP)', () => {
    const f = detectPii('kartu kredit 4111111111111111, NIK 3174051203900001');
    expect(f.map((x) => [x.type, x.category])).toEqual([
      ['CARD', 'specific'],
      ['NIK', 'general'],
    ]);
  });
  it('returns sorted, non-overlapping spans', () => {
    const text = 'NIK 3174051203900001, HP 081234567890, email a@b.co, IP 10.1.2.3, rek BRI 123456789012345';
    const f = detectPii(text);
    for (let i = 1; i < f.length; i++) expect(f[i]!.start).toBeGreaterThanOrEqual(f[i - 1]!.end);
    expect(found(text).map((x) => x[0])).toEqual(['NIK', 'PHONE', 'EMAIL', 'IP', 'BANK_ACCOUNT']);
  });
});

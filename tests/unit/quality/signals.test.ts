import { describe, expect, it } from 'vitest';
import { assessQuality, computeSignals, DEFAULT_RULES, ruleFails, type QualityRule } from '../../../electron/engine/quality';

const GOOD =
  'Pemerintah daerah berencana membangun jalan baru yang menghubungkan dua kecamatan di wilayah selatan. ' +
  'Proyek ini diharapkan selesai pada akhir tahun depan dan akan mempermudah warga untuk membawa hasil panen ke pasar. ' +
  'Menurut kepala dinas, anggaran sudah disiapkan sejak awal tahun.';

describe('quality signals', () => {
  it('computes word, line and stop-word signals', () => {
    const s = computeSignals(GOOD);
    expect(s.word_count).toBe(GOOD.split(/\s+/).length);
    expect(s.line_count).toBe(1);
    expect(s.punct_line_share).toBe(1);
    expect(s.stopword_share).toBeGreaterThan(0.2);
    expect(s.en_stopword_share).toBe(0);
    expect(s.lorem_ipsum).toBe(0);
  });
  it('measures duplicated lines and paragraphs', () => {
    const s = computeSignals('Satu baris.\nSatu baris.\nSatu baris.\nBaris lain.\n\nParagraf.\n\nParagraf.');
    expect(s.dup_line_share).toBeCloseTo(5 / 6);
    expect(s.dup_para_share).toBeCloseTo(2 / 3);
  });
  it('keeps every share between 0 and 1, even when the top n-gram overlaps itself', () => {
    for (const text of ['satu satu satu satu', 'aaaa aaaa aaaa', 'ya ya ya ya ya ya ya ya ya', GOOD]) {
      const s = computeSignals(text);
      for (const [k, v] of Object.entries(s)) if (k.endsWith('_share')) expect([text, k, v >= 0 && v <= 1]).toEqual([text, k, true]);
    }
    expect(computeSignals('satu satu satu satu').top_2gram_share).toBe(1);
  });
  it('measures digit and URL density', () => {
    const s = computeSignals('lihat https://contoh.id/a/b/c 123 456');
    expect(s.url_density).toBeGreaterThan(0.5);
    expect(s.digit_density).toBeGreaterThan(0.1);
  });
});

describe('quality rules', () => {
  it('passes ordinary Indonesian prose', () => {
    expect(assessQuality(GOOD)).toMatchObject({ pass: true, reasons: [] });
  });
  it('fails lorem ipsum, cookie banners, repeated lines and keyword stuffing with named reasons', () => {
    expect(assessQuality('Lorem ipsum dolor sit amet, consectetur adipiscing elit.').reasons).toContain('no-lorem-ipsum');
    expect(
      assessQuality('Kami menggunakan cookie untuk meningkatkan pengalaman Anda. Baca Kebijakan Privasi kami. Terima semua').reasons,
    ).toContain('max-boilerplate');
    expect(assessQuality(Array(6).fill('Klik di sini untuk info lebih lanjut.').join('\n')).reasons).toContain('max-dup-lines');
    const seo = Array(8).fill('jual sepatu murah jakarta harga sepatu murah').join(' ');
    expect(assessQuality(seo).pass).toBe(false);
  });
  it('fails mostly-English text and tables of numbers', () => {
    const en = 'This website uses cookies to ensure you get the best experience on our website. By continuing to use this site you agree to the terms of use and our privacy policy.';
    expect(assessQuality(en).reasons).toContain('max-english');
    const table = Array.from({ length: 10 }, (_, i) => `${i} | ${2000 + i} | ${i * 1234} | ${i * 7},5%`).join('\n');
    expect(assessQuality(table).pass).toBe(false);
  });
  it('skips line rules on short texts and disabled rules entirely', () => {
    const s = computeSignals('Satu baris tanpa tanda baca');
    const lineRule = DEFAULT_RULES.find((r) => r.id === 'min-punct-lines')!;
    expect(ruleFails(lineRule, s)).toBe(false);
    const off: QualityRule = { id: 'x', signal: 'word_count', op: 'min', value: 1000, enabled: false };
    expect(ruleFails(off, s)).toBe(false);
    expect(ruleFails({ ...off, enabled: true }, s)).toBe(true);
  });
});

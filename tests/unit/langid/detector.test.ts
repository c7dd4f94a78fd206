import { describe, expect, it } from 'vitest';
import { getDetector } from '../../../electron/engine/langid/detector';
import { LANGID_LANGUAGES, normalizeLangCode } from '../../../electron/engine/langid/languages';
import { evalTexts } from '../../../scripts/langid/data';

const det = getDetector();

// Real held-out sentences (NusaX valid, TALPCo lines after 800), one literal per language.
const SAMPLES: Array<[string, string]> = [
  ['ind', 'Saya sangat kecewa dengan pelayanan restoran ini, makanannya datang terlambat dan sudah dingin.'],
  ['zlm', 'Haiwan yang kecil sangat comel.'],
  ['jav', 'Aku seneng banget karo pelayanane, panganane enak lan regane murah.'],
  ['eng', 'The food was delicious and the staff were very friendly.'],
];

describe('language detector', () => {
  it('labels literal sentences', () => {
    for (const [lang, text] of SAMPLES) expect(det.detect(text).lang, text).toBe(lang);
  });

  it('labels held-out real sentences of every supported language (>= 85% of the first 40 each)', () => {
    const sets = evalTexts();
    for (const lang of LANGID_LANGUAGES) {
      const items = sets.sentences.filter((t) => t.lang === lang).slice(0, 40);
      expect(items.length, lang).toBeGreaterThan(10);
      const ok = items.filter((t) => det.detect(t.text).lang === lang).length;
      expect(ok / items.length, lang).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('labels real held-out paragraphs (NusaWrites valid)', () => {
    const paras = evalTexts().paragraphs.filter((p) => p.source === 'nusawrites-valid');
    for (const lang of ['bug', 'mad', 'jav', 'min', 'sun']) {
      const items = paras.filter((p) => p.lang === lang).slice(0, 20);
      const ok = items.filter((p) => det.detect(p.text).lang === lang).length;
      expect(ok / items.length, lang).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('returns a well-formed result with ordered alternatives', () => {
    const r = det.detect('Kue-kue nan disajian mambuek awak takana masa lalu.');
    expect(r.lang).toBe('min');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.alternatives).toHaveLength(3);
    const confs = [r.confidence, ...r.alternatives.map((a) => a.confidence)];
    expect([...confs].sort((a, b) => b - a)).toEqual(confs);
    expect(det.detect('Kue-kue nan disajian mambuek awak takana masa lalu.', { alternatives: 0 }).alternatives).toEqual([]);
  });

  it('gives und or low confidence for empty, numeric, emoji, very short and mixed-script input, never throwing', () => {
    const und = ['', '   ', '\n\t', '12345 678,90', '😀😀🎉🔥', '!!!???', '+62 812-3456-7890', 'ok', '\u0000\u0001', '\ud800'];
    for (const t of und) {
      const r = det.detect(t);
      expect(r.lang === 'und' || r.confidence < 0.5, JSON.stringify(t)).toBe(true);
    }
    const foreign = ['这是一个中文句子，没有任何印尼语。', 'هذا نص عربي طويل بما فيه الكفاية', 'Это русский текст без латиницы'];
    for (const t of foreign) expect(det.detect(t).lang).toBe('und');
    const mixed = det.detect('这是一个中文句子 dan sedikit kata');
    expect(mixed.lang === 'und' || mixed.confidence < 0.5).toBe(true);
    // Native scripts name their language.
    expect(det.detect('ꦲꦏ꧀ꦱꦫꦗꦮ ꦲꦤꦕꦫꦏ').lang).toBe('jav');
    // Huge input is cut, not choked on.
    const huge = 'Saya suka makan nasi goreng di warung dekat rumah. '.repeat(5000);
    expect(det.detect(huge).lang).toBe('ind');
    expect(() => det.detect(undefined as unknown as string)).not.toThrow();
  });

  it('maps Malay and ISO 639-1 aliases', () => {
    expect(normalizeLangCode('zsm')).toBe('zlm');
    expect(normalizeLangCode('msa')).toBe('zlm');
    expect(normalizeLangCode('id')).toBe('ind');
    expect(normalizeLangCode('xyz')).toBe('und');
  });
});

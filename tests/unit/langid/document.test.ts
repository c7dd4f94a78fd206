import { describe, expect, it } from 'vitest';
import { getDetector } from '../../../electron/engine/langid/detector';
import { labelDocument, splitPieces, type Detector } from '../../../electron/engine/langid/document';
import { trainingTexts } from '../../../scripts/langid/data';

const det = getDetector();
/** TALPCo training lines (1-800): short parallel sentences, line i of one language translates line i of another. */
const talpco = (lang: string): string[] =>
  trainingTexts()
    .sentences.filter((t) => t.source === 'talpco-train' && t.lang === lang)
    .map((t) => t.text);
const TALPCO_IND = talpco('ind');
const TALPCO_ENG = talpco('eng');
const TALPCO_ZLM = talpco('zlm');
const TALPCO_JAV = talpco('jav');

function shareOf(r: ReturnType<typeof labelDocument>, lang: string): number {
  return r.shares.find((s) => s.lang === lang)?.share ?? 0;
}
const IND =
  'Kue-kue yang disajikan bikin saya bernostalgia. Semuanya tipikal kue zaman dulu, baik dari penampilan maupun rasa. Kuenya enak dan harganya juga murah, pelayannya pun ramah sekali.';
const ENG =
  'The cakes give me massive nostalgia. Everything is old school, from the presentation to the taste. They are great and inexpensive, and the staff were friendly too.';
const JAV =
  'Roti-roti sing disajekne nggarai aku nostalgianan. Kabeh model roti jaman biyen, saka tampilane utawa rasa. Rotine enak lan regane uga mirah, pelayane ya grapyak.';

describe('document labelling', () => {
  it('labels a short document in one go without shares', () => {
    const r = labelDocument(det, IND);
    expect(r).toMatchObject({ lang: 'ind', codeMixed: false, shares: [] });
  });

  it('gives per-paragraph shares and flags Indonesian mixed with English', () => {
    const doc = [IND, ENG, IND, ENG, IND].join('\n\n');
    const r = labelDocument(det, doc);
    expect(r.lang).toBe('ind');
    expect(r.codeMixed).toBe(true);
    expect(r.shares.map((s) => s.lang).sort()).toEqual(['eng', 'ind']);
    expect(r.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 2);
  });

  it('does not flag a single-language long document as code-mixed', () => {
    const r = labelDocument(det, [JAV, JAV, JAV, JAV].join('\n\n'));
    expect(r).toMatchObject({ lang: 'jav', codeMixed: false });
    expect(r.shares).toHaveLength(1);
  });

  it('says why a document is und only when one rule made every piece und', () => {
    const dutch =
      'De regering heeft besloten dat de nieuwe wet op het onderwijs niet voor het einde van het jaar in werking zal treden. Het is nog niet duidelijk wanneer de kamer erover zal stemmen.';
    expect(labelDocument(det, dutch)).toMatchObject({ lang: 'und', confidence: 0, reason: 'foreign' });
    expect(labelDocument(det, 'ok')).toMatchObject({ lang: 'und', reason: 'short' });
    expect(labelDocument(det, 'wkwkwk')).toMatchObject({ lang: 'und', reason: 'junk' });
    expect(labelDocument(det, [dutch, dutch, dutch].join('\n\n'))).toMatchObject({ lang: 'und', reason: 'foreign' });
    const laughter = 'wkwkwk wkwkwk hahaha hahaha hehehe';
    // Over 300 characters, so each Dutch paragraph stays a piece of its own beside the laughter.
    const dutchLong = `${dutch} Volgens de minister is er meer tijd nodig om de scholen goed voor te bereiden, en de vakbonden hebben gevraagd om een uitgebreid overleg met de leraren voordat er iets verandert.`;
    const mixedRules = labelDocument(det, [dutchLong, laughter, dutchLong, laughter].join('\n\n'));
    expect(mixedRules.shares).toEqual([{ lang: 'und', share: 1, paragraphs: 4, confidence: 0 }]);
    expect(mixedRules.lang).toBe('und');
    expect(mixedRules.reason).toBeUndefined();
    // A language found anywhere is the answer, and no reason goes with it.
    const withInd = labelDocument(det, [dutch, IND, dutch].join('\n\n'));
    expect(withInd.lang).toBe('ind');
    expect(withInd.reason).toBeUndefined();
    expect(labelDocument(det, IND).reason).toBeUndefined();
  });

  it('splits on blank lines, then single lines, merging tiny pieces', () => {
    expect(splitPieces(`${IND}\n\n${ENG}`)).toHaveLength(2);
    expect(splitPieces(`${IND}\n${ENG}`)).toHaveLength(2);
    expect(splitPieces(`Judul\n\n${IND}`)).toHaveLength(1);
  });

  it('gives shares and the code-mixed flag for a chat of alternating short Indonesian and English lines', () => {
    for (const start of [100, 300, 500]) {
      const lines: string[] = [];
      for (let i = start; i < start + 30; i++) lines.push(i % 2 ? (TALPCO_ENG[i] ?? '') : (TALPCO_IND[i] ?? ''));
      const r = labelDocument(det, lines.join('\n'));
      expect(r.codeMixed, lines[0]).toBe(true);
      expect(shareOf(r, 'ind') + shareOf(r, 'eng')).toBeGreaterThan(0.9);
      expect(shareOf(r, 'ind')).toBeGreaterThan(0.35);
      expect(shareOf(r, 'eng')).toBeGreaterThan(0.35);
    }
  });

  it('gives about half and half for 20 Indonesian lines then 20 English lines (single lines or blank-line paragraphs)', () => {
    for (const start of [0, 200, 400, 600]) {
      const ind = TALPCO_IND.slice(start, start + 20);
      const eng = TALPCO_ENG.slice(start + 20, start + 40);
      const trueInd = ind.join('\n').length / (ind.join('\n').length + eng.join('\n').length);
      for (const sep of ['\n', '\n\n']) {
        const r = labelDocument(det, [...ind, ...eng].join(sep));
        expect(r.codeMixed).toBe(true);
        expect(Math.abs(shareOf(r, 'ind') - trueInd), JSON.stringify(r.shares)).toBeLessThan(0.1);
        expect(Math.abs(shareOf(r, 'eng') - (1 - trueInd)), JSON.stringify(r.shares)).toBeLessThan(0.1);
      }
    }
  });

  it('does not flag documents of short lines in one language as code-mixed (Indonesian and Malay decided on joined lines)', () => {
    for (const [lang, lines] of [
      ['ind', TALPCO_IND],
      ['zlm', TALPCO_ZLM],
      ['jav', TALPCO_JAV],
      ['eng', TALPCO_ENG],
    ] as const) {
      for (let start = 0; start + 25 <= 800; start += 200) {
        const r = labelDocument(det, lines.slice(start, start + 25).join('\n'));
        expect([lang, start, r.lang, r.codeMixed]).toEqual([lang, start, lang, false]);
      }
    }
  });

  it('never joins short lines into a piece longer than 300 characters', () => {
    const chat = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'I will call you back later' : 'Aku lagi di kantor nih')).join('\n');
    const pieces = splitPieces(chat);
    expect(pieces.length).toBeGreaterThan(100);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    // Tiny lines ("ok", "wkwk") still join a neighbour instead of being labelled alone.
    expect(splitPieces(['ok', IND, 'wkwk', ENG].join('\n'))).toEqual([`ok\n${IND}\nwkwk`, ENG]);
  });

  it('labels a bounded number of pieces however many lines a document has', () => {
    let calls = 0;
    let chars = 0;
    const counting: Detector = {
      detect(text, opts) {
        calls++;
        chars += text.length;
        return det.detect(text, opts);
      },
    };
    const lines = Array.from({ length: 20_000 }, (_, i) => TALPCO_IND[i % 800] ?? '');
    const r = labelDocument(counting, lines.join('\n'));
    expect(r.lang).toBe('ind');
    expect(calls).toBeLessThanOrEqual(120);
    expect(chars).toBeLessThanOrEqual(120 * 300);
  });
});

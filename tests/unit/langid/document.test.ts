import { describe, expect, it } from 'vitest';
import { getDetector } from '../../../electron/engine/langid/detector';
import { labelDocument, splitPieces } from '../../../electron/engine/langid/document';

const det = getDetector();
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

  it('splits on blank lines, then single lines, merging tiny pieces', () => {
    expect(splitPieces(`${IND}\n\n${ENG}`)).toHaveLength(2);
    expect(splitPieces(`${IND}\n${ENG}`)).toHaveLength(2);
    expect(splitPieces(`Judul\n\n${IND}`)).toHaveLength(1);
  });
});

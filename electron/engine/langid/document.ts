/**
 * Labels a whole document: short ones in one go; longer ones per paragraph (or per group of
 * sentences when a long text has no paragraph breaks), giving each language's share of the text
 * and a code-mixing flag when a second language holds a real part of it.
 */
import type { LanguageDetector } from './detector.js';
import type { DetectedLang } from './languages.js';

export interface LanguageShare {
  lang: DetectedLang;
  /** Share of the document's characters (0..1). */
  share: number;
  paragraphs: number;
  /** Mean confidence of the paragraphs in this language. */
  confidence: number;
}

export interface DocumentLanguage {
  lang: DetectedLang;
  confidence: number;
  codeMixed: boolean;
  /** Empty for single-paragraph documents. */
  shares: LanguageShare[];
}

/** Documents shorter than this are labelled as one text. */
const SPLIT_ABOVE = 400;
/** Pieces shorter than this are merged with their neighbour (too short to label on their own). */
const MIN_PIECE = 60;
/** Looking at more pieces than this adds cost, not information. */
const MAX_PIECES = 40;
/** A second language is "mixed in" from this share on (and at least one confident piece). */
const MIXED_SHARE = 0.2;

export function labelDocument(det: LanguageDetector, text: string): DocumentLanguage {
  if (text.length <= SPLIT_ABOVE) {
    const r = det.detect(text, { alternatives: 0 });
    return { lang: r.lang, confidence: r.confidence, codeMixed: false, shares: [] };
  }
  const pieces = samplePieces(splitPieces(text));
  if (pieces.length < 2) {
    const r = det.detect(text, { alternatives: 0 });
    return { lang: r.lang, confidence: r.confidence, codeMixed: false, shares: [] };
  }
  const acc = new Map<DetectedLang, { chars: number; n: number; conf: number; confident: number }>();
  let total = 0;
  for (const p of pieces) {
    const r = det.detect(p, { alternatives: 0 });
    const a = acc.get(r.lang) ?? { chars: 0, n: 0, conf: 0, confident: 0 };
    a.chars += p.length;
    a.n++;
    a.conf += r.confidence;
    if (r.confidence >= 0.6) a.confident++;
    acc.set(r.lang, a);
    total += p.length;
  }
  const shares: LanguageShare[] = [...acc.entries()]
    .map(([lang, a]) => ({ lang, share: round3(a.chars / total), paragraphs: a.n, confidence: round3(a.conf / a.n) }))
    .sort((x, y) => y.share - x.share);
  const known = shares.filter((s) => s.lang !== 'und');
  const main = known[0] ?? shares[0];
  if (!main) return { lang: 'und', confidence: 0, codeMixed: false, shares: [] };
  const second = known[1];
  const secondConfident = second ? (acc.get(second.lang)?.confident ?? 0) > 0 : false;
  const codeMixed = !!second && second.share >= MIXED_SHARE && secondConfident;
  // Confidence of the document label: how sure we are of its main language, scaled by how much of the text it covers.
  const confidence = round3(main.confidence * Math.min(1, main.share / (1 - MIXED_SHARE)));
  return { lang: main.lang, confidence, codeMixed, shares };
}

/** Paragraphs (blank lines, else single line breaks), long ones cut into sentence groups. */
export function splitPieces(text: string): string[] {
  let paras = text.split(/\n[ \t]*\n/u);
  if (paras.length < 2) paras = text.split(/\n/u);
  const out: string[] = [];
  for (const p of paras) {
    const t = p.trim();
    if (!t) continue;
    if (t.length <= SPLIT_ABOVE * 2) out.push(t);
    else out.push(...groupSentences(t));
  }
  return mergeShort(out);
}

function groupSentences(t: string): string[] {
  const sentences = t.split(/(?<=[.!?])\s+/u);
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    cur = cur ? `${cur} ${s}` : s;
    if (cur.length >= SPLIT_ABOVE / 2) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

function mergeShort(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && (last.length < MIN_PIECE || p.length < MIN_PIECE)) out[out.length - 1] = `${last}\n${p}`;
    else out.push(p);
  }
  return out;
}

/** Evenly spaced pieces when there are too many. */
function samplePieces(pieces: string[]): string[] {
  if (pieces.length <= MAX_PIECES) return pieces;
  const out: string[] = [];
  const step = pieces.length / MAX_PIECES;
  for (let i = 0; i < MAX_PIECES; i++) out.push(pieces[Math.floor(i * step)] ?? '');
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

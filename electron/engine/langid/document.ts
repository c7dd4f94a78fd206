/**
 * Labels a whole document: short ones in one go; longer ones per paragraph (or per group of
 * sentences when a long text has no paragraph breaks), giving each language's share of the text
 * and a code-mixing flag when a second language holds a real part of it.
 */
import type { LanguageDetector, UndReason } from './detector.js';
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
  /** Set only when the answer is `und` because a rule decided: for a split document, the same rule for every piece. */
  reason?: UndReason;
}

/** Documents shorter than this are labelled as one text. */
const SPLIT_ABOVE = 400;
/** Lines or paragraphs shorter than this are joined to a neighbour (a title, "ok", "wkwk": too short to label). */
const MIN_UNIT = 20;
/**
 * Joining stops at this length, so a chat of short lines or a list stays many pieces whose languages can differ.
 * Long enough for a reliable Indonesian/Malay split, short enough that a run of 5–6 lines in another language
 * is a piece of its own.
 */
const MAX_PIECE = 300;
/** At most this many units are labelled one by one (evenly spaced when there are more). */
const MAX_UNITS = 80;
/** Looking at more pieces than this adds cost, not information. */
const MAX_PIECES = 40;
/** A unit less sure than this joins the piece before it whatever its label. */
const WEAK = 0.5;
/** A second language is "mixed in" from this share on (and at least one piece of it at CONFIDENT or more). */
const MIXED_SHARE = 0.2;
const CONFIDENT = 0.6;

/** What labelling needs of the detector (tests count its calls through this). */
export type Detector = Pick<LanguageDetector, 'detect'>;

interface Labelled {
  text: string;
  lang: DetectedLang;
  confidence: number;
  reason?: UndReason | undefined;
}

export function labelDocument(det: Detector, text: string): DocumentLanguage {
  if (text.length <= SPLIT_ABOVE) return whole(det, text);
  const units = spread(splitPieces(text), MAX_UNITS).map((u) => label(det, u));
  // A run of one unit keeps its label; a joined run is labelled again as one text.
  const pieces = spread(joinRuns(units), MAX_PIECES).map((run) =>
    run.length === 1 && run[0] ? run[0] : label(det, run.map((u) => u.text).join('\n')),
  );
  if (pieces.length < 2) return whole(det, text);
  const acc = new Map<DetectedLang, { chars: number; n: number; conf: number; confident: number }>();
  let total = 0;
  for (const p of pieces) {
    const a = acc.get(p.lang) ?? { chars: 0, n: 0, conf: 0, confident: 0 };
    a.chars += p.text.length;
    a.n++;
    a.conf += p.confidence;
    if (p.confidence >= CONFIDENT) a.confident++;
    acc.set(p.lang, a);
    total += p.text.length;
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
  // Pieces und by different rules, or some only unsure, leave no one reason that explains the whole document.
  const reason = main.lang === 'und' ? pieces[0]?.reason : undefined;
  const oneRule = reason !== undefined && pieces.every((p) => p.reason === reason);
  return { lang: main.lang, confidence, codeMixed, shares, ...(oneRule ? { reason } : {}) };
}

function whole(det: Detector, text: string): DocumentLanguage {
  const r = det.detect(text, { alternatives: 0 });
  return { lang: r.lang, confidence: r.confidence, codeMixed: false, shares: [], ...(r.reason ? { reason: r.reason } : {}) };
}

function label(det: Detector, text: string): Labelled {
  const r = det.detect(text, { alternatives: 0 });
  return { text, lang: r.lang, confidence: r.confidence, reason: r.reason };
}

/** Paragraphs (blank lines, else single line breaks), long ones cut into sentence groups, tiny ones joined. */
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

/** Joins a unit shorter than MIN_UNIT to the one before (or a short first one to the next), never past MAX_PIECE. */
function mergeShort(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    const short = last !== undefined && (last.length < MIN_UNIT || p.length < MIN_UNIT);
    if (short && last.length + 1 + p.length <= MAX_PIECE) out[out.length - 1] = `${last}\n${p}`;
    else out.push(p);
  }
  return out;
}

/**
 * Consecutive units of one language become one piece (up to MAX_PIECE), labelled again as a whole: longer text
 * is labelled more reliably. Units the detector is unsure of join the piece before them, and Indonesian and Malay
 * units join each other: a line or two cannot tell those two apart, so their split is decided on the joined piece.
 */
function joinRuns(units: Labelled[]): Labelled[][] {
  const out: Labelled[][] = [];
  let cur: Labelled[] = [];
  let lang: DetectedLang = 'und';
  let len = 0;
  for (const u of units) {
    const sure = u.confidence >= WEAK;
    const fits = cur.length > 0 && len + 1 + u.text.length <= MAX_PIECE;
    if (fits && (!sure || lang === 'und' || sameRun(lang, u.lang))) {
      cur.push(u);
      len += 1 + u.text.length;
      if (lang === 'und' && sure) lang = u.lang;
      continue;
    }
    if (cur.length > 0) out.push(cur);
    cur = [u];
    len = u.text.length;
    lang = sure ? u.lang : 'und';
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function sameRun(a: DetectedLang, b: DetectedLang): boolean {
  return a === b || ((a === 'ind' || a === 'zlm') && (b === 'ind' || b === 'zlm'));
}

/** At most `max` items, evenly spaced, in order. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  const step = items.length / max;
  for (let i = 0; i < max; i++) {
    const item = items[Math.floor(i * step)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

import type { PiiType } from './types';
import { cuesAround, nearestCue, type Cue, type ContextKind } from './context';
import { isLikelyCard, isValidKk, isValidNpwp15, isValidNpwp16, luhnValid, parseNik } from './validators';

export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  confidence: number;
}

const ID_KINDS: readonly ContextKind[] = ['NIK', 'KK', 'NPWP', 'CARD', 'BANK', 'PHONE', 'PASSPORT', 'NEGATIVE'];

/** True when [start, end) is a whole token: not glued to letters, digits or a digit group of a longer number. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const prev = text[start - 1] ?? '';
  const next = text[end] ?? '';
  if (/[\p{L}\p{N}_@]/u.test(prev) || /[\p{L}\p{N}_]/u.test(next)) return false;
  if (/[.\-/,]/.test(prev) && /\d/.test(text[start - 2] ?? '')) return false;
  if (/[.\-/,]/.test(next) && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

function classify16(digits: string, cue: Cue | undefined, grouped: boolean): Omit<Candidate, 'start' | 'end'> | null {
  const nik = parseNik(digits);
  switch (cue?.kind) {
    case 'NIK':
      return nik ? { type: 'NIK', confidence: 0.99 } : null;
    case 'KK':
      if (isValidKk(digits)) return { type: 'KK', confidence: 0.97 };
      // A women's NIK written next to "KK" (day + 40 cannot be a KK issue date).
      return nik ? { type: 'NIK', confidence: 0.85 } : null;
    case 'NPWP':
      return isValidNpwp16(digits) ? { type: 'NPWP', confidence: 0.97 } : null;
    case 'CARD':
      if (isLikelyCard(digits)) return { type: 'CARD', confidence: 0.97 };
      return luhnValid(digits) ? { type: 'CARD', confidence: 0.85 } : null;
    case 'BANK':
      return { type: 'BANK_ACCOUNT', confidence: 0.85 };
    case 'NEGATIVE':
    case 'PHONE':
    case 'PASSPORT':
      return null;
    case undefined:
      // No cue: card-style grouping plus a valid card number says card; otherwise the NIK checks decide.
      if (grouped && isLikelyCard(digits)) return { type: 'CARD', confidence: 0.8 };
      if (nik) return { type: 'NIK', confidence: 0.8 };
      if (isLikelyCard(digits)) return { type: 'CARD', confidence: 0.6 };
      return null;
  }
}

// Bare, 4-4-4-4 (card style, or a NIK/KK written in fours with spaces, dots or dashes), 6-6-4 (area, date,
// serial) and 2-2-2-6-4 (province, regency, district, date, serial), each with one kind of separator.
const SIXTEEN = /(?<!\d)(?:\d{16}|\d{4}([ .-])\d{4}\1\d{4}\1\d{4}|\d{6}([ .-])\d{6}\2\d{4}|\d{2}([ .-])\d{2}\3\d{2}\3\d{6}\3\d{4})(?!\d)/g;
const NPWP_FORMATTED = /(?<!\d)\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}(?!\d)/g;
const FIFTEEN = /(?<!\d)(?:\d{15}|3[47]\d{2}([ -])\d{6}\1\d{5})(?!\d)/g;
const NINETEEN = /(?<!\d)\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}\1\d{3}(?!\d)/g;

/** 15-, 16- and 19-digit identifiers: NIK, KK, NPWP, cards (and bank accounts with a cue). */
export function detectLongNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(SIXTEEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const digits = m[0].replace(/\D/g, '');
    const cue = nearestCue(cuesAround(text, start, end), ID_KINDS);
    const c = classify16(digits, cue, m[0].length > 16);
    if (c) out.push({ ...c, start, end });
  }
  for (const m of text.matchAll(NPWP_FORMATTED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    if (isValidNpwp15(m[0].replace(/\D/g, ''))) out.push({ type: 'NPWP', start, end, confidence: 0.99 });
  }
  for (const m of text.matchAll(FIFTEEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const digits = m[0].replace(/\D/g, '');
    const cue = nearestCue(cuesAround(text, start, end), ID_KINDS);
    if (cue?.kind === 'NPWP' && isValidNpwp15(digits)) out.push({ type: 'NPWP', start, end, confidence: 0.95 });
    else if (cue?.kind === 'CARD' && luhnValid(digits)) out.push({ type: 'CARD', start, end, confidence: 0.95 });
    else if (cue?.kind === 'BANK') out.push({ type: 'BANK_ACCOUNT', start, end, confidence: 0.85 });
    else if (!cue && isLikelyCard(digits)) out.push({ type: 'CARD', start, end, confidence: 0.6 });
  }
  for (const m of text.matchAll(NINETEEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const digits = m[0].replace(/\D/g, '');
    const cue = nearestCue(cuesAround(text, start, end), ID_KINDS);
    if (cue?.kind === 'CARD' && luhnValid(digits)) out.push({ type: 'CARD', start, end, confidence: 0.95 });
    else if (!cue && isLikelyCard(digits)) out.push({ type: 'CARD', start, end, confidence: 0.6 });
  }
  return out;
}

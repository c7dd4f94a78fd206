import { detectBankAccounts, detectEmails, detectIps, detectLandlines, detectPassports, detectPhones } from './contact';
import { detectLongNumbers, type Candidate } from './numbers';
import { PII_CATEGORY, type PiiFinding, type PiiType } from './types';

export interface DetectOptions {
  /** Only report these types (default: all). */
  types?: readonly PiiType[];
  /** Drop findings below this confidence (default 0.5). */
  minConfidence?: number;
}

/**
 * Every personal-data finding in `text`, non-overlapping, sorted by start. When detectors claim
 * overlapping spans, the more confident (then longer) one wins, so a NIK is never also a phone.
 */
export function detectPii(text: string, opts: DetectOptions = {}): PiiFinding[] {
  const min = opts.minConfidence ?? 0.5;
  // Every detector needs a digit, except e-mail ('@') and IPv6 (':' with hex letters): most prose has neither.
  if (!/[\d@:]/.test(text)) return [];
  const all: Candidate[] = [
    ...detectLongNumbers(text),
    ...detectPhones(text),
    ...detectLandlines(text),
    ...detectEmails(text),
    ...detectIps(text),
    ...detectBankAccounts(text),
    ...detectPassports(text),
  ].filter((c) => c.confidence >= min && (!opts.types || opts.types.includes(c.type)));
  all.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of all) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => ({ type: c.type, start: c.start, end: c.end, confidence: c.confidence, category: PII_CATEGORY[c.type] }));
}

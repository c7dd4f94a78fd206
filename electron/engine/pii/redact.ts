import type { PiiFinding, PiiType } from './types';

export function piiToken(type: PiiType): string {
  return `<${type}>`;
}

export interface Redaction {
  text: string;
  counts: Partial<Record<PiiType, number>>;
}

/**
 * Replaces each finding's span with its typed token. Overlapping findings keep the earlier one, so
 * the result does not depend on the order findings arrive in; tokens contain no digits or '@', so
 * detecting again on the output finds nothing new and redacting again changes nothing.
 */
export function redactWithCounts(text: string, findings: readonly Pick<PiiFinding, 'type' | 'start' | 'end'>[]): Redaction {
  const sorted = [...findings]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  const counts: Partial<Record<PiiType, number>> = {};
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    parts.push(text.slice(pos, f.start), piiToken(f.type));
    counts[f.type] = (counts[f.type] ?? 0) + 1;
    pos = f.end;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), counts };
}

export function redact(text: string, findings: readonly Pick<PiiFinding, 'type' | 'start' | 'end'>[]): string {
  return redactWithCounts(text, findings).text;
}

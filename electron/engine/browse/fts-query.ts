/**
 * Turns what a person types into a safe FTS5 query: every word must match (implicit AND), each word is quoted
 * so FTS5 operators and punctuation in the input can never make a syntax error, and a trailing `*` keeps
 * prefix search. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  for (const raw of input.normalize('NFC').split(/\s+/)) {
    const prefix = raw.endsWith('*');
    // Keep letters, marks, digits and inner apostrophes/hyphens; everything else separates tokens for unicode61.
    const words = raw.replace(/\*+$/, '').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    words.forEach((w, i) => {
      const quoted = `"${w.replaceAll('"', '""')}"`;
      terms.push(prefix && i === words.length - 1 ? `${quoted}*` : quoted);
    });
  }
  if (terms.length === 0) return null;
  return terms.slice(0, 16).join(' ');
}

/** Private-use characters mark matches in snippet()/highlight() output; they cannot occur in imported text meaningfully. */
export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';

export function splitMarked(marked: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(HIT_OPEN);
    if (open < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), hit: false });
    const close = rest.indexOf(HIT_CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    const hit = rest.slice(open + 1, end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts;
}

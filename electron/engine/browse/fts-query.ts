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

export interface QueryTerm {
  word: string;
  prefix: boolean;
}

/** What unicode61 with remove_diacritics does to a token: lower case, no combining marks. */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function queryTerms(ftsQuery: string): QueryTerm[] {
  return [...ftsQuery.matchAll(/"((?:[^"]|"")*)"(\*?)/g)].map((m) => ({ word: foldToken((m[1] ?? '').replaceAll('""', '"')), prefix: m[2] === '*' }));
}

/**
 * Marks query terms in text the way FTS5 matches them. Used for prefix queries, where FTS5's snippet() and
 * highlight() re-expand the prefix for every row (about 100 ms per document on a million-row corpus).
 * With `window`, returns only that many tokens around the first match, like snippet().
 */
export function markText(text: string, terms: QueryTerm[], window?: number): { text: string; hit: boolean }[] {
  const tokens = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const isHit = (t: string) => {
    const f = foldToken(t);
    return terms.some((q) => (q.prefix ? f.startsWith(q.word) : f === q.word));
  };
  let from = 0;
  let to = text.length;
  if (window !== undefined && tokens.length > window) {
    const first = Math.max(0, tokens.findIndex((t) => isHit(t[0])));
    const startTok = Math.max(0, Math.min(first - Math.floor(window / 3), tokens.length - window));
    from = tokens[startTok]?.index ?? 0;
    const endTok = tokens[Math.min(tokens.length - 1, startTok + window - 1)];
    to = endTok ? (endTok.index ?? 0) + endTok[0].length : text.length;
  }
  const parts: { text: string; hit: boolean }[] = [];
  if (from > 0) parts.push({ text: '…', hit: false });
  let pos = from;
  for (const t of tokens) {
    const start = t.index ?? 0;
    if (start < from || start >= to) continue;
    if (isHit(t[0])) {
      if (start > pos) parts.push({ text: text.slice(pos, start), hit: false });
      parts.push({ text: t[0], hit: true });
      pos = start + t[0].length;
    }
  }
  if (pos < to) parts.push({ text: text.slice(pos, to), hit: false });
  if (to < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

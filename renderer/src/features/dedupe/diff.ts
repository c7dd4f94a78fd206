/** A piece of text and whether it differs from the other side. */
export interface Span {
  text: string;
  changed: boolean;
}

const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Word-level diff of two texts (longest common subsequence on case- and punctuation-folded words), as
 * spans for each side; whitespace stays with the word before it. Very long pairs fall back to "word
 * not present on the other side", which keeps the UI responsive.
 */
export function diffWords(a: string, b: string): { a: Span[]; b: Span[] } {
  const ta = a.match(/\S+\s*/g) ?? [];
  const tb = b.match(/\S+\s*/g) ?? [];
  const na = ta.map(norm);
  const nb = tb.map(norm);
  const n = ta.length;
  const m = tb.length;
  const sameA = new Uint8Array(n);
  const sameB = new Uint8Array(m);
  if (n * m <= 4_000_000) {
    const dp = new Uint32Array((n + 1) * (m + 1));
    const w = m + 1;
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        dp[i * w + j] = na[i] === nb[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (na[i] === nb[j]) {
        sameA[i++] = 1;
        sameB[j++] = 1;
      } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
      else j++;
    }
  } else {
    const setA = new Set(na);
    const setB = new Set(nb);
    na.forEach((x, i) => (sameA[i] = setB.has(x) ? 1 : 0));
    nb.forEach((x, j) => (sameB[j] = setA.has(x) ? 1 : 0));
  }
  return { a: merge(ta, sameA), b: merge(tb, sameB) };
}

function merge(tokens: string[], same: Uint8Array): Span[] {
  const out: Span[] = [];
  tokens.forEach((t, i) => {
    const changed = same[i] === 0;
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += t;
    else out.push({ text: t, changed });
  });
  return out;
}

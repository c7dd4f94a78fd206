import { EN_STOPWORDS, ID_STOPWORDS, REGIONAL_STOPWORDS } from './stopwords';

import { SIGNAL_NAMES, type QualitySignals, type SignalName } from '../../../shared/contract/quality';

export { SIGNAL_NAMES, type QualitySignals, type SignalName };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const END_PUNCT = /[.!?…"'”’)\]:;]$/u;
const BULLET = /^\s*(?:[-*•·▪►»>]|\d{1,2}[.)])\s/u;
const SYMBOLS = /#|…|\.\.\.|\||•|»|«|►|▪|·|\/\//gu;

/** Phrases that mark cookie banners, login walls and template footers (Indonesian and English). */
const BOILERPLATE = [
  /\bcookies?\b/i,
  /kebijakan privasi|privacy policy/i,
  /syarat (?:dan|&) ketentuan|terms (?:of|and) (?:use|service|conditions)/i,
  /lupa (?:kata sandi|password)|forgot (?:your )?password/i,
  /\b(?:log ?in|sign ?in|sign ?up)\b/i,
  /masuk ke akun|masuk dengan|buat akun|daftar sekarang|belum punya akun/i,
  /hak cipta dilindungi|all rights reserved|©|\(c\) ?\d{4}/i,
  /javascript/i,
  /terima semua|accept all|setuju dan lanjutkan|saya setuju/i,
  /berlangganan|newsletter|subscribe/i,
  /klik di ?sini|click here|baca selengkapnya|read more/i,
  /bagikan ke|share (?:this|on)/i,
];

/**
 * Gopher's repetition signals over word ids: `top` = characters of the most frequent n-gram (counted
 * only if it occurs more than once) × its count / all word characters; `dup` = characters of words
 * covered by any n-gram that occurs more than once. N-grams are counted in an open-addressing table of
 * typed arrays keyed by two 32-bit hashes of their word ids: no strings or Map entries per n-gram, which
 * kept the garbage collector busier than the counting itself.
 */
const scratch = { k1: new Int32Array(0), k2: new Int32Array(0), counts: new Int32Array(0), slotOf: new Int32Array(0), covered: new Uint8Array(0) };

/** Scratch buffers reused across calls (one document at a time per thread), grown on demand. */
function buffers(size: number, words: number): typeof scratch {
  if (scratch.k1.length < size) {
    scratch.k1 = new Int32Array(size);
    scratch.k2 = new Int32Array(size);
    scratch.counts = new Int32Array(size);
  }
  if (scratch.slotOf.length < words) {
    scratch.slotOf = new Int32Array(words * 2);
    scratch.covered = new Uint8Array(words * 2);
  }
  scratch.counts.fill(0, 0, size);
  scratch.covered.fill(0, 0, words);
  return scratch;
}

function ngramShares(ids: Int32Array, lens: Int32Array, totalChars: number, n: number): { top: number; dup: number } {
  const m = ids.length - n + 1;
  if (m <= 0 || totalChars === 0) return { top: 0, dup: 0 };
  let size = 16;
  while (size < m * 2) size *= 2;
  const mask = size - 1;
  const { k1, k2, counts, slotOf, covered } = buffers(size, ids.length);
  for (let i = 0; i < m; i++) {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    for (let k = 0; k < n; k++) {
      const id = ids[i + k]!;
      h1 = Math.imul(h1 ^ id, 0x01000193);
      h2 = Math.imul(h2 + id + 1, 0x5bd1e995) ^ (h2 >>> 15);
    }
    let slot = h1 & mask;
    while (counts[slot]! > 0 && (k1[slot] !== h1 || k2[slot] !== h2)) slot = (slot + 1) & mask;
    k1[slot] = h1;
    k2[slot] = h2;
    counts[slot]!++;
    slotOf[i] = slot;
  }
  let top = 0;
  for (let i = 0; i < m; i++) {
    const c = counts[slotOf[i]!]!;
    // A one-off n-gram is not repetition; counting it would fail every short text.
    if (c < 2) continue;
    covered.fill(1, i, i + n);
    let chars = 0;
    for (let k = 0; k < n; k++) chars += lens[i + k]!;
    if (chars * c > top) top = chars * c;
  }
  let dup = 0;
  for (let i = 0; i < ids.length; i++) if (covered[i]) dup += lens[i]!;
  // Occurrences of the top n-gram can overlap ("satu satu satu"), so its characters times its count can exceed the text.
  return { top: Math.min(1, top / totalChars), dup: dup / totalChars };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Per distinct word: bit flags computed once per document vocabulary instead of once per token. */
const F_LETTER = 1;
const F_STOP = 2;
const F_EN = 4;
const F_CONTENT = 8;

function wordFlags(w: string): number {
  let f = 0;
  if (/\p{L}/u.test(w)) f |= F_LETTER;
  const stop = ID_STOPWORDS.has(w) || REGIONAL_STOPWORDS.has(w);
  if (stop) f |= F_STOP;
  if (EN_STOPWORDS.has(w)) f |= F_EN;
  if (w.length > 2 && f & F_LETTER && !stop) f |= F_CONTENT;
  return f;
}

export function computeSignals(text: string): QualitySignals {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const paragraphs = text.includes('\n') ? text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0) : [text.trim()].filter(Boolean);
  const lower = text.toLowerCase();
  const words = lower.match(WORD) ?? [];

  const vocab = new Map<string, number>();
  const flags: number[] = [];
  const freq: number[] = [];
  const ids = new Int32Array(words.length);
  const lens = new Int32Array(words.length);
  let wordChars = 0;
  let stop = 0;
  let en = 0;
  let nonAlpha = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let id = vocab.get(w);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(w, id);
      flags.push(wordFlags(w));
      freq.push(0);
    }
    const f = flags[id]!;
    freq[id]!++;
    ids[i] = id;
    lens[i] = w.length;
    wordChars += w.length;
    if (f & F_STOP) stop++;
    if (f & F_EN) en++;
    if (!(f & F_LETTER)) nonAlpha++;
  }
  // Keyword stuffing: the most frequent content word's share of all words.
  let topWord = 0;
  for (let id = 0; id < freq.length; id++) if (flags[id]! & F_CONTENT && freq[id]! > topWord) topWord = freq[id]!;

  let nonSpace = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) continue;
    nonSpace++;
    if (c >= 48 && c <= 57) digits++;
  }

  const lineCounts = new Map<string, number>();
  for (const l of lines) lineCounts.set(l, (lineCounts.get(l) ?? 0) + 1);
  let dupLines = 0;
  for (const c of lineCounts.values()) if (c > 1) dupLines += c;
  const paraCounts = new Map<string, number>();
  for (const p of paragraphs) paraCounts.set(p, (paraCounts.get(p) ?? 0) + 1);
  let dupParas = 0;
  for (const c of paraCounts.values()) if (c > 1) dupParas += c;
  let bullets = 0;
  let ellipses = 0;
  let punct = 0;
  let short = 0;
  for (const l of lines) {
    if (BULLET.test(l)) bullets++;
    if (l.endsWith('...') || l.endsWith('…')) ellipses++;
    if (END_PUNCT.test(l)) punct++;
    if (l.length < 30) short++;
  }

  const g2 = ngramShares(ids, lens, wordChars, 2);
  const g3 = ngramShares(ids, lens, wordChars, 3);
  const g4 = ngramShares(ids, lens, wordChars, 4);
  const g5 = ngramShares(ids, lens, wordChars, 5);
  let urlChars = 0;
  if (lower.includes('http') || lower.includes('www.')) for (const u of text.match(URL) ?? []) urlChars += u.length;

  return {
    word_count: words.length,
    mean_word_length: share(wordChars, words.length),
    symbol_word_ratio: share((text.match(SYMBOLS) ?? []).length, words.length),
    bullet_line_share: share(bullets, lines.length),
    ellipsis_line_share: share(ellipses, lines.length),
    punct_line_share: share(punct, lines.length),
    dup_line_share: share(dupLines, lines.length),
    dup_para_share: share(dupParas, paragraphs.length),
    top_word_share: share(topWord, words.length),
    top_2gram_share: g2.top,
    top_3gram_share: g3.top,
    top_4gram_share: g4.top,
    dup_5gram_share: g5.dup,
    short_line_share: share(short, lines.length),
    non_alpha_word_share: share(nonAlpha, words.length),
    stopword_share: share(stop, words.length),
    en_stopword_share: share(en, words.length),
    url_density: share(urlChars, nonSpace),
    digit_density: share(digits, nonSpace),
    lorem_ipsum: /lorem ipsum|dolor sit amet|consectetur adipiscing/.test(lower) ? 1 : 0,
    boilerplate_markers: BOILERPLATE.filter((re) => re.test(lower)).length,
    line_count: lines.length,
  };
}

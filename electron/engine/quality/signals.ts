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

function ngramShares(words: string[], totalChars: number, n: number): { top: number; dup: number } {
  if (words.length < n || totalChars === 0) return { top: 0, dup: 0 };
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top = 0;
  for (const [key, c] of counts) {
    // A one-off n-gram is not repetition; counting it would fail every short text.
    if (c > 1) top = Math.max(top, (key.length - (n - 1)) * c);
  }
  // Characters covered by any n-gram that occurs more than once (each word counted once).
  const covered = new Uint8Array(words.length);
  for (let i = 0; i + n <= words.length; i++) {
    if ((counts.get(words.slice(i, i + n).join(' ')) ?? 0) > 1) covered.fill(1, i, i + n);
  }
  let dup = 0;
  covered.forEach((c, i) => {
    if (c) dup += words[i]?.length ?? 0;
  });
  return { top: top / totalChars, dup: dup / totalChars };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function computeSignals(text: string): QualitySignals {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0);
  const rawWords = text.match(WORD) ?? [];
  const words = rawWords.map((w) => w.toLowerCase());
  const wordChars = words.reduce((s, w) => s + w.length, 0);
  const nonSpace = text.replace(/\s+/g, '').length;

  const lineCounts = new Map<string, number>();
  for (const l of lines) lineCounts.set(l, (lineCounts.get(l) ?? 0) + 1);
  let dupLines = 0;
  for (const c of lineCounts.values()) if (c > 1) dupLines += c;
  const paraCounts = new Map<string, number>();
  for (const p of paragraphs) paraCounts.set(p, (paraCounts.get(p) ?? 0) + 1);
  let dupParas = 0;
  for (const c of paraCounts.values()) if (c > 1) dupParas += c;

  // Keyword stuffing: the most frequent content word's share of all words.
  const contentCounts = new Map<string, number>();
  for (const w of words) {
    if (w.length > 2 && /\p{L}/u.test(w) && !ID_STOPWORDS.has(w) && !REGIONAL_STOPWORDS.has(w)) contentCounts.set(w, (contentCounts.get(w) ?? 0) + 1);
  }
  const topWord = Math.max(0, ...contentCounts.values());
  const g2 = ngramShares(words, wordChars, 2);
  const g3 = ngramShares(words, wordChars, 3);
  const g4 = ngramShares(words, wordChars, 4);
  const g5 = ngramShares(words, wordChars, 5);
  const urls = text.match(URL) ?? [];
  const urlChars = urls.reduce((s, u) => s + u.length, 0);
  const digits = (text.match(/\p{N}/gu) ?? []).length;

  return {
    word_count: words.length,
    mean_word_length: share(wordChars, words.length),
    symbol_word_ratio: share((text.match(SYMBOLS) ?? []).length, words.length),
    bullet_line_share: share(lines.filter((l) => BULLET.test(l)).length, lines.length),
    ellipsis_line_share: share(lines.filter((l) => /(?:\.\.\.|…)$/.test(l)).length, lines.length),
    punct_line_share: share(lines.filter((l) => END_PUNCT.test(l)).length, lines.length),
    dup_line_share: share(dupLines, lines.length),
    dup_para_share: share(dupParas, paragraphs.length),
    top_word_share: share(topWord, words.length),
    top_2gram_share: g2.top,
    top_3gram_share: g3.top,
    top_4gram_share: g4.top,
    dup_5gram_share: g5.dup,
    short_line_share: share(lines.filter((l) => l.length < 30).length, lines.length),
    non_alpha_word_share: share(words.filter((w) => !/\p{L}/u.test(w)).length, words.length),
    stopword_share: share(words.filter((w) => ID_STOPWORDS.has(w) || REGIONAL_STOPWORDS.has(w)).length, words.length),
    en_stopword_share: share(words.filter((w) => EN_STOPWORDS.has(w)).length, words.length),
    url_density: share(urlChars, nonSpace),
    digit_density: share(digits, nonSpace),
    lorem_ipsum: /lorem ipsum|dolor sit amet|consectetur adipiscing/i.test(text) ? 1 : 0,
    boilerplate_markers: BOILERPLATE.filter((re) => re.test(text)).length,
    line_count: lines.length,
  };
}

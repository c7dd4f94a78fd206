/**
 * What the detector does to a text before (and instead of) asking the model: the text it reads (NFKC, links out)
 * and the junk no language can be read from (docs/langid.md).
 */
import { MAX_CHARS, type FeatureExtractor } from './features.js';

/** Longer input is cut before cleaning: the extractor reads at most 2 × MAX_CHARS characters anyway. */
const MAX_INPUT = MAX_CHARS * 4;

const NON_ASCII = /[^\t-~]/u;
/** Something that might be a link, an e-mail address or a mention: the full pattern below is only run then. */
const LINKISH = /:\/\/|www\.|@|\.(?:com|net|org|info|biz|gov|edu|io|id|my|sg|co|uk)\b/iu;
const LINKS = new RegExp(
  [
    String.raw`\b[a-z][a-z0-9+.-]*:\/\/\S*`,
    String.raw`\bwww\.\S*`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    // Mentions name accounts, not the language of the text; #hashtags are kept, they are mostly words of it.
    String.raw`@[\p{L}\p{N}_.]+`,
    String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|info|biz|gov|edu|io|id|my|sg|co|uk)\b(?:\/\S*)?`,
  ].join('|'),
  'giu',
);

/**
 * The text the model sees: cut to what the extractor can read, compatibility forms folded (full-width ＳＡＹＡ,
 * mathematical bold 𝐬𝐚𝐲𝐚, ligatures, composed accents) and links, e-mail addresses and @mentions removed.
 */
export function cleanText(text: string): string {
  let t = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text;
  // Pure ASCII is already in NFKC; most Indonesian text is, and normalizing costs more than this test.
  if (NON_ASCII.test(t)) t = t.normalize('NFKC');
  if (LINKISH.test(t)) t = t.replace(LINKS, ' ');
  return t;
}

/**
 * Junk that no language can be read from, so the model's answer would be noise however confident: one or two
 * distinct letters (kkkk, hhhh, 'x' × 1 MB, wkwkwk, haha), words that are all one short unit repeated (hahaha
 * hihihi, awokawokawok), or a single "word" with six consonants in a row (asdfghjkl, zxcvbnm): syllables of our
 * languages have a vowel, and their longest clusters (ngkr, ngngh) are four or five letters.
 */
export function isJunk(ex: FeatureExtractor, text: string): boolean {
  const distinct = popcount(ex.letterSet);
  if (distinct <= 2) return true;
  if (ex.wordCount === 1 && CONSONANTS6.test(text)) return true;
  // Real text with at most six distinct letters is a word or two; check those for repeated units.
  if (distinct > 6) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu);
  return !!words && words.every(repeatsUnit);
}

/** Six Latin consonants in a row (y counts as a vowel; letters with diacritics are mostly vowels). */
const CONSONANTS6 = /[b-df-hj-np-tv-xz]{6}/iu;

/** `w` is one unit of 1-4 letters said at least twice (haha, wkwkwk, awokawok), maybe cut short (hahah). */
function repeatsUnit(w: string): boolean {
  if (w.length < 4) return false;
  for (let p = 1; p <= 4 && 2 * p <= w.length; p++) {
    let ok = true;
    for (let i = p; i < w.length && ok; i++) ok = w.charCodeAt(i) === w.charCodeAt(i - p);
    if (ok) return true;
  }
  return false;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

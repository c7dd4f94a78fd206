/**
 * What the detector does to a text before (and instead of) asking the model: the text it reads (NFKC, links out)
 * and the junk no language can be read from (docs/langid.md).
 */
import { isMarkedLatin, MAX_CHARS, type FeatureExtractor } from './features.js';

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

/**
 * `text` without its junk words (laughter, keyboard mash), which would pull the model (wkwkwk is frequent in the
 * Madurese training text), when at least `minLetters` letters remain; otherwise, or when there are none, `text`
 * itself (a text that is all junk is left to `isJunk`). One pass over the text; a new string only when something
 * is removed. A junk word is `isJunk`'s junk applied to one word, kept apart from the reduplicated words of our
 * languages, which repeat a syllable twice (susu, umum, kakak, Buginese gaga, Madurese acaca, rangrang):
 * - a unit of 1-4 letters repeated (maybe cut short) whose unit has no vowel (wkwk, kkkk), or that is said at
 *   least three times (hahaha, hehehe), or whose unit is four letters of two syllables (awokawok; reduplicated
 *   two-syllable words are written with a hyphen, kupu-kupu);
 * - two distinct letters at most, with no vowel or with an h (wkwkkw, hmmm, haha, hehe, hahhah);
 * - seven consonants in a row (asdfghjkl; six occur in Madurese ghringngghing and in acronyms such as SBMPTN).
 */
export function dropJunkWords(text: string, minLetters: number): string {
  let letters = 0;
  let junkLetters = 0;
  let spans = 0;
  let start = -1;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (((c | 32) >= 97 && (c | 32) <= 122) || isMarkedLatin(c)) {
      if (start < 0) start = i;
      letters++;
      continue;
    }
    if (start < 0) continue;
    if (i - start >= 4 && isJunkWord(text, start, i)) {
      junkLetters += i - start;
      junkSpans[spans * 2] = start;
      junkSpans[spans * 2 + 1] = i;
      spans++;
    }
    start = -1;
  }
  if (spans === 0 || letters - junkLetters < minLetters) return text;
  let out = '';
  let from = 0;
  for (let k = 0; k < spans; k++) {
    out += text.slice(from, junkSpans[k * 2]) + ' ';
    from = junkSpans[k * 2 + 1] ?? n;
  }
  return out + text.slice(from);
}

/** Start and end of each junk word of the current `dropJunkWords` call (reused: most texts have none). */
const junkSpans: number[] = [];

/** ASCII letters lower-cased; others as they are (compared only with each other). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** y counts as a vowel (as in CONSONANTS6), and so do letters with diacritics. */
function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121 || c > 122;
}

/** The word text[s, e) (at least four letters) is junk, as described at `dropJunkWords`. */
function isJunkWord(text: string, s: number, e: number): boolean {
  const len = e - s;
  // Most words: the first letter does not come back within the next four (no unit of 1-4 repeats) and the third
  // is a new one (more than two distinct letters), so only a consonant run can make them junk.
  const c0 = lower(text.charCodeAt(s));
  const c2 = lower(text.charCodeAt(s + 2));
  if (
    c2 !== c0 &&
    c2 !== lower(text.charCodeAt(s + 1)) &&
    c0 !== lower(text.charCodeAt(s + 1)) &&
    c0 !== lower(text.charCodeAt(s + 3)) &&
    (len < 5 || c0 !== lower(text.charCodeAt(s + 4)))
  )
    return len >= 7 && hasConsonantRun(text, s, e);
  let run = 0;
  let a = -1;
  let b = -1;
  let distinct = 0;
  let vowels = false;
  let h = false;
  for (let i = s; i < e; i++) {
    const c = lower(text.charCodeAt(i));
    if (isVowel(c)) {
      vowels = true;
      run = 0;
    } else if (++run >= 7) return true;
    if (c === 104) h = true;
    if (c !== a && c !== b) {
      distinct++;
      if (a < 0) a = c;
      else b = c;
    }
  }
  if (distinct <= 2 && (!vowels || h)) return true;
  for (let p = 1; p <= 4 && 2 * p <= len; p++) {
    let i = s + p;
    while (i < e && lower(text.charCodeAt(i)) === lower(text.charCodeAt(i - p))) i++;
    if (i < e) continue;
    // The smallest unit that repeats: junk unless it looks like a reduplicated syllable (see above).
    if (len >= 3 * p) return true;
    const groups = unitVowelGroups(text, s, p);
    return groups === 0 || (p === 4 && groups === 2);
  }
  return false;
}

/** Seven consonants in a row in text[s, e). */
function hasConsonantRun(text: string, s: number, e: number): boolean {
  let run = 0;
  for (let i = s; i < e; i++) {
    if (isVowel(lower(text.charCodeAt(i)))) run = 0;
    else if (++run >= 7) return true;
  }
  return false;
}

/** Vowel groups (a run of vowels counts once) in the unit text[s, s + p). */
function unitVowelGroups(text: string, s: number, p: number): number {
  let groups = 0;
  let prev = false;
  for (let i = s; i < s + p; i++) {
    const v = isVowel(lower(text.charCodeAt(i)));
    if (v && !prev) groups++;
    prev = v;
  }
  return groups;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

import { isIPv4, isIPv6 } from 'node:net';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { cuesAround, hasCue, nearestCue } from './context';
import { standsAlone, type Candidate } from './numbers';

// A phone-ish span: country or trunk prefix, then digits with single separators. Trimmed below.
const PHONE_SPAN = /(?<![\p{L}\p{N}+])(?:\+62|62|\(0|0)[ .-]?\(?\d[\d .()–-]{6,22}\d/gu;
const NATIONAL_MOBILE = /^8[1-35-9]\d{7,10}$/;
const MONEY_BEFORE = /(?:rp\.?|idr|usd|\$|harga|sebesar)\s*$/i;
const MONEY_AFTER = /^(?:,-|,00|\.-|\s*(?:rupiah|ribu|juta|miliar|rb|jt)\b)/i;

function nationalDigits(span: string): string | null {
  const digits = span.replace(/\D/g, '');
  if (span.startsWith('+62') || (span.startsWith('62') && digits.startsWith('62'))) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return null;
}

/** Indonesian mobile numbers: +62 / 62 / 0, then 8[1-35-9] and 9–12 national digits in all. */
export function detectPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PHONE_SPAN)) {
    let span = m[0];
    const start = m.index;
    // Drop trailing digit groups (a year, a second number) until the span is a phone number or too short.
    for (;;) {
      span = span.replace(/[ .\-–()]+$/, '');
      const national = nationalDigits(span);
      // One separator between groups; " - " (spaced dash or en dash) counts as one.
      if (national && NATIONAL_MOBILE.test(national) && !/[ .–-]{2}/.test(span.replace(/ [–-] /g, '-'))) break;
      const cut = Math.max(span.lastIndexOf(' '), span.lastIndexOf('.'), span.lastIndexOf('-'), span.lastIndexOf('–'));
      if (cut <= 1) {
        span = '';
        break;
      }
      span = span.slice(0, cut);
    }
    if (!span) continue;
    const end = start + span.length;
    if (!standsAlone(text, start, end)) continue;
    // The tail of a longer grouped number (an electricity token, a card) is not a phone number.
    if (/\d[ .-]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    const national = nationalDigits(span) ?? '';
    if (!isValidPhoneNumber(`0${national}`, 'ID')) continue;
    const cues = cuesAround(text, start, end);
    const phoneCue = hasCue(cues, 'PHONE', 32);
    const before = text.slice(Math.max(0, start - 10), start);
    const after = text.slice(end, end + 10);
    const moneyLike = MONEY_BEFORE.test(before) || MONEY_AFTER.test(after) || /^\d{1,3}(?:\.\d{3})+$/.test(span);
    if (moneyLike && !phoneCue) continue;
    const nearest = nearestCue(cues, ['PHONE', 'NEGATIVE', 'BANK']);
    if (nearest && nearest.kind !== 'PHONE' && nearest.distance <= 12 && !span.startsWith('+')) continue;
    let confidence = span.startsWith('+62') || span.startsWith('0') || span.startsWith('(0') ? 0.95 : 0.85;
    if (phoneCue) confidence = 0.99;
    out.push({ type: 'PHONE', start, end, confidence });
  }
  return out;
}

// Landlines: area code 0[2-9]x(x) then 5–8 digits. Area-code numbers look like too many other things
// (prices, codes, room numbers), so they count only right after a phone cue.
const LANDLINE = /(?<![\p{L}\p{N}+])(?:\(0[2-9]\d{1,2}\)|0[2-9]\d{1,2}|\+62 ?[2-9]\d{1,2})[ .-]?\d{3,4}[ .-]?\d{3,5}(?!\d|[.-]\d)/gu;

/**
 * Fixed-line numbers (021-5551234, (0274) 512345), within a few words after telp/telepon/hubungi/fax; an area
 * code in parentheses, "(021) 555-1234", is how phone numbers are written, so it needs no cue.
 */
const ANY_PHONE_WORD = /telp|tlp|telep|telfon|hubungi|fax|faks|kontak|phone|call|sms|\bhp\b|\bwa\b|whatsapp/i;

export function detectLandlines(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_PHONE_WORD.test(text) && !text.includes('(0')) return out;
  for (const m of text.matchAll(LANDLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const digits = m[0].replace(/\D/g, '');
    const national = digits.startsWith('62') ? digits.slice(2) : digits.slice(1);
    if (national.startsWith('8') || national.length < 8 || national.length > 11) continue;
    if (!isValidPhoneNumber(`0${national}`, 'ID')) continue;
    const near = nearestCue(cuesAround(text, start, end), ['PHONE', 'NEGATIVE', 'BANK', 'NIK', 'KK', 'NPWP', 'CARD']);
    const cued = near !== undefined && near.kind === 'PHONE' && !near.after && near.distance <= 24;
    const paren = m[0].startsWith('(') && (near === undefined || near.kind === 'PHONE');
    if (!cued && !paren) continue;
    out.push({ type: 'PHONE', start, end, confidence: cued ? 0.9 : 0.85 });
  }
  return out;
}

const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.([A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;
const FILE_EXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'pdf', 'js', 'css', 'ts', 'json', 'html', 'mp4', 'mp3']);

export function detectEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(EMAIL)) {
    if (FILE_EXT.has((m[1] ?? '').toLowerCase())) continue;
    out.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, confidence: 0.99 });
  }
  return out;
}

const IPV4 = /(?<![\d.-])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d|[.-]\d)/g;
const IPV6 = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;
const VERSION_BEFORE = /(?:versi|version|ver\.?|v|rilis|release|pasal|bab|ayat)\s*$/i;

export function detectIps(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(IPV4)) {
    if (!isIPv4(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (VERSION_BEFORE.test(text.slice(Math.max(0, start - 10), start))) continue;
    const ipCue = /\b(?:ip|alamat ip|ip address|server|host)\b[^\n]{0,20}$/i.test(text.slice(Math.max(0, start - 30), start));
    // "1.2.3.4" reads as section numbering more often than as an address.
    const allSmall = m[0].split('.').every((o) => o.length === 1);
    out.push({ type: 'IP', start, end, confidence: ipCue ? 0.99 : allSmall ? 0.5 : 0.9 });
  }
  // IPv6 needs at least two colons; most text has none, and the pattern is slow to try everywhere.
  if (text.indexOf(':') === text.lastIndexOf(':')) return out;
  for (const m of text.matchAll(IPV6)) {
    const s = m[0];
    if (!s.includes('::') && s.split(':').length < 8) continue;
    if (!/[0-9A-Fa-f]/.test(s) || !isIPv6(s)) continue;
    out.push({ type: 'IP', start: m.index, end: m.index + s.length, confidence: 0.9 });
  }
  return out;
}

const ACCOUNT_DIGITS = /\d(?:[ .-]?\d){7,17}/g;
const BANK_CUE = /(?<![\p{L}\p{N}])(?:rekening|rek\.?|no\.?\s*rek|norek|a\/c|account|bca|bri|bni|mandiri|bsi|btn|cimb(?: niaga)?|danamon|permata|ocbc(?: nisp)?|panin|maybank|bank \p{L}+|bukopin|sinarmas|jago|seabank|bjb|muamalat|btpn|jenius)(?![\p{L}])/giu;

/** Bank account numbers are plain digit runs, so they count only right after a bank or account cue. */
export function detectBankAccounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const cue of text.matchAll(BANK_CUE)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 40);
    ACCOUNT_DIGITS.lastIndex = 0;
    const m = ACCOUNT_DIGITS.exec(window);
    if (!m) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const between = window.slice(0, m.index);
    // A price or another kind of number sits between the cue and the digits.
    if (/rp\.?\s*$|idr\s*$|\d/i.test(between) || /[.!?]\s/.test(between)) continue;
    if (/^\d{1,3}(?:\.\d{3})+$/.test(m[0]) || /^(?:,-|,00|\s*(?:rupiah|ribu|juta))/i.test(text.slice(end, end + 8))) continue;
    const near = nearestCue(cuesAround(text, start, end), ['BANK', 'NEGATIVE', 'PHONE', 'NIK', 'KK', 'NPWP', 'CARD', 'PASSPORT']);
    if (near && near.kind !== 'BANK' && !near.after) continue;
    const strong = /rek|account|a\/c/i.test(cue[0]);
    out.push({ type: 'BANK_ACCOUNT', start, end, confidence: strong ? 0.9 : 0.85 });
  }
  return out;
}

const PASSPORT_CUE = /(?<![\p{L}])(?:paspor|passport)(?![\p{L}])/giu;
const PASSPORT_NO = /(?<![\p{L}\p{N}])[A-Z]{1,2} ?\d{6,8}(?![\p{L}\p{N}])/gu;

export function detectPassports(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const cue of text.matchAll(PASSPORT_CUE)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 32);
    PASSPORT_NO.lastIndex = 0;
    const m = PASSPORT_NO.exec(window);
    if (!m) continue;
    out.push({ type: 'PASSPORT', start: from + m.index, end: from + m.index + m[0].length, confidence: 0.9 });
  }
  return out;
}

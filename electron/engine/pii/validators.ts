import { isProvinceCode } from './provinces';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * DDMMYY with a two-digit year: Feb 29 is allowed when YY is divisible by 4 (19YY and 20YY agree,
 * except 1900, which nobody alive was born in).
 */
export function isValidDdmmyy(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const max = DAYS_IN_MONTH[mm - 1] ?? 0;
  if (dd > max) return false;
  if (mm === 2 && dd === 29 && yy % 4 !== 0) return false;
  return true;
}

/** The shared area-code prefix of NIK and KK: province, regency (kabupaten/kota), district (kecamatan). */
function isAreaCode(digits: string): boolean {
  return isProvinceCode(digits.slice(0, 2)) && digits.slice(2, 4) !== '00' && digits.slice(4, 6) !== '00';
}

export interface NikInfo {
  province: string;
  female: boolean;
  day: number;
  month: number;
  year: number;
}

/** NIK: PP RR DD | DDMMYY (day + 40 for women) | SSSS (serial, never 0000). */
export function parseNik(digits: string): NikInfo | null {
  if (!/^\d{16}$/.test(digits) || !isAreaCode(digits)) return null;
  let dd = Number(digits.slice(6, 8));
  const mm = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const female = dd > 40;
  if (female) dd -= 40;
  if (!isValidDdmmyy(dd, mm, yy)) return null;
  if (digits.slice(12) === '0000') return null;
  return { province: digits.slice(0, 2), female, day: dd, month: mm, year: yy };
}

export function isValidNik(digits: string): boolean {
  return parseNik(digits) !== null;
}

/** KK (Kartu Keluarga): PP RR DD | DDMMYY issue date (no +40) | SSSS. */
export function isValidKk(digits: string): boolean {
  if (!/^\d{16}$/.test(digits) || !isAreaCode(digits)) return false;
  const dd = Number(digits.slice(6, 8));
  const mm = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  return isValidDdmmyy(dd, mm, yy) && digits.slice(12) !== '0000';
}

/** Luhn (mod 10) over all digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * NPWP, 15 digits `NN.NNN.NNN.C-KKK.BBB`: C is a Luhn check digit over the first nine digits and the
 * six-digit serial starts from 1. The 16-digit form (from 2024) is `0` + the 15 digits for entities,
 * or the holder's NIK for residents.
 */
export function isValidNpwp15(digits: string): boolean {
  if (!/^\d{15}$/.test(digits)) return false;
  if (digits.slice(2, 8) === '000000') return false;
  return luhnValid(digits.slice(0, 9));
}

export function isValidNpwp16(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  if (digits.startsWith('0')) return isValidNpwp15(digits.slice(1));
  return isValidNik(digits);
}

/** Card number: Luhn plus a known issuer prefix and length (Visa, Mastercard, Amex, JCB, Discover, UnionPay, GPN). */
export function isLikelyCard(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19 || !luhnValid(digits)) return false;
  if (/^4/.test(digits)) return n === 13 || n === 16 || n === 19;
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return n === 16;
  if (/^3[47]/.test(digits)) return n === 15;
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return n >= 16 && n <= 19;
  if (/^(6011|65|64[4-9])/.test(digits)) return n >= 16 && n <= 19;
  if (/^62/.test(digits)) return n >= 16 && n <= 19;
  // GPN (Gerbang Pembayaran Nasional) debit cards start with 9360.
  if (/^9360/.test(digits)) return n >= 16 && n <= 19;
  return false;
}

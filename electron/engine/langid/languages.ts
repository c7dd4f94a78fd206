import { canonicalLangCode } from '../../../shared/langid/codes';

/** Languages the detector can return (ISO 639-3). Order is the model's class order: never reorder. */
export const LANGID_LANGUAGES = ['ind', 'zlm', 'jav', 'sun', 'min', 'ban', 'ace', 'mad', 'bug', 'bjn', 'eng'] as const;

export type LangCode = (typeof LANGID_LANGUAGES)[number];
export type DetectedLang = LangCode | 'und';

/** franc codes we ask franc about (franc has no Banjar model). */
export const FRANC_ONLY = ['ind', 'zlm', 'jav', 'sun', 'min', 'ban', 'ace', 'mad', 'bug', 'eng'] as const;

/** Maps an ISO 639-1/-2/-3 code (or a Malay alias) to a supported code, or `und` (e.g. franc's answers in the eval). */
export function normalizeLangCode(code: string): DetectedLang {
  const c = canonicalLangCode(code);
  return c !== null && isLangCode(c) ? c : 'und';
}

export function isLangCode(code: string): code is LangCode {
  return (LANGID_LANGUAGES as readonly string[]).includes(code);
}

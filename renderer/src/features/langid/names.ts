import { LANGID_LANGUAGE_NAMES } from '../../../../shared/contract/langid';
import type { Lang, Translate } from '../../i18n';

/** "Jawa (jav)" in the UI language; unknown codes are shown as they are. */
export function langName(code: string | null, ui: Lang): string {
  if (!code) return '—';
  const n = LANGID_LANGUAGE_NAMES[code];
  return n ? n[ui] : code;
}

export const LANG_CODES = Object.keys(LANGID_LANGUAGE_NAMES);

/**
 * The languages a filter offers: the detector's, in their usual order, then the other codes the corpus holds (set by
 * hand, or by an older model), alphabetically.
 */
export function filterLangCodes(present: readonly string[]): string[] {
  const others = [...new Set(present.filter((code) => !LANG_CODES.includes(code)))].sort();
  return [...LANG_CODES, ...others];
}

/** Indonesian and the regional languages of Indonesia the detector knows: what the corpus is collected for. */
const HOME_LANGS = new Set(['ind', 'jav', 'sun', 'min', 'ban', 'ace', 'mad', 'bug', 'bjn']);

/**
 * The colour family of a language's bars (explained by the chart's legend): `home` (green) for the languages above,
 * `other` (orange) for the rest, i.e. Malay, English and codes set by hand, `und` (grey) for undetermined.
 */
export type LangGroup = 'home' | 'other' | 'und';

export function langGroup(code: string): LangGroup {
  return code === 'und' ? 'und' : HOME_LANGS.has(code) ? 'home' : 'other';
}

/**
 * A share as a percentage ("86,9%"); a share above zero that would round to nothing reads "<1%", so one document
 * among thousands does not look like none.
 */
export function sharePercent(fraction: number, t: Translate, n: (v: number) => string): string {
  const pct = fraction * 100;
  return pct > 0 && pct < 1 ? t('langid.shareBelowOne') : `${n(pct)}%`;
}

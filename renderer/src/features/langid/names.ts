import { LANGID_LANGUAGE_NAMES } from '../../../../shared/contract/langid';
import type { Lang } from '../../i18n';

/** "Jawa (jav)" in the UI language; unknown codes are shown as they are. */
export function langName(code: string | null, ui: Lang): string {
  if (!code) return '—';
  const n = LANGID_LANGUAGE_NAMES[code];
  return n ? n[ui] : code;
}

export const LANG_CODES = Object.keys(LANGID_LANGUAGE_NAMES);

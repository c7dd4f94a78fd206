/**
 * The one reading of a language code a person or a file supplies (API, CLI flags, the export form): codes are
 * stored as ISO 639-3, so a curator who types "ZSM" or "ms" and the detector's "zlm" land in the same bucket.
 */

/**
 * Other names of the detector's languages: ISO 639-1 (and the retired in/jw), ISO 639-2 (msa/may) and Standard
 * Malay (zsm, an individual language inside the macrolanguage zlm the model was trained on).
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['zsm', 'zlm'],
  ['msa', 'zlm'],
  ['may', 'zlm'],
  ['ms', 'zlm'],
  ['id', 'ind'],
  ['in', 'ind'],
  ['jv', 'jav'],
  ['jw', 'jav'],
  ['su', 'sun'],
  ['en', 'eng'],
]);

/** Three-letter ISO 639-3 codes, as stored in documents.lang (incl. `und`). */
const ISO_639_3 = /^[a-z]{3}$/u;

/** What a code must look like, for error messages at every boundary. */
export const LANG_CODE_RULE = 'an ISO 639-3 language code: three letters, e.g. ind, zlm, jav, nld (ms, zsm and msa are read as zlm; id as ind; en as eng)';

/**
 * The stored form of a code: trimmed, lower-case, aliases mapped (zsm/msa/ms → zlm, id → ind, en → eng…).
 * A well-formed code the detector does not know (nld) stays as it is; null when it is not a language code at all.
 */
export function canonicalLangCode(raw: string): string | null {
  const c = raw.trim().toLowerCase();
  const mapped = ALIASES.get(c) ?? c;
  return ISO_639_3.test(mapped) ? mapped : null;
}

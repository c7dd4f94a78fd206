import { z } from 'zod';
import { method } from './define';
import { canonicalLangCode, LANG_CODE_RULE } from '../langid/codes';

/** Languages the detector labels (ISO 639-3), with their names for the UI. `und` = undetermined. */
export const LANGID_LANGUAGE_NAMES: Record<string, { id: string; en: string }> = {
  ind: { id: 'Indonesia', en: 'Indonesian' },
  zlm: { id: 'Melayu', en: 'Malay' },
  jav: { id: 'Jawa', en: 'Javanese' },
  sun: { id: 'Sunda', en: 'Sundanese' },
  min: { id: 'Minangkabau', en: 'Minangkabau' },
  ban: { id: 'Bali', en: 'Balinese' },
  ace: { id: 'Aceh', en: 'Acehnese' },
  mad: { id: 'Madura', en: 'Madurese' },
  bug: { id: 'Bugis', en: 'Buginese' },
  bjn: { id: 'Banjar', en: 'Banjarese' },
  eng: { id: 'Inggris', en: 'English' },
  und: { id: 'Tak tentu', en: 'Undetermined' },
};

/**
 * A language code a person or a file supplies: any ISO 639-3 code incl. `und`, read the one way every boundary
 * reads it (trimmed, lower-case, zsm/msa/ms → zlm, id → ind, en → eng…), so "ZSM" is stored and matched as zlm.
 */
export const langCode = z.string().max(32).transform((raw, ctx) => {
  const code = canonicalLangCode(raw);
  if (code !== null) return code;
  ctx.addIssue({ code: 'custom', message: `'${raw}' is not ${LANG_CODE_RULE}` });
  return z.NEVER;
});

/** A browse filter's language: a code as `langCode` reads it, or '-' for the documents without a language yet. */
export const langFilter = z.string().max(32).transform((raw, ctx) => {
  const code = raw.trim() === '-' ? '-' : canonicalLangCode(raw);
  if (code !== null) return code;
  ctx.addIssue({ code: 'custom', message: `'${raw}' is not ${LANG_CODE_RULE}, nor '-' (no language yet)` });
  return z.NEVER;
});

/**
 * Why a rule, not the model's low confidence, made a document's automatic answer `und` (docs/langid.md):
 * another Latin-script language, too few letters, or no text at all (laughter, keyboard mash).
 */
export const UND_REASONS = ['foreign', 'short', 'junk'] as const;
export const undReason = z.enum(UND_REASONS);
export type UndReason = z.infer<typeof undReason>;

export const detection = z.object({
  lang: z.string(),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(z.object({ lang: z.string(), confidence: z.number().min(0).max(1) })),
});
export type Detection = z.infer<typeof detection>;

export const languageBreakdownRow = z.object({
  lang: z.string(),
  documents: z.number().int(),
  characters: z.number().int(),
  codeMixed: z.number().int(),
  manual: z.number().int(),
});

export const languageBreakdown = z.object({
  languages: z.array(languageBreakdownRow),
  labelled: z.number().int(),
  unlabelled: z.number().int(),
});
export type LanguageBreakdown = z.infer<typeof languageBreakdown>;

export const languageShare = z.object({
  lang: z.string(),
  share: z.number(),
  paragraphs: z.number().int(),
  confidence: z.number(),
});
export type LanguageShare = z.infer<typeof languageShare>;

export const langidMethods = {
  /** Starts the langid job over the corpus (manual overrides are kept). */
  'langid.start': method(
    z.object({ workers: z.number().int().min(1).max(64).optional(), onlyMissing: z.boolean().default(false) }).default({ onlyMissing: false }),
    z.object({ jobId: z.number().int() }),
  ),
  /** Documents and characters per language, code-mixed and manual counts (from the summary table). */
  'langid.breakdown': method(z.object({}).default({}), languageBreakdown),
  /** Per-paragraph language shares of one document (empty for single-paragraph documents). */
  'langid.shares': method(z.object({ id: z.number().int().positive() }), z.object({ id: z.number().int(), shares: z.array(languageShare) })),
  /** Detects the language of a short text (at most 20,000 characters) on the spot. */
  'langid.detect': method(z.object({ text: z.string().max(20_000) }), detection),
  /** A curator's override of a document's language (null clears it); audited, never overwritten by a re-run. */
  'documents.setLanguage': method(
    z.object({ id: z.number().int().positive(), lang: langCode.nullable(), note: z.string().max(2000).optional() }),
    z.object({ id: z.number().int(), lang: z.string().nullable(), langSource: z.string().nullable(), langConfidence: z.number().nullable() }),
  ),
};

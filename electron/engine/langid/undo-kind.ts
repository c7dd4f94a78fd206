import { z } from 'zod';
import { undoKind } from '../audit/undo-kind';
import { KurasiError, notFound } from '../errors';
import { adjustSummary } from './store';

/** A document's language as the override recorded it (lang_source 'manual' = a curator's decision). */
const langState = z.object({
  lang: z.string().nullable(),
  confidence: z.number().nullable(),
  source: z.string().nullable(),
  /** Why an automatic label is `und` (documents.lang_reason); absent from states recorded before it was stored. */
  reason: z.string().nullable().optional(),
});
export type LangState = z.infer<typeof langState>;

/** What a langid run must leave alone: the manual language, or null when the document has no override. */
const overrideOf = (s: { lang: string | null; source: string | null }): string | null => (s.source === 'manual' ? s.lang : null);

/**
 * Undo/redo of a language override (`documents.setLanguage`). Only the override is compared: a langid run in
 * between relabels documents without an override (e.g. after a cleared override), which is not a change by
 * someone else. Restoring a non-manual state leaves the document to the next langid run again; until then it
 * shows the automatic label it had before the override.
 */
export const langidUndo = undoKind<LangState>({
  kind: 'langid',
  auditPrefix: 'langid',
  state: langState,
  apply(db, a, from, to) {
    const id = a.documentId ?? 0;
    const cur = db
      .prepare('SELECT lang, lang_confidence AS confidence, lang_source AS source, lang_reason AS reason, char_count, code_mixed FROM documents WHERE id = ?')
      .get(id) as
      | (LangState & { char_count: number; code_mixed: number | null })
      | undefined;
    if (!cur) throw notFound(`document ${id}`);
    if (overrideOf(cur) !== overrideOf(from))
      throw new KurasiError('conflict', `the language of document ${id} was changed since; nothing was undone`);
    // An automatic label written by a run after the override was cleared is newer than the one recorded back then.
    const target = to.source !== 'manual' && cur.source === 'auto' && overrideOf(from) === null ? cur : to;
    db.prepare('UPDATE documents SET lang = ?, lang_confidence = ?, lang_source = ?, lang_reason = ? WHERE id = ?').run(
      target.lang,
      target.confidence,
      target.source,
      target.source === 'auto' && target.lang === 'und' ? (target.reason ?? null) : null,
      id,
    );
    const mixed = cur.code_mixed === 1;
    adjustSummary(db, cur.lang, cur.source === 'manual', mixed, cur.char_count, -1);
    adjustSummary(db, target.lang, target.source === 'manual', mixed, cur.char_count, 1);
  },
});

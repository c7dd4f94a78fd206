/** SQL of the langid feature: writing job results, the summary, manual overrides, reads for the UI. */
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';
import { recordUndoable } from '../audit/undo-stack';
import { notFound } from '../errors';
import { PACKED_LANGS, PACKED_REASONS, type RangeResult } from './pool-protocol.js';

export interface LanguageBreakdownRow {
  lang: string;
  documents: number;
  characters: number;
  codeMixed: number;
  manual: number;
}

/**
 * Writes one labelled range and moves the range's documents in the summary from their old language to their new
 * one, in one transaction (the caller's, when it has one): the summary is then right after every committed range,
 * whether the job goes on to finish, is cancelled, fails or is killed. Only the range's rows are read, by id, so
 * the cost stays per range. A manual override made meanwhile is never overwritten (guard in the WHERE) and its
 * summary row is left alone. `onlyMissing`: the result holds only documents that had no language, and the shares of
 * the range's other documents are theirs to keep.
 */
export function writeRange(db: Db, lo: number, hi: number, r: RangeResult, onlyMissing = false): void {
  const update = db.prepare(
    `UPDATE documents SET lang = ?, lang_confidence = ?, lang_source = 'auto', code_mixed = ?, lang_reason = ? WHERE id = ? AND coalesce(lang_source, '') <> 'manual'`,
  );
  const clearRange = db.prepare(
    `DELETE FROM document_languages WHERE document_id > ? AND document_id <= ?
       AND document_id NOT IN (SELECT id FROM documents WHERE id > ? AND id <= ? AND lang_source = 'manual')`,
  );
  const clearOne = db.prepare(`DELETE FROM document_languages WHERE document_id = ?`);
  const insertShare = db.prepare('INSERT OR REPLACE INTO document_languages(document_id, lang, share, paragraphs, confidence) VALUES (?, ?, ?, ?, ?)');
  // Adds the range's labelled, non-manual documents to the summary (sign 1) or takes them out of it (sign -1).
  const shiftSummary = db.prepare(
    `INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual)
       SELECT lang, @sign * count(*), @sign * coalesce(sum(char_count), 0), @sign * coalesce(sum(code_mixed = 1), 0), 0
       FROM documents WHERE id > @lo AND id <= @hi AND lang IS NOT NULL AND coalesce(lang_source, '') <> 'manual' GROUP BY lang
     ON CONFLICT(lang) DO UPDATE SET documents = documents + excluded.documents, characters = characters + excluded.characters,
       code_mixed = code_mixed + excluded.code_mixed`,
  );
  db.transaction(() => {
    shiftSummary.run({ sign: -1, lo, hi });
    if (onlyMissing) for (let i = 0; i < r.ids.length; i++) clearOne.run(r.ids[i] ?? 0);
    else clearRange.run(lo, hi, lo, hi);
    for (let i = 0; i < r.ids.length; i++) {
      const lang = PACKED_LANGS[r.langs[i] ?? 0] ?? 'und';
      // A language clears the reason an earlier run gave for `und`.
      const reason = lang === 'und' ? (PACKED_REASONS[r.reasons[i] ?? 0] ?? null) : null;
      update.run(lang, Math.round((r.conf[i] ?? 0) * 1000) / 1000, r.mixed[i] ?? 0, reason, r.ids[i] ?? 0);
    }
    for (const [id, li, share, paragraphs, conf] of r.shares) insertShare.run(id, PACKED_LANGS[li] ?? 'und', share, paragraphs, conf);
    shiftSummary.run({ sign: 1, lo, hi });
    db.prepare('DELETE FROM langid_summary WHERE documents <= 0').run();
  })();
}

/** Recomputes the per-language summary (one scan; run in the job thread, not on the engine thread). */
export function rebuildSummary(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM langid_summary;
      INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual)
        SELECT lang, count(*), coalesce(sum(char_count), 0), coalesce(sum(code_mixed = 1), 0), coalesce(sum(lang_source = 'manual'), 0)
        FROM documents WHERE lang IS NOT NULL GROUP BY lang;`);
  })();
}

export function languageBreakdown(db: Db): { languages: LanguageBreakdownRow[]; labelled: number; unlabelled: number } {
  const rows = db
    .prepare('SELECT lang, documents, characters, code_mixed AS codeMixed, manual FROM langid_summary ORDER BY documents DESC, lang')
    .all() as LanguageBreakdownRow[];
  const labelled = rows.reduce((s, r) => s + r.documents, 0);
  const total = (db.prepare('SELECT coalesce(sum(document_count), 0) AS n FROM sources').get() as { n: number }).n;
  return { languages: rows, labelled, unlabelled: Math.max(0, total - labelled) };
}

export interface LanguageShareRow {
  lang: string;
  share: number;
  paragraphs: number;
  confidence: number;
}

export function documentShares(db: Db, id: number): LanguageShareRow[] {
  return db
    .prepare('SELECT lang, share, paragraphs, confidence FROM document_languages WHERE document_id = ? ORDER BY share DESC, lang')
    .all(id) as LanguageShareRow[];
}

interface DocLangRow {
  lang: string | null;
  lang_confidence: number | null;
  lang_source: string | null;
  lang_reason: string | null;
  char_count: number;
  code_mixed: number | null;
}

/**
 * A curator's decision on a document's language: stored as lang_source 'manual' (which langid jobs
 * never overwrite), recorded in the audit log, and reflected in the summary. `lang: null` clears the
 * override so the next job labels the document again.
 */
export function setDocumentLanguage(
  db: Db,
  input: { id: number; lang: string | null; note?: string | undefined },
  actor: string,
): { id: number; lang: string | null; langSource: string | null; langConfidence: number | null } {
  return db.transaction(() => {
    const before = db.prepare('SELECT lang, lang_confidence, lang_source, lang_reason, char_count, code_mixed FROM documents WHERE id = ?').get(input.id) as
      | DocLangRow
      | undefined;
    if (!before) throw notFound(`document ${input.id}`);
    const after =
      input.lang === null
        ? { lang: null, lang_confidence: null, lang_source: null }
        : { lang: input.lang, lang_confidence: 1, lang_source: 'manual' };
    // Saving the override a document already has changes nothing: no audit entry, no undo step to walk back through.
    if (before.lang === after.lang && before.lang_source === after.lang_source) {
      return { id: input.id, lang: before.lang, langSource: before.lang_source, langConfidence: before.lang_confidence };
    }
    // The reason explains an automatic `und` only; undo puts it back with the label it explained.
    db.prepare('UPDATE documents SET lang = ?, lang_confidence = ?, lang_source = ?, lang_reason = NULL WHERE id = ?').run(
      after.lang,
      after.lang_confidence,
      after.lang_source,
      input.id,
    );
    adjustSummary(db, before.lang, before.lang_source === 'manual', before.code_mixed === 1, before.char_count, -1);
    adjustSummary(db, after.lang, after.lang_source === 'manual', before.code_mixed === 1, before.char_count, 1);
    const auditId = appendAudit(db, {
      actor,
      action: input.lang === null ? 'langid.clear-override' : 'langid.override',
      entity: 'document',
      entityId: input.id,
      before: { lang: before.lang, confidence: before.lang_confidence, source: before.lang_source },
      after: { lang: after.lang, confidence: after.lang_confidence, source: after.lang_source },
      note: input.note ?? null,
    });
    const state = (r: { lang: string | null; lang_confidence: number | null; lang_source: string | null }, reason: string | null) => ({
      lang: r.lang,
      confidence: r.lang_confidence,
      source: r.lang_source,
      reason,
    });
    recordUndoable(db, { actor, kind: 'langid', documentId: input.id, key: 'lang', before: state(before, before.lang_reason), after: state(after, null), auditId });
    return { id: input.id, lang: after.lang, langSource: after.lang_source, langConfidence: after.lang_confidence };
  })();
}

export function adjustSummary(db: Db, lang: string | null, manual: boolean, mixed: boolean, chars: number, sign: 1 | -1): void {
  if (lang === null) return;
  db.prepare(
    `INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lang) DO UPDATE SET documents = documents + excluded.documents, characters = characters + excluded.characters,
       code_mixed = code_mixed + excluded.code_mixed, manual = manual + excluded.manual`,
  ).run(lang, sign, sign * chars, mixed ? sign : 0, manual ? sign : 0);
  db.prepare('DELETE FROM langid_summary WHERE lang = ? AND documents <= 0').run(lang);
}

import type { Db } from '../store/open';

/** A document's own concluded licence, or null when the source's applies. */
export function readDocumentLicense(db: Db, documentId: number): string | null {
  return (db.prepare('SELECT concluded_license FROM document_licenses WHERE document_id = ?').pluck().get(documentId) as string | undefined) ?? null;
}

/**
 * Stores a document's own licence (null removes it). A note given replaces the stored one; without one (an undo or
 * redo) the note of the decision being restored stays as it is.
 */
export function writeDocumentLicense(db: Db, documentId: number, value: string | null, actor: string, note?: string | null): void {
  if (value === null) {
    db.prepare('DELETE FROM document_licenses WHERE document_id = ?').run(documentId);
    return;
  }
  db.prepare(
    `INSERT INTO document_licenses(document_id, concluded_license, set_by, set_at, note) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(document_id) DO UPDATE SET concluded_license = excluded.concluded_license, set_by = excluded.set_by,
       set_at = excluded.set_at, note = ${note === undefined ? 'document_licenses.note' : 'excluded.note'}`,
  ).run(documentId, value, actor, new Date().toISOString(), note ?? null);
}

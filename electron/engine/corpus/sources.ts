import type { SourceRecord } from '../../../shared/contract/corpus';
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';

interface Row {
  id: number;
  name: string;
  origin: string;
  declared_license: string | null;
  concluded_license: string | null;
  review_state: string;
  created_at: string;
  imported_at: string | null;
  document_count: number;
  reject_count: number;
  char_count: number;
}

export function listSources(db: Db): SourceRecord[] {
  const rows = db.prepare('SELECT * FROM sources ORDER BY name').all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    origin: r.origin,
    declaredLicense: r.declared_license,
    concludedLicense: r.concluded_license,
    reviewState: r.review_state,
    createdAt: r.created_at,
    importedAt: r.imported_at,
    documentCount: r.document_count,
    rejectCount: r.reject_count,
    charCount: r.char_count,
  }));
}

/** Finds or creates a source by name; the declared licence is set when given. */
export function ensureSource(db: Db, name: string, origin: string, declaredLicense: string | undefined): number {
  const found = db.prepare('SELECT id, declared_license FROM sources WHERE name = ?').get(name) as
    | { id: number; declared_license: string | null }
    | undefined;
  if (found) {
    if (declaredLicense && declaredLicense !== found.declared_license) {
      // A data lead must see that an import changed what the source declares (and, if it was cleared, why it is
      // stale now: the sources_license_stale trigger records that part).
      appendAudit(db, {
        actor: 'import',
        action: 'license.declared',
        entity: 'source',
        entityId: found.id,
        before: { declaredLicense: found.declared_license },
        after: { declaredLicense },
        note: 'declared licence given at import',
      });
      // After the entry, so the log reads cause, then effect.
      db.prepare('UPDATE sources SET declared_license = ? WHERE id = ?').run(declaredLicense, found.id);
    }
    return found.id;
  }
  const info = db
    .prepare('INSERT INTO sources(name, origin, declared_license, created_at) VALUES (?, ?, ?, ?)')
    .run(name, origin, declaredLicense ?? null, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

// Flags a reviewer declares for `LicenseRef-` ids (site terms, written permissions).
import type { BasicFlags, LicenseRefFlags, UseClass } from '../../../shared/license';
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';

export interface LicenseRefEntry extends BasicFlags {
  ref: string;
  url?: string | null;
  note?: string | null;
}

interface RefRow {
  ref: string;
  use_class: UseClass;
  attribution: number;
  share_alike: string | null;
  no_derivatives: number;
  url: string | null;
  note: string | null;
}

export function listLicenseRefs(db: Db): LicenseRefEntry[] {
  const rows = db.prepare('SELECT ref, use_class, attribution, share_alike, no_derivatives, url, note FROM license_refs ORDER BY ref').all() as RefRow[];
  return rows.map((r) => ({
    ref: r.ref,
    use: r.use_class,
    attribution: r.attribution === 1,
    shareAlike: r.share_alike,
    noDerivatives: r.no_derivatives === 1,
    url: r.url,
    note: r.note,
  }));
}

/** The declared flags, in the shape `licenseFlags(expr, refs)` takes. */
export function loadLicenseRefs(db: Db): LicenseRefFlags {
  const refs: LicenseRefFlags = {};
  for (const r of listLicenseRefs(db)) {
    refs[r.ref] = { use: r.use, attribution: r.attribution, shareAlike: r.shareAlike, noDerivatives: r.noDerivatives };
  }
  return refs;
}

export function setLicenseRef(db: Db, actor: string, entry: LicenseRefEntry): LicenseRefEntry {
  return db.transaction(() => {
    const before = listLicenseRefs(db).find((r) => r.ref === entry.ref) ?? null;
    db.prepare(
      `INSERT INTO license_refs(ref, use_class, attribution, share_alike, no_derivatives, url, note, set_by, set_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(ref) DO UPDATE SET use_class = excluded.use_class, attribution = excluded.attribution,
         share_alike = excluded.share_alike, no_derivatives = excluded.no_derivatives, url = excluded.url,
         note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(
      entry.ref,
      entry.use,
      entry.attribution ? 1 : 0,
      entry.shareAlike,
      entry.noDerivatives ? 1 : 0,
      entry.url ?? null,
      entry.note ?? null,
      actor,
      new Date().toISOString(),
    );
    const after = listLicenseRefs(db).find((r) => r.ref === entry.ref) ?? entry;
    appendAudit(db, { actor, action: 'license.ref', entity: 'license-ref', entityId: entry.ref, before, after, note: entry.note ?? null });
    return after;
  })();
}

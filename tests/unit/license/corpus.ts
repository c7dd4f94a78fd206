// A real corpus file with a few sources, for the licence store tests.
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import type { Db } from '../../../electron/engine/store/open';
import { migration0005 } from '../../../electron/engine/store/migrations/0005-license';

/** Until migrations 0002–0004 land, 0005 cannot be registered (versions must be contiguous): apply it here. */
export function ensureLicenseSchema(db: Db): void {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'license_evidence'`).get();
  if (!has) db.transaction(() => migration0005.up(db))();
}

export function licenseCorpus(counts: Record<string, number> = { nusax: 5, talpco: 3, web: 2 }): { path: string; db: Db } {
  const docs: SeedDoc[] = [];
  for (const [source, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) docs.push({ source, text: `Kalimat nomor ${i} dari sumber ${source}.`, externalId: `${source}-${i}` });
  }
  const { path, db } = seedCorpus(docs);
  ensureLicenseSchema(db);
  return { path, db };
}

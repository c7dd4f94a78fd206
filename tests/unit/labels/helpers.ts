import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/engine/store/open';
import { openCorpus } from '../../../electron/engine/store/open';
import { migrations } from '../../../electron/engine/store/migrations';
import { migration0004 } from '../../../electron/engine/store/migrations/0004-labels';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';

/**
 * A real corpus file with the labels schema. Until migration 0004 can join the registry (it needs 0002 and 0003
 * registered before it), the tables are created here the same way the migration will create them.
 */
export function labelCorpus(docs: SeedDoc[], path?: string): { path: string; db: Db; ids: number[] } {
  const seeded = seedCorpus(docs, path);
  ensureLabelTables(seeded.db);
  return seeded;
}

export function ensureLabelTables(db: Db): void {
  if (migrations.some((m) => m.version === 4)) return;
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'labels'`).get();
  if (!has) db.transaction(() => migration0004.up(db))();
}

/** The same corpus on several laptops: copies of one file (same corpus id, same documents). */
export function laptops(path: string, names: string[]): Record<string, string> {
  const dir = tempDir('kurasi-laptops-');
  const out: Record<string, string> = {};
  for (const n of names) {
    out[n] = join(dir, `${n}.db`);
    copyFileSync(path, out[n]);
  }
  return out;
}

export function open(path: string): Db {
  const db = openCorpus(path);
  ensureLabelTables(db);
  return db;
}

export function docs(n: number): SeedDoc[] {
  return Array.from({ length: n }, (_, i) => ({ text: `Dokumen nomor ${i + 1}: kalimat bahasa Indonesia yang cukup panjang untuk dilabeli.`, externalId: `d${i + 1}` }));
}

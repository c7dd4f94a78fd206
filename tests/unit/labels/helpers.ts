import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/engine/store/open';
import { openCorpus } from '../../../electron/engine/store/open';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';

/** A real corpus file (migrated, so with the labels tables) holding the given documents. */
export function labelCorpus(docs: SeedDoc[], path?: string): { path: string; db: Db; ids: number[] } {
  return seedCorpus(docs, path);
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
  return openCorpus(path);
}

export function docs(n: number): SeedDoc[] {
  return Array.from({ length: n }, (_, i) => ({ text: `Dokumen nomor ${i + 1}: kalimat bahasa Indonesia yang cukup panjang untuk dilabeli.`, externalId: `d${i + 1}` }));
}

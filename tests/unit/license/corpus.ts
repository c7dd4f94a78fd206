// A real corpus file with a few sources, for the licence store tests.
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import type { Db } from '../../../electron/engine/store/open';

export function licenseCorpus(counts: Record<string, number> = { nusax: 5, talpco: 3, web: 2 }): { path: string; db: Db } {
  const docs: SeedDoc[] = [];
  for (const [source, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) docs.push({ source, text: `Kalimat nomor ${i} dari sumber ${source}.`, externalId: `${source}-${i}` });
  }
  return seedCorpus(docs);
}

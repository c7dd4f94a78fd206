import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const TEXTS = [
  'Atas nama Siti, HP 0812-3456-7890, alamat surel siti@contoh.co.id untuk konfirmasi pesanan.',
  'Pemerintah daerah membangun jembatan baru di atas sungai untuk memperlancar arus barang dan orang.',
  'Saya tidak suka minum kopi pada malam hari karena susah tidur.',
];

// Each worker loads its own model and reader; 64 of them for 14 documents once took 86 s and 2.4 GB.
describe('pii and quality pools are capped by the work and the cores', () => {
  for (const kind of ['pii', 'quality'] as const) {
    it(`${kind}: --workers 64 on 14 documents starts at most one worker per range and per core`, async () => {
      const { path, db } = seedCorpus(Array.from({ length: 14 }, (_, i) => ({ text: `${TEXTS[i % 3] ?? ''} (${i})`, externalId: `d${i}` })));
      db.close();
      engine = openEngine({ dbPath: path, actor: 'tester' });
      const job = await engine.jobs.wait(engine.jobs.start(kind, { workers: 64, batchSize: 5 }));
      expect(job.state).toBe('done');
      const workers = (job.result as { workers: number }).workers;
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(workers).toBeLessThanOrEqual(Math.min(3, availableParallelism()));
    });
  }
});

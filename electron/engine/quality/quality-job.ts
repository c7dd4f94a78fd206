/**
 * The `quality` job: computes signals and pass/fail for every document on a worker pool (or, with
 * `reapply`, only re-applies the corpus's current rules to stored signals). Ranges commit in id order
 * with their checkpoint, so cancel and resume continue after the last whole range.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defineJob } from '../jobs/types';
import { RangePool, rangePoolSize, forEachRange, readRangeCheckpoint, type RangeCheckpoint } from '../jobs/range-pool';
import type { QualityRule } from './rules';
import { ensureQualityBrowseSchema } from './browse-schema';
import { getRules, reapplyRange, writeSignals, type PackedSignals } from './store';

export const qualityJobParams = z.object({
  workers: z.number().int().min(1).max(64).optional(),
  batchSize: z.number().int().min(1).max(100_000).default(2000),
  /** Only re-apply the rules to stored signals (after a rule change); no text is read. */
  reapply: z.boolean().default(false),
});

export interface QualityRangeRequest {
  seq: number;
  lo: number;
  hi: number;
  rules: QualityRule[];
}

export interface QualityJobResult {
  processed: number;
  pass: number;
  fail: number;
  workers: number;
  seconds: number;
}

export const qualityJob = defineJob({
  kind: 'quality',
  params: qualityJobParams,
  runSettings: ['workers'],
  changes: 'quality',
  async run(ctx): Promise<QualityJobResult> {
    const t0 = Date.now();
    const { db, params } = ctx;
    const cp = readRangeCheckpoint(ctx.checkpoint);
    const { rules } = getRules(db);
    // Before any range commits: on a corpus scored by an older version this builds the browser's indexes once.
    ensureQualityBrowseSchema(db);
    const remaining = (db.prepare('SELECT count(*) AS n FROM documents WHERE id > ?').get(cp.lastId) as { n: number }).n;
    const total = cp.done + remaining;
    let done = cp.done;
    ctx.progress(done, total);
    let size = 0;
    if (params.reapply) {
      const ids = db.prepare('SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?');
      const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM documents').get() as { m: number }).m;
      const step = db.transaction((lo: number, hi: number) => {
        reapplyRange(db, lo, hi, rules);
        done += (db.prepare('SELECT count(*) AS n FROM documents WHERE id > ? AND id <= ?').get(lo, hi) as { n: number }).n;
        ctx.saveCheckpoint({ lastId: hi, done } satisfies RangeCheckpoint);
      });
      let lo = cp.lastId;
      while (lo < maxId) {
        ctx.throwIfCancelled();
        const row = ids.get(lo, params.batchSize * 5 - 1) as { id: number } | undefined;
        const hi = row ? row.id : maxId;
        step(lo, hi);
        ctx.progress(done, total);
        lo = hi;
        // Yield so a cancel message from the runner can arrive between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      // One core stays with this thread, which writes every range; on 2 cores a second worker measured slower.
      size = rangePoolSize(params.workers ?? Math.max(1, availableParallelism() - 1), remaining, params.batchSize);
      const pool = await RangePool.open<QualityRangeRequest, PackedSignals>('quality', { dbPath: ctx.dbPath }, size);
      const commit = db.transaction((hi: number, r: PackedSignals) => {
        writeSignals(db, r);
        done += r.ids.length;
        ctx.saveCheckpoint({ lastId: hi, done } satisfies RangeCheckpoint);
      });
      try {
        await forEachRange({
          db,
          pool,
          from: cp.lastId,
          batchSize: params.batchSize,
          request: (seq, lo, hi) => ({ seq, lo, hi, rules }),
          commit: (_lo, hi, r) => {
            commit(hi, r);
            ctx.progress(done, total);
          },
          throwIfCancelled: () => ctx.throwIfCancelled(),
        });
      } finally {
        await pool.close();
      }
    }
    const counts = db.prepare('SELECT coalesce(sum(quality_pass = 1), 0) AS pass, coalesce(sum(quality_pass = 0), 0) AS fail FROM documents').get() as {
      pass: number;
      fail: number;
    };
    return { processed: done, pass: counts.pass, fail: counts.fail, workers: size, seconds: (Date.now() - t0) / 1000 };
  },
});

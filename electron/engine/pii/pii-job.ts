/**
 * The `pii` job: scans every document on a pool of worker threads and stores the findings. Ranges are
 * committed in id order, each in one transaction with its checkpoint, so a cancelled or killed job resumes
 * after the last whole range. Decisions (confirm / dismiss) live in their own table and are never touched.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defineJob } from '../jobs/types';
import { RangePool, rangePoolSize, forEachRange, readRangeCheckpoint, type RangeCheckpoint } from '../jobs/range-pool';
import { rebuildPiiSummary, piiSummary, writeFindings, type PackedFinding, type PiiSummaryRow } from './store';

export const piiJobParams = z.object({
  workers: z.number().int().min(1).max(64).optional(),
  batchSize: z.number().int().min(1).max(100_000).default(2000),
  minConfidence: z.number().min(0).max(1).default(0.5),
});

export interface PiiRangeRequest {
  seq: number;
  lo: number;
  hi: number;
  minConfidence: number;
}

export interface PiiRangeResult {
  ids: number[];
  findings: PackedFinding[];
}

export interface PiiJobResult {
  scanned: number;
  withPii: number;
  types: PiiSummaryRow[];
  workers: number;
  seconds: number;
}

export const piiJob = defineJob({
  kind: 'pii',
  params: piiJobParams,
  runSettings: ['workers'],
  changes: 'pii',
  async run(ctx): Promise<PiiJobResult> {
    const t0 = Date.now();
    const { db, params } = ctx;
    const cp = readRangeCheckpoint(ctx.checkpoint);
    const remaining = (db.prepare('SELECT count(*) AS n FROM documents WHERE id > ?').get(cp.lastId) as { n: number }).n;
    const total = cp.done + remaining;
    let done = cp.done;
    ctx.progress(done, total);
    // One core stays with this thread, which writes every range; on 2 cores a second worker measured slower.
    const size = rangePoolSize(params.workers ?? Math.max(1, availableParallelism() - 1), remaining, params.batchSize);
    const pool = await RangePool.open<PiiRangeRequest, PiiRangeResult>('pii', { dbPath: ctx.dbPath }, size);
    const commit = db.transaction((lo: number, hi: number, r: PiiRangeResult) => {
      writeFindings(db, lo, hi, r.findings);
      done += r.ids.length;
      ctx.saveCheckpoint({ lastId: hi, done } satisfies RangeCheckpoint);
    });
    try {
      await forEachRange({
        db,
        pool,
        from: cp.lastId,
        batchSize: params.batchSize,
        request: (seq, lo, hi) => ({ seq, lo, hi, minConfidence: params.minConfidence }),
        commit: (lo, hi, r) => {
          commit(lo, hi, r);
          ctx.progress(done, total);
        },
        throwIfCancelled: () => ctx.throwIfCancelled(),
      });
    } finally {
      await pool.close();
    }
    rebuildPiiSummary(db);
    const s = piiSummary(db);
    return { scanned: done, withPii: s.withPii, types: s.types, workers: size, seconds: (Date.now() - t0) / 1000 };
  },
});

/**
 * The `langid` job: labels every document (except manual overrides) on a pool of worker threads,
 * one per core by default. Ranges of ids are labelled in parallel but committed in id order, each in
 * one transaction with its checkpoint and the matching change to the language summary, so a cancelled, failed or
 * killed job leaves a summary that agrees with the labels, and resumes after the last whole range.
 */
import { z } from 'zod';
import { defineJob } from '../jobs/types';
import { RangePool, forEachRange, rangePoolSize, readRangeCheckpoint, type RangeCheckpoint } from '../jobs/range-pool';
import type { PoolInit, RangeRequest, RangeResult } from './pool-protocol.js';
import { languageBreakdown, rebuildSummary, writeRange, type LanguageBreakdownRow } from './store.js';

export const langidJobParams = z.object({
  /** Pool size; default one per core, never more than the cores or the ranges of work. */
  workers: z.number().int().min(1).max(64).optional(),
  /** Only documents without a language yet. */
  onlyMissing: z.boolean().default(false),
  /** Documents per range handed to a worker. */
  batchSize: z.number().int().min(10).max(100_000).default(4000),
});

export interface LangidJobResult {
  labelled: number;
  workers: number;
  seconds: number;
  languages: LanguageBreakdownRow[];
}

export const langidJob = defineJob({
  kind: 'langid',
  params: langidJobParams,
  runSettings: ['workers'],
  changes: 'languages',
  // A finished full run labelled everything again; a finished run of the missing ones labelled what any earlier one would.
  coveredBy: (earlier, later) => !later.onlyMissing || earlier.onlyMissing,
  async run(ctx): Promise<LangidJobResult> {
    const t0 = Date.now();
    const { db, params } = ctx;
    const cp = readRangeCheckpoint(ctx.checkpoint);
    const filter = `coalesce(lang_source, '') <> 'manual'${params.onlyMissing ? ' AND lang IS NULL' : ''}`;
    const remaining = (db.prepare(`SELECT count(*) AS n FROM documents WHERE id > ? AND ${filter}`).get(cp.lastId) as { n: number }).n;
    const total = cp.done + remaining;
    let done = cp.done;
    ctx.progress(done, total);
    // Each worker loads its own copy of the model: one that would get no range, or share a core, only costs.
    const size = rangePoolSize(params.workers, remaining, params.batchSize);
    if (remaining > 0) {
      const pool = await RangePool.open<RangeRequest, RangeResult>('langid', { dbPath: ctx.dbPath } satisfies PoolInit, size);
      const commit = db.transaction((lo: number, hi: number, r: RangeResult, doneAfter: number) => {
        writeRange(db, lo, hi, r, params.onlyMissing);
        ctx.saveCheckpoint({ lastId: hi, done: doneAfter } satisfies RangeCheckpoint);
      });
      try {
        await forEachRange({
          db,
          pool,
          from: cp.lastId,
          batchSize: params.batchSize,
          request: (seq, lo, hi) => ({ type: 'range', seq, lo, hi, onlyMissing: params.onlyMissing }),
          commit: (lo, hi, r) => {
            done += r.ids.length;
            commit(lo, hi, r, done);
            ctx.progress(done, total);
          },
          throwIfCancelled: () => ctx.throwIfCancelled(),
        });
      } finally {
        await pool.close();
      }
    }
    // The ranges kept the summary right as they went; a full recount also heals whatever else changed it.
    rebuildSummary(db);
    return { labelled: done, workers: remaining > 0 ? size : 0, seconds: (Date.now() - t0) / 1000, languages: languageBreakdown(db).languages };
  },
});

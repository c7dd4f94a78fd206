/**
 * The `langid` job: labels every document (except manual overrides) on a pool of worker threads,
 * one per core by default. Ranges of ids are labelled in parallel but committed in id order, each in
 * one transaction with its checkpoint, so a cancelled or killed job resumes after the last whole range.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defineJob } from '../jobs/types';
import { LangidPool } from './pool.js';
import type { RangeResult } from './pool-protocol.js';
import { languageBreakdown, rebuildSummary, writeRange, type LanguageBreakdownRow } from './store.js';

export const langidJobParams = z.object({
  /** Pool size; default one per core. */
  workers: z.number().int().min(1).max(64).optional(),
  /** Only documents without a language yet. */
  onlyMissing: z.boolean().default(false),
  /** Documents per range handed to a worker. */
  batchSize: z.number().int().min(10).max(100_000).default(4000),
});

interface Checkpoint {
  lastId: number;
  done: number;
}

export interface LangidJobResult {
  labelled: number;
  workers: number;
  seconds: number;
  languages: LanguageBreakdownRow[];
}

function readCheckpoint(v: unknown): Checkpoint {
  if (v && typeof v === 'object' && 'lastId' in v && 'done' in v && typeof v.lastId === 'number' && typeof v.done === 'number')
    return { lastId: v.lastId, done: v.done };
  return { lastId: 0, done: 0 };
}

export const langidJob = defineJob({
  kind: 'langid',
  params: langidJobParams,
  changes: 'languages',
  async run(ctx): Promise<LangidJobResult> {
    const t0 = Date.now();
    const { db, params } = ctx;
    const cp = readCheckpoint(ctx.checkpoint);
    const filter = `coalesce(lang_source, '') <> 'manual'${params.onlyMissing ? ' AND lang IS NULL' : ''}`;
    const remaining = (db.prepare(`SELECT count(*) AS n FROM documents WHERE id > ? AND ${filter}`).get(cp.lastId) as { n: number }).n;
    const total = cp.done + remaining;
    let done = cp.done;
    ctx.progress(done, total);
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM documents').get() as { m: number }).m;
    const nth = db.prepare('SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?');
    const size = params.workers ?? Math.max(1, availableParallelism());
    const pool = await LangidPool.open(ctx.dbPath, size);
    const commit = db.transaction((lo: number, hi: number, r: RangeResult, doneAfter: number) => {
      writeRange(db, lo, hi, r);
      ctx.saveCheckpoint({ lastId: hi, done: doneAfter } satisfies Checkpoint);
    });
    try {
      let next = cp.lastId;
      let seq = 0;
      const inFlight: Array<{ lo: number; hi: number; result: Promise<RangeResult> }> = [];
      const dispatch = (): void => {
        while (inFlight.length < pool.size * 2 && next < maxId) {
          const row = nth.get(next, params.batchSize - 1) as { id: number } | undefined;
          const hi = row ? row.id : maxId;
          const result = pool.run({ type: 'range', seq: seq++, lo: next, hi, onlyMissing: params.onlyMissing });
          result.catch(() => {}); // awaited below; a range abandoned on cancel must not become an unhandled rejection
          inFlight.push({ lo: next, hi, result });
          next = hi;
        }
      };
      dispatch();
      while (inFlight.length > 0) {
        ctx.throwIfCancelled();
        const head = inFlight.shift();
        if (!head) break;
        const r = await head.result;
        ctx.throwIfCancelled();
        done += r.ids.length;
        commit(head.lo, head.hi, r, done);
        ctx.progress(done, total);
        dispatch();
      }
    } finally {
      await pool.close();
    }
    rebuildSummary(db);
    return { labelled: done, workers: size, seconds: (Date.now() - t0) / 1000, languages: languageBreakdown(db).languages };
  },
});

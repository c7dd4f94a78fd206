import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerPath } from './worker-path';
import type { Db } from '../store/open';

/** What every range worker answers: `ready` once, then one result or error per request `seq`. */
export type RangeReply<R> = { type: 'ready' } | ({ type: 'result'; seq: number } & R) | { type: 'error'; seq: number; message: string };

interface Slot {
  worker: Worker;
  outstanding: number;
}

/**
 * A fixed pool of worker threads that each take id ranges of documents (read through their own
 * read-only connection) and send back compact results. Used by the langid, pii and quality jobs.
 */
export class RangePool<Q extends { seq: number }, R> {
  private readonly pending = new Map<number, { slot: Slot; resolve: (r: R) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly slots: Slot[],
    name: string,
  ) {
    for (const slot of slots) {
      slot.worker.on('message', (m: RangeReply<R>) => {
        if (m.type === 'ready') return;
        const p = this.pending.get(m.seq);
        if (!p) return;
        this.pending.delete(m.seq);
        p.slot.outstanding--;
        if (m.type === 'result') p.resolve(m);
        else p.reject(new Error(m.message));
      });
      const fail = (e: Error): void => {
        for (const [seq, p] of this.pending) {
          if (p.slot !== slot) continue;
          this.pending.delete(seq);
          p.reject(e);
        }
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`${name} worker exited (${code})`)));
    }
  }

  get size(): number {
    return this.slots.length;
  }

  static async open<Q extends { seq: number }, R>(name: string, workerData: unknown, size: number): Promise<RangePool<Q, R>> {
    const file = workerPath(name);
    const slots: Slot[] = Array.from({ length: size }, () => ({ worker: new Worker(file, { workerData }), outstanding: 0 }));
    await Promise.all(
      slots.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            const onMsg = (m: RangeReply<R>): void => {
              if (m.type !== 'ready') return;
              s.worker.off('message', onMsg);
              resolve();
            };
            s.worker.on('message', onMsg);
            s.worker.once('error', reject);
            s.worker.once('exit', (code) => reject(new Error(`${name} worker exited during start-up (${code})`)));
          }),
      ),
    ).catch(async (e: unknown) => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw e;
    });
    return new RangePool<Q, R>(slots, name);
  }

  run(req: Q): Promise<R> {
    let slot = this.slots[0];
    for (const s of this.slots) if (slot && s.outstanding < slot.outstanding) slot = s;
    if (!slot) return Promise.reject(new Error('pool is empty'));
    const chosen = slot;
    chosen.outstanding++;
    return new Promise((resolve, reject) => {
      this.pending.set(req.seq, { slot: chosen, resolve, reject });
      chosen.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** The most pool workers worth starting here: one per core this process may use (more only time-share the cores). */
export function maxPoolWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * How many workers a pool gets for `work` documents in ranges of `batchSize`: `requested` (default one per core),
 * but never more than the cores nor than the ranges there are to hand out, and at least one.
 */
export function rangePoolSize(requested: number | undefined, work: number, batchSize: number): number {
  const ranges = Math.ceil(work / batchSize);
  return Math.max(1, Math.min(requested ?? maxPoolWorkers(), maxPoolWorkers(), ranges));
}

export interface RangeCheckpoint {
  lastId: number;
  done: number;
}

export function readRangeCheckpoint(v: unknown): RangeCheckpoint {
  if (v && typeof v === 'object' && 'lastId' in v && 'done' in v && typeof v.lastId === 'number' && typeof v.done === 'number')
    return { lastId: v.lastId, done: v.done };
  return { lastId: 0, done: 0 };
}

/**
 * Runs `handle` over id ranges of `batchSize` documents, `pool.size * 2` ranges in flight, and commits
 * results strictly in id order (so a checkpoint `lastId` means every document up to it is written).
 */
export async function forEachRange<Q extends { seq: number }, R>(opts: {
  db: Db;
  pool: RangePool<Q, R>;
  from: number;
  batchSize: number;
  request: (seq: number, lo: number, hi: number) => Q;
  commit: (lo: number, hi: number, result: R) => void;
  throwIfCancelled: () => void;
}): Promise<void> {
  const { db, pool } = opts;
  const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM documents').get() as { m: number }).m;
  const nth = db.prepare('SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?');
  let next = opts.from;
  let seq = 0;
  const inFlight: { lo: number; hi: number; result: Promise<R> }[] = [];
  const dispatch = (): void => {
    while (inFlight.length < pool.size * 2 && next < maxId) {
      const row = nth.get(next, opts.batchSize - 1) as { id: number } | undefined;
      const hi = row ? row.id : maxId;
      const result = pool.run(opts.request(seq++, next, hi));
      result.catch(() => {}); // awaited below; abandoned on cancel without an unhandled rejection
      inFlight.push({ lo: next, hi, result });
      next = hi;
    }
  };
  dispatch();
  while (inFlight.length > 0) {
    opts.throwIfCancelled();
    const head = inFlight.shift();
    if (!head) break;
    const r = await head.result;
    opts.throwIfCancelled();
    opts.commit(head.lo, head.hi, r);
    dispatch();
  }
}

import { Worker } from 'node:worker_threads';
import { workerPath } from '../jobs/worker-path';
import type { FromPoolWorker, PoolInit, RangeRequest, RangeResult } from './pool-protocol.js';

interface Slot {
  worker: Worker;
  outstanding: number;
}

interface Pending {
  slot: Slot;
  resolve: (r: RangeResult) => void;
  reject: (e: Error) => void;
}

/** A fixed pool of `langid.worker` threads; each range goes to the least busy one. */
export class LangidPool {
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (m: FromPoolWorker) => {
        if (m.type === 'ready') return;
        const p = this.pending.get(m.seq);
        if (!p) return;
        this.pending.delete(m.seq);
        p.slot.outstanding--;
        if (m.type === 'result') p.resolve(m);
        else p.reject(new Error(m.message));
      });
      const fail = (e: Error) => {
        for (const [seq, p] of this.pending) {
          if (p.slot !== slot) continue;
          this.pending.delete(seq);
          p.reject(e);
        }
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`langid worker exited (${code})`)));
    }
  }

  get size(): number {
    return this.slots.length;
  }

  static async open(dbPath: string, size: number): Promise<LangidPool> {
    const file = workerPath('langid');
    const slots = Array.from({ length: size }, () => ({ worker: new Worker(file, { workerData: { dbPath } satisfies PoolInit }), outstanding: 0 }));
    await Promise.all(
      slots.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            const onMsg = (m: FromPoolWorker) => {
              if (m.type !== 'ready') return;
              s.worker.off('message', onMsg);
              resolve();
            };
            s.worker.on('message', onMsg);
            s.worker.once('error', reject);
            s.worker.once('exit', (code) => reject(new Error(`langid worker exited during start-up (${code})`)));
          }),
      ),
    ).catch(async (e: unknown) => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw e;
    });
    return new LangidPool(slots);
  }

  run(req: RangeRequest): Promise<RangeResult> {
    let slot = this.slots[0];
    for (const s of this.slots) if (slot && s.outstanding < slot.outstanding) slot = s;
    if (!slot) return Promise.reject(new Error('langid pool is empty'));
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

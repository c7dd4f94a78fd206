// A small worker_threads pool for dedupe: each worker is handed the next task as soon as it answers
// one, and the caller handles each answer (on its own thread) while the workers go on.
import { Worker } from 'node:worker_threads';
import { workerPath } from '../jobs/worker-path';
import type { SignReply, SignRequest, SignWorkerData } from './sign-protocol';

export type { SignBatch as FingerprintBatch } from './sign-protocol';

export class DedupePool {
  private readonly workers: Worker[] = [];

  constructor(data: SignWorkerData, threads: number) {
    const file = workerPath('dedupe-sign');
    for (let i = 0; i < Math.max(1, threads); i++) this.workers.push(new Worker(file, { workerData: data satisfies SignWorkerData }));
  }

  /** Sends every request (seq = its index) and calls onReply for each answer; rejects on error or abort. */
  run(requests: readonly SignRequest[], onReply: (r: Exclude<SignReply, { type: 'error' }>) => void, signal: AbortSignal): Promise<void> {
    if (requests.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let settled = false;
      const cleanups: (() => void)[] = [];
      const done = (e?: Error) => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (e) reject(e);
        else resolve();
      };
      const onAbort = () => done(new Error('cancelled'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
      const give = (w: Worker) => {
        if (next >= requests.length || settled) return;
        w.postMessage(requests[next]!);
        next++;
      };
      for (const w of this.workers) {
        const onMessage = (m: SignReply) => {
          if (settled) return;
          if (m.type === 'error') return done(new Error(m.message));
          give(w); // keep the worker busy while this thread handles the answer
          try {
            onReply(m);
          } catch (e) {
            return done(e instanceof Error ? e : new Error(String(e)));
          }
          if (++finished === requests.length) done();
        };
        const onError = (e: Error) => done(e);
        const onExit = (code: number) => done(new Error(`dedupe worker exited with code ${code}`));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        give(w);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

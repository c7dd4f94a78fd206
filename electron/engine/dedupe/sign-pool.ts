// A small worker_threads pool for fingerprinting: each worker is handed the next id range as soon as
// it returns one, and the caller stores each batch (on its own thread) while the workers go on.
import { Worker } from 'node:worker_threads';
import { workerPath } from '../jobs/worker-path';
import type { SignBatch, SignRequest, SignWorkerData } from './sign-protocol';

export type FingerprintBatch = Extract<SignBatch, { type: 'batch' }>;

export async function fingerprintRanges(
  data: SignWorkerData,
  chunks: readonly Float64Array[],
  threads: number,
  onBatch: (b: FingerprintBatch) => void,
  signal: AbortSignal,
): Promise<void> {
  if (chunks.length === 0) return;
  const file = workerPath('dedupe-sign');
  const n = Math.max(1, Math.min(threads, chunks.length));
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const onAbort = () => fail(new Error('cancelled'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      const give = (w: Worker) => {
        if (next >= chunks.length || failed) return false;
        w.postMessage({ type: 'ids', seq: next, ids: chunks[next]! } satisfies SignRequest);
        next++;
        return true;
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(file, { workerData: data satisfies SignWorkerData });
        workers.push(w);
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`dedupe worker exited with code ${code}`));
        });
        w.on('message', (m: SignBatch) => {
          if (failed) return;
          if (m.type === 'error') return fail(new Error(m.message));
          give(w); // keep the worker busy while this thread stores the batch
          try {
            onBatch(m);
          } catch (e) {
            return fail(e instanceof Error ? e : new Error(String(e)));
          }
          if (++finished === chunks.length) {
            signal.removeEventListener('abort', onAbort);
            resolve();
          }
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

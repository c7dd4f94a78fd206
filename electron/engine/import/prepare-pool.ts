import { Worker } from 'node:worker_threads';
import { workerPath } from '../jobs/worker-path';
import type { FromPrepare, PrepareTask } from './prepare-protocol';
import { prepareFile } from './prepare-run';

/**
 * Runs one file's prepare step in a worker thread and yields its messages in order. The consumer's next pull
 * acknowledges the previous batch, which lets the worker read ahead by a bounded amount (memory stays flat).
 */
export async function* preparedInWorker(task: PrepareTask): AsyncGenerator<FromPrepare> {
  // Small heaps: the worker holds a few batches at a time, and V8 otherwise lets garbage pile up to the peak-RSS goal.
  // 16 MB young generation: at 8 MB a quarter of the worker's time went to scavenges (1M-document JSONL: 250 MB peak RSS at 16).
  const worker = new Worker(workerPath('prepare'), {
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: Math.max(128, Math.ceil((task.lineCap * 8) / 2 ** 20)) },
  });
  const queue: FromPrepare[] = [];
  let failure: Error | null = null;
  let exited = false;
  let notify: (() => void) | null = null;
  const poke = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (m: FromPrepare) => {
    queue.push(m);
    poke();
  });
  worker.on('error', (e) => {
    failure = e;
    poke();
  });
  worker.on('exit', () => {
    exited = true;
    poke();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === null && !exited) await new Promise<void>((r) => (notify = r));
      const m = queue.shift();
      if (m === undefined) {
        if (failure) throw failure;
        throw new Error('the import worker stopped unexpectedly');
      }
      yield m;
      if (m.type === 'batch') worker.postMessage({ type: 'ack' });
      if (m.type !== 'batch') return;
    }
  } finally {
    if (!exited) await worker.terminate();
  }
}

/** The same steps in this thread, for small files where starting a worker costs more than it saves. */
export async function* preparedInThread(task: PrepareTask): AsyncGenerator<FromPrepare> {
  const queue: FromPrepare[] = [];
  let notify: (() => void) | null = null;
  let room: (() => void) | null = null;
  let finished = false;
  const run = prepareFile(
    task,
    (m) => {
      queue.push(m);
      notify?.();
      notify = null;
    },
    () => new Promise<void>((r) => (room = r)),
  ).finally(() => {
    finished = true;
    notify?.();
    notify = null;
  });
  for (;;) {
    while (queue.length === 0 && !finished) await new Promise<void>((r) => (notify = r));
    const m = queue.shift();
    if (m === undefined) {
      await run;
      throw new Error('the import reader stopped unexpectedly');
    }
    yield m;
    if (m.type !== 'batch') return;
    const r = room as (() => void) | null;
    room = null;
    r?.();
  }
}

import { parentPort, workerData } from 'node:worker_threads';
import type { FromJobWorker, RunSettings, ToJobWorker } from './types';
import { runJobInThisThread } from './run-job';

// Runs one job with its own SQLite connection, then exits. The runner on the engine thread relays progress.
const { dbPath, jobId, cancelFlag, settings } = workerData as { dbPath: string; jobId: number; cancelFlag: SharedArrayBuffer; settings: RunSettings };
const port = parentPort;
if (!port) throw new Error('job.worker must run as a worker thread');

const controller = new AbortController();
port.on('message', (m: ToJobWorker) => {
  if (m.type === 'cancel') controller.abort();
});

// The flag is shared memory: a job busy in a loop of resolved promises never lets the 'message' event run, but it
// still sees the flag the next time it calls progress() or throwIfCancelled().
const flag = new Int32Array(cancelFlag);
const cancelRequested = () => {
  if (!controller.signal.aborted && Atomics.load(flag, 0) === 1) controller.abort();
  return controller.signal.aborted;
};
const outcome = await runJobInThisThread(dbPath, jobId, controller.signal, (msg: FromJobWorker) => port.postMessage(msg), cancelRequested, settings);
port.postMessage(outcome satisfies FromJobWorker);
port.close();

import { parentPort, workerData } from 'node:worker_threads';
import type { FromJobWorker, ToJobWorker } from './types';
import { runJobInThisThread } from './run-job';

// Runs one job with its own SQLite connection, then exits. The runner on the engine thread relays progress.
const { dbPath, jobId } = workerData as { dbPath: string; jobId: number };
const port = parentPort;
if (!port) throw new Error('job.worker must run as a worker thread');

const controller = new AbortController();
port.on('message', (m: ToJobWorker) => {
  if (m.type === 'cancel') controller.abort();
});

const outcome = await runJobInThisThread(dbPath, jobId, controller.signal, (msg: FromJobWorker) => port.postMessage(msg));
port.postMessage(outcome satisfies FromJobWorker);
port.close();

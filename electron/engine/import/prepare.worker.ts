import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareTask, ToPrepare } from './prepare-protocol';
import { prepareFile } from './prepare-run';

// One file per worker: parse, hash and count while the job thread writes the previous batches.
const port = parentPort;
if (!port) throw new Error('prepare.worker must run as a worker thread');
const IN_FLIGHT = 3;
let outstanding = 0;
let wake: (() => void) | null = null;
port.on('message', (m: ToPrepare) => {
  if (m.type === 'ack') {
    outstanding--;
    wake?.();
    wake = null;
  }
});
await prepareFile(
  workerData as PrepareTask,
  (m) => {
    if (m.type === 'batch') outstanding++;
    port.postMessage(m);
  },
  () => (outstanding < IN_FLIGHT ? Promise.resolve() : new Promise<void>((r) => (wake = r))),
);
port.close();

import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareTask, ToPrepare } from './prepare-protocol';
import { prepareFile } from './prepare-run';

// One file per worker: parse, hash and count while the job thread writes the previous batches.
const port = parentPort;
if (!port) throw new Error('prepare.worker must run as a worker thread');
// Batches sent and not yet taken: enough to cover one writer transaction (BATCH_ROWS = 5 batches) and then some, so
// this thread keeps parsing while the writer commits.
const IN_FLIGHT = 8;
let outstanding = 0;
let wake: (() => void) | null = null;
// The share of documents whose hash and counts the writer computes. It rises when the writer has taken every batch
// sent (it is waiting for this thread) and falls when this thread has to wait for the writer.
// On by default since the writer stopped checkpointing per commit and this thread got cheaper per document: the two
// now cost about the same, so whichever runs ahead lends the other a hand. KURASI_IMPORT_WRITER_SHARE=0 turns it off.
const STEP = process.env.KURASI_IMPORT_WRITER_SHARE === '0' ? 0 : 1 / 8;
let share = 0;
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
    if (m.type === 'batch') {
      if (outstanding === 0) share = Math.min(1, share + STEP);
      outstanding++;
    }
    port.postMessage(m);
  },
  () => {
    if (outstanding < IN_FLIGHT) return Promise.resolve();
    share = Math.max(0, share - STEP);
    return new Promise<void>((r) => (wake = r));
  },
  () => share,
);
port.close();

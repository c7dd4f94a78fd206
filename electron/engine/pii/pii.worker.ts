/** Pool worker of the pii job: detects personal data in id ranges read through its own read-only connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../store/open';
import { detectPii } from './detect';
import type { PiiRangeRequest, PiiRangeResult } from './pii-job';
import type { RangeReply } from '../jobs/range-pool';

const port = parentPort;
if (!port) throw new Error('pii.worker must run as a worker thread');
const { dbPath } = workerData as { dbPath: string };
const db = openCorpus(dbPath, { readonly: true });
const select = db.prepare('SELECT id, text FROM documents WHERE id > ? AND id <= ? ORDER BY id');

port.on('message', (req: PiiRangeRequest) => {
  try {
    const rows = select.all(req.lo, req.hi) as { id: number; text: string }[];
    const findings: PiiRangeResult['findings'] = [];
    for (const row of rows) {
      for (const f of detectPii(row.text, { minConfidence: req.minConfidence })) findings.push([row.id, f.start, f.end, f.type, f.confidence]);
    }
    port.postMessage({ type: 'result', seq: req.seq, ids: rows.map((r) => r.id), findings } satisfies RangeReply<PiiRangeResult>);
  } catch (e) {
    port.postMessage({ type: 'error', seq: req.seq, message: e instanceof Error ? e.message : String(e) } satisfies RangeReply<PiiRangeResult>);
  }
});
port.postMessage({ type: 'ready' } satisfies RangeReply<PiiRangeResult>);

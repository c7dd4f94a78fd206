/** Pool worker of the quality job: computes signals and pass/fail for id ranges read through its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../store/open';
import type { RangeReply } from '../jobs/range-pool';
import { applyRules } from './rules';
import { SIGNAL_NAMES, computeSignals } from './signals';
import type { QualityRangeRequest } from './quality-job';
import type { PackedSignals } from './store';

const port = parentPort;
if (!port) throw new Error('quality.worker must run as a worker thread');
const { dbPath } = workerData as { dbPath: string };
const db = openCorpus(dbPath, { readonly: true });
const select = db.prepare('SELECT id, text FROM documents WHERE id > ? AND id <= ? ORDER BY id');

port.on('message', (req: QualityRangeRequest) => {
  try {
    const rows = select.all(req.lo, req.hi) as { id: number; text: string }[];
    const out: PackedSignals = { ids: [], values: [], reasons: [], pass: [] };
    for (const row of rows) {
      const v = applyRules(computeSignals(row.text), req.rules);
      out.ids.push(row.id);
      for (const k of SIGNAL_NAMES) out.values.push(v.signals[k]);
      out.reasons.push(JSON.stringify(v.reasons));
      out.pass.push(v.pass ? 1 : 0);
    }
    port.postMessage({ type: 'result', seq: req.seq, ...out } satisfies RangeReply<PackedSignals>);
  } catch (e) {
    port.postMessage({ type: 'error', seq: req.seq, message: e instanceof Error ? e.message : String(e) } satisfies RangeReply<PackedSignals>);
  }
});
port.postMessage({ type: 'ready' } satisfies RangeReply<PackedSignals>);

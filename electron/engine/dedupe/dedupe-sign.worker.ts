// Pool worker: fingerprints a range of documents (exact key + LSH band keys) with its own read-only
// SQLite connection, so texts never cross threads; only the typed arrays come back (transferred).
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../store/open';
import { Signer, dedupeConfig } from './pipeline';
import type { SignBatch, SignRequest, SignWorkerData } from './sign-protocol';

const port = parentPort;
if (!port) throw new Error('dedupe-sign.worker must run as a worker thread');
const data = workerData as SignWorkerData;
const db = openCorpus(data.dbPath, { readonly: true });
const signer = new Signer(dedupeConfig(data.config));
const bands = signer.lsh.bands;
const missing = db
  .prepare(
    'SELECT id, text FROM documents d WHERE id >= ? AND id < ? AND NOT EXISTS (SELECT 1 FROM dedupe_fingerprints f WHERE f.document_id = d.id) ORDER BY id',
  )
  .raw(true);

port.on('message', (m: SignRequest) => {
  if (m.type === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const rows = missing.all(m.fromId, m.toId) as [number, string][];
    const n = rows.length;
    const ids = new Float64Array(n);
    const exact = new Uint32Array(n * 2);
    const shingles = new Uint32Array(n);
    const keys = new Uint32Array(n * bands);
    for (let i = 0; i < n; i++) {
      const [id, text] = rows[i]!;
      ids[i] = id;
      shingles[i] = signer.bandKeys(text, keys, i * bands);
      exact[2 * i] = signer.shingler.exactHi;
      exact[2 * i + 1] = signer.shingler.exactLo;
    }
    const out: SignBatch = { type: 'batch', seq: m.seq, ids, exact, shingles, keys };
    port.postMessage(out, [ids.buffer, exact.buffer, shingles.buffer, keys.buffer]);
  } catch (e) {
    port.postMessage({ type: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e) } satisfies SignBatch);
  }
});

// Pool worker: fingerprints a list of documents (exact key + LSH band keys) with its own read-only
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
const range = db.prepare('SELECT id, text, char_count, source_id FROM documents WHERE id >= ? AND id <= ? ORDER BY id').raw(true);

port.on('message', (m: SignRequest) => {
  if (m.type === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const want = m.ids;
    const cap = want.length;
    const ids = new Float64Array(cap);
    const exact = new Uint32Array(cap * 2);
    const shingles = new Uint32Array(cap);
    const keys = new Uint32Array(cap * bands);
    const info = new Uint32Array(cap * 2);
    let n = 0;
    let w = 0;
    if (cap > 0) {
      for (const row of range.iterate(want[0]!, want[cap - 1]!) as IterableIterator<[number, string, number, number]>) {
        const id = row[0];
        while (w < cap && want[w]! < id) w++;
        if (w >= cap) break;
        if (want[w] !== id) continue; // already fingerprinted
        ids[n] = id;
        shingles[n] = signer.bandKeys(row[1], keys, n * bands);
        exact[2 * n] = signer.shingler.exactHi;
        exact[2 * n + 1] = signer.shingler.exactLo;
        info[2 * n] = row[2];
        info[2 * n + 1] = row[3];
        n++;
      }
    }
    const parts = {
      ids: ids.slice(0, n),
      exact: exact.slice(0, 2 * n),
      shingles: shingles.slice(0, n),
      keys: keys.slice(0, n * bands),
      info: info.slice(0, 2 * n),
    };
    const out: SignBatch = { type: 'batch', seq: m.seq, ...parts };
    port.postMessage(out, [parts.ids.buffer, parts.exact.buffer, parts.shingles.buffer, parts.keys.buffer, parts.info.buffer]);
  } catch (e) {
    port.postMessage({ type: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e) } satisfies SignBatch);
  }
});

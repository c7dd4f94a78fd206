// Pool worker with its own read-only SQLite connection, so texts never cross threads; only typed
// arrays come back (transferred). Two tasks: fingerprint documents (exact key + LSH band keys), and
// verify candidate pairs by the true Jaccard of their shingle sets.
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../store/open';
import { Signer, dedupeConfig } from './pipeline';
import { jaccardSorted } from './shingle';
import type { SignReply, SignRequest, SignWorkerData } from './sign-protocol';

const port = parentPort;
if (!port) throw new Error('dedupe-sign.worker must run as a worker thread');
const data = workerData as SignWorkerData;
const db = openCorpus(data.dbPath, { readonly: true });
const cfg = dedupeConfig(data.config);
const signer = new Signer(cfg);
const bands = signer.lsh.bands;
const range = db.prepare('SELECT id, text, char_count, source_id FROM documents WHERE id >= ? AND id <= ? ORDER BY id').raw(true);
const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
const sets = new Map<number, Int32Array>();

function fingerprint(seq: number, want: Float64Array): void {
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
  const parts = { ids: ids.slice(0, n), exact: exact.slice(0, 2 * n), shingles: shingles.slice(0, n), keys: keys.slice(0, n * bands), info: info.slice(0, 2 * n) };
  const out: SignReply = { type: 'batch', seq, ...parts };
  port!.postMessage(out, [parts.ids.buffer, parts.exact.buffer, parts.shingles.buffer, parts.keys.buffer, parts.info.buffer]);
}

function setOf(id: number): Int32Array {
  let s = sets.get(id);
  if (!s) {
    if (sets.size >= 20_000) sets.clear();
    s = signer.shingleSet((textOf.get(id) as string | undefined) ?? '');
    sets.set(id, s);
  }
  return s;
}

function verify(seq: number, pairs: Float64Array): void {
  const jaccard = new Float32Array(pairs.length / 2);
  for (let i = 0; i < jaccard.length; i++) jaccard[i] = jaccardSorted(setOf(pairs[2 * i]!), setOf(pairs[2 * i + 1]!));
  port!.postMessage({ type: 'verified', seq, pairs, jaccard } satisfies SignReply, [jaccard.buffer]);
}

port.on('message', (m: SignRequest) => {
  try {
    if (m.type === 'ids') fingerprint(m.seq, m.ids);
    else verify(m.seq, m.pairs);
  } catch (e) {
    port.postMessage({ type: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e) } satisfies SignReply);
  }
});

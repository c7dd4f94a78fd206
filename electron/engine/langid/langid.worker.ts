/**
 * Pool worker of the langid job: loads the model once, then labels id ranges of documents that it
 * reads through its own read-only connection (so document text never has to be copied between threads).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../store/open';
import { LanguageDetector } from './detector.js';
import { labelDocument } from './document.js';
import { PACKED_LANGS, PACKED_REASONS, type FromPoolWorker, type PoolInit, type RangeRequest } from './pool-protocol.js';

const port = parentPort;
if (!port) throw new Error('langid.worker must run as a worker thread');
const { dbPath } = workerData as PoolInit;
const det = LanguageDetector.load();
const db = openCorpus(dbPath, { readonly: true });
const all = db.prepare(`SELECT id, text FROM documents WHERE id > ? AND id <= ? AND coalesce(lang_source, '') <> 'manual' ORDER BY id`);
const missing = db.prepare(
  `SELECT id, text FROM documents WHERE id > ? AND id <= ? AND lang IS NULL AND coalesce(lang_source, '') <> 'manual' ORDER BY id`,
);
const langIndex = new Map(PACKED_LANGS.map((l, i) => [l, i]));
const reasonIndex = new Map(PACKED_REASONS.map((r, i) => [r, i]));

function label(req: RangeRequest): FromPoolWorker {
  const rows = (req.onlyMissing ? missing : all).all(req.lo, req.hi) as Array<{ id: number; text: string }>;
  const n = rows.length;
  const ids = new Float64Array(n);
  const langs = new Uint8Array(n);
  const conf = new Float32Array(n);
  const mixed = new Uint8Array(n);
  const reasons = new Uint8Array(n);
  const shares: Array<[number, number, number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!row) continue;
    const r = labelDocument(det, row.text);
    ids[i] = row.id;
    langs[i] = langIndex.get(r.lang) ?? PACKED_LANGS.length - 1;
    conf[i] = r.confidence;
    mixed[i] = r.codeMixed ? 1 : 0;
    reasons[i] = reasonIndex.get(r.reason ?? null) ?? 0;
    for (const s of r.shares) shares.push([row.id, langIndex.get(s.lang) ?? PACKED_LANGS.length - 1, s.share, s.paragraphs, s.confidence]);
  }
  return { type: 'result', seq: req.seq, ids, langs, conf, mixed, reasons, shares };
}

port.on('message', (req: RangeRequest) => {
  try {
    const res = label(req);
    if (res.type === 'result') port.postMessage(res, [res.ids.buffer, res.langs.buffer, res.conf.buffer, res.mixed.buffer, res.reasons.buffer]);
    else port.postMessage(res);
  } catch (e) {
    port.postMessage({ type: 'error', seq: req.seq, message: e instanceof Error ? e.message : String(e) } satisfies FromPoolWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromPoolWorker);

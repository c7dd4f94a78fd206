// One dedupe run over a corpus file: fingerprint what is new (worker pool), bucket everything by
// exact key and LSH band, verify candidates by true Jaccard, cluster, re-apply overrides, pick the
// kept documents, and write all clusters in ONE final transaction (a cancel before it changes nothing
// but the fingerprint cache).
import { availableParallelism } from 'node:os';
import type { DedupeParams, DedupeResult } from '../../../shared/contract/dedupe';
import { getMeta, setMeta, type Db } from '../store/open';
import { UnionFind, clusterCandidates, radixSortByKey } from './cluster';
import { applyOverrides, chooseKept, loadOverrides, memberInfoStatement, type MemberInfo } from './decide';
import { lshParams } from './minhash';
import { Shingler, jaccardSorted } from './shingle';
import { dedupeConfig, type DedupeConfig } from './pipeline';
import { fingerprintRanges, type FingerprintBatch } from './sign-pool';

export interface RunHooks {
  signal: AbortSignal;
  throwIfCancelled(): void;
  progress(done: number, total: number | null, message?: string): void;
  jobId: number | null;
}

const RANGE_DOCS = 4000;
const SET_CACHE = 50_000;

function shinglePartialOf(cfg: DedupeConfig) {
  return { ngram: cfg.ngram, foldPunctuation: cfg.foldPunctuation };
}

export async function runDedupe(db: Db, dbPath: string, params: DedupeParams, hooks: RunHooks): Promise<DedupeResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const cfg = dedupeConfig({ threshold: params.threshold, ngram: params.ngram, foldPunctuation: params.foldPunctuation });
  const lsh = lshParams(cfg.threshold, cfg.numPerm);
  const bands = lsh.bands;

  // Fingerprints made with other settings cannot be mixed with new ones.
  const fpKey = JSON.stringify({ v: 1, ngram: cfg.ngram, numPerm: cfg.numPerm, bands, rows: lsh.rows, fold: cfg.foldPunctuation });
  if (params.full || getMeta(db, 'dedupe.fingerprint') !== fpKey) {
    db.transaction(() => {
      db.exec('DELETE FROM dedupe_fingerprints');
      setMeta(db, 'dedupe.fingerprint', fpKey);
    })();
  }

  // 1. What is already fingerprinted: clustered by a finished run (old) or only fingerprinted (pending).
  const storedSql =
    'FROM dedupe_fingerprints f JOIN documents d ON d.id = f.document_id';
  const storedCount = db.prepare(`SELECT count(*) ${storedSql}`).pluck().get() as number;
  const oldCount = db.prepare(`SELECT count(*) ${storedSql} WHERE f.clustered = 1`).pluck().get() as number;
  const missingIds = (
    db
      .prepare('SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM dedupe_fingerprints f WHERE f.document_id = d.id) ORDER BY id')
      .raw(true)
      .all() as [number][]
  ).map((r) => r[0]);
  const incremental = oldCount > 0;
  const sIds = new Float64Array(storedCount);
  const sExact = new Uint32Array(storedCount * 2);
  const sShingles = new Uint32Array(storedCount);
  const sKeys = new Uint32Array(storedCount * bands);
  {
    let k = 0;
    const stored = db
      .prepare(`SELECT f.document_id, f.exact_key, f.shingles, f.band_keys ${storedSql} ORDER BY f.clustered DESC, f.document_id`)
      .raw(true)
      .iterate() as IterableIterator<[number, string, number, Buffer]>;
    for (const [id, key, sh, blob] of stored) {
      if (k >= storedCount) break;
      sIds[k] = id;
      sExact[2 * k] = parseInt(key.slice(0, 8), 16);
      sExact[2 * k + 1] = parseInt(key.slice(8, 16), 16);
      sShingles[k] = sh;
      sKeys.set(new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + bands * 4)), k * bands);
      k++;
    }
  }

  // 2. Fingerprint the missing documents on the pool; store each batch as it arrives.
  const ranges: [number, number][] = [];
  for (let i = 0; i < missingIds.length; i += RANGE_DOCS) {
    ranges.push([missingIds[i]!, missingIds[Math.min(i + RANGE_DOCS, missingIds.length) - 1]! + 1]);
  }
  const insertFp = db.prepare('INSERT OR REPLACE INTO dedupe_fingerprints(document_id, exact_key, shingles, band_keys, clustered) VALUES (?, ?, ?, ?, 0)');
  const storeBatch = db.transaction((b: FingerprintBatch) => {
    for (let i = 0; i < b.ids.length; i++) {
      insertFp.run(b.ids[i]!, hex(b.exact[2 * i]!, b.exact[2 * i + 1]!), b.shingles[i]!, Buffer.from(b.keys.buffer, b.keys.byteOffset + i * bands * 4, bands * 4));
    }
  });
  const batches: FingerprintBatch[] = [];
  let fingerprinted = 0;
  hooks.progress(0, missingIds.length, 'fingerprinting');
  await fingerprintRanges(
    { dbPath, config: cfg },
    ranges,
    params.workers ?? Math.max(1, availableParallelism()),
    (b) => {
      hooks.throwIfCancelled();
      storeBatch(b);
      batches.push(b);
      fingerprinted += b.ids.length;
      hooks.progress(fingerprinted, missingIds.length, 'fingerprinting');
    },
    hooks.signal,
  );
  hooks.throwIfCancelled();

  // 3. Flat arrays: old documents first (index < firstNew), then pending and new ones, each by id.
  const n = storedCount + fingerprinted;
  const docIds = new Float64Array(n);
  const exact = new Uint32Array(n * 2);
  const shingleCount = new Uint32Array(n);
  const keys = new Uint32Array(n * bands);
  docIds.set(sIds);
  exact.set(sExact);
  shingleCount.set(sShingles);
  keys.set(sKeys);
  let k = storedCount;
  const firstNew = oldCount;
  const pendingEnd = k;
  for (const b of batches) {
    docIds.set(b.ids, k);
    exact.set(b.exact, 2 * k);
    shingleCount.set(b.shingles, k);
    keys.set(b.keys, k * bands);
    k += b.ids.length;
  }
  batches.length = 0;
  sortTail(docIds, exact, shingleCount, keys, bands, firstNew, pendingEnd);

  const uf = new UnionFind(n);
  const indexOf = (id: number): number => {
    const i = binarySearch(docIds, 0, firstNew, id);
    return i >= 0 ? i : binarySearch(docIds, firstNew, n, id);
  };
  if (incremental) {
    // Earlier clusters stand; only pairs with a new document are looked for.
    const rows = db.prepare('SELECT cluster_id, document_id FROM dedupe_members ORDER BY cluster_id').raw(true).all() as [number, number][];
    let prevCluster = -1;
    let prevIdx = -1;
    for (const [c, d] of rows) {
      const i = indexOf(d);
      if (i < 0) continue;
      if (c === prevCluster && prevIdx >= 0) uf.union(prevIdx, i);
      prevCluster = c;
      prevIdx = i;
    }
  }

  // 4. Exact groups: sort by the 64-bit key (two stable 16-bit radix passes per lane).
  hooks.progress(0, bands, 'clustering');
  const exactRep = new Int32Array(n);
  {
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    const tmp = new Uint32Array(n);
    radixSortByKey(idx, exact, 2, 1, tmp);
    radixSortByKey(idx, exact, 2, 0, tmp);
    let s = 0;
    while (s < n) {
      const a = idx[s]!;
      let e = s + 1;
      while (e < n && exact[2 * idx[e]!] === exact[2 * a] && exact[2 * idx[e]! + 1] === exact[2 * a + 1]) e++;
      let rep = a;
      for (let q = s; q < e; q++) rep = Math.min(rep, idx[q]!);
      for (let q = s; q < e; q++) {
        exactRep[idx[q]!] = rep;
        if (idx[q] !== rep) uf.union(rep, idx[q]!);
      }
      s = e;
    }
  }

  // 5. Near duplicates among exact-group representatives that have shingles.
  let m = 0;
  for (let i = 0; i < n; i++) if (exactRep[i] === i && shingleCount[i]! > 0) m++;
  const members = new Uint32Array(m);
  m = 0;
  for (let i = 0; i < n; i++) if (exactRep[i] === i && shingleCount[i]! > 0) members[m++] = i;
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const shingler = new Shingler(shinglePartialOf(cfg));
  const cache = new Map<number, Int32Array>();
  const setOf = (i: number): Int32Array => {
    let s = cache.get(i);
    if (!s) {
      if (cache.size >= SET_CACHE) cache.clear();
      s = shingler.set((textOf.get(docIds[i]!) as string | undefined) ?? '');
      cache.set(i, s);
    }
    return s;
  };
  const verifications = clusterCandidates(keys, bands, members, uf, (a, b) => jaccardSorted(setOf(a), setOf(b)) >= cfg.threshold, {
    firstNew,
    onBand: (band) => {
      hooks.throwIfCancelled();
      hooks.progress(band + 1, bands, 'clustering');
    },
  });

  // 6. Overrides, keep rule, and the one write.
  const rawGroups = uf.groups().map((g) => g.map((i) => docIds[i]!));
  const { groups, status } = applyOverrides(rawGroups, loadOverrides(db), (d) => indexOf(d) >= 0);
  const info = memberInfoStatement(db);
  hooks.throwIfCancelled();
  const result = writeClusters(db, {
    groups,
    status,
    info,
    exactRepOf: (d) => docIds[exactRep[indexOf(d)]!]!,
    params,
    jobId: hooks.jobId,
    incremental,
    documents: n,
    fingerprinted,
    startedAt,
  });
  return { ...result, incremental, documents: n, fingerprinted, verifications, bands, rows: lsh.rows, ms: performance.now() - t0 };
}

interface WriteInput {
  groups: number[][];
  status: Map<number, 'kept' | 'duplicate'>;
  info: (id: number) => MemberInfo | undefined;
  exactRepOf: (docId: number) => number;
  params: DedupeParams;
  jobId: number | null;
  incremental: boolean;
  documents: number;
  fingerprinted: number;
  startedAt: string;
}

function writeClusters(db: Db, w: WriteInput): { runId: number; clusters: number; exactClusters: number; nearClusters: number; duplicates: number } {
  const insRun = db.prepare(
    'INSERT INTO dedupe_runs(job_id, params, incremental, documents, fingerprinted, clusters, duplicates, started_at, finished_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)',
  );
  const insCluster = db.prepare('INSERT INTO dedupe_clusters(run_id, kind, size, kept_count) VALUES (?, ?, ?, ?)');
  const insMember = db.prepare('INSERT INTO dedupe_members(document_id, cluster_id, status, exact_group, overridden) VALUES (?, ?, ?, ?, ?)');
  const setDoc = db.prepare('UPDATE documents SET dup_status = ?, dup_cluster = ? WHERE id = ?');
  let exactClusters = 0;
  let nearClusters = 0;
  let duplicates = 0;
  const runId = db.transaction(() => {
    const runId = Number(
      insRun.run(w.jobId, JSON.stringify(w.params), w.incremental ? 1 : 0, w.documents, w.fingerprinted, w.startedAt, new Date().toISOString()).lastInsertRowid,
    );
    db.exec(`DELETE FROM dedupe_members; DELETE FROM dedupe_clusters;
      UPDATE documents SET dup_status = NULL, dup_cluster = NULL WHERE dup_status IS NOT NULL;
      UPDATE dedupe_fingerprints SET clustered = 1 WHERE clustered = 0;`);
    for (const g of w.groups) {
      const infos = g.map((d) => w.info(d)).filter((x): x is MemberInfo => x !== undefined);
      if (infos.length < 2) continue;
      const kept = chooseKept(infos, w.params.keepRule, w.params.preferredSources);
      const statuses = infos.map((x) => w.status.get(x.id) ?? (x.id === kept ? 'kept' : 'duplicate'));
      const reps = new Set(infos.map((x) => w.exactRepOf(x.id)));
      const kind = reps.size === 1 ? 'exact' : 'near';
      const keptCount = statuses.filter((s) => s === 'kept').length;
      const clusterId = Number(insCluster.run(runId, kind, infos.length, keptCount).lastInsertRowid);
      if (kind === 'exact') exactClusters++;
      else nearClusters++;
      infos.forEach((x, i) => {
        const st = statuses[i]!;
        if (st === 'duplicate') duplicates++;
        insMember.run(x.id, clusterId, st, w.exactRepOf(x.id), w.status.has(x.id) ? 1 : 0);
        setDoc.run(st, clusterId, x.id);
      });
    }
    db.prepare('UPDATE dedupe_runs SET clusters = ?, duplicates = ? WHERE id = ?').run(exactClusters + nearClusters, duplicates, runId);
    return runId;
  }).immediate();
  return { runId, clusters: exactClusters + nearClusters, exactClusters, nearClusters, duplicates };
}

function hex(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

function binarySearch(a: Float64Array, lo: number, hi: number, x: number): number {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Sorts entries [from, n) by document id (pending rows and pool batches arrive in any order). */
function sortTail(ids: Float64Array, exact: Uint32Array, sh: Uint32Array, keys: Uint32Array, bands: number, from: number, _pendingEnd: number): void {
  const n = ids.length - from;
  if (n < 2) return;
  let sorted = true;
  for (let i = from + 1; i < ids.length; i++) if (ids[i]! < ids[i - 1]!) sorted = false;
  if (sorted) return;
  const order = Array.from({ length: n }, (_, i) => from + i).sort((a, b) => ids[a]! - ids[b]!);
  const ids2 = new Float64Array(n);
  const ex2 = new Uint32Array(2 * n);
  const sh2 = new Uint32Array(n);
  const keys2 = new Uint32Array(n * bands);
  order.forEach((src, i) => {
    ids2[i] = ids[src]!;
    ex2[2 * i] = exact[2 * src]!;
    ex2[2 * i + 1] = exact[2 * src + 1]!;
    sh2[i] = sh[src]!;
    keys2.set(keys.subarray(src * bands, (src + 1) * bands), i * bands);
  });
  ids.set(ids2, from);
  exact.set(ex2, 2 * from);
  sh.set(sh2, from);
  keys.set(keys2, from * bands);
}

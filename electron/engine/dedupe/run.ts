// One dedupe run over a corpus file: fingerprint what is new (worker pool), bucket everything by
// exact key and LSH band, verify candidates by true Jaccard, cluster, re-apply overrides, pick the
// kept documents, and write all clusters in ONE final transaction (a cancel before it changes nothing
// but the fingerprint cache).
import { availableParallelism } from 'node:os';
import type { DedupeParams, DedupeResult } from '../../../shared/contract/dedupe';
import { getMeta, setMeta, type Db } from '../store/open';
import { UnionFind, clusterCandidates, collectCandidates, radixSortByKey } from './cluster';
import { applyOverrides, loadOverrides, type MemberInfo } from './decide';
import { lshParams } from './minhash';
import { Shingler, jaccardSorted } from './shingle';
import { FIRST_PASS_LOOKBACK, dedupeConfig, needsSecondPass, verifyFirstPass } from './pipeline';
import { DedupePool, type FingerprintBatch } from './sign-pool';
import type { SignRequest } from './sign-protocol';
import { writeClusters } from './write-clusters';
import { JOB_PHASE } from '../../../shared/jobs/phases';

export interface RunHooks {
  signal: AbortSignal;
  throwIfCancelled(): void;
  progress(done: number, total: number | null, message?: string): void;
  jobId: number | null;
}

const CHUNK_DOCS = 4000;
const SET_CACHE = 50_000;
const VERIFY_PAIRS = 2000;

type Chunk = Omit<FingerprintBatch, 'type' | 'seq'>;

const blob = (a: Float64Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const u32 = (b: Buffer): Uint32Array =>
  new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const f64 = (b: Buffer): Float64Array =>
  new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export async function runDedupe(
  db: Db,
  dbPath: string,
  params: DedupeParams,
  hooks: RunHooks,
): Promise<DedupeResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const cfg = dedupeConfig({
    threshold: params.threshold,
    ngram: params.ngram,
    foldPunctuation: params.foldPunctuation,
    linkage: params.linkage,
  });
  const lsh = lshParams(cfg.threshold, cfg.numPerm);
  const bands = lsh.bands;

  // Fingerprints made with other settings cannot be mixed with new ones.
  const fpKey = JSON.stringify({
    v: 3,
    ngram: cfg.ngram,
    numPerm: cfg.numPerm,
    bands,
    rows: lsh.rows,
    fold: cfg.foldPunctuation,
  });
  const seq = Number(getMeta(db, 'dedupe.seq') ?? '0') + 1;
  db.transaction(() => {
    setMeta(db, 'dedupe.seq', String(seq));
    if (params.full || getMeta(db, 'dedupe.fingerprint') !== fpKey) {
      db.exec('DELETE FROM dedupe_chunks');
      setMeta(db, 'dedupe.fingerprint', fpKey);
      setMeta(db, 'dedupe.clustered_seq', '0');
    }
  })();
  const clusteredSeq = Number(getMeta(db, 'dedupe.clustered_seq') ?? '0');

  // 1. Stored chunks: clustered by a finished run (old) first, then those of cancelled runs (pending).
  const stored: Chunk[] = [];
  let oldCount = 0;
  let storedCount = 0;
  const rows = db
    .prepare('SELECT seq, ids, exact, shingles, keys, info FROM dedupe_chunks ORDER BY seq <= ? DESC, id')
    .raw(true)
    .iterate(clusteredSeq) as IterableIterator<[number, Buffer, Buffer, Buffer, Buffer, Buffer]>;
  for (const [s, ids, exact, shingles, keys, info] of rows) {
    const c = { ids: f64(ids), exact: u32(exact), shingles: u32(shingles), keys: u32(keys), info: u32(info) };
    stored.push(c);
    storedCount += c.ids.length;
    if (s <= clusteredSeq) oldCount += c.ids.length;
  }
  const incremental = oldCount > 0;

  // 2. Documents without a fingerprint, in chunks for the pool.
  const known = new Set<number>();
  if (storedCount > 0) for (const c of stored) for (const id of c.ids) known.add(id);
  const missing: number[] = [];
  for (const id of db
    .prepare('SELECT id FROM documents ORDER BY id')
    .pluck()
    .iterate() as IterableIterator<number>) {
    if (!known.has(id)) missing.push(id);
  }
  known.clear();
  const work: Float64Array[] = [];
  for (let i = 0; i < missing.length; i += CHUNK_DOCS)
    work.push(Float64Array.from(missing.slice(i, i + CHUNK_DOCS)));
  const insertChunk = db.prepare(
    'INSERT INTO dedupe_chunks(seq, count, ids, exact, shingles, keys, info) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const fresh: Chunk[] = [];
  let fingerprinted = 0;
  hooks.progress(0, missing.length, JOB_PHASE.fingerprinting);
  const pool = new DedupePool({ dbPath, config: cfg }, params.workers ?? Math.max(1, availableParallelism()));
  try {
    return await afterPool();
  } finally {
    await pool.close();
  }

  async function afterPool(): Promise<DedupeResult> {
    await pool.run(
      work.map((ids, i): SignRequest => ({ type: 'ids', seq: i, ids })),
      (b) => {
        if (b.type !== 'batch') return;
        hooks.throwIfCancelled();
        insertChunk.run(
          seq,
          b.ids.length,
          blob(b.ids),
          blob(b.exact),
          blob(b.shingles),
          blob(b.keys),
          blob(b.info),
        );
        fresh.push(b);
        fingerprinted += b.ids.length;
        hooks.progress(fingerprinted, missing.length, JOB_PHASE.fingerprinting);
      },
      hooks.signal,
    );
    hooks.throwIfCancelled();

    // 3. Flat arrays: old documents first (index < firstNew), then pending and new ones.
    const n = storedCount + fingerprinted;
    const docIds = new Float64Array(n);
    const exact = new Uint32Array(n * 2);
    const shingleCount = new Uint32Array(n);
    const keys = new Uint32Array(n * bands);
    const info = new Uint32Array(n * 2);
    let k = 0;
    for (const c of [...stored, ...fresh]) {
      docIds.set(c.ids, k);
      exact.set(c.exact, 2 * k);
      shingleCount.set(c.shingles, k);
      keys.set(c.keys, k * bands);
      info.set(c.info, 2 * k);
      k += c.ids.length;
    }
    stored.length = 0;
    fresh.length = 0;
    const firstNew = oldCount;
    const indexOf = positionLookup(docIds);
    let maxId = 0;
    for (let i = 0; i < n; i++) if (docIds[i]! > maxId) maxId = docIds[i]!;

    const uf = new UnionFind(n);
    if (incremental) {
      // Earlier clusters stand; only pairs with a new document are looked for.
      const members = db
        .prepare('SELECT cluster_id, document_id FROM dedupe_members ORDER BY cluster_id')
        .raw(true)
        .all() as [number, number][];
      let prevCluster = -1;
      let prevIdx = -1;
      for (const [c, d] of members) {
        const i = indexOf(d);
        if (i < 0) continue;
        if (c === prevCluster && prevIdx >= 0) uf.union(prevIdx, i);
        prevCluster = c;
        prevIdx = i;
      }
    }

    // 4. Exact groups: sort by the 64-bit key (stable radix passes, low lane then high lane).
    hooks.progress(0, bands, JOB_PHASE.clustering);
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
        while (e < n && exact[2 * idx[e]!] === exact[2 * a] && exact[2 * idx[e]! + 1] === exact[2 * a + 1])
          e++;
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
    const lshMembers = new Uint32Array(m);
    m = 0;
    for (let i = 0; i < n; i++) if (exactRep[i] === i && shingleCount[i]! > 0) lshMembers[m++] = i;
    const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
    const shingler = new Shingler({ ngram: cfg.ngram, foldPunctuation: cfg.foldPunctuation });
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
    // Most pairs are verified on the pool first (workers read the texts); the sequential pass below then
    // only meets pairs that those unions did not already join.
    const buckets = { largestBucket: 0 };
    const pairs = collectCandidates(keys, bands, lshMembers, uf, FIRST_PASS_LOOKBACK, firstNew, buckets);
    const scores = new Float32Array(pairs.length / 2);
    const requests: SignRequest[] = [];
    for (let i = 0; i < pairs.length; i += 2 * VERIFY_PAIRS) {
      const chunk = pairs.subarray(i, i + 2 * VERIFY_PAIRS);
      const ids = new Float64Array(chunk.length);
      for (let j = 0; j < chunk.length; j++) ids[j] = docIds[chunk[j]!]!;
      requests.push({ type: 'verify', seq: requests.length, pairs: ids });
    }
    let verifiedPairs = 0;
    await pool.run(
      requests,
      (r) => {
        if (r.type !== 'verified') return;
        hooks.throwIfCancelled();
        // Request seq s holds pairs [s * VERIFY_PAIRS, …): the scores land in pair order, whatever order the pool answers in.
        scores.set(r.jaccard, r.seq * VERIFY_PAIRS);
        verifiedPairs += r.jaccard.length;
        hooks.progress(verifiedPairs, pairs.length / 2, JOB_PHASE.verifying);
      },
      hooks.signal,
    );
    const similarity = (a: number, b: number): number => jaccardSorted(setOf(a), setOf(b));
    const copies = new Int32Array(n);
    for (let i = 0; i < n; i++) copies[exactRep[i]!]!++;
    const first = verifyFirstPass(
      pairs,
      scores,
      uf,
      cfg,
      (i) => exactRep[i] === i && shingleCount[i]! > 0,
      (i) => copies[i]!,
      similarity,
    );
    const verifications =
      first.verifications +
      (needsSecondPass(buckets.largestBucket)
        ? clusterCandidates(keys, bands, lshMembers, uf, first.verify, {
            firstNew,
            join: first.join,
            onBand: (band) => {
              hooks.throwIfCancelled();
              hooks.progress(band + 1, bands, JOB_PHASE.clustering);
            },
          })
        : 0);

    // 6. Overrides, keep rule, and the one write.
    const rawGroups = uf.groups().map((g) => g.map((i) => docIds[i]!));
    const { groups, status } = applyOverrides(rawGroups, loadOverrides(db), (d) => indexOf(d) >= 0);
    const sources = new Map(
      (
        db.prepare('SELECT id, name, review_state FROM sources').raw(true).all() as [number, string, string][]
      ).map(([id, name, st]) => [id, { name, st }]),
    );
    const memberInfo = (id: number): MemberInfo | undefined => {
      const i = indexOf(id);
      if (i < 0) return undefined;
      const src = sources.get(info[2 * i + 1]!);
      return {
        id,
        charCount: info[2 * i]!,
        sourceName: src?.name ?? '',
        reviewState: src?.st ?? 'unreviewed',
      };
    };
    hooks.throwIfCancelled();
    hooks.progress(0, null, JOB_PHASE.writing);
    const result = writeClusters(db, {
      groups,
      status,
      info: memberInfo,
      exactRepOf: (d) => docIds[exactRep[indexOf(d)]!]!,
      params,
      jobId: hooks.jobId,
      incremental,
      documents: n,
      fingerprinted,
      startedAt,
      seq,
      checkedThrough: maxId,
    });
    return {
      ...result,
      incremental,
      documents: n,
      fingerprinted,
      verifications,
      bands,
      rows: lsh.rows,
      ms: performance.now() - t0,
    };
  }
}

/**
 * Index of a document id in `docIds` (or -1): a dense typed table when ids are compact (they are row ids,
 * so almost always), a Map otherwise. A Map of a million entries cost ≈ 1 s to build and probe.
 */
function positionLookup(docIds: Float64Array): (id: number) => number {
  const n = docIds.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (docIds[i]! > max) max = docIds[i]!;
  if (max <= 4 * n + 1_000_000) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) table[docIds[i]!] = i;
    return (id) => (Number.isInteger(id) && id >= 0 && id <= max ? table[id]! : -1);
  }
  const position = new Map<number, number>();
  for (let i = 0; i < n; i++) position.set(docIds[i]!, i);
  return (id) => position.get(id) ?? -1;
}

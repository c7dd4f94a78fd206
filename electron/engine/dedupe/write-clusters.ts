// The one write of a dedupe run: clusters, members and the documents' duplicate columns, in one transaction.
import type { DedupeParams } from '../../../shared/contract/dedupe';
import { setMeta, type Db } from '../store/open';
import { chooseKept, type MemberInfo } from './decide';

export interface WriteInput {
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
  seq: number;
  /** Highest document id this run looked at (documents after it are "not checked yet"). */
  checkedThrough: number;
}

/**
 * The one write of a run. Cluster ids are the smallest member's document id, so they stay the same across
 * re-runs when a cluster does; members go in in document-id order (append-only b-tree inserts), and
 * `documents` is brought in line with two set-based statements that touch only rows whose status or cluster
 * changed — never a per-row UPDATE from JavaScript (each one costs four index updates on `documents`).
 */
export function writeClusters(
  db: Db,
  w: WriteInput,
): { runId: number; clusters: number; exactClusters: number; nearClusters: number; duplicates: number } {
  // Decide everything first (outside the write lock), into flat arrays.
  const clusterRows: [number, 'exact' | 'near', number, number][] = [];
  let total = 0;
  for (const g of w.groups) total += g.length;
  const mDoc = new Float64Array(total);
  const mCluster = new Float64Array(total);
  const mExact = new Float64Array(total);
  const mFlags = new Uint8Array(total); // bit 0: duplicate, bit 1: overridden
  let m = 0;
  let exactClusters = 0;
  let nearClusters = 0;
  let duplicates = 0;
  for (const g of w.groups) {
    const infos = g.map((d) => w.info(d)).filter((x): x is MemberInfo => x !== undefined);
    if (infos.length < 2) continue;
    const kept = chooseKept(infos, w.params.keepRule, w.params.preferredSources);
    let clusterId = infos[0]!.id;
    let keptCount = 0;
    let firstRep = -1;
    let oneRep = true;
    for (const x of infos) {
      if (x.id < clusterId) clusterId = x.id;
      const st = w.status.get(x.id) ?? (x.id === kept ? 'kept' : 'duplicate');
      const rep = w.exactRepOf(x.id);
      if (firstRep === -1) firstRep = rep;
      else if (rep !== firstRep) oneRep = false;
      if (st === 'kept') keptCount++;
      else duplicates++;
      mDoc[m] = x.id;
      mExact[m] = rep;
      mFlags[m] = (st === 'duplicate' ? 1 : 0) | (w.status.has(x.id) ? 2 : 0);
      m++;
    }
    for (let q = m - infos.length; q < m; q++) mCluster[q] = clusterId;
    const kind = oneRep ? 'exact' : 'near';
    if (kind === 'exact') exactClusters++;
    else nearClusters++;
    clusterRows.push([clusterId, kind, infos.length, keptCount]);
  }
  clusterRows.sort((a, b) => a[0] - b[0]);
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => mDoc[a]! - mDoc[b]!);

  const insRun = db.prepare(
    'INSERT INTO dedupe_runs(job_id, params, incremental, documents, fingerprinted, clusters, duplicates, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insCluster = db.prepare(
    'INSERT INTO dedupe_clusters(id, run_id, kind, size, kept_count) VALUES (?, ?, ?, ?, ?)',
  );
  const insMember = db.prepare(
    'INSERT INTO dedupe_members(document_id, cluster_id, status, exact_group, overridden) VALUES (?, ?, ?, ?, ?)',
  );
  // Every member and cluster row below is built from documents and clusters of this very run, so the
  // per-row foreign-key lookups (≈ 40 % of the member inserts) prove nothing; they are switched off for
  // this connection (the job's own) during the write and on again after. The pragma is a no-op inside a
  // transaction, hence outside it.
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  if (fk) db.pragma('foreign_keys = OFF');
  try {
    return writeRows();
  } finally {
    if (fk) db.pragma('foreign_keys = ON');
  }

  function writeRows(): {
    runId: number;
    clusters: number;
    exactClusters: number;
    nearClusters: number;
    duplicates: number;
  } {
    const runId = db
      .transaction(() => {
        const runId = Number(
          insRun.run(
            w.jobId,
            JSON.stringify(w.params),
            w.incremental ? 1 : 0,
            w.documents,
            w.fingerprinted,
            exactClusters + nearClusters,
            duplicates,
            w.startedAt,
            new Date().toISOString(),
          ).lastInsertRowid,
        );
        db.exec('DELETE FROM dedupe_members; DELETE FROM dedupe_clusters;');
        setMeta(db, 'dedupe.clustered_seq', String(w.seq));
        setMeta(db, 'dedupe.checked_through', String(w.checkedThrough));
        for (const [id, kind, size, keptCount] of clusterRows)
          insCluster.run(id, runId, kind, size, keptCount);
        for (let k = 0; k < m; k++) {
          const i = order[k]!;
          const f = mFlags[i]!;
          insMember.run(mDoc[i]!, mCluster[i]!, f & 1 ? 'duplicate' : 'kept', mExact[i]!, f & 2 ? 1 : 0);
        }
        // Documents that left every cluster, then members whose status or cluster changed. Written as
        // `id IN (…)` so SQLite walks the members in document-id order and finds each document by row id
        // (an UPDATE … FROM here made the planner scan all of `documents`).
        db.exec(`UPDATE documents SET dup_status = NULL, dup_cluster = NULL
        WHERE dup_status IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dedupe_members m WHERE m.document_id = documents.id);
        UPDATE documents SET (dup_status, dup_cluster) = (SELECT m.status, m.cluster_id FROM dedupe_members m WHERE m.document_id = documents.id)
        WHERE id IN (SELECT m.document_id FROM dedupe_members m JOIN documents d ON d.id = m.document_id
          WHERE d.dup_status IS NOT m.status OR d.dup_cluster IS NOT m.cluster_id);`);
        return runId;
      })
      .immediate();
    return { runId, clusters: exactClusters + nearClusters, exactClusters, nearClusters, duplicates };
  }
}

// Reads for the duplicates view and the user's overrides (small, indexed work on the engine thread).
import {
  dedupeParams,
  type ClusterDetail,
  type ClusterSummary,
  type DedupeParams,
  type DedupeSummary,
} from '../../../shared/contract/dedupe';
import { appendAudit } from '../store/audit';
import { recordUndoable } from '../audit/undo-stack';
import { dedupeUndoAfter, dedupeUndoBefore } from './undo-kind';
import { getMeta, type Db } from '../store/open';
import { KurasiError, notFound } from '../errors';
import { chooseKept, memberInfoStatement, type MemberInfo, type OverrideAction } from './decide';
import { Shingler, jaccardSorted } from './shingle';

function lastParams(db: Db): DedupeParams {
  const row = db.prepare('SELECT params FROM dedupe_runs ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return row ? dedupeParams.parse(JSON.parse(row)) : dedupeParams.parse({});
}

export function dedupeSummary(db: Db): DedupeSummary {
  const run = db.prepare('SELECT id, finished_at, params, incremental, documents FROM dedupe_runs ORDER BY id DESC LIMIT 1').get() as
    | { id: number; finished_at: string; params: string; incremental: number; documents: number }
    | undefined;
  const c = db
    .prepare(`SELECT count(*) AS clusters, coalesce(sum(kind = 'exact'), 0) AS exact, coalesce(sum(kind = 'near'), 0) AS near FROM dedupe_clusters`)
    .get() as { clusters: number; exact: number; near: number };
  const st = db.prepare(`SELECT coalesce(sum(status = 'duplicate'), 0) AS dup, coalesce(sum(status = 'kept'), 0) AS kept FROM dedupe_members`).get() as {
    dup: number;
    kept: number;
  };
  return {
    lastRun: run
      ? { id: run.id, finishedAt: run.finished_at, params: dedupeParams.parse(JSON.parse(run.params)), incremental: run.incremental === 1, documents: run.documents }
      : null,
    clusters: c.clusters,
    exactClusters: c.exact,
    nearClusters: c.near,
    duplicates: st.dup,
    kept: st.kept,
    fingerprinted: db.prepare('SELECT coalesce(sum(count), 0) FROM dedupe_chunks').pluck().get() as number,
    overrides: db.prepare('SELECT count(*) FROM dedupe_overrides').pluck().get() as number,
    checkedThrough: run ? checkedThrough(db) : null,
  };
}

function checkedThrough(db: Db): number {
  const v = getMeta(db, 'dedupe.checked_through');
  // Runs from before this was recorded: their documents are the fingerprinted ones.
  if (v === null) return (db.prepare('SELECT coalesce(max(id), 0) FROM documents').pluck().get() as number) ?? 0;
  return Number(v);
}

/** The section `kurasi stats` / corpus.stats show. */
export function dedupeStatsSection(db: Db): unknown {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'dedupe_clusters'`).get()) return null; // schema older than 0003
  const s = dedupeSummary(db);
  return { clusters: s.clusters, exactClusters: s.exactClusters, nearClusters: s.nearClusters, duplicates: s.duplicates, kept: s.kept };
}

export function listClusters(db: Db, kind: 'exact' | 'near' | undefined, offset: number, limit: number): { rows: ClusterSummary[]; total: number } {
  const where = kind ? 'WHERE c.kind = ?' : '';
  const args: unknown[] = kind ? [kind] : [];
  const total = db.prepare(`SELECT count(*) FROM dedupe_clusters c ${where}`).pluck().get(...args) as number;
  const rows = db
    .prepare(
      `SELECT c.id, c.kind, c.size, c.kept_count AS keptCount,
        (SELECT m.document_id FROM dedupe_members m WHERE m.cluster_id = c.id ORDER BY m.status = 'kept' DESC, m.document_id LIMIT 1) AS documentId
       FROM dedupe_clusters c ${where} ORDER BY c.size DESC, c.id LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as Omit<ClusterSummary, 'excerpt'>[];
  const excerpt = db.prepare('SELECT substr(text, 1, 200) FROM documents WHERE id = ?').pluck();
  return { rows: rows.map((r) => ({ ...r, excerpt: (excerpt.get(r.documentId) as string | undefined) ?? '' })), total };
}

export function clusterDetail(db: Db, id: number): ClusterDetail {
  const c = db.prepare('SELECT id, kind, size, kept_count AS keptCount FROM dedupe_clusters WHERE id = ?').get(id) as
    | Omit<ClusterDetail, 'members' | 'documentId'>
    | undefined;
  if (!c) throw notFound(`cluster ${id}`);
  const rows = db
    .prepare(
      `SELECT m.document_id AS documentId, d.external_id AS externalId, s.name AS sourceName, m.status, m.overridden, m.exact_group AS exactGroup,
        d.char_count AS charCount, d.text FROM dedupe_members m JOIN documents d ON d.id = m.document_id JOIN sources s ON s.id = d.source_id
       WHERE m.cluster_id = ? ORDER BY m.status = 'kept' DESC, d.char_count DESC, m.document_id LIMIT 200`,
    )
    .all(id) as (Omit<ClusterDetail['members'][number], 'overridden' | 'similarity'> & { overridden: number })[];
  const params = lastParams(db);
  const sh = new Shingler({ ngram: params.ngram, foldPunctuation: params.foldPunctuation });
  const ref = rows[0] ? sh.set(rows[0].text) : new Int32Array(0);
  const members = rows.map((r, i) => ({ ...r, overridden: r.overridden === 1, similarity: i === 0 ? 1 : jaccardSorted(ref, sh.set(r.text)) }));
  return { ...c, documentId: members[0]?.documentId ?? 0, members };
}

export function clusterOf(db: Db, documentId: number): number | null {
  return (db.prepare('SELECT cluster_id FROM dedupe_members WHERE document_id = ?').pluck().get(documentId) as number | undefined) ?? null;
}

/** Records a user override (audit log + overrides table) and applies it to the current clusters now. */
export function recordOverride(db: Db, actor: string, action: OverrideAction, documentIds: number[], note?: string): { overrideId: number; clusterIds: number[] } {
  const docs = [...new Set(documentIds)];
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  for (const d of docs) if (!exists.get(d)) throw notFound(`document ${d}`);
  const clusterOfDoc = (d: number) => clusterOf(db, d);
  return db
    .transaction(() => {
      let others: number[] | null = null;
      const before = docs.map((d) => ({ documentId: d, clusterId: clusterOfDoc(d) }));
      if (action === 'keep' || action === 'drop' || action === 'split') {
        const clusters = new Set(before.map((b) => b.clusterId));
        if (clusters.has(null)) throw new KurasiError('bad-request', `${action}: every document must be in a duplicate cluster`);
        if (action === 'split') {
          if (clusters.size !== 1) throw new KurasiError('bad-request', 'split: the documents must come from one cluster');
          const all = db.prepare('SELECT document_id FROM dedupe_members WHERE cluster_id = ?').pluck().all([...clusters][0]) as number[];
          others = all.filter((d) => !docs.includes(d));
          if (others.length === 0) throw new KurasiError('bad-request', 'split: leave at least one document in the cluster');
        }
      } else if (docs.length < 2) throw new KurasiError('bad-request', 'merge: give documents from at least two clusters');
      const overrideId = Number(
        db
          .prepare('INSERT INTO dedupe_overrides(action, document_ids, others, actor, created_at, note) VALUES (?, ?, ?, ?, ?, ?)')
          .run(action, JSON.stringify(docs), others ? JSON.stringify(others) : null, actor, new Date().toISOString(), note ?? null).lastInsertRowid,
      );
      const undoBefore = dedupeUndoBefore(db, before.map((b) => b.clusterId), docs);
      const touched = applyNow(db, action, docs, before.map((b) => b.clusterId));
      const auditId = appendAudit(db, {
        actor,
        action: `dedupe.${action}`,
        entity: 'dedupe-cluster',
        entityId: before[0]?.clusterId ?? touched[0] ?? null,
        before,
        after: { overrideId, clusterIds: touched, documentIds: docs, others },
        note: note ?? null,
      });
      recordUndoable(db, { actor, kind: 'dedupe', documentId: docs[0] ?? null, key: action, before: undoBefore, after: dedupeUndoAfter(db, undoBefore, touched, overrideId), auditId });
      return { overrideId, clusterIds: touched };
    })
    .immediate();
}

function applyNow(db: Db, action: OverrideAction, docs: number[], clusterIds: (number | null)[]): number[] {
  const setMember = db.prepare('UPDATE dedupe_members SET status = ?, overridden = 1 WHERE document_id = ?');
  if (action === 'keep' || action === 'drop') {
    for (const d of docs) setMember.run(action === 'keep' ? 'kept' : 'duplicate', d);
    const ids = [...new Set(clusterIds.filter((c): c is number => c !== null))];
    ids.forEach((c) => refreshCluster(db, c));
    return ids;
  }
  const runId = db.prepare('SELECT id FROM dedupe_runs ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
  if (runId === undefined) throw new KurasiError('bad-request', 'run dedupe before merging or splitting clusters');
  const newCluster = () => Number(db.prepare(`INSERT INTO dedupe_clusters(run_id, kind, size, kept_count) VALUES (?, 'near', 0, 0)`).run(runId).lastInsertRowid);
  const move = db.prepare('UPDATE dedupe_members SET cluster_id = ? WHERE document_id = ?');
  if (action === 'split') {
    const from = clusterIds[0]!;
    const to = newCluster();
    for (const d of docs) move.run(to, d);
    refreshCluster(db, from);
    refreshCluster(db, to);
    return [from, to];
  }
  // merge
  let target = clusterIds.find((c): c is number => c !== null);
  if (target === undefined) target = newCluster();
  const addMember = db.prepare(`INSERT INTO dedupe_members(document_id, cluster_id, status, exact_group, overridden) VALUES (?, ?, 'duplicate', ?, 0)`);
  docs.forEach((d, i) => {
    const c = clusterIds[i];
    if (c === target) return;
    if (c === null || c === undefined) addMember.run(d, target, d);
    else {
      db.prepare('UPDATE dedupe_members SET cluster_id = ? WHERE cluster_id = ?').run(target, c);
      db.prepare('DELETE FROM dedupe_clusters WHERE id = ?').run(c);
    }
  });
  refreshCluster(db, target);
  return [target];
}

/** Re-derives size, kind and kept/duplicate statuses of one cluster (rule, then the members' keep/drop overrides). */
function refreshCluster(db: Db, clusterId: number): void {
  const members = db.prepare('SELECT document_id AS id, status, overridden, exact_group AS exactGroup FROM dedupe_members WHERE cluster_id = ?').all(clusterId) as {
    id: number;
    status: string;
    overridden: number;
    exactGroup: number;
  }[];
  const setDoc = db.prepare('UPDATE documents SET dup_status = ?, dup_cluster = ? WHERE id = ?');
  if (members.length < 2) {
    for (const m of members) setDoc.run(null, null, m.id);
    db.prepare('DELETE FROM dedupe_members WHERE cluster_id = ?').run(clusterId);
    db.prepare('DELETE FROM dedupe_clusters WHERE id = ?').run(clusterId);
    return;
  }
  const params = lastParams(db);
  const info = memberInfoStatement(db);
  const infos = members.map((m) => info(m.id)).filter((x): x is MemberInfo => x !== undefined);
  const kept = chooseKept(infos, params.keepRule, params.preferredSources);
  const setStatus = db.prepare('UPDATE dedupe_members SET status = ? WHERE document_id = ?');
  let keptCount = 0;
  for (const m of members) {
    const st = m.overridden === 1 ? m.status : m.id === kept ? 'kept' : 'duplicate';
    if (st === 'kept') keptCount++;
    setStatus.run(st, m.id);
    setDoc.run(st, clusterId, m.id);
  }
  const kind = new Set(members.map((m) => m.exactGroup)).size === 1 ? 'exact' : 'near';
  db.prepare('UPDATE dedupe_clusters SET size = ?, kept_count = ?, kind = ? WHERE id = ?').run(members.length, keptCount, kind, clusterId);
}

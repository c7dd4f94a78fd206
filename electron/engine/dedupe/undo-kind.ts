import { z } from 'zod';
import { undoKind } from '../audit/undo-kind';
import { KurasiError } from '../errors';
import type { Db } from '../store/open';

const clusterRow = z.object({ id: z.number().int(), run_id: z.number().int(), kind: z.string(), size: z.number().int(), kept_count: z.number().int() });
const memberRow = z.object({ document_id: z.number().int(), cluster_id: z.number().int(), status: z.string(), exact_group: z.number().int(), overridden: z.number().int() });
const overrideRow = z.object({
  id: z.number().int(),
  action: z.string(),
  document_ids: z.string(),
  others: z.string().nullable(),
  actor: z.string(),
  created_at: z.string(),
  note: z.string().nullable(),
});

/**
 * The clusters an override touched, whole (rows and every member), plus the override row itself. Undo puts the
 * snapshot from before back (and deletes the override, so later dedupe runs do not re-apply it); redo does the reverse.
 */
const dedupeState = z.object({
  /** The documents the decision named (what the history pane lists it under). */
  documentIds: z.array(z.number().int()),
  clusterIds: z.array(z.number().int()),
  docIds: z.array(z.number().int()),
  clusters: z.array(clusterRow),
  members: z.array(memberRow),
  override: overrideRow.nullable(),
});
type DedupeState = z.infer<typeof dedupeState>;
type Snapshot = Omit<DedupeState, 'override' | 'documentIds'>;

function snapshot(db: Db, clusterIds: readonly number[], docIds: readonly number[]): Snapshot {
  const cIds = [...new Set(clusterIds)].sort((a, b) => a - b);
  const clusterStmt = db.prepare('SELECT id, run_id, kind, size, kept_count FROM dedupe_clusters WHERE id = ?');
  const clusters = cIds.map((id) => clusterStmt.get(id) as z.infer<typeof clusterRow> | undefined).filter((c) => c !== undefined);
  const byCluster = db.prepare('SELECT document_id, cluster_id, status, exact_group, overridden FROM dedupe_members WHERE cluster_id = ?');
  const byDoc = db.prepare('SELECT document_id, cluster_id, status, exact_group, overridden FROM dedupe_members WHERE document_id = ?');
  const members = new Map<number, z.infer<typeof memberRow>>();
  for (const c of clusters) for (const m of byCluster.all(c.id) as z.infer<typeof memberRow>[]) members.set(m.document_id, m);
  for (const d of docIds) {
    const m = byDoc.get(d) as z.infer<typeof memberRow> | undefined;
    if (m) members.set(m.document_id, m);
  }
  return { clusterIds: cIds, docIds: [...new Set(docIds)].sort((a, b) => a - b), clusters, members: [...members.values()].sort((a, b) => a.document_id - b.document_id) };
}

/** Taken before an override is applied (in its transaction). */
export function dedupeUndoBefore(db: Db, clusterIds: readonly (number | null)[], docIds: readonly number[]): DedupeState {
  return { documentIds: [...docIds], ...snapshot(db, clusterIds.filter((c): c is number => c !== null), docIds), override: null };
}

/** Taken after it was applied: the same clusters and documents, plus the clusters it created, and the override row. */
export function dedupeUndoAfter(db: Db, before: DedupeState, touched: readonly number[], overrideId: number): DedupeState {
  const docIds = [...before.docIds, ...before.members.map((m) => m.document_id)];
  const override = db.prepare('SELECT id, action, document_ids, others, actor, created_at, note FROM dedupe_overrides WHERE id = ?').get(overrideId) as z.infer<typeof overrideRow>;
  return { documentIds: before.documentIds, ...snapshot(db, [...before.clusterIds, ...touched], docIds), override };
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => JSON.stringify([a.clusters, a.members]) === JSON.stringify([b.clusters, b.members]);

export const dedupeUndo = undoKind<DedupeState>({
  kind: 'dedupe',
  auditPrefix: 'dedupe',
  state: dedupeState,
  apply(db, a, from, to) {
    if (!sameSnapshot(snapshot(db, from.clusterIds, from.docIds), from))
      throw new KurasiError('conflict', 'these duplicate clusters changed since (another decision or a new dedupe run); nothing was undone');
    const taken = db.prepare('SELECT 1 FROM dedupe_clusters WHERE id = ?').pluck();
    if (to.clusters.some((c) => !from.clusterIds.includes(c.id) && taken.get(c.id) !== undefined))
      throw new KurasiError('conflict', 'a newer dedupe run reused these cluster ids; nothing was redone');
    const docs = new Set([...from.docIds, ...to.docIds, ...from.members.map((m) => m.document_id), ...to.members.map((m) => m.document_id)]);
    const clusters = new Set([...from.clusterIds, ...to.clusterIds]);
    const delMember = db.prepare('DELETE FROM dedupe_members WHERE document_id = ?');
    for (const d of docs) delMember.run(d);
    const delCluster = db.prepare('DELETE FROM dedupe_clusters WHERE id = ?');
    for (const c of clusters) delCluster.run(c);
    const addCluster = db.prepare('INSERT INTO dedupe_clusters(id, run_id, kind, size, kept_count) VALUES (@id, @run_id, @kind, @size, @kept_count)');
    for (const c of to.clusters) addCluster.run(c);
    const addMember = db.prepare(
      'INSERT INTO dedupe_members(document_id, cluster_id, status, exact_group, overridden) VALUES (@document_id, @cluster_id, @status, @exact_group, @overridden)',
    );
    const setDoc = db.prepare('UPDATE documents SET dup_status = ?, dup_cluster = ? WHERE id = ?');
    const placed = new Set<number>();
    for (const m of to.members) {
      addMember.run(m);
      setDoc.run(m.status, m.cluster_id, m.document_id);
      placed.add(m.document_id);
    }
    for (const d of docs) if (!placed.has(d)) setDoc.run(null, null, d);
    if (from.override) db.prepare('DELETE FROM dedupe_overrides WHERE id = ?').run(from.override.id);
    if (to.override)
      db.prepare('INSERT INTO dedupe_overrides(id, action, document_ids, others, actor, created_at, note) VALUES (@id, @action, @document_ids, @others, @actor, @created_at, @note)').run(to.override);
  },
  auditView: (_a, s) => ({ documentIds: s.documentIds, clusters: s.clusters.map((c) => ({ id: c.id, size: c.size, kept: c.kept_count })) }),
});

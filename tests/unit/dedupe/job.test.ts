import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { listAudit } from '../../../electron/engine/store/audit';
import type { Db } from '../../../electron/engine/store/open';
import { ensureSource } from '../../../electron/engine/corpus/sources';
import { syncFullTextIndex } from '../../../electron/engine/store/fts';
import { seedCorpus, hashText, type SeedDoc } from '../../helpers/corpus';
import { runKurasi } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { oneWordChanged, realParagraphs } from './fixture';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const [p1, p2, p3, p4, p5] = realParagraphs() as [string, string, string, string, string];

/** d1..d8: exact pair (d1,d4), near pair (d2,d5), near triple (d3,d6,d7), unique d8. */
function fixture(): SeedDoc[] {
  return [
    { text: p1, externalId: 'd1' },
    { text: p2, externalId: 'd2' },
    { text: p3, externalId: 'd3' },
    { text: `  ${p1.toUpperCase()}  `, externalId: 'd4' },
    { text: oneWordChanged(p2), externalId: 'd5' },
    { text: `${p3}\n\nHak cipta dilindungi undang-undang.`, externalId: 'd6' },
    { text: oneWordChanged(p3, 20), externalId: 'd7' },
    { text: p4, externalId: 'd8' },
  ];
}

function clustersByExternalId(db: Db): { kind: string; members: string[]; kept: string[] }[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.kind, d.external_id AS ext, m.status FROM dedupe_clusters c JOIN dedupe_members m ON m.cluster_id = c.id
       JOIN documents d ON d.id = m.document_id ORDER BY d.external_id`,
    )
    .all() as { id: number; kind: string; ext: string; status: string }[];
  const by = new Map<number, { kind: string; members: string[]; kept: string[] }>();
  for (const r of rows) {
    const c = by.get(r.id) ?? { kind: r.kind, members: [], kept: [] };
    c.members.push(r.ext);
    if (r.status === 'kept') c.kept.push(r.ext);
    by.set(r.id, c);
  }
  return [...by.values()].sort((a, b) => a.members[0]!.localeCompare(b.members[0]!));
}

async function run(e: Engine, params: Record<string, unknown> = {}) {
  const id = e.jobs.start('dedupe', { workers: 2, ...params });
  const job = await e.jobs.wait(id);
  expect(job.error).toBeNull();
  expect(job.state).toBe('done');
  return job.result as { clusters: number; duplicates: number; incremental: boolean; fingerprinted: number; documents: number };
}

function docId(db: Db, ext: string): number {
  return (db.prepare('SELECT id FROM documents WHERE external_id = ?').get(ext) as { id: number }).id;
}

describe('dedupe job', () => {
  it('finds exact and near clusters on real paragraphs and marks all but the kept one duplicate', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const r = await run(engine);
    expect(r).toMatchObject({ clusters: 3, duplicates: 4, documents: 8, fingerprinted: 8, incremental: false });
    // Keep rule 'longest': the upper-cased copy has two extra spaces; the footer copy is longest of the triple.
    expect(clustersByExternalId(engine.db)).toEqual([
      { kind: 'exact', members: ['d1', 'd4'], kept: ['d4'] },
      { kind: 'near', members: ['d2', 'd5'], kept: [p2.length >= oneWordChanged(p2).length ? 'd2' : 'd5'] },
      { kind: 'near', members: ['d3', 'd6', 'd7'], kept: ['d6'] },
    ]);
    const st = engine.db.prepare(`SELECT dup_status, count(*) AS n FROM documents GROUP BY dup_status ORDER BY dup_status`).all();
    expect(st).toEqual([
      { dup_status: null, n: 1 },
      { dup_status: 'duplicate', n: 4 },
      { dup_status: 'kept', n: 3 },
    ]);
    const list = await dispatch(engine, 'dedupe.clusters', {});
    if (!list.ok) throw new Error(list.error.message);
    expect((list.value as { rows: { size: number }[] }).rows.map((c) => c.size)).toEqual([3, 2, 2]);
    const summary = await dispatch(engine, 'dedupe.summary', {});
    expect(summary.ok && summary.value).toMatchObject({ clusters: 3, exactClusters: 1, nearClusters: 2, duplicates: 4, kept: 3 });
  });

  it('keep rule "earliest" keeps the first import', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path });
    await run(engine, { keepRule: 'earliest' });
    expect(clustersByExternalId(engine.db).map((c) => c.kept)).toEqual([['d1'], ['d2'], ['d3']]);
  });

  it('keeps user overrides (keep several, split, merge) across re-runs, and audits them', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const e = engine;
    await run(e);
    const keep = await dispatch(e, 'dedupe.override', { action: 'keep', documentIds: [docId(e.db, 'd1')] });
    expect(keep.ok).toBe(true);
    const split = await dispatch(e, 'dedupe.override', { action: 'split', documentIds: [docId(e.db, 'd7')] });
    expect(split.ok).toBe(true);
    const merge = await dispatch(e, 'dedupe.override', { action: 'merge', documentIds: [docId(e.db, 'd2'), docId(e.db, 'd8')] });
    expect(merge.ok).toBe(true);
    const expected = [
      { kind: 'exact', members: ['d1', 'd4'], kept: ['d1', 'd4'] },
      { kind: 'near', members: ['d2', 'd5', 'd8'], kept: [expect.any(String)] },
      { kind: 'near', members: ['d3', 'd6'], kept: ['d6'] },
    ];
    expect(clustersByExternalId(e.db)).toEqual(expected);
    expect(e.db.prepare('SELECT dup_status FROM documents WHERE external_id = ?').pluck().get('d7')).toBeNull();
    // Re-run from scratch: same clusters and statuses.
    await run(e, { full: true });
    expect(clustersByExternalId(e.db)).toEqual(expected);
    expect(e.db.prepare('SELECT dup_status FROM documents WHERE external_id = ?').pluck().get('d7')).toBeNull();
    const audit = e.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'dedupe.%' ORDER BY id`).pluck().all();
    expect(audit).toEqual(['dedupe.keep', 'dedupe.split', 'dedupe.merge']);
    const splitFrom = split.ok ? (split.value as { clusterIds: number[] }).clusterIds[0] : 0;
    expect(listAudit(e.db, 'dedupe-cluster', String(splitFrom)).length).toBeGreaterThan(0);
    // A bad override is refused across the boundary, not thrown.
    const bad = await dispatch(e, 'dedupe.override', { action: 'split', documentIds: [docId(e.db, 'd7')] });
    expect(bad.ok).toBe(false);
  });

  it('checks a new import against the stored index without fingerprinting the old documents again', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path });
    const e = engine;
    await run(e);
    // A later import: a near copy of d8 (unique so far), an exact copy of d2, and a new unique text.
    const src = ensureSource(e.db, 'later', 'test', undefined);
    const ins = e.db.prepare('INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (?, ?, ?, ?, ?, ?)');
    for (const [ext, text] of [
      ['n1', oneWordChanged(p4, 5)],
      ['n2', p2],
      ['n3', p5],
    ] as const) {
      ins.run(src, ext, text, hashText(text), text.length, text.split(' ').length);
    }
    const r = await run(e);
    expect(r).toMatchObject({ incremental: true, fingerprinted: 3, documents: 11 });
    const c = clustersByExternalId(e.db).map((x) => x.members);
    expect(c).toEqual([['d1', 'd4'], ['d2', 'd5', 'n2'], ['d3', 'd6', 'd7'], ['d8', 'n1']]);
    // A run with no new documents fingerprints nothing and changes nothing.
    const again = await run(e);
    expect(again).toMatchObject({ incremental: true, fingerprinted: 0 });
    expect(clustersByExternalId(e.db).map((x) => x.members)).toEqual(c);
  });

  it('keeps cluster ids across re-runs (the smallest member), documents mirror the members, the summary says up to which document the run looked', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path });
    const e = engine;
    const mirror = () => {
      const members = e.db.prepare('SELECT document_id AS id, status, cluster_id AS cluster FROM dedupe_members ORDER BY document_id').all();
      const docs = e.db.prepare('SELECT id, dup_status AS status, dup_cluster AS cluster FROM documents WHERE dup_status IS NOT NULL ORDER BY id').all();
      expect(docs).toEqual(members);
      return members as { id: number; status: string; cluster: number }[];
    };
    const before = await dispatch(e, 'dedupe.summary', {});
    expect(before.ok && (before.value as { checkedThrough: number | null }).checkedThrough).toBeNull();
    await run(e);
    const first = mirror();
    const ids = e.db.prepare('SELECT c.id, min(m.document_id) AS smallest FROM dedupe_clusters c JOIN dedupe_members m ON m.cluster_id = c.id GROUP BY c.id').all() as {
      id: number;
      smallest: number;
    }[];
    for (const c of ids) expect(c.id).toBe(c.smallest);
    await run(e, { full: true });
    expect(mirror()).toEqual(first);
    // d7 split off by hand: after the next run it is back to "no duplicate" in documents too.
    expect((await dispatch(e, 'dedupe.override', { action: 'split', documentIds: [docId(e.db, 'd7')] })).ok).toBe(true);
    await run(e, { full: true });
    mirror();
    expect(e.db.prepare('SELECT dup_status FROM documents WHERE external_id = ?').pluck().get('d7')).toBeNull();
    const maxId = e.db.prepare('SELECT max(id) FROM documents').pluck().get() as number;
    const summary = await dispatch(e, 'dedupe.summary', {});
    expect(summary.ok && (summary.value as { checkedThrough: number | null }).checkedThrough).toBe(maxId);
  });

  it('documents.list filters to the members of one cluster (dupCluster), alone or with other filters, and checks the id', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    engine = openEngine({ dbPath: path });
    const e = engine;
    await run(e);
    const list = async (filters: Record<string, unknown>, sort?: Record<string, unknown>) => {
      const r = await dispatch(e, 'documents.list', { limit: 500, filters, ...(sort ? { sort } : {}) });
      if (!r.ok) throw new Error(r.error.message);
      const page = r.value as { total: number; rows: { externalId: string; dupStatus: string | null; dupCluster: number | null }[] };
      return { total: page.total, ext: page.rows.map((x) => x.externalId) };
    };
    const triple = docId(e.db, 'd3');
    const clusters = await dispatch(e, 'dedupe.clusters', { offset: 0, limit: 50 });
    expect(clusters.ok).toBe(true);
    const ids = (clusters.ok ? (clusters.value as { rows: { id: number; size: number }[] }).rows : []).map((c) => [c.id, c.size]);
    expect(ids).toHaveLength(3);
    // Each cluster lists exactly its members (the triple d3, d6, d7 by its id, the smallest member's).
    for (const [id, size] of ids) expect((await list({ dupCluster: id })).total).toBe(size);
    expect(await list({ dupCluster: triple })).toEqual({ total: 3, ext: ['d3', 'd6', 'd7'] });
    expect(await list({ dupCluster: triple }, { column: 'length', dir: 'desc' })).toMatchObject({ total: 3, ext: expect.arrayContaining(['d3', 'd6', 'd7']) });
    // With another filter: the members marked duplicate (d6, the longest, is kept).
    expect(await list({ dupCluster: triple, dupStatus: 'duplicate' })).toEqual({ total: 2, ext: ['d3', 'd7'] });
    syncFullTextIndex(e.db);
    expect(await list({ dupCluster: triple, sourceId: 1, q: 'undang' })).toEqual({ total: 1, ext: ['d6'] });
    // A cluster that does not exist (a unique document's id) has no members.
    expect(await list({ dupCluster: docId(e.db, 'd8') })).toEqual({ total: 0, ext: [] });
    // A split member leaves the cluster's list at once.
    expect((await dispatch(e, 'dedupe.override', { action: 'split', documentIds: [docId(e.db, 'd7')] })).ok).toBe(true);
    expect((await list({ dupCluster: triple })).ext).toEqual(['d3', 'd6']);
    // Only a positive whole number is a cluster id.
    for (const bad of [0, -1, 1.5, '3', null]) expect((await dispatch(e, 'documents.list', { filters: { dupCluster: bad } })).ok).toBe(false);
  });

  it('a cancelled run leaves the previous clusters whole', async () => {
    const paras = realParagraphs(20);
    const docs: SeedDoc[] = fixture();
    // Enough extra documents that fingerprinting takes a while.
    for (let i = 0; i < 15_000; i++) docs.push({ text: `${paras[i % paras.length]} ${i} ${i * 7}`, externalId: `x${i}` });
    const { path, db } = seedCorpus(docs);
    db.close();
    engine = openEngine({ dbPath: path });
    const e = engine;
    // A finished run first; then a full re-run with other settings, cancelled while it fingerprints.
    await run(e);
    const before = e.db.prepare('SELECT * FROM dedupe_members ORDER BY document_id').all();
    const beforeDocs = e.db.prepare('SELECT id, dup_status, dup_cluster FROM documents WHERE dup_status IS NOT NULL ORDER BY id').all();
    expect(before.length).toBeGreaterThan(0);
    const id = e.jobs.start('dedupe', { workers: 2, full: true, threshold: 0.7 });
    await new Promise<void>((resolve) => {
      const off = e.events.on('job-progress', (p) => {
        if (p.jobId === id && p.done > 0) {
          off();
          e.jobs.cancel(id);
          resolve();
        }
      });
    });
    const job = await e.jobs.wait(id);
    expect(job.state).toBe('cancelled');
    expect(e.db.prepare('SELECT * FROM dedupe_members ORDER BY document_id').all()).toEqual(before);
    expect(e.db.prepare('SELECT id, dup_status, dup_cluster FROM documents WHERE dup_status IS NOT NULL ORDER BY id').all()).toEqual(beforeDocs);
    expect(e.db.prepare('SELECT count(*) FROM dedupe_runs').pluck().get()).toBe(1);
  });

  it('kurasi dedupe writes the JSONL report with the ids given at import', async () => {
    const { path, db } = seedCorpus(fixture());
    db.close();
    const report = join(tempDir(), 'r.jsonl');
    const out = await runKurasi(['dedupe', '--db', path, '--report', report, '--keep', 'earliest', '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ clusters: 3, duplicates: 4 });
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const docId = (ext: string) => Number(ext.slice(1));
    const line = (kind: string, kept: string, members: string[]) => ({
      cluster: expect.any(String),
      kind,
      kept,
      members,
      sources: members.map((m) => (fixture()[docId(m) - 1]?.source ?? 'test')),
      documentIds: members.map(docId),
    });
    expect(lines).toEqual([line('near', 'd3', ['d3', 'd6', 'd7']), line('exact', 'd1', ['d1', 'd4']), line('near', 'd2', ['d2', 'd5'])]);
    // A report that cannot be written stops the run before anything is marked.
    const again = await runKurasi(['dedupe', '--db', path, '--report', join(tempDir(), 'no-such-dir', 'r.jsonl')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no-such-dir\/r\.jsonl: cannot write the report \(ENOENT\)/);
    const stats = await runKurasi(['stats', '--db', path, '--json']);
    expect(JSON.parse(stats.stdout).sections.duplicates).toEqual({ clusters: 3, exactClusters: 1, nearClusters: 2, duplicates: 4, kept: 3 });
    const bad = await runKurasi(['dedupe', '--db', path, '--threshold', '2']);
    expect(bad.code).toBe(2);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { type Input, type MethodName } from '../../../shared/contract';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import { oneWordChanged, realParagraphs } from '../dedupe/fixture';

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

async function fails<K extends MethodName>(e: Engine, name: K, input: Input<K>): Promise<string> {
  const r = await dispatch(e, name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error.code;
}

function corpus(docs: SeedDoc[]): string {
  const { path, db } = seedCorpus(docs);
  db.close();
  return path;
}

function open(path: string, actor: string): Engine {
  const e = openEngine({ dbPath: path, actor });
  engines.push(e);
  return e;
}

const [p1, p2, p3, p4] = realParagraphs() as [string, string, string, string];
const texts: SeedDoc[] = [
  { text: p1, externalId: 'd1', source: 'web' },
  { text: p2, externalId: 'd2', source: 'web' },
  { text: p3, externalId: 'd3', source: 'news' },
  { text: `  ${p1.toUpperCase()}  `, externalId: 'd4', source: 'web' },
  { text: oneWordChanged(p2), externalId: 'd5', source: 'news' },
  { text: `${p3}\n\nHak cipta dilindungi undang-undang.`, externalId: 'd6', source: 'news' },
  { text: oneWordChanged(p3, 20), externalId: 'd7', source: 'news' },
  { text: p4, externalId: 'd8', source: 'web' },
];

const doc = (e: Engine, id: number) =>
  e.db.prepare('SELECT lang, lang_source AS source, dup_status AS dup, dup_cluster AS cluster, pii_count AS pii FROM documents WHERE id = ?').get(id) as {
    lang: string | null;
    source: string | null;
    dup: string | null;
    cluster: number | null;
    pii: number | null;
  };
const clusters = (e: Engine) =>
  JSON.stringify([
    e.db.prepare('SELECT id, kind, size, kept_count FROM dedupe_clusters ORDER BY id').all(),
    e.db.prepare('SELECT * FROM dedupe_members ORDER BY document_id').all(),
    e.db.prepare('SELECT id, dup_status, dup_cluster FROM documents ORDER BY id').all(),
    e.db.prepare('SELECT id, action, document_ids FROM dedupe_overrides ORDER BY id').all(),
  ]);

describe('undo across features', () => {
  it('undoes and redoes a language override; a langid re-run in between keeps the override semantics', async () => {
    const e = open(corpus(texts), 'ana');
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    const auto = doc(e, 1);
    expect(auto.source).toBe('auto');

    await call(e, 'documents.setLanguage', { id: 1, lang: 'jav' });
    // A re-run leaves the manual override alone, so it is still there to undo.
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    expect(doc(e, 1)).toMatchObject({ lang: 'jav', source: 'manual' });

    const u = await call(e, 'audit.undo', {});
    expect(u).toMatchObject({ kind: 'langid', action: 'langid.override', documentId: 1 });
    expect(doc(e, 1)).toMatchObject({ lang: auto.lang, source: 'auto' });
    const summary = () => e.db.prepare('SELECT coalesce(sum(manual), 0) FROM langid_summary').pluck().get();
    expect(summary()).toBe(0);
    // Undone, the document is the model's again: a re-run may relabel it.
    e.db.prepare(`UPDATE documents SET lang = 'sun' WHERE id = 1`).run();
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    expect(doc(e, 1)).toMatchObject({ lang: auto.lang, source: 'auto' });

    await call(e, 'audit.redo', {});
    expect(doc(e, 1)).toMatchObject({ lang: 'jav', source: 'manual' });
    expect(summary()).toBe(1);
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    expect(doc(e, 1)).toMatchObject({ lang: 'jav', source: 'manual' });

    // Clearing the override, a re-run relabelling it, then undoing the clear brings the override back.
    await call(e, 'documents.setLanguage', { id: 1, lang: null });
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    expect(doc(e, 1)).toMatchObject({ lang: auto.lang, source: 'auto' });
    expect(await call(e, 'audit.undo', {})).toMatchObject({ action: 'langid.clear-override' });
    expect(doc(e, 1)).toMatchObject({ lang: 'jav', source: 'manual' });

    const history = await call(e, 'audit.history', { documentId: 1 });
    expect(history.map((h) => h.action)).toEqual(['langid.undo', 'langid.clear-override', 'langid.redo', 'langid.undo', 'langid.override']);
    expect(history[0]).toMatchObject({ actor: 'ana', entity: 'document', before: { action: 'langid.clear-override' } });
  });

  it('undoes and redoes PII confirm and dismiss, with the counts', async () => {
    const e = open(corpus(texts), 'ana');
    await call(e, 'pii.decide', { documentId: 2, type: 'EMAIL', start: 0, end: 5, decision: 'confirmed' });
    expect(doc(e, 2).pii).toBe(1);
    await call(e, 'pii.decide', { documentId: 2, type: 'EMAIL', start: 0, end: 5, decision: 'dismissed' });
    expect(doc(e, 2).pii).toBe(0);
    expect(await call(e, 'audit.undo', {})).toMatchObject({ kind: 'pii', action: 'pii.dismiss', documentId: 2 });
    const decision = () => e.db.prepare('SELECT decision FROM pii_decisions WHERE document_id = 2').pluck().get();
    expect(decision()).toBe('confirmed');
    expect(doc(e, 2).pii).toBe(1);
    expect(await call(e, 'audit.undo', {})).toMatchObject({ action: 'pii.confirm' });
    expect(decision()).toBeUndefined();
    expect(doc(e, 2).pii).toBe(0);
    await call(e, 'audit.redo', {});
    expect(decision()).toBe('confirmed');
    await call(e, 'audit.redo', {});
    expect(decision()).toBe('dismissed');
    expect(await call(e, 'audit.redo', {})).toMatchObject({ actionId: null });
    const history = await call(e, 'audit.history', { documentId: 2 });
    expect(history.map((h) => h.action)).toEqual(['pii.redo', 'pii.redo', 'pii.undo', 'pii.undo', 'pii.dismiss', 'pii.confirm']);
  });

  it('undoes and redoes licence decisions on a source and on a document; the source history shows them', async () => {
    const e = open(corpus(texts), 'ana');
    const row = () => e.db.prepare(`SELECT concluded_license AS concluded, review_state AS state, reviewer FROM sources WHERE name = 'web'`).get();
    const start = row();
    await call(e, 'license.set', { source: 'web', concluded: 'CC-BY-4.0', state: 'in-review' });
    await call(e, 'license.set', { source: 'web', state: 'cleared' });
    const cleared = row();
    expect(cleared).toMatchObject({ concluded: 'CC-BY-4.0', state: 'cleared' });
    await call(e, 'license.setDocument', { documentId: 8, concluded: 'CC0-1.0' });

    expect(await call(e, 'audit.undo', {})).toMatchObject({ kind: 'license-document', documentId: 8 });
    expect(e.db.prepare('SELECT count(*) FROM document_licenses').pluck().get()).toBe(0);
    expect(await call(e, 'audit.undo', {})).toMatchObject({ kind: 'license', action: 'license.set', documentId: null });
    expect(row()).toMatchObject({ concluded: 'CC-BY-4.0', state: 'in-review' });
    await call(e, 'audit.undo', {});
    expect(row()).toEqual(start);
    await call(e, 'audit.redo', {});
    await call(e, 'audit.redo', {});
    // Redone exactly: cleared, not turned stale by the licence trigger.
    expect(row()).toEqual(cleared);

    const sourceId = e.db.prepare(`SELECT id FROM sources WHERE name = 'web'`).pluck().get() as number;
    const detail = await call(e, 'license.get', { source: sourceId });
    expect(detail.history.map((h) => h.action).slice(0, 4)).toEqual(['license.redo', 'license.redo', 'license.undo', 'license.undo']);
    // A document's history pane includes its source's licence decisions.
    const history = await call(e, 'audit.history', { documentId: 1 });
    expect(history.filter((h) => h.entity === 'source').map((h) => h.action)).toContain('license.set');
    expect(history.filter((h) => h.entity === 'document')).toEqual([]);
    const h8 = await call(e, 'audit.history', { documentId: 8 });
    expect(h8.filter((h) => h.entity === 'document').map((h) => h.action)).toEqual(['license.undo', 'license.document']);
  });

  it('undoes and redoes duplicate decisions (keep, split, merge), restoring clusters exactly', async () => {
    const e = open(corpus(texts), 'ana');
    const job = await e.jobs.wait(e.jobs.start('dedupe', { workers: 1 }));
    expect(job.state).toBe('done');
    const initial = clusters(e);
    const triple = doc(e, 3).cluster;
    expect(triple).not.toBeNull();
    const dupOf3 = [3, 6, 7].find((d) => doc(e, d).dup === 'duplicate')!;

    await call(e, 'dedupe.override', { action: 'keep', documentIds: [dupOf3] });
    const kept = clusters(e);
    expect(doc(e, dupOf3).dup).toBe('kept');
    await call(e, 'dedupe.override', { action: 'split', documentIds: [7] });
    const split = clusters(e);
    await call(e, 'dedupe.override', { action: 'merge', documentIds: [1, 2] });
    const merged = clusters(e);
    expect(doc(e, 1).cluster).toBe(doc(e, 2).cluster);

    expect(await call(e, 'audit.undo', {})).toMatchObject({ kind: 'dedupe', action: 'dedupe.merge' });
    expect(clusters(e)).toBe(split);
    await call(e, 'audit.undo', {});
    expect(clusters(e)).toBe(kept);
    await call(e, 'audit.undo', {});
    expect(clusters(e)).toBe(initial);
    await call(e, 'audit.redo', {});
    await call(e, 'audit.redo', {});
    await call(e, 'audit.redo', {});
    expect(clusters(e)).toBe(merged);

    const history = await call(e, 'audit.history', { documentId: 7 });
    expect(history.map((h) => h.action).filter((a) => a !== 'dedupe.keep')).toEqual(['dedupe.redo', 'dedupe.undo', 'dedupe.split']);
    expect(history.every((h) => h.entity === 'dedupe-cluster')).toBe(true);
    const h1 = await call(e, 'audit.history', { documentId: 1 });
    expect(h1.map((h) => h.action)).toEqual(['dedupe.redo', 'dedupe.undo', 'dedupe.merge']);
    const h2 = await call(e, 'audit.history', { documentId: 2 });
    expect(h2[0]).toMatchObject({ action: 'dedupe.redo', actor: 'ana', before: { action: 'dedupe.merge' } });
  });

  it('one stack per person across features, in order; a new action ends the redo chain; others cannot undo it', async () => {
    const path = corpus(texts);
    const ana = open(path, 'ana');
    await call(ana, 'labels.set', { documentId: 1, question: 'decision', value: 'keep' });
    await call(ana, 'documents.setLanguage', { id: 2, lang: 'sun' });
    await call(ana, 'pii.decide', { documentId: 3, type: 'PHONE', start: 0, end: 4, decision: 'confirmed' });

    const budi = open(path, 'budi');
    expect(await call(budi, 'audit.undo', {})).toMatchObject({ actionId: null });
    expect(doc(ana, 2)).toMatchObject({ lang: 'sun', source: 'manual' });
    // Budi's own action is on his stack only.
    await call(budi, 'documents.setLanguage', { id: 4, lang: 'jav' });
    expect(await call(ana, 'audit.undo', {})).toMatchObject({ kind: 'pii' });
    expect(await call(ana, 'audit.undo', {})).toMatchObject({ kind: 'langid', documentId: 2 });
    expect(doc(ana, 4)).toMatchObject({ lang: 'jav', source: 'manual' });
    // Budi changes what Ana's next redo would restore: Ana's redo is refused, nothing written.
    await call(budi, 'documents.setLanguage', { id: 2, lang: 'mad' });
    expect(await fails(ana, 'audit.redo', {})).toBe('conflict');
    expect(doc(ana, 2)).toMatchObject({ lang: 'mad' });

    // A new action ends Ana's redo chain.
    await call(ana, 'license.setDocument', { documentId: 5, concluded: 'MIT' });
    expect(await call(ana, 'audit.redo', {})).toMatchObject({ actionId: null });
    expect(await call(ana, 'audit.undo', {})).toMatchObject({ kind: 'license-document' });
    expect(await call(ana, 'audit.undo', {})).toMatchObject({ kind: 'label', documentId: 1 });
    expect(await call(ana, 'audit.undo', {})).toMatchObject({ actionId: null });

    // Every undo is in the append-only log, by the person who undid.
    const undos = ana.db.prepare(`SELECT actor, action FROM audit_log WHERE action LIKE '%.undo' ORDER BY id`).all();
    expect(undos).toEqual([
      { actor: 'ana', action: 'pii.undo' },
      { actor: 'ana', action: 'langid.undo' },
      { actor: 'ana', action: 'license.undo' },
      { actor: 'ana', action: 'label.undo' },
    ]);
  });

  it('in the app the OS user and the chosen annotator are one person; an explicit other actor keeps its own stack', async () => {
    const path = corpus(texts);
    const app = openEngine({ dbPath: path });
    engines.push(app);
    await call(app, 'annotators.set', { name: 'sari' });
    await call(app, 'labels.set', { documentId: 1, question: 'decision', value: 'drop' });
    await call(app, 'documents.setLanguage', { id: 1, lang: 'sun' });
    const lead = open(path, 'lead-curator');
    await call(lead, 'license.setDocument', { documentId: 2, concluded: 'MIT' });
    // The app's undo walks its own language override, then its label: not the curator's licence.
    expect(await call(app, 'audit.undo', {})).toMatchObject({ kind: 'langid', documentId: 1 });
    expect(await call(app, 'audit.undo', {})).toMatchObject({ kind: 'label', documentId: 1 });
    expect(await call(app, 'audit.undo', {})).toMatchObject({ actionId: null });
    expect(app.db.prepare('SELECT concluded_license FROM document_licenses WHERE document_id = 2').pluck().get()).toBe('MIT');
    // The curator's action is on the curator's own stack.
    expect(app.db.prepare(`SELECT actor FROM label_actions WHERE kind = 'license-document'`).pluck().get()).toBe('lead-curator');
  });
});

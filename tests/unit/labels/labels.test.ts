import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { join } from 'node:path';
import { agreementResult, exportSummary, importReport } from '../../../shared/contract/labels';
import { tempDir } from '../../helpers/temp';
import { docs, labelCorpus, laptops } from './helpers';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

function start(n = 5): Engine {
  const { path, db } = labelCorpus(docs(n));
  db.close();
  engine = openEngine({ dbPath: path, actor: 'os-user' });
  return engine;
}

const labelCount = (e: Engine, id: number) => (e.db.prepare('SELECT label_count AS n FROM documents WHERE id = ?').get(id) as { n: number }).n;

describe('labels', () => {
  it('starts with the pretraining curation schema and asks for an annotator on first run', async () => {
    const e = start();
    const schema = await call(e, 'labels.schema', {});
    expect(schema.questions.map((q) => q.key)).toEqual(['decision', 'drop_reason']);
    expect(schema.questions[1]?.options.map((o) => o.value)).toEqual([
      'low-quality', 'wrong-language', 'duplicate', 'personal-data', 'toxic', 'spam-seo', 'machine-translated', 'boilerplate',
    ]);
    expect(await call(e, 'annotators.current', {})).toEqual({ name: null });
    expect(await call(e, 'annotators.set', { name: ' Sari ' })).toEqual({ name: 'Sari' });
    expect(await call(e, 'annotators.current', {})).toEqual({ name: 'Sari' });
  });

  it('saves a label at once with annotator and time, in the audit log (before/after), and keeps label_count', async () => {
    const e = start();
    await call(e, 'annotators.set', { name: 'sari' });
    const r1 = await call(e, 'labels.set', { documentId: 2, question: 'decision', value: 'drop' });
    const r2 = await call(e, 'labels.set', { documentId: 2, question: 'drop_reason', value: 'spam-seo' });
    expect(r2.labels.labels.map((l) => [l.annotator, l.question, l.value])).toEqual([
      ['sari', 'decision', 'drop'],
      ['sari', 'drop_reason', 'spam-seo'],
    ]);
    expect(Date.parse(r2.labels.labels[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(r1.actionId).toBeLessThan(r2.actionId);
    expect(labelCount(e, 2)).toBe(2);
    await call(e, 'labels.set', { documentId: 2, question: 'decision', value: 'keep' });
    await call(e, 'labels.set', { documentId: 2, question: 'drop_reason', value: null });
    expect(labelCount(e, 2)).toBe(1);
    const history = await call(e, 'audit.history', { documentId: 2 });
    expect(history.map((h) => h.action)).toEqual(['label.clear', 'label.set', 'label.set', 'label.set']);
    expect(history.every((h) => h.actor === 'sari')).toBe(true);
    expect(history[1]).toMatchObject({ before: { question: 'decision', state: { value: 'drop' } }, after: { question: 'decision', state: { value: 'keep' } } });
  });

  it('refuses unknown questions and values without writing anything', async () => {
    const e = start();
    for (const [question, value] of [['decision', 'maybe'], ['nope', 'keep'], ['decision', 3]] as const) {
      const r = await dispatch(e, 'labels.set', { documentId: 1, question, value });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await dispatch(e, 'labels.set', { documentId: 99, question: 'decision', value: 'keep' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((e.db.prepare('SELECT count(*) AS n FROM labels').get() as { n: number }).n).toBe(0);
    expect((e.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'label%'`).get() as { n: number }).n).toBe(0);
  });

  it('undoes and redoes only the annotator’s own recent actions, in order, and records them', async () => {
    const e = start();
    await call(e, 'annotators.set', { name: 'budi' });
    await call(e, 'labels.set', { documentId: 1, question: 'decision', value: 'keep' });
    await call(e, 'labels.set', { documentId: 2, question: 'decision', value: 'drop' });
    await call(e, 'labels.set', { documentId: 2, question: 'decision', value: 'keep' });
    // Another annotator's action on the same file must not be undone by budi.
    await call(e, 'annotators.set', { name: 'ani' });
    await call(e, 'labels.set', { documentId: 3, question: 'decision', value: 'drop' });
    await call(e, 'annotators.set', { name: 'budi' });

    const value = (doc: number, who = 'budi') =>
      (e.db.prepare(`SELECT value FROM labels WHERE document_id = ? AND annotator = ? AND question = 'decision'`).get(doc, who) as { value: string } | undefined)?.value;
    const u1 = await call(e, 'audit.undo', {});
    expect(u1.documentId).toBe(2);
    expect(value(2)).toBe('"drop"');
    const u2 = await call(e, 'audit.undo', {});
    expect(u2.documentId).toBe(2);
    expect(value(2)).toBeUndefined();
    expect(labelCount(e, 2)).toBe(0);
    await call(e, 'audit.redo', {});
    expect(value(2)).toBe('"drop"');
    await call(e, 'audit.redo', {});
    expect(value(2)).toBe('"keep"');
    expect(await call(e, 'audit.redo', {})).toEqual({ actionId: null, documentId: null, kind: null, action: null, description: null, questions: [] });
    await call(e, 'audit.undo', {});
    await call(e, 'audit.undo', {});
    await call(e, 'audit.undo', {});
    expect(value(1)).toBeUndefined();
    expect(await call(e, 'audit.undo', {})).toMatchObject({ actionId: null });
    expect(value(3, 'ani')).toBe('"drop"');
    // A new action ends the redo chain.
    await call(e, 'labels.set', { documentId: 4, question: 'decision', value: 'keep' });
    expect(await call(e, 'audit.redo', {})).toMatchObject({ actionId: null });
    const history = await call(e, 'audit.history', { documentId: 2 });
    expect(history.map((h) => h.action).slice(0, 4)).toEqual(['label.undo', 'label.undo', 'label.redo', 'label.redo']);
  });

  it('span labels on character ranges, with undo', async () => {
    const e = start();
    await call(e, 'annotators.set', { name: 'sari' });
    await call(e, 'labels.setSchema', {
      schema: {
        questions: [
          { key: 'decision', kind: 'single', title: { id: 'Keputusan', en: 'Decision' }, options: [{ value: 'keep', title: { id: 'Simpan', en: 'Keep' }, hotkey: 'k' }] },
          { key: 'pii', kind: 'span', title: { id: 'Data pribadi', en: 'Personal data' }, options: [{ value: 'name', title: { id: 'Nama', en: 'Name' }, hotkey: 'n' }] },
          { key: 'quality', kind: 'rating', title: { id: 'Mutu', en: 'Quality' } },
          { key: 'topics', kind: 'multi', title: { id: 'Topik', en: 'Topics' }, options: [{ value: 'news', title: { id: 'Berita', en: 'News' } }, { value: 'law', title: { id: 'Hukum', en: 'Law' } }] },
          { key: 'comment', kind: 'note', title: { id: 'Catatan', en: 'Note' } },
        ],
      },
    });
    const r = await call(e, 'labels.addSpan', { documentId: 1, question: 'pii', label: 'name', start: 0, end: 7 });
    expect(r.labels.spans).toMatchObject([{ annotator: 'sari', label: 'name', start: 0, end: 7 }]);
    expect(await dispatch(e, 'labels.addSpan', { documentId: 1, question: 'pii', label: 'name', start: 0, end: 100_000 })).toMatchObject({ ok: false });
    await call(e, 'labels.set', { documentId: 1, question: 'quality', value: 4 });
    const t = await call(e, 'labels.set', { documentId: 1, question: 'topics', value: ['news', 'law', 'news'] });
    expect(t.labels.labels.find((l) => l.question === 'topics')?.value).toEqual(['law', 'news']);
    await call(e, 'labels.set', { documentId: 1, question: 'comment', value: ' perlu dicek ' });
    expect(await dispatch(e, 'labels.set', { documentId: 1, question: 'quality', value: 6 })).toMatchObject({ ok: false });
    expect(labelCount(e, 1)).toBe(4);
    await call(e, 'audit.undo', {});
    await call(e, 'audit.undo', {});
    await call(e, 'audit.undo', {});
    const after = await call(e, 'audit.undo', {});
    expect(after.description).toMatch(/span 'pii'/);
    expect(labelCount(e, 1)).toBe(0);
  });

  it('blind mode hides other annotators until the question is adjudicated', async () => {
    const e = start();
    await call(e, 'annotators.set', { name: 'ani' });
    await call(e, 'labels.set', { documentId: 1, question: 'decision', value: 'keep' });
    await call(e, 'labels.setBlind', { blind: true });
    await call(e, 'annotators.set', { name: 'budi' });
    await call(e, 'labels.set', { documentId: 1, question: 'decision', value: 'drop' });
    let seen = await call(e, 'labels.forDocument', { documentId: 1 });
    expect(seen.blind).toBe(true);
    expect(seen.labels.map((l) => l.annotator)).toEqual(['budi']);
    expect((await call(e, 'audit.history', { documentId: 1 })).every((h) => h.actor === 'budi')).toBe(true);
    const conflicts = await call(e, 'labels.conflicts', {});
    expect(conflicts.total).toBe(1);
    expect(conflicts.rows[0]?.votes.map((v) => v.annotator)).toEqual(['ani', 'budi']);
    await call(e, 'labels.adjudicate', { documentId: 1, question: 'decision', value: 'keep', reason: 'teks bersih' });
    seen = await call(e, 'labels.forDocument', { documentId: 1 });
    expect(seen.labels.map((l) => l.annotator)).toEqual(['ani', 'budi']);
    expect(seen.adjudications).toMatchObject([{ question: 'decision', value: 'keep', reason: 'teks bersih', adjudicator: 'budi' }]);
    expect((await call(e, 'labels.conflicts', {})).total).toBe(0);
    await call(e, 'labels.setBlind', { blind: false });
    expect((await call(e, 'labels.forDocument', { documentId: 1 })).blind).toBe(false);
  });

  it('exports, imports and computes agreement in jobs started through the API', async () => {
    const { path, db } = labelCorpus(docs(4));
    db.close();
    const lap = laptops(path, ['budi']);
    const dir = tempDir();
    const b = openEngine({ dbPath: lap.budi as string, actor: 'budi' });
    try {
      await call(b, 'annotators.set', { name: 'budi' });
      for (const id of [1, 2, 3]) await call(b, 'labels.set', { documentId: id, question: 'decision', value: id === 2 ? 'drop' : 'keep' });
      const started = await call(b, 'labels.export', { out: join(dir, 'budi.kpack') });
      const job = await b.jobs.wait(started.jobId);
      expect(job.state, job.error ?? '').toBe('done');
      expect(exportSummary.parse(job.result)).toMatchObject({ annotator: 'budi', labels: 3 });
    } finally {
      await b.close();
    }
    const e = openEngine({ dbPath: path, actor: 'curator' });
    engine = e;
    await call(e, 'annotators.set', { name: 'ani' });
    for (const id of [1, 2, 3]) await call(e, 'labels.set', { documentId: id, question: 'decision', value: 'keep' });
    const imp = await e.jobs.wait((await call(e, 'labels.import', { paths: [join(dir, 'budi.kpack')] })).jobId);
    expect(importReport.parse(imp.result)).toMatchObject({ committed: true, conflicts: 1, packs: [{ annotator: 'budi', imported: 3 }] });
    const ag = await e.jobs.wait((await call(e, 'agreement.compute', {})).jobId);
    const decision = agreementResult.parse(ag.result).find((q) => q.question === 'decision');
    // 2 of 3 agree; ani always keep → pe = 1·(2/3) → kappa = (2/3 − 2/3)/(1 − 2/3) = 0.
    expect(decision).toMatchObject({ annotators: ['ani', 'budi'], items: 3, cohensKappa: 0 });
    expect(decision?.rawAgreement).toBeCloseTo(2 / 3, 10);
  });
});

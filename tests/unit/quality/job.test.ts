import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { DEFAULT_RULES } from '../../../electron/engine/quality';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const GOOD =
  'Pemerintah daerah berencana membangun jalan baru yang menghubungkan dua kecamatan di wilayah selatan. ' +
  'Proyek ini diharapkan selesai pada akhir tahun depan dan akan mempermudah warga membawa hasil panen ke pasar.';
const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.';
const SHORT = 'Terima kasih.';

function docs(n: number): SeedDoc[] {
  return Array.from({ length: n }, (_, i) => ({ text: [GOOD, LOREM, SHORT][i % 3]! + ` (${i})`, externalId: `d${i}` }));
}

/** Calls a method through the API boundary and returns its typed value (throws on an error result). */
describe('quality job', () => {
  it('computes signals for every document and survives cancel + resume', async () => {
    const { path, db } = seedCorpus(docs(3000));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    const id = e.jobs.start('quality', { workers: 2, batchSize: 50 });
    await new Promise<void>((resolve) => {
      const off = e.events.on('job-progress', (p) => {
        if (p.jobId === id && p.done > 0) {
          off();
          e.jobs.cancel(id);
          resolve();
        }
      });
    });
    expect((await e.jobs.wait(id)).state).toBe('cancelled');
    const partial = (e.db.prepare('SELECT count(*) AS n FROM quality_signals').get() as { n: number }).n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(3000);
    const cp = JSON.parse((e.db.prepare('SELECT checkpoint FROM jobs WHERE id = ?').get(id) as { checkpoint: string }).checkpoint) as { lastId: number; done: number };
    expect(cp.done).toBe(partial);
    expect((e.db.prepare('SELECT count(*) AS n FROM documents WHERE id <= ? AND quality_pass IS NULL').get(cp.lastId) as { n: number }).n).toBe(0);

    e.jobs.resume(id);
    const done = await e.jobs.wait(id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ processed: 3000, pass: 1000, fail: 2000 });

    const doc = await call(e, 'quality.document', { documentId: 2 });
    expect(doc.quality?.pass).toBe(false);
    expect(doc.quality?.reasons).toContain('no-lorem-ipsum');
    const hist = await call(e, 'quality.histogram', { signal: 'word_count', bins: 10 });
    expect(hist.bins.reduce((s, b) => s + b.count, 0)).toBe(3000);
    expect(hist.estimated).toBe(false);
  });

  it('previews rule changes, saves them per corpus (audited) and re-applies them without re-reading text', async () => {
    const { path, db } = seedCorpus(docs(300));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    expect((await e.jobs.wait(e.jobs.start('quality', { workers: 1 }))).state).toBe('done');
    const got = await call(e, 'quality.rules.get', {});
    expect(got.custom).toBe(false);
    expect(got.rules).toEqual(got.defaults);

    const preview = await call(e, 'quality.rules.preview', { rules: got.rules });
    expect(preview).toMatchObject({ total: 300, pass: 100, estimated: false });
    expect(preview.rules.find((r) => r.id === 'min-words')).toMatchObject({ drops: 100, onlyThisRule: 100 });
    expect(preview.rules.find((r) => r.id === 'no-lorem-ipsum')?.drops).toBe(100);

    // Allowing short texts and lorem ipsum: everything would pass.
    const relaxed = got.rules.map((r) => (r.id === 'min-words' || r.id === 'no-lorem-ipsum' || r.id === 'min-stopwords' ? { ...r, enabled: false } : r));
    const p2 = await call(e, 'quality.rules.preview', { rules: relaxed });
    const job = await call(e, 'quality.rules.set', { rules: relaxed });
    expect((await e.jobs.wait(job.jobId)).state).toBe('done');
    const passing = (e.db.prepare('SELECT count(*) AS n FROM documents WHERE quality_pass = 1').get() as { n: number }).n;
    expect(passing).toBe(p2.pass);
    expect((await call(e, 'quality.rules.get', {})).custom).toBe(true);
    expect((e.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'quality.rules' AND actor = 'curator'`).get() as { n: number }).n).toBe(1);

    // Back to the defaults.
    await e.jobs.wait((await call(e, 'quality.rules.set', { rules: null })).jobId);
    expect((e.db.prepare('SELECT count(*) AS n FROM documents WHERE quality_pass = 1').get() as { n: number }).n).toBe(100);
    expect(DEFAULT_RULES.length).toBeGreaterThan(10);
  });

  it('rejects an unknown signal in a rule at the boundary', async () => {
    const { path, db } = seedCorpus([{ text: GOOD }]);
    db.close();
    engine = openEngine({ dbPath: path });
    const r = await dispatch(engine, 'quality.rules.preview', { rules: [{ id: 'x', signal: 'word_count; DROP TABLE documents', op: 'min', value: 1, enabled: true }] });
    expect(r.ok).toBe(false);
  });
});

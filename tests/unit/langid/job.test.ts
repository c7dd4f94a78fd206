import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { listAudit } from '../../../electron/engine/store/audit';
import { languagesStatsSection } from '../../../electron/engine/langid/stats-section';
import { realDocs } from './real-docs';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});


interface DocRow {
  id: number;
  lang: string | null;
  lang_source: string | null;
  lang_confidence: number | null;
}

describe('langid job', () => {
  it('labels every document, and survives a cancel followed by a resume', async () => {
    const { path, db } = seedCorpus(realDocs(6_000));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const e = engine;
    const id = e.jobs.start('langid', { workers: 2, batchSize: 50 });
    await new Promise<void>((resolve) => {
      const off = e.events.on('job-progress', (p) => {
        if (p.jobId === id && p.done > 0) {
          off();
          e.jobs.cancel(id);
          resolve();
        }
      });
    });
    const cancelled = await e.jobs.wait(id);
    expect(cancelled.state).toBe('cancelled');
    const partial = (e.db.prepare('SELECT count(*) AS n FROM documents WHERE lang IS NOT NULL').get() as { n: number }).n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(6_000);
    const cp = JSON.parse((e.db.prepare('SELECT checkpoint FROM jobs WHERE id = ?').get(id) as { checkpoint: string }).checkpoint) as {
      lastId: number;
      done: number;
    };
    // Whole batches only: everything up to the checkpoint is labelled, nothing after it.
    expect(cp.done).toBe(partial);
    expect((e.db.prepare('SELECT count(*) AS n FROM documents WHERE id <= ? AND lang IS NULL').get(cp.lastId) as { n: number }).n).toBe(0);

    e.jobs.resume(id);
    const done = await e.jobs.wait(id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ labelled: 6_000, workers: 2 });
    expect((e.db.prepare('SELECT count(*) AS n FROM documents WHERE lang IS NULL').get() as { n: number }).n).toBe(0);
    const breakdown = await dispatch(e, 'langid.breakdown', {});
    expect(breakdown.ok).toBe(true);
    if (breakdown.ok) {
      const b = breakdown.value as { labelled: number; unlabelled: number; languages: Array<{ lang: string; documents: number }> };
      expect(b.labelled).toBe(6_000);
      expect(b.unlabelled).toBe(0);
      expect(b.languages.find((l) => l.lang === 'ind')?.documents).toBeGreaterThan(500);
    }
    expect(languagesStatsSection(e.db)).toMatchObject({ labelled: 6_000, unlabelled: 0 });
  });

  it('keeps a manual override (audited) through a re-run, and stores paragraph shares of long documents', async () => {
    const ind = 'Kue-kue yang disajikan bikin saya bernostalgia. Semuanya tipikal kue zaman dulu, baik dari penampilan maupun rasa. Harganya juga murah.';
    const eng = 'The cakes give me massive nostalgia. Everything is old school, from the presentation to the taste. They are great and inexpensive.';
    const { path, db } = seedCorpus([...realDocs(200), { text: [ind, eng, ind, eng].join('\n\n'), externalId: 'mixed' }]);
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator-a' });
    const first = await engine.jobs.wait(engine.jobs.start('langid', { workers: 1 }));
    expect(first.state).toBe('done');
    const before = engine.db.prepare('SELECT id, lang, lang_source, lang_confidence FROM documents WHERE id = 1').get() as DocRow;
    expect(before.lang_source).toBe('auto');

    const set = await dispatch(engine, 'documents.setLanguage', { id: 1, lang: 'sun', note: 'checked by a native speaker' });
    expect(set).toMatchObject({ ok: true, value: { id: 1, lang: 'sun', langSource: 'manual' } });
    const bad = await dispatch(engine, 'documents.setLanguage', { id: 1, lang: 'Sundanese' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const again = await engine.jobs.wait(engine.jobs.start('langid', {}));
    expect(again.state).toBe('done');
    const after = engine.db.prepare('SELECT id, lang, lang_source, lang_confidence FROM documents WHERE id = 1').get() as DocRow;
    expect(after).toMatchObject({ lang: 'sun', lang_source: 'manual', lang_confidence: 1 });
    const audit = listAudit(engine.db, 'document', 1);
    expect(audit[0]).toMatchObject({ actor: 'curator-a', action: 'langid.override', after: { lang: 'sun', source: 'manual' }, note: 'checked by a native speaker' });
    expect(audit[0]?.before).toMatchObject({ lang: before.lang, source: 'auto' });

    const mixed = engine.db.prepare(`SELECT id, lang, code_mixed FROM documents WHERE external_id = 'mixed'`).get() as { id: number; lang: string; code_mixed: number };
    expect(mixed).toMatchObject({ lang: 'ind', code_mixed: 1 });
    const shares = await dispatch(engine, 'langid.shares', { id: mixed.id });
    expect(shares.ok && (shares.value as { shares: Array<{ lang: string }> }).shares.map((s) => s.lang).sort()).toEqual(['eng', 'ind']);
    const page = await dispatch(engine, 'langid.breakdown', {});
    expect(page.ok && (page.value as { languages: Array<{ lang: string; manual: number }> }).languages.find((l) => l.lang === 'sun')?.manual).toBe(1);

    // Clearing the override hands the document back to the detector.
    await dispatch(engine, 'documents.setLanguage', { id: 1, lang: null });
    await engine.jobs.wait(engine.jobs.start('langid', { onlyMissing: true }));
    const cleared = engine.db.prepare('SELECT id, lang, lang_source FROM documents WHERE id = 1').get() as DocRow;
    expect(cleared).toMatchObject({ lang: before.lang, lang_source: 'auto' });
  });
});

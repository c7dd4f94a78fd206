import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import type { LangidJobResult } from '../../../electron/engine/langid/langid-job';
import { languagesStatsSection } from '../../../electron/engine/langid/stats-section';
import { rebuildSummary } from '../../../electron/engine/langid/store';
import type { Db } from '../../../electron/engine/store/open';
import { realDocs } from './real-docs';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});


interface SummaryRow {
  lang: string;
  documents: number;
  characters: number;
  codeMixed: number;
  manual: number;
}

/** The summary as the documents themselves give it (what the summary table stands for). */
function counted(db: Db): SummaryRow[] {
  return db
    .prepare(
      `SELECT lang, count(*) AS documents, coalesce(sum(char_count), 0) AS characters, coalesce(sum(code_mixed = 1), 0) AS codeMixed,
         coalesce(sum(lang_source = 'manual'), 0) AS manual FROM documents WHERE lang IS NOT NULL GROUP BY lang ORDER BY lang`,
    )
    .all() as SummaryRow[];
}

/** The summary as `langid.breakdown` (the languages screen) reads it. */
async function shown(e: Engine): Promise<SummaryRow[]> {
  const r = await dispatch(e, 'langid.breakdown', {});
  if (!r.ok) throw new Error(r.error.message);
  return [...(r.value as { languages: SummaryRow[] }).languages].sort((a, b) => a.lang.localeCompare(b.lang));
}

/** Starts a langid job and cancels it once some ranges are committed; returns the cancelled job. */
async function cancelPartWay(e: Engine, params: object) {
  const id = e.jobs.start('langid', { workers: 1, batchSize: 50, ...params });
  await new Promise<void>((resolve) => {
    const off = e.events.on('job-progress', (p) => {
      if (p.jobId === id && p.done >= 200) {
        off();
        e.jobs.cancel(id);
        resolve();
      }
    });
  });
  return e.jobs.wait(id);
}

describe('language summary', () => {
  it('agrees with the labels after a cancelled first run and a cancelled re-run that changes labels', async () => {
    const { path, db } = seedCorpus(realDocs(3_000));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const e = engine;

    const first = await cancelPartWay(e, {});
    expect(first.state).toBe('cancelled');
    const labelled = (e.db.prepare('SELECT count(*) AS n FROM documents WHERE lang IS NOT NULL').get() as { n: number }).n;
    expect(labelled).toBeGreaterThan(0);
    expect(labelled).toBeLessThan(3_000);
    expect(await shown(e)).toEqual(counted(e.db));
    expect(languagesStatsSection(e.db)).toMatchObject({ labelled, unlabelled: 3_000 - labelled });

    // Labels from an older model (and one curator's decision) that a re-run replaces: the ranges it commits move their
    // documents out of the old rows and into the new ones, and the override stays where it is.
    e.db.exec(`UPDATE documents SET lang = 'old', lang_source = 'auto', code_mixed = (id % 3 = 0) WHERE id % 2 = 0`);
    e.db.exec(`UPDATE documents SET lang = 'sun', lang_source = 'manual' WHERE id = 60`);
    rebuildSummary(e.db);
    const second = await cancelPartWay(e, {});
    expect(second.state).toBe('cancelled');
    const rows = counted(e.db);
    expect(rows.find((r) => r.lang === 'old')?.documents).toBeGreaterThan(0);
    expect(rows.find((r) => r.lang === 'sun')).toMatchObject({ manual: 1 });
    expect(await shown(e)).toEqual(rows);

    const rest = await e.jobs.wait(e.jobs.resume(second.id));
    expect(rest.state).toBe('done');
    expect(await shown(e)).toEqual(counted(e.db));
    expect((await shown(e)).find((r) => r.lang === 'old')).toBeUndefined();
  });

  it('a run of the missing documents keeps the paragraph shares of the documents it does not label', async () => {
    const ind = 'Kue-kue yang disajikan bikin saya bernostalgia. Semuanya tipikal kue zaman dulu, baik dari penampilan maupun rasa. Harganya juga murah.';
    const eng = 'The cakes give me massive nostalgia. Everything is old school, from the presentation to the taste. They are great and inexpensive.';
    const { path, db } = seedCorpus([...realDocs(20), { text: [ind, eng, ind, eng].join('\n\n'), externalId: 'mixed' }, { text: ind, externalId: 'after' }]);
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const e = engine;
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1 }))).state).toBe('done');
    const mixedId = (e.db.prepare(`SELECT id FROM documents WHERE external_id = 'mixed'`).get() as { id: number }).id;
    const shares = () => e.db.prepare('SELECT lang FROM document_languages WHERE document_id = ? ORDER BY lang').pluck().all(mixedId);
    expect(shares()).toEqual(['eng', 'ind']);

    e.db.exec(`UPDATE documents SET lang = NULL, lang_source = NULL WHERE id IN (1, 2, ${mixedId + 1})`);
    rebuildSummary(e.db);
    expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1, onlyMissing: true }))).state).toBe('done');
    expect(e.db.prepare('SELECT count(*) FROM documents WHERE lang IS NULL').pluck().get()).toBe(0);
    expect(shares()).toEqual(['eng', 'ind']);
  });
});

describe('langid worker pool', () => {
  it('starts no more workers than there are ranges of work or cores, however many are asked for', async () => {
    const { path, db } = seedCorpus(realDocs(14));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'tester' });
    const small = await engine.jobs.wait(engine.jobs.start('langid', { workers: 64 }));
    expect(small.result).toMatchObject({ labelled: 14, workers: 1 });
    const ranged = await engine.jobs.wait(engine.jobs.start('langid', { workers: 64, batchSize: 10 }));
    expect((ranged.result as LangidJobResult).workers).toBe(Math.min(2, availableParallelism()));
    const none = await engine.jobs.wait(engine.jobs.start('langid', { onlyMissing: true }));
    expect(none.result).toMatchObject({ labelled: 0, workers: 0 });
  });
});

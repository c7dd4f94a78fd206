import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { type Input } from '../../../shared/contract';
import type { DocumentFilters } from '../../../shared/contract/browse';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import { qualityBrowseTuning } from '../../../electron/engine/quality/browse';

let engine: Engine | null = null;
const DEFAULT_TUNING = { ...qualityBrowseTuning };
afterEach(async () => {
  await engine?.close();
  engine = null;
  Object.assign(qualityBrowseTuning, DEFAULT_TUNING);
});

const GOOD =
  'Pemerintah daerah berencana membangun jalan baru yang menghubungkan dua kecamatan di wilayah selatan. ' +
  'Proyek ini diharapkan selesai pada akhir tahun depan dan akan mempermudah warga membawa hasil panen ke pasar.';
const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.';
const SHORT = 'Terima kasih.';
const NUMBERS = '12 34 56 78 90 11 22 33 44 55 66 77 88 99 10 20 30 40 50 60 70 80 90 100 harga';

function docs(n: number): SeedDoc[] {
  return Array.from({ length: n }, (_, i) => ({
    text: [GOOD, LOREM, SHORT, NUMBERS][i % 4]! + ` ${'kata '.repeat(i % 7)}(${i})`,
    source: i % 2 ? 'ganjil' : 'genap',
    externalId: `d${i}`,
  }));
}

/** Every id the browser lists for a filter and sort, paging through in small pages. */
async function allIds(
  e: Engine,
  filters: DocumentFilters,
  sort: Input<'documents.list'>['sort'] = { column: 'id', dir: 'asc' },
): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let total = 0;
  for (let offset = 0; ; offset += 37) {
    const page = await call(e, 'documents.list', { offset, limit: 37, filters, sort });
    total = page.total;
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 37) break;
  }
  return { ids, total };
}

interface SignalRow {
  document_id: number;
  word_count: number;
  stopword_share: number;
  digit_density: number;
  reasons: string;
  source_id: number;
}

describe('quality signals in the corpus browser', () => {
  it("filters by signal ranges and failure reason, sorts by a signal and returns the page's signals", async () => {
    const { path, db } = seedCorpus(docs(400));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    expect((await e.jobs.wait(e.jobs.start('quality', { workers: 1, batchSize: 64 }))).state).toBe('done');
    const rows = e.db
      .prepare(
        'SELECT q.document_id, q.word_count, q.stopword_share, q.digit_density, q.reasons, d.source_id FROM quality_signals q JOIN documents d ON d.id = q.document_id ORDER BY q.document_id',
      )
      .all() as SignalRow[];
    expect(rows).toHaveLength(400);
    const expectIds = (pred: (r: SignalRow) => boolean) => rows.filter(pred).map((r) => r.document_id);
    // Twice: as shipped, and with anchors every 8 rows (every page after the first seeks to an anchor).
    for (const tuning of [DEFAULT_TUNING, { small: 10, anchorStep: 8 }]) {
      Object.assign(qualityBrowseTuning, tuning);

      // A range on one signal, then on two; only quality filters: answered from the quality tables.
      const wc = await allIds(e, { signals: { word_count: { min: 15, max: 30 } } });
      expect(wc.ids).toEqual(expectIds((r) => r.word_count >= 15 && r.word_count <= 30));
      expect(wc.total).toBe(wc.ids.length);
      expect(wc.ids.length).toBeGreaterThan(0);
      expect(wc.ids.length).toBeLessThan(400);
      const two = await allIds(e, { signals: { word_count: { min: 10 }, stopword_share: { max: 0.2 } } });
      expect(two.ids).toEqual(expectIds((r) => r.word_count >= 10 && r.stopword_share <= 0.2));
      const desc = await allIds(
        e,
        { signals: { digit_density: { min: 0.1 } } },
        { column: 'id', dir: 'desc' },
      );
      expect(desc.ids).toEqual(expectIds((r) => r.digit_density >= 0.1).reverse());

      // Failure reason, alone and with a range.
      const lorem = await allIds(e, { qualityReason: 'no-lorem-ipsum' });
      expect(lorem.ids).toEqual(
        expectIds((r) => (JSON.parse(r.reasons) as string[]).includes('no-lorem-ipsum')),
      );
      expect(lorem.ids).toHaveLength(100);
      const loremLong = await allIds(e, {
        qualityReason: 'no-lorem-ipsum',
        signals: { word_count: { min: 14 } },
      });
      expect(loremLong.ids).toEqual(
        expectIds((r) => r.reasons.includes('"no-lorem-ipsum"') && r.word_count >= 14),
      );

      // Combined with a documents filter (other plan: EXISTS probes).
      const sourceId = rows.find((r) => r.document_id === 2)!.source_id;
      const mixed = await allIds(e, { sourceId, signals: { word_count: { min: 15 } } });
      expect(mixed.ids).toEqual(expectIds((r) => r.source_id === sourceId && r.word_count >= 15));
      expect(mixed.total).toBe(mixed.ids.length);
      const mixedReason = await allIds(e, { sourceId, qualityReason: 'min-words' });
      expect(mixedReason.ids).toEqual(
        expectIds((r) => r.source_id === sourceId && r.reasons.includes('"min-words"')),
      );

      // Sorting by a signal: values in order, ties by id; alone and with a documents filter.
      const byWc = await allIds(e, {}, { column: 'signal:word_count', dir: 'desc' });
      expect(byWc.ids).toEqual(
        [...rows]
          .sort((a, b) => b.word_count - a.word_count || b.document_id - a.document_id)
          .map((r) => r.document_id),
      );
      const byStop = await allIds(e, { sourceId }, { column: 'signal:stopword_share', dir: 'asc' });
      expect(byStop.ids).toEqual(
        rows
          .filter((r) => r.source_id === sourceId)
          .sort((a, b) => a.stopword_share - b.stopword_share || a.document_id - b.document_id)
          .map((r) => r.document_id),
      );
      expect(byStop.total).toBe(byStop.ids.length);
      const byWcRange = await allIds(
        e,
        { signals: { word_count: { min: 15 }, stopword_share: { max: 0.5 } } },
        { column: 'signal:mean_word_length', dir: 'asc' },
      );
      const mwl = new Map(
        (
          e.db.prepare('SELECT document_id, mean_word_length AS v FROM quality_signals').all() as {
            document_id: number;
            v: number;
          }[]
        ).map((r) => [r.document_id, r.v]),
      );
      expect(byWcRange.ids).toEqual(
        rows
          .filter((r) => r.word_count >= 15 && r.stopword_share <= 0.5)
          .sort((a, b) => mwl.get(a.document_id)! - mwl.get(b.document_id)! || a.document_id - b.document_id)
          .map((r) => r.document_id),
      );
      const reasonDesc = await allIds(
        e,
        { qualityReason: 'min-words' },
        { column: 'signal:word_count', dir: 'desc' },
      );
      expect(reasonDesc.ids).toEqual(
        rows
          .filter((r) => r.reasons.includes('"min-words"'))
          .sort((a, b) => b.word_count - a.word_count || b.document_id - a.document_id)
          .map((r) => r.document_id),
      );
    }

    // The page carries the requested signals and the failed rules.
    const page = await call(e, 'documents.list', {
      offset: 0,
      limit: 4,
      withSignals: ['word_count', 'dup_line_share'],
    });
    expect(page.rows[0]?.signals).toEqual({
      word_count: rows[0]!.word_count,
      dup_line_share: expect.any(Number),
    });
    expect(page.rows[1]?.qualityReasons).toContain('no-lorem-ipsum');
    const plain = await call(e, 'documents.list', { offset: 0, limit: 4 });
    expect(plain.rows[0]?.signals).toBeUndefined();
  });

  it('answers the same on a corpus scored before the browser tables existed, and the next quality run builds them', async () => {
    const { path, db } = seedCorpus(docs(90));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    expect((await e.jobs.wait(e.jobs.start('quality', { workers: 1 }))).state).toBe('done');
    const expected = {
      range: await allIds(e, { signals: { word_count: { min: 15 } } }),
      reason: await allIds(e, { qualityReason: 'min-words' }),
      sorted: await allIds(e, {}, { column: 'signal:word_count', dir: 'desc' }),
    };
    // An older corpus: signals and JSON reasons only.
    const indexes = e.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('quality_signals', 'quality_reasons') AND sql IS NOT NULL`).pluck().all() as string[];
    for (const name of indexes) e.db.exec(`DROP INDEX ${name}`);
    e.db.exec('DROP TABLE quality_reasons');
    expect(await allIds(e, { signals: { word_count: { min: 15 } } })).toEqual(expected.range);
    expect(await allIds(e, { qualityReason: 'min-words' })).toEqual(expected.reason);
    expect(await allIds(e, {}, { column: 'signal:word_count', dir: 'desc' })).toEqual(expected.sorted);
    expect((await e.jobs.wait(e.jobs.start('quality', { workers: 1 }))).state).toBe('done');
    expect((e.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('quality_reasons', 'quality_signals_browse')`).get() as { n: number }).n).toBe(2);
    expect(await allIds(e, { qualityReason: 'min-words' })).toEqual(expected.reason);
  });

  it('keeps the reasons table in step when rules change, and rejects ranges on signals without an index', async () => {
    const { path, db } = seedCorpus(docs(120));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    expect((await e.jobs.wait(e.jobs.start('quality', { workers: 1 }))).state).toBe('done');
    expect((await allIds(e, { qualityReason: 'no-lorem-ipsum' })).total).toBe(30);
    const { rules } = await call(e, 'quality.rules.get', {});
    const job = await call(e, 'quality.rules.set', {
      rules: rules.map((r) => (r.id === 'no-lorem-ipsum' ? { ...r, enabled: false } : r)),
    });
    expect((await e.jobs.wait(job.jobId)).state).toBe('done');
    expect((await allIds(e, { qualityReason: 'no-lorem-ipsum' })).total).toBe(0);
    expect((await allIds(e, { qualityReason: 'min-words' })).total).toBe(
      (
        e.db
          .prepare(`SELECT count(*) AS n FROM quality_signals WHERE reasons LIKE '%"min-words"%'`)
          .get() as { n: number }
      ).n,
    );
    const bad = await dispatch(e, 'documents.list', {
      filters: { signals: { top_word_share: { min: 0.1 } } },
    });
    expect(bad.ok).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { handlers } from '../../../electron/engine/api/handlers';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { contract, methodNames } from '../../../shared/contract';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

describe('API boundary', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(typeof handlers[name]).toBe('function');
    expect(Object.keys(contract).length).toBe(methodNames.length);
  });

  it('answers a valid request with ok and a value that matches the output schema', async () => {
    const { path, db } = seedCorpus([{ text: 'Selamat pagi, apa kabar?' }, { text: 'Terima kasih banyak.' }]);
    db.close();
    engine = openEngine({ dbPath: path, actor: 'test' });
    const stats = await dispatch(engine, 'corpus.stats', {});
    expect(stats.ok).toBe(true);
    if (stats.ok) {
      expect(contract['corpus.stats'].output.parse(stats.value)).toMatchObject({ documents: 2, sources: 1 });
    }
    const doc = await dispatch(engine, 'documents.get', { id: 1 });
    expect(doc.ok && contract['documents.get'].output.parse(doc.value).text).toBe('Selamat pagi, apa kabar?');
  });

  it('turns bad input, unknown methods and missing rows into typed errors, never throws', async () => {
    const { path, db } = seedCorpus([{ text: 'satu' }]);
    db.close();
    engine = openEngine({ dbPath: path });
    const bad = await dispatch(engine, 'documents.get', { id: 'one' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('id');
    expect(await dispatch(engine, 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(engine, 'documents.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'document 999 not found' } });
    expect(await dispatch(engine, 'jobs.get', null)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

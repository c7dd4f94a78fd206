import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

async function call(e: Engine, method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(e, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

describe('who the UI records an action under', () => {
  it('once someone has said who they are, every action is theirs, not the OS user’s', async () => {
    const { path, db } = seedCorpus([
      { text: 'Saya tinggal di Bandung bersama keluarga saya sejak kecil.', externalId: 'a', source: 'web' },
      { text: 'Kami pergi ke pasar setiap pagi untuk membeli sayur.', externalId: 'b', source: 'web' },
    ]);
    db.close();
    // As the app and `kurasi serve` open it: no actor given, so the OS user until someone says who they are.
    engine = openEngine({ dbPath: path });
    const osUser = engine.actor;
    // Before anyone is named, the engine's actor is used.
    await call(engine, 'documents.setLanguage', { id: 1, lang: 'jav' });
    await call(engine, 'annotators.set', { name: 'Ayu Lestari' });
    await call(engine, 'documents.setLanguage', { id: 2, lang: 'sun' });
    await call(engine, 'license.set', { source: 'web', concluded: 'CC-BY-4.0', state: 'cleared' });
    await call(engine, 'audit.undo', {});
    const rows = engine.db.prepare(`SELECT actor, action FROM audit_log WHERE action NOT LIKE 'import%' ORDER BY id`).all() as { actor: string; action: string }[];
    expect(rows[0]).toEqual({ actor: osUser, action: 'langid.override' });
    const after = rows.slice(rows.findIndex((r) => r.action === 'annotators.set'));
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(new Set(after.map((r) => r.actor))).toEqual(new Set(['Ayu Lestari']));
  });
});

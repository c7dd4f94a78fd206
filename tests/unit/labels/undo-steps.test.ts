import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { setLabel } from '../../../electron/engine/labels/labels';
import { type Input, type MethodName } from '../../../shared/contract';
import { docs, labelCorpus } from './helpers';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

async function failure<K extends MethodName>(e: Engine, name: K, input: Input<K>): Promise<string> {
  const r = await dispatch(e, name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error.code;
}

/** Budi and cici disagree on document 3's decision: one conflict for ani, the curator at this laptop. */
async function start(): Promise<Engine> {
  const { path, db } = labelCorpus(docs(5));
  setLabel(db, 'budi', 3, 'decision', 'keep');
  setLabel(db, 'cici', 3, 'decision', 'drop');
  db.close();
  engine = openEngine({ dbPath: path, actor: 'os-user' });
  await call(engine, 'annotators.set', { name: 'ani' });
  return engine;
}

const adjudication = (e: Engine) => e.db.prepare('SELECT document_id AS doc, question, value, reason, adjudicator FROM adjudications').all();
const answers = (e: Engine, doc: number) =>
  Object.fromEntries(
    (e.db.prepare(`SELECT question, value FROM labels WHERE document_id = ? AND annotator = 'ani' ORDER BY question`).all(doc) as { question: string; value: string }[]).map(
      (r) => [r.question, JSON.parse(r.value) as unknown],
    ),
  );
const actions = (e: Engine, doc: number) =>
  (e.db.prepare(`SELECT action FROM audit_log WHERE entity = 'document' AND entity_id = ? ORDER BY id`).all(String(doc)) as { action: string }[]).map((r) => r.action);

describe('one undo step per gesture', () => {
  it('undoes an adjudication itself (not the annotator’s previous label elsewhere), and redoes it', async () => {
    const e = await start();
    await call(e, 'labels.set', { documentId: 1, question: 'decision', value: 'keep' });
    await call(e, 'labels.adjudicate', { documentId: 3, question: 'decision', value: 'drop', reason: 'Teksnya spam.' });
    expect((await call(e, 'labels.conflicts', {})).total).toBe(0);

    const u = await call(e, 'audit.undo', {});
    expect(u).toMatchObject({ kind: 'adjudication', action: 'label.adjudicate', documentId: 3, questions: ['decision'] });
    expect(adjudication(e)).toEqual([]);
    // The conflict is open again; the label on document 1 was not touched.
    expect((await call(e, 'labels.conflicts', {})).total).toBe(1);
    expect(answers(e, 1)).toEqual({ decision: 'keep' });

    const r = await call(e, 'audit.redo', {});
    expect(r).toMatchObject({ kind: 'adjudication', documentId: 3, questions: ['decision'] });
    expect(adjudication(e)).toEqual([{ doc: 3, question: 'decision', value: '"drop"', reason: 'Teksnya spam.', adjudicator: 'ani' }]);
    expect(actions(e, 3)).toEqual(['label.set', 'label.set', 'label.adjudicate', 'label.adjudicate.undo', 'label.adjudicate.redo']);

    // Re-adjudicating puts the earlier adjudication back on undo, reason and all.
    await call(e, 'labels.adjudicate', { documentId: 3, question: 'decision', value: 'keep', reason: 'Dibaca ulang: bukan spam.' });
    await call(e, 'audit.undo', {});
    expect(adjudication(e)).toEqual([{ doc: 3, question: 'decision', value: '"drop"', reason: 'Teksnya spam.', adjudicator: 'ani' }]);
  });

  it('refuses to undo an adjudication someone changed since, writing nothing', async () => {
    const e = await start();
    await call(e, 'labels.adjudicate', { documentId: 3, question: 'decision', value: 'drop', reason: 'Teksnya spam.' });
    // The lead, from the command line, decides otherwise afterwards.
    e.db
      .prepare(`UPDATE adjudications SET value = '"keep"', reason = 'bukan spam', adjudicator = 'lead' WHERE document_id = 3`)
      .run();
    expect(await failure(e, 'audit.undo', {})).toBe('conflict');
    expect(adjudication(e)).toEqual([{ doc: 3, question: 'decision', value: '"keep"', reason: 'bukan spam', adjudicator: 'lead' }]);
  });

  it('takes back both answers of one reason key in one undo, each in the audit log, and redoes both', async () => {
    const e = await start();
    await call(e, 'labels.set', { documentId: 1, question: 'decision', value: 'keep' });
    // `2` on document 2: decision = drop and the reason, as one gesture.
    const set = await call(e, 'labels.setMany', {
      documentId: 2,
      steps: [
        { question: 'decision', value: 'drop' },
        { question: 'drop_reason', value: 'wrong-language' },
      ],
    });
    expect(set.labels.labels.map((l) => [l.question, l.value])).toEqual([
      ['decision', 'drop'],
      ['drop_reason', 'wrong-language'],
    ]);
    expect(actions(e, 2)).toEqual(['label.set', 'label.set']);

    const u = await call(e, 'audit.undo', {});
    expect(u).toMatchObject({ kind: 'label', documentId: 2, questions: ['decision', 'drop_reason'] });
    expect(answers(e, 2)).toEqual({});
    expect(answers(e, 1)).toEqual({ decision: 'keep' });
    expect(actions(e, 2)).toEqual(['label.set', 'label.set', 'label.undo', 'label.undo']);

    await call(e, 'audit.redo', {});
    expect(answers(e, 2)).toEqual({ decision: 'drop', drop_reason: 'wrong-language' });
    // The next undo is the whole gesture again, then document 1's label.
    await call(e, 'audit.undo', {});
    expect(answers(e, 2)).toEqual({});
    expect(await call(e, 'audit.undo', {})).toMatchObject({ documentId: 1, questions: ['decision'] });
    expect(answers(e, 1)).toEqual({});
  });

  it('keeps a gesture whole when one of its answers was already there (only the change is recorded)', async () => {
    const e = await start();
    await call(e, 'labels.set', { documentId: 2, question: 'decision', value: 'drop' });
    await call(e, 'labels.setMany', {
      documentId: 2,
      steps: [
        { question: 'decision', value: 'drop' },
        { question: 'drop_reason', value: 'toxic' },
      ],
    });
    expect(actions(e, 2)).toEqual(['label.set', 'label.set']);
    await call(e, 'audit.undo', {});
    expect(answers(e, 2)).toEqual({ decision: 'drop' });
  });

  it('refuses a gesture with an unknown value without writing any of it', async () => {
    const e = await start();
    expect(
      await failure(e, 'labels.setMany', {
        documentId: 2,
        steps: [
          { question: 'decision', value: 'drop' },
          { question: 'drop_reason', value: 'no-such-reason' },
        ],
      }),
    ).toBe('bad-request');
    expect(answers(e, 2)).toEqual({});
    expect(actions(e, 2)).toEqual([]);
  });
});

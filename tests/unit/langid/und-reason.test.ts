import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const DUTCH =
  'De regering heeft besloten dat de nieuwe wet op het onderwijs niet voor het einde van het jaar in werking zal treden. Het is nog niet duidelijk wanneer de kamer erover zal stemmen.';
/** Over 300 characters: a piece of its own, never joined with the laughter next to it. */
const DUTCH_LONG = `${DUTCH} Volgens de minister is er meer tijd nodig om de scholen goed voor te bereiden, en de vakbonden hebben gevraagd om een uitgebreid overleg met de leraren voordat er iets verandert.`;
const IND = 'Warga desa pergi ke pasar membeli sayur dan beras setiap pagi sebelum matahari terbit.';

interface Row {
  lang: string | null;
  lang_source: string | null;
  lang_confidence: number | null;
  lang_reason: string | null;
}

async function run(e: Engine, params: Record<string, unknown> = {}): Promise<void> {
  expect((await e.jobs.wait(e.jobs.start('langid', { workers: 1, ...params }))).state).toBe('done');
}

async function record(e: Engine, id: number): Promise<{ lang: string | null; langSource: string | null; langReason: string | null }> {
  const r = await dispatch(e, 'documents.get', { id });
  if (!r.ok) throw new Error(`documents.get ${id} failed`);
  return r.value as { lang: string | null; langSource: string | null; langReason: string | null };
}

describe('why a document is und (documents.lang_reason)', () => {
  it('stores the rule behind an automatic und, clears it when a later run finds a language, and leaves overrides as they were', async () => {
    const { path, db, ids } = seedCorpus([
      { text: DUTCH, externalId: 'nl' },
      { text: 'ok', externalId: 'ok' },
      { text: 'wkwkwk', externalId: 'wkwk' },
      { text: IND, externalId: 'ind' },
      // Every paragraph Dutch: the document is und for the same rule as each of its pieces.
      { text: [DUTCH, DUTCH, DUTCH].join('\n\n'), externalId: 'nl-long' },
      // Dutch paragraphs and laughter: und, but for no one reason.
      { text: [DUTCH_LONG, 'wkwkwk wkwkwk hahaha hahaha hehehe', DUTCH_LONG, 'wkwkwk wkwkwk hahaha hahaha hehehe'].join('\n\n'), externalId: 'nl-junk' },
    ]);
    db.close();
    const [nl, ok, wkwk, ind, nlLong, nlJunk] = ids;
    engine = openEngine({ dbPath: path, actor: 'curator' });
    const e = engine;
    const row = (id: number | undefined) => e.db.prepare('SELECT lang, lang_source, lang_confidence, lang_reason FROM documents WHERE id = ?').get(id) as Row;

    await run(e);
    expect(row(nl)).toEqual({ lang: 'und', lang_source: 'auto', lang_confidence: 0, lang_reason: 'foreign' });
    expect(row(ok)).toEqual({ lang: 'und', lang_source: 'auto', lang_confidence: 0, lang_reason: 'short' });
    expect(row(wkwk)).toEqual({ lang: 'und', lang_source: 'auto', lang_confidence: 0, lang_reason: 'junk' });
    expect(row(ind)).toMatchObject({ lang: 'ind', lang_reason: null });
    expect(row(nlLong)).toMatchObject({ lang: 'und', lang_reason: 'foreign' });
    expect(row(nlJunk)).toMatchObject({ lang: 'und', lang_reason: null });
    // The contract carries it to the document pane.
    expect(await record(e, nl ?? 0)).toMatchObject({ lang: 'und', langSource: 'auto', langReason: 'foreign' });
    expect(await record(e, ind ?? 0)).toMatchObject({ lang: 'ind', langReason: null });

    // The Dutch document edited into Indonesian: the next run's language clears the reason.
    e.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(IND, nl);
    await run(e);
    expect(row(nl)).toMatchObject({ lang: 'ind', lang_reason: null });
    expect(await record(e, nl ?? 0)).toMatchObject({ langReason: null });

    // An override replaces the automatic und and its reason; a re-run leaves both alone.
    expect(await dispatch(e, 'documents.setLanguage', { id: ok, lang: 'ind' })).toMatchObject({ ok: true });
    expect(row(ok)).toEqual({ lang: 'ind', lang_source: 'manual', lang_confidence: 1, lang_reason: null });
    await run(e);
    expect(row(ok)).toMatchObject({ lang: 'ind', lang_source: 'manual', lang_reason: null });
    expect(await record(e, ok ?? 0)).toMatchObject({ lang: 'ind', langSource: 'manual', langReason: null });
    // Undoing it brings back the automatic und with the rule that explained it.
    expect(await dispatch(e, 'audit.undo', {})).toMatchObject({ ok: true });
    expect(row(ok)).toEqual({ lang: 'und', lang_source: 'auto', lang_confidence: 0, lang_reason: 'short' });
    expect(await record(e, ok ?? 0)).toMatchObject({ lang: 'und', langReason: 'short' });

    // Cleared to unlabelled, then labelled again by a run of the missing ones: und for the same rule.
    expect(await dispatch(e, 'documents.setLanguage', { id: wkwk, lang: 'jav' })).toMatchObject({ ok: true });
    expect(await dispatch(e, 'documents.setLanguage', { id: wkwk, lang: null })).toMatchObject({ ok: true });
    expect(row(wkwk)).toEqual({ lang: null, lang_source: null, lang_confidence: null, lang_reason: null });
    await run(e, { onlyMissing: true });
    expect(row(wkwk)).toEqual({ lang: 'und', lang_source: 'auto', lang_confidence: 0, lang_reason: 'junk' });
  });
});

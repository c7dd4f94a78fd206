import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { normalizeLangCode } from '../../../electron/engine/langid/languages';
import { rebuildSummary } from '../../../electron/engine/langid/store';
import { listAudit } from '../../../electron/engine/store/audit';
import { canonicalLangCode } from '../../../shared/langid/codes';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

/** Two Indonesian documents and two Malay ones, labelled the way a langid run stores them. */
function open(): Engine {
  const { path, db } = seedCorpus([
    { text: 'Saya makan nasi goreng di warung dekat rumah.' },
    { text: 'Hari ini hujan turun sejak pagi.' },
    { text: 'Saya hendak pergi ke kedai runcit sekejap.' },
    { text: 'Kerajaan negeri mengumumkan cuti umum esok.' },
  ]);
  db.exec(`UPDATE documents SET lang = CASE WHEN id <= 2 THEN 'ind' ELSE 'zlm' END, lang_source = 'auto', lang_confidence = 0.9`);
  rebuildSummary(db);
  db.close();
  engine = openEngine({ dbPath: path, actor: 'kurator' });
  return engine;
}

const stored = (e: Engine, id: number) => e.db.prepare('SELECT lang, lang_source AS source FROM documents WHERE id = ?').get(id);

describe('language codes where people and files supply them', () => {
  it('reads a code one way: trimmed, lower-case, aliases of the detector languages mapped, other ISO 639-3 codes kept', () => {
    for (const [raw, code] of [
      ['zsm', 'zlm'],
      ['MSA', 'zlm'],
      [' ms ', 'zlm'],
      ['may', 'zlm'],
      ['ENG', 'eng'],
      ['en', 'eng'],
      ['id', 'ind'],
      ['jv', 'jav'],
      ['su', 'sun'],
      ['nld', 'nld'],
      ['und', 'und'],
    ] as const) {
      expect(canonicalLangCode(raw), raw).toBe(code);
    }
    for (const bad of ['xx-1', '', '  ', 'nl', 'Sundanese', 'constructor', '__proto__', 'in d']) expect(canonicalLangCode(bad), bad).toBeNull();
    // The detector's reading (evaluation of franc's answers) is the same one, narrowed to its languages.
    expect(normalizeLangCode('ZSM')).toBe('zlm');
    expect(normalizeLangCode('nld')).toBe('und');
  });

  it('documents.setLanguage stores zsm, msa and ENG as zlm and eng, keeps nld, and names the field of a malformed code', async () => {
    const e = open();
    expect(await dispatch(e, 'documents.setLanguage', { id: 1, lang: 'zsm' })).toMatchObject({ ok: true, value: { lang: 'zlm', langSource: 'manual' } });
    expect(await dispatch(e, 'documents.setLanguage', { id: 2, lang: ' MSA ' })).toMatchObject({ ok: true, value: { lang: 'zlm' } });
    expect(await dispatch(e, 'documents.setLanguage', { id: 3, lang: 'ENG' })).toMatchObject({ ok: true, value: { lang: 'eng' } });
    expect(await dispatch(e, 'documents.setLanguage', { id: 4, lang: 'nld' })).toMatchObject({ ok: true, value: { lang: 'nld' } });
    expect([1, 2, 3, 4].map((id) => stored(e, id))).toEqual([
      { lang: 'zlm', source: 'manual' },
      { lang: 'zlm', source: 'manual' },
      { lang: 'eng', source: 'manual' },
      { lang: 'nld', source: 'manual' },
    ]);
    // One Malay bucket: the two overrides took the place of the two Malay documents now labelled eng and nld.
    const breakdown = await dispatch(e, 'langid.breakdown', {});
    expect(breakdown.ok && (breakdown.value as { languages: { lang: string; documents: number }[] }).languages.map((l) => [l.lang, l.documents])).toEqual([
      ['zlm', 2],
      ['eng', 1],
      ['nld', 1],
    ]);

    for (const bad of ['xx-1', '']) {
      const r = await dispatch(e, 'documents.setLanguage', { id: 1, lang: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!r.ok) {
        expect(r.error.issues).toEqual([{ path: 'lang', message: expect.stringContaining(`'${bad}' is not an ISO 639-3 language code`) }]);
      }
    }
    expect(stored(e, 1)).toEqual({ lang: 'zlm', source: 'manual' });
  });

  it('saving the override a document already has adds no audit entry and no undo step; every save says corpus-changed', async () => {
    const e = open();
    const changed: string[] = [];
    e.events.on('corpus-changed', (c) => changed.push(c.scope));
    await dispatch(e, 'documents.setLanguage', { id: 1, lang: 'jav' });
    // The same code in another spelling is the same override.
    await dispatch(e, 'documents.setLanguage', { id: 1, lang: 'JV' });
    await dispatch(e, 'documents.setLanguage', { id: 1, lang: 'jav', note: 'sekali lagi' });
    expect(listAudit(e.db, 'document', 1).map((a) => a.action)).toEqual(['langid.override']);
    expect(e.db.prepare(`SELECT count(*) FROM label_actions WHERE kind = 'langid'`).pluck().get()).toBe(1);
    expect(changed).toEqual(['languages', 'languages', 'languages']);
    // Confirming the automatic label is a decision of its own: it becomes manual, once.
    await dispatch(e, 'documents.setLanguage', { id: 2, lang: 'ind' });
    expect(stored(e, 2)).toEqual({ lang: 'ind', source: 'manual' });
    expect(listAudit(e.db, 'document', 2).map((a) => a.action)).toEqual(['langid.override']);
  });

  it('browse and annotation-queue filters read ZSM and ms as zlm; a malformed filter is refused by name', async () => {
    const e = open();
    for (const lang of ['ZSM', 'ms', 'zlm']) {
      const page = await dispatch(e, 'documents.list', { filters: { lang } });
      expect(page.ok && (page.value as { rows: { id: number }[] }).rows.map((r) => r.id), lang).toEqual([3, 4]);
    }
    const none = await dispatch(e, 'documents.list', { filters: { lang: '-' } });
    expect(none.ok && (none.value as { rows: unknown[] }).rows).toEqual([]);
    const bad = await dispatch(e, 'documents.list', { filters: { lang: 'xx-1' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('filters.lang');

    const next = await dispatch(e, 'queue.next', { filter: { lang: 'MSA' } });
    expect(next.ok && (next.value as { document: { id: number } | null }).document?.id).toBe(3);
    const badQueue = await dispatch(e, 'queue.next', { filter: { lang: 'malay!' } });
    expect(badQueue.ok === false && badQueue.error.issues?.[0]?.path).toBe('filter.lang');
  });
});

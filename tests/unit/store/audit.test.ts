import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../../../electron/engine/store/audit';
import { openCorpus } from '../../../electron/engine/store/open';
import { syncFullTextIndex } from '../../../electron/engine/store/fts';
import { seedCorpus } from '../../helpers/corpus';
import { tempDbPath } from '../../helpers/temp';

describe('audit log', () => {
  it('records who, what, before and after, and refuses updates and deletes', () => {
    const db = openCorpus(tempDbPath());
    const id = appendAudit(db, { actor: 'sari', action: 'language.set', entity: 'document', entityId: 7, before: { lang: 'zlm' }, after: { lang: 'ind' } });
    const rows = listAudit(db, 'document', 7);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, actor: 'sari', action: 'language.set', before: { lang: 'zlm' }, after: { lang: 'ind' } });
    expect(() => db.prepare('UPDATE audit_log SET actor = ?').run('mallory')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(db, 'document', 7)[0]?.actor).toBe('sari');
    db.close();
  });
});

describe('full-text index', () => {
  it('indexes new documents in bulk and finds words regardless of diacritics', () => {
    const { db, path } = seedCorpus([{ text: 'Rapat kerja di Jakarta' }, { text: 'Kopi tubruk dari Aceh' }]);
    expect(syncFullTextIndex(db).added).toBe(2);
    const find = (q: string) => (db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(find('jakarta')).toEqual([1]);
    db.close();
    const more = seedCorpus([{ text: 'Café di Bandung', externalId: 'x' }], path);
    expect(syncFullTextIndex(more.db).added).toBe(1);
    expect((more.db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').all('cafe') as unknown[]).length).toBe(1);
    expect(syncFullTextIndex(more.db).added).toBe(0);
    more.db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath } from '../../helpers/temp';

const plan = (db: ReturnType<typeof openCorpus>, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('indexes on documents (migration 0009)', () => {
  it('keeps one index per column: no two indexes with the same columns', () => {
    const db = openCorpus(tempDbPath());
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const keys = names.map((n) => {
      const cols = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(n) as { name: string | null }[]).map((c) => c.name ?? 'rowid');
      // (col) and (col, id) are the same B-tree: SQLite appends the rowid to every index.
      if (cols.at(-1) === 'id') cols.pop();
      const partial = (db.prepare(`SELECT partial FROM pragma_index_list('documents') WHERE name = ?`).get(n) as { partial: number }).partial;
      return `${cols.join(',')}${partial ? ' (partial)' : ''}`;
    });
    expect(new Set(keys).size).toBe(keys.length);
    expect(names).toEqual(
      [
        'documents_browse_cover',
        'documents_browse_labels',
        'documents_browse_lang_cover',
        'documents_browse_length',
        'documents_browse_source_cover',
        'documents_dup_status_cover',
        'documents_langid_code_mixed',
        'documents_pii_count',
        'documents_quality_pass',
        'documents_source_external',
        'documents_text_hash',
        'labels_queue_cluster',
      ].sort(),
    );
    db.close();
  });

  it('every feature query on a summary column is an index search, never a table scan', () => {
    const db = openCorpus(tempDbPath());
    const searches: [string, unknown[]][] = [
      ['SELECT d.id FROM documents d WHERE d.id > ? AND d.source_id = ? ORDER BY d.id LIMIT 1', [0, 1]],
      ['SELECT d.id FROM documents d WHERE d.id > ? AND d.lang = ? ORDER BY d.id LIMIT 1', [0, 'ind']],
      ['SELECT d.id FROM documents d WHERE d.id > ? AND d.dup_cluster = ? ORDER BY d.id LIMIT 1', [0, 1]],
      ['UPDATE documents SET dup_status = NULL, dup_cluster = NULL WHERE dup_status IS NOT NULL', []],
      ['SELECT count(*) FROM documents WHERE pii_count > 0', []],
      ['SELECT id FROM documents WHERE text_hash = ?', ['x']],
      ['SELECT d.id FROM documents d WHERE d.code_mixed = 1 ORDER BY d.id LIMIT 10', []],
      ['SELECT d.id FROM documents d INDEXED BY documents_browse_source_cover WHERE d.source_id = ? AND d.quality_pass = 1 ORDER BY d.id LIMIT 100', [1]],
      ['SELECT d.id FROM documents d INDEXED BY documents_browse_lang_cover WHERE d.lang = ? AND d.dup_status = ? ORDER BY d.id LIMIT 100', ['ind', 'unique']],
      ['SELECT d.id FROM documents d INDEXED BY documents_dup_status_cover WHERE d.dup_status = ? AND d.quality_pass = 1 ORDER BY d.id LIMIT 100', ['exact']],
      ['SELECT count(*) FROM documents d INDEXED BY documents_dup_status_cover WHERE d.dup_status IS NULL AND d.quality_pass = 1', []],
    ];
    for (const [sql, params] of searches) {
      const p = plan(db, sql, ...params);
      expect(p, sql).toMatch(/SEARCH \S+ USING (COVERING )?INDEX/);
      expect(p, sql).not.toMatch(/TEMP B-TREE/);
    }
    // Sorting by source or language walks an index in order (no sort step).
    for (const sql of ['SELECT d.id FROM documents d ORDER BY d.source_id, d.id LIMIT 100', 'SELECT d.id FROM documents d ORDER BY d.lang, d.id LIMIT 100'])
      expect(plan(db, sql)).toMatch(/SCAN d USING COVERING INDEX documents_browse_(source|lang)_cover/);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../../electron/engine/browse/list';
import { openCorpus } from '../../../electron/engine/store/open';
import { indexExists } from '../../../electron/engine/store/schema-objects';
import { seedCorpus } from '../../helpers/corpus';

describe('index hints follow the schema other connections change', () => {
  it('a browse query keeps working while an import (another connection) has dropped the covering indexes', () => {
    const { path, db } = seedCorpus(Array.from({ length: 30 }, (_, i) => ({ text: `dokumen nomor ${i} tentang sawah`, source: i % 2 ? 'berita' : 'forum' })));
    db.prepare("UPDATE documents SET quality_pass = id % 3 = 0, dup_status = CASE WHEN id % 5 = 0 THEN 'exact' END").run();
    const combined = { offset: 0, limit: 50, sort: { column: 'id', dir: 'asc' }, filters: { dupStatus: 'exact', qualityPass: true } } as const;
    expect(listDocuments(db, combined).rows.map((r) => r.id)).toEqual([15, 30]);
    expect(indexExists(db, 'documents_dup_status_cover')).toBe(true);

    const importer = openCorpus(path);
    importer.exec('DROP INDEX documents_dup_status_cover; DROP INDEX documents_browse_cover;');
    expect(indexExists(db, 'documents_dup_status_cover')).toBe(false);
    db.prepare('UPDATE documents SET quality_pass = 1 WHERE id = 10').run(); // a write, so cached totals are not reused
    expect(listDocuments(db, combined).rows.map((r) => r.id)).toEqual([10, 15, 30]);

    importer.exec('CREATE INDEX documents_dup_status_cover ON documents(dup_status, id, source_id, lang, label_count, pii_count, quality_pass, code_mixed);');
    expect(indexExists(db, 'documents_dup_status_cover')).toBe(true);
    importer.close();
    db.close();
  });
});

import type { Db } from './open';
import { getMeta, setMeta } from './open';

/**
 * Brings the full-text index up to date in bulk: rows past the watermark are added in one statement, which is
 * far faster than a trigger per inserted row. Documents are never edited in place, so new rows are all there is.
 */
export function syncFullTextIndex(db: Db): { added: number } {
  const watermark = Number(getMeta(db, 'fts_watermark') ?? '0');
  const maxRow = db.prepare('SELECT coalesce(max(id), 0) AS m FROM documents').get() as { m: number };
  if (maxRow.m <= watermark) return { added: 0 };
  let added = 0;
  db.transaction(() => {
    if (watermark === 0) {
      db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')`);
      added = maxRow.m;
    } else {
      added = db
        .prepare('INSERT INTO documents_fts(rowid, text) SELECT id, text FROM documents WHERE id > ? AND id <= ?')
        .run(watermark, maxRow.m).changes;
    }
    setMeta(db, 'fts_watermark', String(maxRow.m));
  })();
  return { added };
}

import type { Migration } from '../migration';

/**
 * A file read again (a re-import through a new upload folder, a `.gz` that is not gzip, a file read another way and
 * then the first way again) finds the same rejects again. The import takes over the row it finds for the same source,
 * file, line, reason and excerpt instead of adding a copy (import/writer.ts): `job_id` becomes the import that found
 * it last, and `earlier_job_id` keeps the one before, so an import that fails can give the row back (undoJob).
 * The index finds a file's rejects at a line; existing rows stay as they are.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'reject-reread',
  up(db) {
    db.exec(`
      ALTER TABLE rejects ADD COLUMN earlier_job_id INTEGER;
      CREATE INDEX IF NOT EXISTS rejects_source_file_line ON rejects(source_id, file, line);
    `);
  },
};

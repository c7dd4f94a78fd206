/**
 * Storage the corpus browser needs for quality filters, created on demand (no numbered migration): failure
 * reasons keyed (rule, document), so "fails rule X" is an index range, and one index per browsable signal
 * (ending in the rowid = document id). Created by the quality job before it writes, so building the indexes
 * over an existing signals table is job work, never a request's.
 */
import type { Db } from '../store/open';
import { BROWSE_SIGNALS } from '../../../shared/contract/quality';
import { indexExists, schemaObjectExists } from '../store/schema-objects';

export const REASONS_TABLE = 'quality_reasons';

export function signalIndexName(signal: string): string {
  return `quality_signals_${signal}`;
}

/**
 * Every browsable signal in document-id order: a range filter in id order walks this narrow index instead of
 * the signals table (23 columns a row), and "has signals" checks for other filters probe it by id.
 */
export const COVER_INDEX = 'quality_signals_browse';

const INDEXES = [...BROWSE_SIGNALS.map(signalIndexName), COVER_INDEX];

export function hasQualityBrowseSchema(db: Db): boolean {
  return schemaObjectExists(db, 'table', REASONS_TABLE);
}

/** Idempotent; back-fills reasons from the JSON column the first time (corpora scored before this table). */
export function ensureQualityBrowseSchema(db: Db): void {
  if (hasQualityBrowseSchema(db) && INDEXES.every((name) => indexExists(db, name))) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${REASONS_TABLE} (
        rule_id TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (rule_id, document_id)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX IF NOT EXISTS quality_reasons_document ON ${REASONS_TABLE}(document_id);
      DELETE FROM ${REASONS_TABLE};
      INSERT OR IGNORE INTO ${REASONS_TABLE}(rule_id, document_id)
        SELECT j.value, q.document_id FROM quality_signals q, json_each(q.reasons) j WHERE q.reasons <> '[]';
      ${BROWSE_SIGNALS.map((s) => `CREATE INDEX IF NOT EXISTS ${signalIndexName(s)} ON quality_signals(${s});`).join('\n')}
      CREATE INDEX IF NOT EXISTS ${COVER_INDEX} ON quality_signals(document_id, ${BROWSE_SIGNALS.join(', ')});
    `);
  })();
}

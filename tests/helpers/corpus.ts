import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { countWords } from '../../shared/text/normalize';
import { hashText } from '../../electron/engine/import/hash';
import { openCorpus, type Db } from '../../electron/engine/store/open';
import { ensureSource } from '../../electron/engine/corpus/sources';
import { tempDbPath } from './temp';

export interface SeedDoc {
  text: string;
  source?: string;
  externalId?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Writes documents straight into a real corpus file (for tests of features that start from a corpus).
 * Uses the same hashing as the importer so hashes match what an import would store.
 */
export function seedCorpus(docs: SeedDoc[], path = tempDbPath()): { path: string; db: Db; ids: number[] } {
  const db = openCorpus(path);
  const ids: number[] = [];
  const insert = db.prepare(
    'INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    docs.forEach((d, i) => {
      const sourceId = ensureSource(db, d.source ?? 'test', 'test', undefined);
      const info = insert.run(
        sourceId,
        d.externalId ?? `doc-${i + 1}`,
        d.text,
        hashText(d.text),
        [...d.text].length,
        countWords(d.text),
        d.metadata ? JSON.stringify(d.metadata) : null,
      );
      ids.push(Number(info.lastInsertRowid));
    });
    db.exec(`UPDATE sources SET document_count = (SELECT count(*) FROM documents WHERE source_id = sources.id),
      char_count = (SELECT coalesce(sum(char_count),0) FROM documents WHERE source_id = sources.id),
      word_count = (SELECT coalesce(sum(word_count),0) FROM documents WHERE source_id = sources.id)`);
  })();
  return { path, db, ids };
}

export { hashText };

/** Records a job of `kind` that was cancelled before it did anything, as Ctrl-C leaves it; returns its id. */
export function addCancelledJob(path: string, kind: string, params: Record<string, unknown>): number {
  const db = openCorpus(path);
  try {
    const now = new Date().toISOString();
    const info = db
      .prepare(`INSERT INTO jobs(kind, state, params, created_at, finished_at) VALUES (?, 'cancelled', ?, ?, ?)`)
      .run(kind, JSON.stringify(params), now, now);
    return Number(info.lastInsertRowid);
  } finally {
    db.close();
  }
}

/** Everything a write could change: the corpus file's bytes, size, mtime and mode, and the files beside it. */
export function corpusFingerprint(path: string) {
  const st = statSync(path);
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    size: st.size,
    mtimeMs: st.mtimeMs,
    mode: st.mode,
    folder: readdirSync(dirname(path)).sort(),
  };
}

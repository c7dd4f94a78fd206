import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportOptionsInput, ImportResult } from '../../../shared/contract/import';
import { runJobInThisThread } from '../../../electron/engine/jobs/run-job';
import type { FromJobWorker } from '../../../electron/engine/jobs/types';
import { openCorpus, type Db } from '../../../electron/engine/store/open';

/** The reject reason of a file named *.gz that is not gzip data (byte-stream.ts). */
export const NOT_GZIP = 'not gzip data (the name ends in .gz, but the file does not start with the gzip bytes 1f 8b)';

export const FIX = join(process.cwd(), 'tests', 'fixtures', 'import');

export function fixture(...parts: string[]): string {
  return join(FIX, ...parts);
}

export interface InThreadRun {
  jobId: number;
  state: 'done' | 'failed' | 'cancelled';
  result: ImportResult;
  error: string | null;
}

/** Creates an import job row and runs its body in this thread against a real corpus file. */
export async function importInThread(
  dbPath: string,
  params: ImportOptionsInput,
  signal = new AbortController().signal,
  jobId?: number,
  onMessage: (m: FromJobWorker) => void = () => {},
): Promise<InThreadRun> {
  let id = jobId;
  if (id === undefined) {
    const db = openCorpus(dbPath);
    id = Number(db.prepare(`INSERT INTO jobs(kind, state, params, created_at) VALUES ('import', 'queued', ?, ?)`).run(JSON.stringify(params), new Date().toISOString()).lastInsertRowid);
    db.close();
  }
  const out = await runJobInThisThread(dbPath, id, signal, onMessage);
  return { jobId: id, state: out.state, result: out.result as ImportResult, error: out.error };
}

export interface DocRow {
  external_id: string;
  text: string;
  metadata: string | null;
  char_count: number;
  word_count: number;
}

export function docs(db: Db): DocRow[] {
  return db.prepare('SELECT external_id, text, metadata, char_count, word_count FROM documents ORDER BY id').all() as DocRow[];
}

/** Everything an import may change, to check that a failed import left the corpus as it was. */
export function snapshot(db: Db): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    q('SELECT * FROM documents ORDER BY id'),
    q('SELECT id, name, document_count, reject_count, char_count, word_count FROM sources ORDER BY id'),
    q('SELECT * FROM rejects ORDER BY id'),
    q(`SELECT count(*) FROM import_files WHERE state = 'done'`),
  ].join('\n');
}

/**
 * A file that fails the import only after the probe passed it (whose first 1 MB block is blank lines, so the probe
 * sees no record; the read then finds it is not JSON lines): a failure in the middle of a job, which takes back what
 * the job wrote. (A cut-off .gz used to be one; it is now rejected at the cut and the job goes on: gzip-cut.test.ts.)
 */
export function lateFailure(dir: string, name = 'terlambat.jsonl'): string {
  const path = join(dir, name);
  writeFileSync(path, '\n'.repeat(1_200_000) + 'bukan json\n');
  return path;
}

/** The error of lateFailure's file named `name`. */
export function lateFailureError(name = 'terlambat.jsonl'): RegExp {
  return new RegExp(`^${name.replace(/\./g, '\\.')}: not JSON lines \\(line 1200001: malformed JSON`);
}

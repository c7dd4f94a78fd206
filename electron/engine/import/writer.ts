import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open';
import { docStats } from './doc-stats';
import type { PreparedDoc, PreparedReject } from './prepare-protocol';

export interface Totals {
  imported: number;
  skipped: number;
  rejected: number;
}

interface PendingDoc {
  id: string;
  text: string;
  metadata: string | null;
  line: number;
  file: string;
  hash: string;
  chars: number;
  words: number;
}

interface PendingReject {
  file: string;
  line: number | null;
  reason: string;
  excerpt: string;
}

/** Rows per multi-row INSERT: fewer statement executions per document (bind + step + changes per call). */
const ROWS_PER_INSERT = 32;
const DOC_COLUMNS = 8;

/**
 * Buffers documents and rejects and writes them in one transaction per batch, together with the source's running
 * counters and the job's checkpoint, so a kill at any moment leaves whole batches and counters that match them.
 */
export class DocumentWriter {
  readonly totals: Totals = { imported: 0, skipped: 0, rejected: 0 };
  /** Counts of the current file, for its import_files row. */
  file: Totals = { imported: 0, skipped: 0, rejected: 0 };
  /** Time spent in the batch transactions (inserting and committing), for the job's result. */
  insertMs = 0;
  private docs: PendingDoc[] = [];
  private rejects: PendingReject[] = [];
  private readonly insertDoc: Statement;
  private readonly insertDocs: Statement;
  private readonly chunkArgs: unknown[] = new Array<unknown>(ROWS_PER_INSERT * DOC_COLUMNS);
  private readonly existing: Statement;
  private readonly insertReject: Statement;
  private readonly bumpSource: Statement;

  constructor(
    private readonly db: Db,
    private readonly sourceId: number,
    private readonly jobId: number,
  ) {
    this.insertDoc = db.prepare(
      'INSERT OR IGNORE INTO documents(source_id, external_id, text, text_hash, char_count, word_count, metadata, import_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Plain INSERT: a UNIQUE conflict anywhere in the chunk aborts only this statement (SQLite undoes its rows), and
    // the chunk is then written row by row with INSERT OR IGNORE, which tells skipped and duplicate ids apart.
    this.insertDocs = db.prepare(
      `INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, metadata, import_job_id) VALUES ${new Array<string>(ROWS_PER_INSERT).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.existing = db.prepare('SELECT text_hash FROM documents WHERE source_id = ? AND external_id = ?').pluck();
    this.insertReject = db.prepare('INSERT INTO rejects(job_id, source_id, file, line, reason, excerpt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.bumpSource = db.prepare(
      'UPDATE sources SET document_count = document_count + ?, char_count = char_count + ?, word_count = word_count + ?, reject_count = reject_count + ?, imported_at = ? WHERE id = ?',
    );
  }

  get pending(): number {
    return this.docs.length + this.rejects.length;
  }

  addDoc(file: string, d: PreparedDoc): void {
    const id = d.id ?? `${file}:${d.line}`;
    if (d.hash === null) {
      // Left to this thread by the prepare worker (see prepareFile's writerShare).
      const st = docStats(d.text);
      this.docs.push({ id, text: d.text, metadata: d.metadata, line: d.line, file, hash: st.hash, chars: st.chars, words: st.words });
    } else this.docs.push({ id, text: d.text, metadata: d.metadata, line: d.line, file, hash: d.hash, chars: d.chars, words: d.words });
  }

  addReject(file: string, r: PreparedReject): void {
    this.rejects.push({ file, line: r.line, reason: r.reason, excerpt: r.excerpt });
  }

  /** Writes what is buffered; `alsoInTransaction` runs inside the same transaction (checkpoint, file state). */
  flush(alsoInTransaction: () => void): void {
    const docs = this.docs;
    const rejects = this.rejects;
    this.docs = [];
    this.rejects = [];
    const now = new Date().toISOString();
    const t = this.totals;
    const f = this.file;
    const t0 = performance.now();
    this.db.transaction(() => {
      let chars = 0;
      let words = 0;
      let added = 0;
      let from = 0;
      const a = this.chunkArgs;
      for (; from + ROWS_PER_INSERT <= docs.length; from += ROWS_PER_INSERT) {
        let k = 0;
        let cc = 0;
        let ww = 0;
        for (let i = from; i < from + ROWS_PER_INSERT; i++) {
          const d = docs[i]!;
          a[k++] = this.sourceId;
          a[k++] = d.id;
          a[k++] = d.text;
          a[k++] = d.hash;
          a[k++] = d.chars;
          a[k++] = d.words;
          a[k++] = d.metadata;
          a[k++] = this.jobId;
          cc += d.chars;
          ww += d.words;
        }
        try {
          this.insertDocs.run(a);
        } catch (e) {
          if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') break;
          throw e;
        }
        added += ROWS_PER_INSERT;
        chars += cc;
        words += ww;
      }
      for (let i = from; i < docs.length; i++) {
        const d = docs[i]!;
        const hash = d.hash;
        const c = d.chars;
        const w = d.words;
        const info = this.insertDoc.run(this.sourceId, d.id, d.text, hash, c, w, d.metadata, this.jobId);
        if (info.changes === 1) {
          added++;
          chars += c;
          words += w;
        } else if (this.existing.get(this.sourceId, d.id) === hash) {
          // The same record imported before (a re-run, or a resumed job): already present.
          t.skipped++;
          f.skipped++;
        } else {
          rejects.push({ file: d.file, line: d.line, reason: `duplicate id '${d.id}' (already used in this source by a different text)`, excerpt: d.text.slice(0, 120) });
        }
      }
      for (const r of rejects) this.insertReject.run(this.jobId, this.sourceId, r.file, r.line, r.reason, r.excerpt, now);
      this.bumpSource.run(added, chars, words, rejects.length, now, this.sourceId);
      t.imported += added;
      f.imported += added;
      t.rejected += rejects.length;
      f.rejected += rejects.length;
      alsoInTransaction();
    })();
    this.insertMs += performance.now() - t0;
  }
}

import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open';
import { staleAfterNewDocuments } from '../license/stale';
import { docStats } from './doc-stats';
import type { PreparedDocs, PreparedReject } from './prepare-protocol';

export interface Totals {
  imported: number;
  skipped: number;
  rejected: number;
}

/** One prepared batch of a file, every hash filled in (see addDocs). */
interface PendingDocs {
  file: string;
  docs: PreparedDocs;
  /** The batch's document ids, generated from file and line where the file has none. */
  ids: string[];
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
  private docs: PendingDocs[] = [];
  private docCount = 0;
  private rejects: PendingReject[] = [];
  private readonly insertDoc: Statement;
  private readonly insertDocs: Statement;
  private readonly chunkArgs: unknown[] = new Array<unknown>(ROWS_PER_INSERT * DOC_COLUMNS);
  private readonly existing: Statement;
  private readonly insertReject: Statement;
  private readonly takeOverReject: Statement;
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
    // A reject another import already recorded (the same file read again, e.g. uploaded again or a .gz that is not
    // gzip): that row now belongs to this job rather than being added twice; earlier_job_id lets undoJob give it back.
    this.takeOverReject = db.prepare(
      `UPDATE rejects SET earlier_job_id = job_id, job_id = @job WHERE id = (
         SELECT id FROM rejects WHERE source_id = @source AND file = @file AND line IS @line AND reason = @reason AND excerpt IS @excerpt
           AND job_id IS NOT NULL AND job_id <> @job
         ORDER BY id DESC LIMIT 1)`,
    );
    this.bumpSource = db.prepare(
      'UPDATE sources SET document_count = document_count + ?, char_count = char_count + ?, word_count = word_count + ?, reject_count = reject_count + ?, imported_at = ? WHERE id = ?',
    );
  }

  get pending(): number {
    return this.docCount + this.rejects.length;
  }

  addDocs(file: string, d: PreparedDocs): void {
    const n = d.text.length;
    // flush's row cursor steps through batches assuming none is empty (a batch may carry only rejects).
    if (n === 0) return;
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      ids[i] = d.id[i] ?? `${file}:${d.line[i]!}`;
      if (d.hash[i] === null) {
        // Left to this thread by the prepare worker (see prepareFile's writerShare).
        const st = docStats(d.text[i]!);
        d.hash[i] = st.hash;
        d.chars[i] = st.chars;
        d.words[i] = st.words;
      }
    }
    this.docs.push({ file, docs: d, ids });
    this.docCount += n;
  }

  addReject(file: string, r: PreparedReject): void {
    this.rejects.push({ file, line: r.line, reason: r.reason, excerpt: r.excerpt });
  }

  /** Writes what is buffered; `alsoInTransaction` runs inside the same transaction (checkpoint, file state). */
  flush(alsoInTransaction: () => void): void {
    const batches = this.docs;
    const rejects = this.rejects;
    this.docs = [];
    this.docCount = 0;
    this.rejects = [];
    const now = new Date().toISOString();
    const t = this.totals;
    const f = this.file;
    const t0 = performance.now();
    this.db.transaction(() => {
      let chars = 0;
      let words = 0;
      let added = 0;
      const a = this.chunkArgs;
      // Rows ROWS_PER_INSERT at a time, across batch boundaries: (b, i) is the next row not yet written.
      let b = 0;
      let i = 0;
      for (;;) {
        let k = 0;
        let cc = 0;
        let ww = 0;
        let nb = b;
        let ni = i;
        while (k < a.length && nb < batches.length) {
          const p = batches[nb]!;
          const d = p.docs;
          const c = d.chars[ni]!;
          const w = d.words[ni]!;
          a[k++] = this.sourceId;
          a[k++] = p.ids[ni]!;
          a[k++] = d.text[ni]!;
          a[k++] = d.hash[ni]!;
          a[k++] = c;
          a[k++] = w;
          a[k++] = d.metadata[ni]!;
          a[k++] = this.jobId;
          cc += c;
          ww += w;
          if (++ni === d.text.length) {
            nb++;
            ni = 0;
          }
        }
        if (k < a.length) break;
        try {
          this.insertDocs.run(a);
        } catch (e) {
          if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') break;
          throw e;
        }
        added += ROWS_PER_INSERT;
        chars += cc;
        words += ww;
        b = nb;
        i = ni;
      }
      for (; b < batches.length; b++, i = 0) {
        const p = batches[b]!;
        const d = p.docs;
        for (; i < d.text.length; i++) {
          const id = p.ids[i]!;
          const hash = d.hash[i]!;
          const c = d.chars[i]!;
          const w = d.words[i]!;
          const info = this.insertDoc.run(this.sourceId, id, d.text[i]!, hash, c, w, d.metadata[i]!, this.jobId);
          if (info.changes === 1) {
            added++;
            chars += c;
            words += w;
          } else if (this.existing.get(this.sourceId, id) === hash) {
            // The same record imported before (a re-run, or a resumed job): already present.
            t.skipped++;
            f.skipped++;
          } else {
            rejects.push({ file: p.file, line: d.line[i]!, reason: `duplicate id '${id}' (already used in this source by a different text)`, excerpt: d.text[i]!.slice(0, 120) });
          }
        }
      }
      // Every reject found counts for this run (totals, the file's row); the source counts the rows it holds.
      let newRejects = 0;
      for (const r of rejects) {
        const found = { job: this.jobId, source: this.sourceId, file: r.file, line: r.line, reason: r.reason, excerpt: r.excerpt };
        if (this.takeOverReject.run(found).changes === 0) {
          this.insertReject.run(this.jobId, this.sourceId, r.file, r.line, r.reason, r.excerpt, now);
          newRejects++;
        }
      }
      this.bumpSource.run(added, chars, words, newRejects, now, this.sourceId);
      staleAfterNewDocuments(this.db, this.sourceId, added, this.jobId);
      t.imported += added;
      f.imported += added;
      t.rejected += rejects.length;
      f.rejected += rejects.length;
      alsoInTransaction();
    })();
    this.insertMs += performance.now() - t0;
  }
}

import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { IMPORT_NOTE_NAMES, importOptions, noteNames, type ImportOptions, type ImportResult } from '../../../shared/contract/import';
import { ensureSource } from '../corpus/sources';
import { CancelledError } from '../errors';
import type { JobContext } from '../jobs/types';
import { defineJob } from '../jobs/types';
import type { Db } from '../store/open';
import { syncFullTextIndex } from '../store/fts';
import { refreshPlannerStatistics } from '../store/statistics';
import { NotGzipError, namedGz, readFileBytes, sha256File, type ByteCounter } from './byte-stream';
import { dropIndexesForBulkLoad, restoreDroppedIndexes } from './bulk-load';
import { preparedInThread, preparedInWorker } from './prepare-pool';
import type { PrepareTask } from './prepare-protocol';
import { readItems } from './prepare-run';
import { listImportFiles, sniffFormat, stripGz, type ConcreteFormat, type ImportFile } from './files';
import { UnreadableFileError, excerpt, type ReaderOptions } from './items';
import { LinesCutError, lineBlocks, type LineBlock } from './lines';
import { DocumentWriter, type Totals } from './writer';
import { bulkThreshold, importWalPages, workerThreshold } from './tuning';
import { JOB_PHASE } from '../../../shared/jobs/phases';

/** Rows per transaction: large enough to amortise the commit, small enough that a kill loses little. */
export const BATCH_ROWS = 10_000;

/** Progress message while the indexes dropped for a bulk load are built again. */
export const REBUILDING_INDEXES = JOB_PHASE.rebuildingIndexes;
export const BUILDING_SEARCH_INDEX = JOB_PHASE.buildingSearchIndex;
/** Progress message while the WAL the import wrote is copied into the corpus file (see wal_autocheckpoint below). */
export const SAVING = JOB_PHASE.savingCorpus;

interface Checkpoint {
  /** Files before this index are finished. */
  fileIndex: number;
  /** Records of file `fileIndex` up to this line are committed. */
  line: number;
  totals: Totals;
  /** documents.id before this job wrote anything: a failed job removes what it added above it. */
  firstId: number;
  sourceId: number;
}

/** A file to read, or (`rejected`) one refused as a whole, recorded as a reject without a line while the others import. */
type Planned = ImportFile & { format: ConcreteFormat; rejected: { file: string; reason: string; excerpt: string } | null };

/** A file as it is named on disk (relative to its folder): ids and line rejects leave out the `.gz`, notes about the file as a whole keep it. */
function diskName(f: ImportFile): string {
  return namedGz(f.path) ? `${f.name}${f.path.slice(-'.gz'.length)}` : f.name;
}

function readerOptions(f: ImportFile, o: ImportOptions): ReaderOptions {
  return {
    name: f.name,
    textField: o.textField,
    idField: o.idField,
    metadataFields: o.metadataFields,
    maxRecordBytes: o.maxRecordBytes,
    header: o.header,
    textColumn: o.textColumn,
    idColumn: o.idColumn,
  };
}

function lineCap(o: ImportOptions): number {
  // JSON escapes can take up to 6 bytes per character of text; metadata rides along on the same line.
  return o.maxRecordBytes * 6 + 65_536;
}

async function* once(block: LineBlock): AsyncGenerator<LineBlock> {
  yield block;
}

/**
 * Reads the start of a file (header, first records) before anything is written, so a file that cannot be
 * imported at all fails the job while the corpus is still unchanged. Settles the format of unknown extensions.
 */
async function probe(f: ImportFile, o: ImportOptions): Promise<Planned> {
  let first: LineBlock | null = null;
  try {
    const it = lineBlocks(readFileBytes(f.path, { read: 0 }), lineCap(o));
    const r = await it.next();
    await it.return(undefined);
    if (!r.done) first = r.value;
  } catch (e) {
    if (e instanceof NotGzipError) {
      // Named as on disk: the name is what is wrong with it.
      return { ...f, format: f.format ?? 'txt', rejected: { file: diskName(f), reason: e.message, excerpt: await firstBytes(f.path) } };
    }
    // Gzip data that breaks off before the first whole line: nothing to probe, and the read rejects it where it breaks.
    if (e instanceof LinesCutError) return { ...f, format: f.format ?? 'txt', rejected: null };
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(f.name, code ? `cannot read (${code})` : e instanceof Error ? e.message : String(e));
  }
  const format = f.format ?? sniffFormat(first?.lines.slice(0, 20) ?? []);
  if (first) {
    const items = readItems(once(first), format, readerOptions(f, o), o.txtMode);
    try {
      await items.next();
    } finally {
      await items.return(undefined);
    }
  }
  return { ...f, format, rejected: null };
}

/** What a file refused as a whole starts with, for its reject's excerpt: text if it is UTF-8, else the first bytes in hex. */
async function firstBytes(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(120);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    // The cut may fall inside a character: up to 3 bytes of it may be dropped.
    const text = [0, 1, 2, 3].map((k) => b.subarray(0, Math.max(0, b.length - k))).find((t) => isUtf8(t));
    return text && !text.includes(0) ? excerpt(text.toString('utf8')) : [...b.subarray(0, 16)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  } finally {
    await fh.close();
  }
}

function defaultSourceName(paths: string[]): string {
  const b = stripGz(basename(paths[0]!.replace(/[\\/]+$/u, '')));
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b || 'import';
}

export const importJob = defineJob({
  kind: 'import',
  params: importOptions,
  changes: 'documents',
  async run(ctx): Promise<ImportResult> {
    const o = ctx.params;
    ctx.progress(0, null, JOB_PHASE.readingFiles);
    const ignored: string[] = [];
    const listed = listImportFiles(o.paths, o.format, ignored);
    if (listed.length === 0)
      throw new Error(
        `${o.paths.join(', ')}: no files to import (.csv, .tsv, .jsonl, .txt, optionally .gz)` +
          (ignored.length > 0 ? `; not read: ${noteNames({ count: ignored.length, names: ignored.slice(0, IMPORT_NOTE_NAMES) })}` : ''),
      );
    const files: Planned[] = [];
    for (const f of listed) files.push(await probe(f, o));

    const db = ctx.db;
    // This connection only appends: a smaller page cache than the default keeps the worker's RSS down for little cost.
    // 16 MB: at 32 MB a 1M-document JSONL import peaked just over the 300 MB RSS goal (308 MB, quiet machine).
    db.pragma('cache_size = -16384');
    // No checkpoint per commit: each one syncs the WAL and the database file, which cost a third of the insert
    // time (docs/benchmarks/import.md). The WAL is checkpointed when it reaches importWalPages() (so a huge import
    // doesn't double its disk use in WAL) and once at the job's end. synchronous stays NORMAL, so a kill or power
    // loss still leaves whole committed batches (the WAL is replayed on the next open).
    db.pragma(`wal_autocheckpoint = ${importWalPages()}`);
    const sourceName = o.source ?? defaultSourceName(o.paths);
    const saved = ctx.checkpoint as Checkpoint | null;
    const sourceId = saved?.sourceId ?? db.transaction(() => ensureSource(db, sourceName, o.paths.join(', '), o.license))();
    const firstId = saved?.firstId ?? (db.prepare('SELECT coalesce(max(id), 0) FROM documents').pluck().get() as number);
    const writer = new DocumentWriter(db, sourceId, ctx.jobId);
    if (saved) Object.assign(writer.totals, saved.totals);

    const totalBytes = files.reduce((s, f) => s + f.size, 0);
    const counter: ByteCounter = { read: 0 };
    // Indexes an earlier bulk load left dropped (its process died) come back before anything else is written.
    restoreDroppedIndexes(db, () => ctx.progress(0, null, REBUILDING_INDEXES));
    let bulk = false;
    if (!saved && totalBytes >= bulkThreshold()) {
      // ~1 KB per document is a low guess for the rows this import brings; bulk mode when they outnumber the corpus.
      const present = db.prepare('SELECT coalesce(sum(document_count), 0) FROM sources').pluck().get() as number;
      if (present * 1024 <= totalBytes) bulk = dropIndexesForBulkLoad(db, ctx.jobId).length > 0;
    }
    try {
      for (let fi = 0; fi < files.length; fi++) {
        const f = files[fi]!;
        if (saved && fi < saved.fileIndex) {
          counter.read += f.size;
          continue;
        }
        if (f.rejected) {
          // One reject without a line, committed with the checkpoint past the file.
          writer.file = { imported: 0, skipped: 0, rejected: 0 };
          writer.addReject(f.rejected.file, { line: null, reason: f.rejected.reason, excerpt: f.rejected.excerpt });
          writer.flush(() => ctx.saveCheckpoint({ fileIndex: fi + 1, line: 0, totals: { ...writer.totals }, firstId, sourceId }));
          counter.read += f.size;
          ctx.progress(counter.read, totalBytes, f.name);
          continue;
        }
        const resumeAfter = saved && fi === saved.fileIndex ? saved.line : 0;
        await importFile(ctx, db, writer, { f, fi, sourceId, firstId, resumeAfter, counter, totalBytes });
      }
    } catch (e) {
      if (!(e instanceof CancelledError) && !ctx.signal.aborted) undoJob(db, ctx.jobId, sourceId, firstId);
      if (bulk) {
        try {
          restoreDroppedIndexes(db);
        } catch {
          // the record stays in meta: the next open or import builds them
        }
      }
      throw e instanceof UnreadableFileError || e instanceof CancelledError ? e : new Error(e instanceof Error ? e.message : String(e));
    }
    const t0 = performance.now();
    if (bulk) restoreDroppedIndexes(db, () => ctx.progress(totalBytes, totalBytes, REBUILDING_INDEXES));
    const t1 = performance.now();
    ctx.progress(totalBytes, totalBytes, BUILDING_SEARCH_INDEX);
    syncFullTextIndex(db);
    const t2 = performance.now();
    refreshPlannerStatistics(db);
    ctx.progress(totalBytes, totalBytes, SAVING);
    db.pragma('wal_checkpoint(PASSIVE)');
    const phases = {
      bulkLoad: bulk,
      insertMs: Math.round(writer.insertMs),
      indexMs: Math.round(t1 - t0),
      ftsMs: Math.round(t2 - t1),
      checkpointMs: Math.round(performance.now() - t2),
    };
    const rejects = db
      .prepare('SELECT file, line, reason FROM rejects WHERE job_id = ? ORDER BY id LIMIT 100')
      .all(ctx.jobId) as { file: string; line: number | null; reason: string }[];
    return {
      source: sourceName,
      files: files.length,
      ...writer.totals,
      rejects,
      emptyFiles: emptyFiles(db, ctx.jobId, files),
      ignoredFiles: { count: ignored.length, names: ignored.slice(0, IMPORT_NOTE_NAMES) },
      phases,
    };
  },
});

/**
 * The files of this job that held no record: read in full (or skipped as already read, when that read found none)
 * and not one document, known document or reject. From the job's import_files rows, so a resumed job counts the files
 * it read before it was interrupted too; a file refused as a whole has no such row (it has its reject).
 */
function emptyFiles(db: Db, jobId: number, files: Planned[]): { count: number; names: string[] } {
  const paths = db
    .prepare(`SELECT path FROM import_files WHERE job_id = ? AND state IN ('done', 'skipped') AND imported + skipped + rejected = 0 GROUP BY path ORDER BY min(id)`)
    .pluck()
    .all(jobId) as string[];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const names = paths.slice(0, IMPORT_NOTE_NAMES).map((p) => {
    const f = byPath.get(p);
    return f ? diskName(f) : basename(p);
  });
  return { count: paths.length, names };
}

/** The options that decide which documents a file yields. */
function readingKey(o: ImportOptions): string {
  return JSON.stringify([o.format, o.textField, o.idField, o.metadataFields, o.txtMode, o.maxRecordBytes, o.header, o.textColumn, o.idColumn]);
}

/** Whether a job's stored params (JSON, as in its row) read files as `o` does; unreadable params count as different. */
function sameReading(storedParams: string, o: ImportOptions): boolean {
  const parsed = importOptions.safeParse(JSON.parse(storedParams));
  return parsed.success && readingKey(parsed.data) === readingKey(o);
}

interface FileRun {
  f: Planned;
  fi: number;
  sourceId: number;
  firstId: number;
  resumeAfter: number;
  counter: ByteCounter;
  totalBytes: number;
}

async function importFile(ctx: JobContext<ImportOptions>, db: Db, writer: DocumentWriter, r: FileRun): Promise<void> {
  const { f, fi, sourceId, counter } = r;
  const now = () => new Date().toISOString();
  const o = ctx.params;
  const checkpoint = (line: number, fileIndex = fi): Checkpoint => ({ fileIndex, line, totals: { ...writer.totals }, firstId: r.firstId, sourceId });

  // A file this source already took in full, read the same way, is skipped after one hash pass, without parsing.
  // Read another way (another text column, another txt mode) it is read again: it may hold other documents.
  const prev = db
    .prepare(
      `SELECT f.sha256, f.imported, f.skipped, j.params FROM import_files f LEFT JOIN jobs j ON j.id = f.job_id
       WHERE f.source_id = ? AND f.path = ? AND f.size = ? AND f.state = 'done' ORDER BY f.id DESC LIMIT 1`,
    )
    .get(sourceId, f.path, f.size) as { sha256: string; imported: number; skipped: number; params: string | null } | undefined;
  if (prev && (prev.params === null || sameReading(prev.params, o))) {
    const sha = await sha256File(f.path);
    if (sha === prev.sha256) {
      counter.read += f.size;
      const present = prev.imported + prev.skipped;
      db.transaction(() => {
        writer.totals.skipped += present;
        db.prepare(`INSERT INTO import_files(job_id, source_id, path, size, sha256, state, skipped, started_at, finished_at) VALUES (?, ?, ?, ?, ?, 'skipped', ?, ?, ?)`).run(
          ctx.jobId, sourceId, f.path, f.size, sha, present, now(), now(),
        );
        ctx.saveCheckpoint(checkpoint(0, fi + 1));
      })();
      ctx.progress(counter.read, r.totalBytes, f.name);
      return;
    }
  }

  // An earlier attempt at this file that died mid-way: its rejects will be found again, so drop the old copies.
  const fileRowId = db.transaction(() => {
    const stale = db
      .prepare(`SELECT id, job_id FROM import_files WHERE source_id = ? AND path = ? AND state = 'running' AND job_id IS NOT ?`)
      .all(sourceId, f.path, ctx.jobId) as { id: number; job_id: number | null }[];
    for (const s of stale) {
      const gone = db.prepare('DELETE FROM rejects WHERE job_id IS ? AND source_id = ? AND file = ?').run(s.job_id, sourceId, f.name).changes;
      db.prepare('UPDATE sources SET reject_count = max(0, reject_count - ?) WHERE id = ?').run(gone, sourceId);
      db.prepare(`UPDATE import_files SET state = 'interrupted', finished_at = ? WHERE id = ?`).run(now(), s.id);
    }
    const mine = db.prepare(`SELECT id FROM import_files WHERE job_id = ? AND path = ? AND state = 'running'`).pluck().get(ctx.jobId, f.path) as number | undefined;
    if (mine !== undefined) return mine;
    return Number(
      db.prepare(`INSERT INTO import_files(job_id, source_id, path, size, sha256, state, started_at) VALUES (?, ?, ?, ?, '', 'running', ?)`).run(ctx.jobId, sourceId, f.path, f.size, now())
        .lastInsertRowid,
    );
  })();
  if (r.resumeAfter === 0) writer.file = { imported: 0, skipped: 0, rejected: 0 };
  else {
    const row = db.prepare('SELECT imported, skipped, rejected FROM import_files WHERE id = ?').get(fileRowId) as Totals;
    writer.file = { ...row };
  }
  const saveFile = db.prepare('UPDATE import_files SET imported = ?, skipped = ?, rejected = ? WHERE id = ?');

  const base = counter.read;
  let lastLine = r.resumeAfter;
  let sha = '';
  const task: PrepareTask = { path: f.path, format: f.format, reader: readerOptions(f, o), txtMode: o.txtMode, lineCap: lineCap(o), resumeAfter: r.resumeAfter };
  const source = f.size >= workerThreshold() ? preparedInWorker(task) : preparedInThread(task);
  for await (const m of source) {
    if (m.type === 'error') throw m.unreadable ? new UnreadableFileError(f.name, m.message.replace(`${f.name}: `, '')) : new UnreadableFileError(f.name, m.message);
    counter.read = base + m.bytesRead;
    if (m.type === 'end') {
      sha = m.sha256;
      // Its gzip data broke off: the records before the break are in, and this says where the rest was lost.
      if (m.cut) writer.addReject(diskName(f), m.cut);
      break;
    }
    ctx.throwIfCancelled();
    writer.addDocs(f.name, m.docs);
    for (const x of m.rejects) writer.addReject(f.name, x);
    lastLine = m.lastLine;
    if (writer.pending >= BATCH_ROWS) {
      const line = lastLine;
      writer.flush(() => {
        saveFile.run(writer.file.imported, writer.file.skipped, writer.file.rejected, fileRowId);
        ctx.saveCheckpoint(checkpoint(line));
      });
      ctx.progress(counter.read, r.totalBytes, f.name);
      ctx.throwIfCancelled();
    }
  }
  counter.read = Math.max(counter.read, base);
  writer.flush(() => {
    db.prepare(`UPDATE import_files SET imported = ?, skipped = ?, rejected = ?, sha256 = ?, state = 'done', finished_at = ? WHERE id = ?`).run(
      writer.file.imported, writer.file.skipped, writer.file.rejected, sha, now(), fileRowId,
    );
    ctx.saveCheckpoint(checkpoint(0, fi + 1));
  });
  ctx.progress(counter.read, r.totalBytes, f.name);
  ctx.throwIfCancelled();
}

/** A job that failed takes back everything it wrote, so the corpus is as it was before. */
function undoJob(db: Db, jobId: number, sourceId: number, firstId: number): void {
  db.transaction(() => {
    const sums = db
      .prepare('SELECT count(*) AS n, coalesce(sum(char_count), 0) AS c, coalesce(sum(word_count), 0) AS w FROM documents WHERE id > ? AND import_job_id = ?')
      .get(firstId, jobId) as { n: number; c: number; w: number };
    db.prepare('DELETE FROM documents WHERE id > ? AND import_job_id = ?').run(firstId, jobId);
    // Rejects it found again go back to the import that had them (writer.ts takes them over); the ones it added go.
    db.prepare('UPDATE rejects SET job_id = earlier_job_id, earlier_job_id = NULL WHERE job_id = ? AND earlier_job_id IS NOT NULL').run(jobId);
    const rejects = db.prepare('DELETE FROM rejects WHERE job_id = ?').run(jobId).changes;
    db.prepare('DELETE FROM import_files WHERE job_id = ?').run(jobId);
    db.prepare(
      'UPDATE sources SET document_count = max(0, document_count - ?), char_count = max(0, char_count - ?), word_count = max(0, word_count - ?), reject_count = max(0, reject_count - ?) WHERE id = ?',
    ).run(sums.n, sums.c, sums.w, rejects, sourceId);
    const left = db.prepare('SELECT (SELECT count(*) FROM documents WHERE source_id = ?) + (SELECT count(*) FROM rejects WHERE source_id = ?) + (SELECT count(*) FROM import_files WHERE source_id = ?)').pluck().get(sourceId, sourceId, sourceId) as number;
    if (left === 0) db.prepare('DELETE FROM sources WHERE id = ?').run(sourceId);
    db.prepare('UPDATE jobs SET checkpoint = NULL WHERE id = ?').run(jobId);
  })();
}

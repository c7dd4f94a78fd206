import { z } from 'zod';
import { method } from './define';

export const importFormat = z.enum(['auto', 'csv', 'tsv', 'jsonl', 'txt']);
export type ImportFormat = z.infer<typeof importFormat>;

export const importOptions = z
  .object({
    /** Files or folders (read recursively); any of them may be gzipped (.gz). */
    paths: z.array(z.string().min(1)).min(1),
    /** Source name; defaults to the base name of the first path. */
    source: z.string().min(1).optional(),
    /** Declared licence of the source, as an SPDX expression. */
    license: z.string().min(1).optional(),
    format: importFormat.default('auto'),
    /** Column or field holding the text; defaults to the first of text/content/body/sentence/paragraph. */
    textField: z.string().min(1).optional(),
    /** Column or field holding a stable id; otherwise ids are generated as `<file>:<line>`. */
    idField: z.string().min(1).optional(),
    /** Columns/fields to keep as metadata; defaults to every other one. */
    metadataFields: z.array(z.string()).optional(),
    /** How a .txt file becomes documents. */
    txtMode: z.enum(['file', 'line', 'paragraph']).default('file'),
    /** Records larger than this (bytes of text) are rejected. */
    maxRecordBytes: z.number().int().positive().default(1_000_000),
    /**
     * CSV/TSV: whether the first row names the columns. Without a header row (false) every row is a record, columns
     * are addressed by number (`textColumn`, `idColumn`) and the other columns are kept as metadata named `column_<n>`.
     */
    header: z.boolean().default(true),
    /** CSV/TSV without a header row: the 1-based number of the text column; needed unless the rows have one column. */
    textColumn: z.number().int().min(1).optional(),
    /** CSV/TSV without a header row: the 1-based number of the column holding a stable id. */
    idColumn: z.number().int().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    // With a header row, columns are named (textField, idField): a number there would be silently ignored.
    for (const key of ['textColumn', 'idColumn'] as const)
      if (o[key] !== undefined && o.header)
        ctx.addIssue({ code: 'custom', path: [key], message: 'a column number is only for CSV/TSV files without a header row (header: false)' });
    if (o.textColumn !== undefined && o.textColumn === o.idColumn)
      ctx.addIssue({ code: 'custom', path: ['idColumn'], message: 'the id column cannot be the text column' });
  });
export type ImportOptions = z.infer<typeof importOptions>;
export type ImportOptionsInput = z.input<typeof importOptions>;

export const importReject = z.object({ file: z.string(), line: z.number().int().nullable(), reason: z.string() });

/** The names in a note about files are capped: a folder may hold thousands. */
export const IMPORT_NOTE_NAMES = 20;

/** The names a file note carries (capped at IMPORT_NOTE_NAMES), with how many it leaves out: for messages. */
export function noteNames(n: { count: number; names: string[] }): string {
  return n.names.join(', ') + (n.count > n.names.length ? `, … ${n.count - n.names.length} more` : '');
}
const importFileNames = z.object({ count: z.number().int(), names: z.array(z.string()) });

export const importResult = z.object({
  source: z.string(),
  files: z.number().int(),
  imported: z.number().int(),
  /** Records already present (re-import of the same file into the same source). */
  skipped: z.number().int(),
  rejected: z.number().int(),
  /** The first rejects (all of them are in the rejects list). */
  rejects: z.array(importReject),
  /**
   * Files read in full that held no record at all (empty, only blank lines, only a header row), so that importing
   * nothing is not silent: how many, and the first names (as on disk, relative to the folder given).
   */
  emptyFiles: importFileNames.optional(),
  /**
   * Files inside the folders given that were not read because their extension is none the import knows (a file
   * named on its own is read whatever its name): how many, and the first names (relative to their folder).
   */
  ignoredFiles: importFileNames.optional(),
  /**
   * Where the time went: `insertMs` is the job thread's time in the batch transactions (INSERT + COMMIT of the
   * rows, parsing excluded: it runs alongside), `indexMs` rebuilding the indexes a bulk load dropped, `ftsMs` the
   * full-text index, `checkpointMs` copying the write-ahead log into the corpus file at the end.
   */
  phases: z
    .object({ bulkLoad: z.boolean(), insertMs: z.number(), indexMs: z.number(), ftsMs: z.number(), checkpointMs: z.number().optional() })
    .optional(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importMethods = {
  'import.start': method(importOptions, z.object({ jobId: z.number().int() })),
};

import { z } from 'zod';
import { method } from './define';
import { langCode } from './langid';

export const exportFormat = z.enum(['jsonl', 'jsonl.gz', 'parquet', 'csv']);
export type ExportFormat = z.infer<typeof exportFormat>;

/** Fields a record may carry besides id, text, source, lang and licence. Anything else is read from the document's metadata JSON. */
export const BUILTIN_META_FIELDS = ['external_id', 'char_count', 'word_count', 'lang_confidence', 'dup_status', 'quality_pass'] as const;

export const exportFilters = z.object({
  /** Only these language codes (documents.lang; ZSM, ms… read as zlm); empty = all. `und` selects documents without a language. */
  langs: z
    .array(langCode)
    .transform((codes) => [...new Set(codes)])
    .default([]),
  /** `keep-only`: leave out documents marked duplicate; `all`: keep them. */
  dedupe: z.enum(['keep-only', 'all']).default('keep-only'),
  /** question=value pairs, all of which must hold (adjudicated value first, else any annotator's). */
  labels: z.array(z.object({ question: z.string().min(1), value: z.string() })).default([]),
  /** `cleared`: sources cleared in review; `commercial`: cleared and allowing commercial use. */
  license: z.enum(['cleared', 'commercial']).default('cleared'),
  /** `pass`: only documents that passed the quality rules; `any`: ignore quality. */
  quality: z.enum(['pass', 'any']).default('any'),
  /** Replace personal data with typed tokens (changes text: no-derivatives documents are left out). */
  redactPii: z.boolean().default(false),
  /** Export sources that are not (yet) cleared; recorded in the audit log per source. Never lifts a rejection or a licence refusal. */
  overrideReason: z.string().trim().min(1).optional(),
});
export type ExportFilters = z.infer<typeof exportFilters>;

export const exportOptions = exportFilters.extend({
  /** Folder the shards, manifest, dataset card and attribution list are written to (created if missing). */
  out: z.string().min(1),
  format: exportFormat.default('jsonl'),
  /** Shard size limits: a shard closes before it would exceed either (0 = no limit). */
  maxDocs: z.number().int().min(0).default(0),
  /** Bytes of UTF-8 JSON-lines records per shard (before compression), 0 = no limit. */
  maxBytes: z.number().int().min(0).default(256 * 1024 * 1024),
  /** Extra fields per record: built-ins (BUILTIN_META_FIELDS) or keys of the document's metadata. */
  meta: z.array(z.string().min(1)).default([]),
  /** Dataset name used in the card. */
  name: z.string().min(1).default('kurasi-export'),
});
export type ExportOptions = z.infer<typeof exportOptions>;
export type ExportOptionsInput = z.input<typeof exportOptions>;

/** Counts of one group of documents. */
export const exportCount = z.object({ documents: z.number().int(), characters: z.number().int() });

export const exportPreview = z.object({
  /** Documents the export would write. */
  included: exportCount,
  byLanguage: z.record(z.string(), exportCount),
  /** Per concluded licence expression of the included documents. */
  byLicense: z.record(z.string(), exportCount),
  /** Per shard key (use class, share-alike family, no-derivatives): each becomes its own set of shards. */
  byShardKey: z.record(z.string(), exportCount),
  /** Per source name. */
  bySource: z.record(z.string(), exportCount),
  /** Documents left out, per reason (not-cleared, rejected, no-derivatives, duplicate, language, quality, label…). */
  excluded: z.record(z.string(), z.number().int()),
  /** Sources exported only because of the override reason. */
  overriddenSources: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type ExportPreview = z.infer<typeof exportPreview>;

export const exportShard = z.object({
  file: z.string(),
  shardKey: z.string(),
  index: z.number().int(),
  documents: z.number().int(),
  /** Size of the file on disk. */
  bytes: z.number().int(),
  sha256: z.string(),
  firstId: z.number().int(),
  lastId: z.number().int(),
  license: z.string(),
  /** Personal-data spans replaced in this shard, per type (exports with redactPii only). */
  redactions: z.record(z.string(), z.number().int()).optional(),
});
export type ExportShard = z.infer<typeof exportShard>;

export const exportResult = z.object({
  out: z.string(),
  snapshotId: z.string(),
  documents: z.number().int(),
  shards: z.array(exportShard),
  /** Shards found complete from an earlier, interrupted run and kept. */
  resumedShards: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  /** What the preview would have warned about (e.g. a requested language no document has); absent in older results. */
  warnings: z.array(z.string()).optional(),
});
export type ExportResult = z.infer<typeof exportResult>;

export const exportMethods = {
  /** Starts an `export-preview` job; its result is an ExportPreview. */
  'export.preview': method(exportFilters, z.object({ jobId: z.number().int() })),
  /** Starts an `export` job; its result is an ExportResult. */
  'export.start': method(exportOptions, z.object({ jobId: z.number().int() })),
};

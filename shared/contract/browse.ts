import { z } from 'zod';
import { method } from './define';
import { documentResults } from './corpus';
import { langFilter } from './langid';
import { piiBrowseFilters } from './pii';
import { qualityBrowseFilters, signalName, signalSortKey } from './quality';

/** Columns the corpus browser can sort on; each is backed by an index so paging stays in SQLite. */
export const documentSortColumn = z.union([z.enum(['id', 'source', 'lang', 'length', 'dupStatus', 'labels', 'pii', 'quality']), signalSortKey]);
export type DocumentSortColumn = z.infer<typeof documentSortColumn>;

export const documentFilters = z.object({
  sourceId: z.number().int().positive().optional(),
  lang: langFilter.optional(),
  dupStatus: z.string().min(1).max(32).optional(),
  /** Members of one duplicate cluster (dedupe.clusters ids): what the duplicates screen opens the browser with. */
  dupCluster: z.number().int().positive().optional(),
  hasLabels: z.boolean().optional(),
  piiMin: z.number().int().min(0).optional(),
  ...piiBrowseFilters,
  qualityPass: z.boolean().optional(),
  codeMixed: z.boolean().optional(),
  ...qualityBrowseFilters,
  /** Full-text query (words, all must match; a trailing * makes a prefix). */
  q: z.string().max(500).optional(),
});
export type DocumentFilters = z.infer<typeof documentFilters>;

export const documentListInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z
    .object({ column: documentSortColumn, dir: z.enum(['asc', 'desc']).default('asc') })
    .default({ column: 'id', dir: 'asc' }),
  filters: documentFilters.default({}),
  /** Quality signals to include in each row (the browser's visible signal columns). */
  withSignals: z.array(signalName).max(30).optional(),
});
export type DocumentListInput = z.input<typeof documentListInput>;

/** One browser row: the summary columns only, with a short preview instead of the whole text. */
export const documentSummary = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  externalId: z.string(),
  preview: z.string(),
  charCount: z.number().int(),
  wordCount: z.number().int(),
  ...documentResults.shape,
  /** The source's licence review state (unreviewed until the licence feature decides). */
  licenseState: z.string(),
  license: z.string().nullable(),
  /** Only with `withSignals`: the requested signals and the failed rules (null = not scored yet). */
  signals: z.record(z.string(), z.number()).nullable().optional(),
  qualityReasons: z.array(z.string()).nullable().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentPage = z.object({
  offset: z.number().int(),
  rows: z.array(documentSummary),
  total: z.number().int(),
  /** False when the total is a capped estimate (large full-text matches). */
  totalExact: z.boolean(),
});
export type DocumentPage = z.infer<typeof documentPage>;

/** Text split into plain and highlighted parts, so no UI ever needs innerHTML to show a match. */
export const highlightedText = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type HighlightedText = z.infer<typeof highlightedText>;

export const searchHit = z.object({
  id: z.number().int(),
  sourceName: z.string(),
  externalId: z.string(),
  lang: z.string().nullable(),
  charCount: z.number().int(),
  snippet: highlightedText,
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchInput = z.object({
  q: z.string().min(1).max(500),
  limit: z.number().int().min(1).max(200).default(50),
});

export const searchOutput = z.object({
  hits: z.array(searchHit),
  /** Number of matching documents, capped at `totalCap` (then `totalExact` is false). */
  total: z.number().int(),
  totalExact: z.boolean(),
  /** The query as sent to SQLite FTS5, for display and debugging. */
  ftsQuery: z.string(),
  tookMs: z.number(),
});
export type SearchOutput = z.infer<typeof searchOutput>;

export const browseMethods = {
  'documents.list': method(documentListInput, documentPage),
  search: method(searchInput, searchOutput),
  /** The text of one document with the query's matches highlighted (for the document pane). */
  'documents.highlight': method(
    z.object({ id: z.number().int().positive(), q: z.string().max(500) }),
    z.object({ id: z.number().int(), parts: highlightedText }),
  ),
  /**
   * Native file picker for imports. Only the Electron front door can show one (it answers this method itself);
   * elsewhere `available` is false and the UI offers an upload or a server path instead.
   */
  'app.pickFiles': method(
    z.object({ multiple: z.boolean().default(true) }).default({ multiple: true }),
    z.object({ available: z.boolean(), paths: z.array(z.string()) }),
  ),
};

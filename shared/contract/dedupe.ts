import { z } from 'zod';
import { method } from './define';

export const keepRule = z.enum(['longest', 'earliest', 'preferred-source', 'best-license']);
export type KeepRule = z.infer<typeof keepRule>;

export const dedupeParams = z.object({
  /** Word-n-gram Jaccard similarity at or above which two documents are near duplicates. */
  threshold: z.number().gt(0).lt(1).default(0.8),
  /** Words per shingle. */
  ngram: z.number().int().min(1).max(32).default(5),
  /** Which member of a cluster is kept; the others are marked duplicate (nothing is deleted). */
  keepRule: keepRule.default('longest'),
  /** For keepRule 'preferred-source': source names, most preferred first. */
  preferredSources: z.array(z.string()).default([]),
  /**
   * How verified pairs become clusters. 'bounded': two clusters join only if at least two thirds of the
   * pairs the join creates reach the threshold (half, if the others miss it by at most 0.01) and none is
   * below 0.5 (no long chains). 'single': every
   * verified pair joins its two clusters (union-find over all links; chains can join dissimilar texts).
   */
  linkage: z.enum(['bounded', 'single']).default('bounded'),
  /** Exact duplicates also ignore punctuation. */
  foldPunctuation: z.boolean().default(false),
  /** Recompute every fingerprint instead of only those of new documents. */
  full: z.boolean().default(false),
  /** Fingerprinting threads (default: available cores). */
  workers: z.number().int().min(1).max(64).optional(),
});
export type DedupeParams = z.infer<typeof dedupeParams>;
export type DedupeParamsInput = z.input<typeof dedupeParams>;

export const dedupeResult = z.object({
  runId: z.number().int(),
  incremental: z.boolean(),
  documents: z.number().int(),
  fingerprinted: z.number().int(),
  clusters: z.number().int(),
  exactClusters: z.number().int(),
  nearClusters: z.number().int(),
  duplicates: z.number().int(),
  verifications: z.number().int(),
  bands: z.number().int(),
  rows: z.number().int(),
  ms: z.number(),
});
export type DedupeResult = z.infer<typeof dedupeResult>;

export const dupStatus = z.enum(['kept', 'duplicate']);

export const clusterSummary = z.object({
  id: z.number().int(),
  kind: z.enum(['exact', 'near']),
  size: z.number().int(),
  keptCount: z.number().int(),
  /** The first kept member (or the first member), with the start of its text. */
  documentId: z.number().int(),
  excerpt: z.string(),
});
export type ClusterSummary = z.infer<typeof clusterSummary>;

export const clusterMember = z.object({
  documentId: z.number().int(),
  externalId: z.string(),
  sourceName: z.string(),
  status: dupStatus,
  overridden: z.boolean(),
  /** Members with the same value are exact copies of each other. */
  exactGroup: z.number().int(),
  charCount: z.number().int(),
  text: z.string(),
  /** Word-n-gram Jaccard to the first kept member (1 for itself). */
  similarity: z.number(),
});
export type ClusterMember = z.infer<typeof clusterMember>;

export const clusterDetail = clusterSummary.omit({ excerpt: true }).extend({ members: z.array(clusterMember) });
export type ClusterDetail = z.infer<typeof clusterDetail>;

export const dedupeSummary = z.object({
  lastRun: z
    .object({ id: z.number().int(), finishedAt: z.string(), params: dedupeParams, incremental: z.boolean(), documents: z.number().int() })
    .nullable(),
  clusters: z.number().int(),
  exactClusters: z.number().int(),
  nearClusters: z.number().int(),
  duplicates: z.number().int(),
  kept: z.number().int(),
  fingerprinted: z.number().int(),
  overrides: z.number().int(),
  /**
   * Documents with an id up to this one were looked at by the last finished run: among them, no duplicate
   * status (dup_status NULL) means "unique". Later imports are "not checked yet". null = never run.
   */
  checkedThrough: z.number().int().nullable(),
});
export type DedupeSummary = z.infer<typeof dedupeSummary>;

export const overrideAction = z.enum(['keep', 'drop', 'split', 'merge']);

export const dedupeMethods = {
  'dedupe.start': method(dedupeParams.default(dedupeParams.parse({})), z.object({ jobId: z.number().int() })),
  'dedupe.summary': method(z.object({}).default({}), dedupeSummary),
  /** Clusters, largest first. */
  'dedupe.clusters': method(
    z.object({
      kind: z.enum(['exact', 'near']).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    z.object({ rows: z.array(clusterSummary), total: z.number().int() }),
  ),
  'dedupe.cluster': method(z.object({ id: z.number().int().positive() }), clusterDetail),
  'dedupe.clusterOf': method(z.object({ documentId: z.number().int().positive() }), z.object({ clusterId: z.number().int().nullable() })),
  /**
   * keep / drop: set these members' status; split: these members leave their cluster (together);
   * merge: the clusters of these documents become one. Recorded in the audit log, re-applied after every run.
   */
  'dedupe.override': method(
    z.object({ action: overrideAction, documentIds: z.array(z.number().int().positive()).min(1).max(10_000), note: z.string().optional() }),
    z.object({ overrideId: z.number().int(), clusterIds: z.array(z.number().int()) }),
  ),
};

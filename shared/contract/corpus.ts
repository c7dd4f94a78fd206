import { z } from 'zod';
import { method } from './define';
import { undReason } from './langid';

export const sourceRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  origin: z.string(),
  declaredLicense: z.string().nullable(),
  concludedLicense: z.string().nullable(),
  reviewState: z.string(),
  createdAt: z.string(),
  importedAt: z.string().nullable(),
  documentCount: z.number().int(),
  rejectCount: z.number().int(),
  charCount: z.number().int(),
});
export type SourceRecord = z.infer<typeof sourceRecord>;

export const corpusStats = z.object({
  documents: z.number().int(),
  sources: z.number().int(),
  rejects: z.number().int(),
  characters: z.number().int(),
  words: z.number().int(),
  /** Sections added by later features (languages, duplicates, labels, licences…), keyed by feature. */
  sections: z.record(z.string(), z.unknown()),
});
export type CorpusStats = z.infer<typeof corpusStats>;

export const corpusInfo = z.object({
  path: z.string(),
  corpusId: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});

/** What the features found for a document (language, duplicates, labels, PII, quality): in every row and record. */
export const documentResults = z.object({
  lang: z.string().nullable(),
  langConfidence: z.number().nullable(),
  codeMixed: z.boolean().nullable(),
  dupStatus: z.string().nullable(),
  dupCluster: z.number().int().nullable(),
  labelCount: z.number().int(),
  piiCount: z.number().int().nullable(),
  qualityPass: z.boolean().nullable(),
});
export type DocumentResults = z.infer<typeof documentResults>;

export const documentRecord = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  externalId: z.string(),
  text: z.string(),
  textHash: z.string(),
  charCount: z.number().int(),
  wordCount: z.number().int(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  langSource: z.string().nullable(),
  /** Set only while the automatic answer is `und` because a rule decided (then its confidence 0 means nothing). */
  langReason: undReason.nullable(),
  ...documentResults.shape,
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const rejectRecord = z.object({
  id: z.number().int(),
  jobId: z.number().int().nullable(),
  source: z.string().nullable(),
  file: z.string(),
  line: z.number().int().nullable(),
  reason: z.string(),
  excerpt: z.string().nullable(),
  createdAt: z.string(),
});
export type RejectRecord = z.infer<typeof rejectRecord>;

export const corpusMethods = {
  'corpus.info': method(z.object({}).default({}), corpusInfo),
  'corpus.stats': method(z.object({}).default({}), corpusStats),
  'sources.list': method(z.object({}).default({}), z.array(sourceRecord)),
  'documents.get': method(z.object({ id: z.number().int().positive() }), documentRecord),
  'rejects.list': method(
    z.object({
      jobId: z.number().int().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ rows: z.array(rejectRecord), total: z.number().int() }),
  ),
};

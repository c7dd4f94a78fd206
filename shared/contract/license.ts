import { z } from 'zod';
import { method } from './define';
import { REVIEW_STATES, SETTABLE_REVIEW_STATES, TDM_STATUSES, ROBOTS_STATUSES, USE_CLASSES } from '../license';

export const reviewState = z.enum(REVIEW_STATES);
export const settableReviewState = z.enum(SETTABLE_REVIEW_STATES);
export const tdmStatus = z.enum(TDM_STATUSES);
export const robotsStatus = z.enum(ROBOTS_STATUSES);
export const useClass = z.enum(USE_CLASSES);

export const licenseFlagsRecord = z.object({
  use: useClass,
  attribution: z.boolean(),
  shareAlike: z.string().nullable(),
  noDerivatives: z.boolean(),
  unclassified: z.array(z.string()),
  conflicts: z.array(z.string()),
});

export const licenseSourceRow = z.object({
  id: z.number().int(),
  name: z.string(),
  origin: z.string(),
  documentCount: z.number().int(),
  charCount: z.number().int(),
  declaredLicense: z.string().nullable(),
  concludedLicense: z.string().nullable(),
  /** Flags of the concluded licence (or of the declared one while nothing is concluded). */
  flags: licenseFlagsRecord,
  flagsFrom: z.enum(['concluded', 'declared', 'none']),
  reviewState: reviewState,
  reviewer: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whole days since the decision, null when never decided. */
  ageDays: z.number().int().nullable(),
  termsUrl: z.string().nullable(),
  tdm: tdmStatus,
  robots: robotsStatus,
  evidenceCount: z.number().int(),
});
export type LicenseSourceRow = z.infer<typeof licenseSourceRow>;

export const evidenceItem = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  kind: z.enum(['url', 'file', 'note']),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  note: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  removedBy: z.string().nullable(),
  removedAt: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

export const licenseSummary = z.object({
  sources: z.number().int(),
  documents: z.number().int(),
  /** Sources and documents per review state. */
  byState: z.record(z.string(), z.object({ sources: z.number().int(), documents: z.number().int() })),
  /** Documents per use class of the concluded licence (unconcluded sources count as unknown). */
  byUse: z.record(z.string(), z.number().int()),
  /** Documents per concluded licence expression ('' = none concluded). */
  byLicense: z.record(z.string(), z.number().int()),
  clearedDocuments: z.number().int(),
  clearedCommercialDocuments: z.number().int(),
  /** Share (0..1) of documents in cleared sources whose licence allows commercial use. */
  commercialClearedShare: z.number(),
  /** The same share by characters. */
  commercialClearedCharShare: z.number(),
});
export type LicenseSummary = z.infer<typeof licenseSummary>;

const sourceRef = z.union([z.number().int().positive(), z.string().min(1)]);
const evidenceInput = z.object({
  url: z.string().url().optional(),
  /** A file on the engine's machine (CLI, desktop app). */
  filePath: z.string().min(1).optional(),
  /** Or the file itself (browser front door). */
  file: z.object({ name: z.string().min(1), contentBase64: z.string() }).optional(),
  note: z.string().optional(),
});

export const licenseSetInput = z.object({
  source: sourceRef,
  declared: z.string().nullable().optional(),
  concluded: z.string().nullable().optional(),
  state: settableReviewState.optional(),
  termsUrl: z.string().nullable().optional(),
  tdm: tdmStatus.optional(),
  robots: robotsStatus.optional(),
  evidence: z.array(evidenceInput).optional(),
  note: z.string().optional(),
  /** Accept a guessed licence (spdx-correct) as concluded. */
  acceptGuess: z.boolean().default(false),
});
export type LicenseSetInput = z.input<typeof licenseSetInput>;

export const licenseListInput = z
  .object({
    states: z.array(reviewState).optional(),
    use: useClass.optional(),
    search: z.string().optional(),
  })
  .default({});

export const licenseRefRecord = z.object({
  ref: z.string().regex(/^LicenseRef-[A-Za-z0-9.-]+$/),
  use: useClass,
  attribution: z.boolean(),
  shareAlike: z.string().nullable(),
  noDerivatives: z.boolean(),
  url: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});

export const licenseResolution = z.object({
  ok: z.boolean(),
  spdx: z.string().nullable(),
  via: z.string().nullable(),
  warnings: z.array(z.string()),
  error: z.string().optional(),
  flags: licenseFlagsRecord,
});

export const licenseMethods = {
  'license.list': method(licenseListInput, z.object({ rows: z.array(licenseSourceRow), summary: licenseSummary })),
  'license.summary': method(z.object({}).default({}), licenseSummary),
  'license.get': method(
    z.object({ source: sourceRef }),
    z.object({ row: licenseSourceRow, evidence: z.array(evidenceItem), history: z.array(auditItem) }),
  ),
  'license.set': method(licenseSetInput, licenseSourceRow),
  'license.bulkSet': method(
    z.object({
      sources: z.array(sourceRef).min(1).max(1000),
      state: settableReviewState.optional(),
      concluded: z.string().optional(),
      note: z.string().optional(),
    }),
    z.object({ updated: z.array(licenseSourceRow), failed: z.array(z.object({ source: z.string(), message: z.string() })) }),
  ),
  'license.addEvidence': method(evidenceInput.extend({ source: sourceRef }), evidenceItem),
  /** The stored bytes of one file evidence item, by id (removed items too: the audit trail may need them). */
  'license.evidenceFile': method(
    z.object({ id: z.number().int().positive() }),
    z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int(), sha256: z.string(), contentBase64: z.string() }),
  ),
  'license.removeEvidence': method(z.object({ id: z.number().int().positive(), note: z.string().optional() }), evidenceItem),
  'license.setDocument': method(
    z.object({ documentId: z.number().int().positive(), concluded: z.string().nullable(), note: z.string().optional() }),
    z.object({ documentId: z.number().int(), concludedLicense: z.string().nullable() }),
  ),
  'license.document': method(
    z.object({ documentId: z.number().int().positive() }),
    z.object({
      documentId: z.number().int(),
      sourceId: z.number().int(),
      sourceName: z.string(),
      sourceLicense: z.string().nullable(),
      sourceState: reviewState,
      documentLicense: z.string().nullable(),
      /** Flags of the licence that applies: the document's own, else its source's concluded licence. */
      flags: licenseFlagsRecord,
    }),
  ),
  /** Recent licence decisions across all sources (newest first). */
  'license.history': method(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }),
    z.array(auditItem.extend({ entity: z.string(), entityId: z.string().nullable(), sourceName: z.string().nullable() })),
  ),
  'license.refs.list': method(z.object({}).default({}), z.array(licenseRefRecord)),
  'license.refs.set': method(licenseRefRecord, licenseRefRecord),
  'license.resolve': method(z.object({ text: z.string() }), licenseResolution),
};

import { z } from 'zod';
import { method } from './define';

/** Kinds of personal data Kurasi detects, in report and token order. */
export const PII_TYPES = ['NIK', 'KK', 'NPWP', 'PHONE', 'EMAIL', 'IP', 'BANK_ACCOUNT', 'CARD', 'PASSPORT'] as const;
export const piiType = z.enum(PII_TYPES);
export type PiiType = z.infer<typeof piiType>;

/**
 * UU PDP No. 27/2022 splits personal data into general (art. 4(3)) and specific (art. 4(2)) data.
 * Personal financial data is specific; identity numbers and contact data are general.
 */
export const PII_CATEGORY: Record<PiiType, 'general' | 'specific'> = {
  NIK: 'general',
  KK: 'general',
  NPWP: 'general',
  PHONE: 'general',
  EMAIL: 'general',
  IP: 'general',
  BANK_ACCOUNT: 'specific',
  CARD: 'specific',
  PASSPORT: 'general',
};

export const PII_TYPE_NAMES: Record<PiiType, { id: string; en: string }> = {
  NIK: { id: 'NIK', en: 'NIK (national ID)' },
  KK: { id: 'Nomor KK', en: 'Family card (KK)' },
  NPWP: { id: 'NPWP', en: 'Tax ID (NPWP)' },
  PHONE: { id: 'Nomor telepon', en: 'Phone number' },
  EMAIL: { id: 'Surel', en: 'E-mail' },
  IP: { id: 'Alamat IP', en: 'IP address' },
  BANK_ACCOUNT: { id: 'Rekening bank', en: 'Bank account' },
  CARD: { id: 'Kartu kredit/debit', en: 'Payment card' },
  PASSPORT: { id: 'Paspor', en: 'Passport' },
};

/** The corpus browser's filter on one kind of personal data: documents with a finding of that type (what pii.summary counts). */
export const piiBrowseFilters = {
  piiType: piiType.optional(),
};

export const piiDecision = z.enum(['confirmed', 'dismissed']);

export const storedFinding = z.object({
  type: piiType,
  start: z.number().int(),
  end: z.number().int(),
  /** null: no current detector finding, only a curator's decision on this span. */
  confidence: z.number().nullable(),
  category: z.enum(['general', 'specific']),
  decision: piiDecision.nullable(),
});
export type StoredFindingDto = z.infer<typeof storedFinding>;

export const piiSummaryRow = z.object({
  type: piiType,
  findings: z.number().int(),
  documents: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
});

export const piiMethods = {
  /** Starts the pii job over the corpus (decisions are kept). */
  'pii.start': method(
    z.object({ workers: z.number().int().min(1).max(64).optional(), minConfidence: z.number().min(0).max(1).optional() }).default({}),
    z.object({ jobId: z.number().int() }),
  ),
  /** Findings per type and how many documents were scanned / hold personal data. */
  'pii.summary': method(z.object({}).default({}), z.object({ types: z.array(piiSummaryRow), scanned: z.number().int(), withPii: z.number().int() })),
  /** One document's findings with the decisions on them, in text order. */
  'pii.findings': method(z.object({ documentId: z.number().int().positive() }), z.object({ documentId: z.number().int(), findings: z.array(storedFinding) })),
  /** Confirm or dismiss a finding ('clear' undoes the decision); recorded in the audit log, survives re-runs. */
  'pii.decide': method(
    z.object({
      documentId: z.number().int().positive(),
      type: piiType,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      decision: z.enum(['confirmed', 'dismissed', 'clear']),
      note: z.string().max(2000).optional(),
    }),
    z.object({ documentId: z.number().int(), piiCount: z.number().int() }),
  ),
  /** Detects personal data in a short text on the spot (at most 20,000 characters). */
  'pii.detect': method(
    z.object({ text: z.string().max(20_000) }),
    z.object({ findings: z.array(z.object({ type: piiType, start: z.number().int(), end: z.number().int(), confidence: z.number(), category: z.enum(['general', 'specific']) })), redacted: z.string() }),
  ),
};

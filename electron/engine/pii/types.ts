/** Kinds of personal data Kurasi detects, in the order used for reports and tokens. */
export const PII_TYPES = ['NIK', 'KK', 'NPWP', 'PHONE', 'EMAIL', 'IP', 'BANK_ACCOUNT', 'CARD', 'PASSPORT'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/**
 * UU PDP No. 27/2022 splits personal data into general (art. 4(3)) and specific (art. 4(2)) data.
 * Personal financial data is specific; identity numbers and contact data are general.
 */
export type PiiCategory = 'general' | 'specific';

export const PII_CATEGORY: Record<PiiType, PiiCategory> = {
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

export interface PiiFinding {
  type: PiiType;
  /** UTF-16 offsets into the text, end exclusive (what String.prototype.slice takes). */
  start: number;
  end: number;
  /** 0..1; findings at or above HIGH_CONFIDENCE are redacted at export without review. */
  confidence: number;
  category: PiiCategory;
}

/** Findings at or above this confidence are redacted at export even if nobody confirmed them. */
export const HIGH_CONFIDENCE = 0.8;

export function isPiiType(v: string): v is PiiType {
  return (PII_TYPES as readonly string[]).includes(v);
}

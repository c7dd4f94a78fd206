import { PII_CATEGORY, PII_TYPES, type PiiType } from '../../../shared/contract/pii';

export { PII_TYPES, PII_CATEGORY, type PiiType };

/** UU PDP category: general (art. 4(3)) or specific (art. 4(2)) personal data. */
export type PiiCategory = 'general' | 'specific';

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

// The one place export calls the PII feature. With its tables present, `redactDocument` applies reviewers'
// decisions (confirmed findings, and findings ≥ 0.8 nobody dismissed); on an older corpus without them,
// the detector alone with the same threshold.
import { detectPii, HIGH_CONFIDENCE, redactWithCounts } from '../pii';
import { redactDocument } from '../pii/store';
import type { Db } from '../store/open';
import { tableExists } from './schema';

export type Redactor = (documentId: number, text: string) => { text: string; counts: Partial<Record<string, number>> };

export function exportRedactor(db: Db): Redactor {
  if (tableExists(db, 'pii_findings') && tableExists(db, 'pii_decisions')) return (id, text) => redactDocument(db, id, text);
  return (_id, text) => redactWithCounts(text, detectPii(text, { minConfidence: HIGH_CONFIDENCE }));
}

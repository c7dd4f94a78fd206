import { z } from 'zod';
import { undoKind } from '../audit/undo-kind';
import { KurasiError } from '../errors';
import { readPiiDecision, refreshDocumentPii, writePiiDecision } from './store';
import { isPiiType } from './types';

/** A decision on one finding (type + span), or null when there was none. */
const piiState = z.object({ type: z.string(), start: z.number().int(), end: z.number().int(), decision: z.enum(['confirmed', 'dismissed']) }).nullable();
type PiiState = z.infer<typeof piiState>;

/** Undo/redo of a PII confirm / dismiss / clear (`pii.decide`). */
export const piiUndo = undoKind<PiiState>({
  kind: 'pii',
  auditPrefix: 'pii',
  state: piiState,
  apply(db, a, from, to) {
    const [type = '', start = 0, end = 0] = a.key.split(':').map((p, i) => (i === 0 ? p : Number(p))) as [string, number, number];
    if (!isPiiType(type)) throw new KurasiError('conflict', `unknown PII type '${type}'`);
    const doc = a.documentId ?? 0;
    const key = [doc, start, end, type] as const;
    if (readPiiDecision(db, key) !== (from?.decision ?? null))
      throw new KurasiError('conflict', `the ${type} finding on document ${doc} was decided again since; nothing was undone`);
    writePiiDecision(db, key, to?.decision ?? null, a.actor);
    refreshDocumentPii(db, doc, type);
  },
});

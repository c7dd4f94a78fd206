import { z } from 'zod';
import { labelValue } from '../../../shared/contract/labels';
import { undoKind } from '../audit/undo-kind';
import { KurasiError } from '../errors';
import { readAdjudication, writeAdjudication, type AdjudicationState } from './conflicts';
import { readLabel, spanExists, writeLabel, writeSpan, type LabelState, type SpanState } from './labels';
import { sameValue } from './values';

const labelState: z.ZodType<LabelState> = z.object({ value: labelValue, at: z.string() }).nullable();
const spanState: z.ZodType<SpanState> = z.object({ label: z.string(), start: z.number().int(), end: z.number().int(), at: z.string() }).nullable();

/** A document-level answer of the annotator (the stack key is the question). */
const labelUndo = undoKind<LabelState>({
  kind: 'label',
  auditPrefix: 'label',
  state: labelState,
  apply(db, a, from, to) {
    const doc = a.documentId ?? 0;
    const current = readLabel(db, doc, a.actor, a.key);
    if (!sameValue(current?.value ?? null, from?.value ?? null))
      throw new KurasiError('conflict', `the label '${a.key}' on document ${doc} changed since; nothing was undone`);
    writeLabel(db, doc, a.actor, a.key, to);
  },
});

/** One span of the annotator (added or removed). */
const spanUndo = undoKind<SpanState>({
  kind: 'span',
  auditPrefix: 'label',
  state: spanState,
  apply(db, a, from, to) {
    const doc = a.documentId ?? 0;
    if (from && !spanExists(db, doc, a.actor, a.key, from))
      throw new KurasiError('conflict', `the span on document ${doc} changed since; nothing was undone`);
    writeSpan(db, doc, a.actor, a.key, from, to);
  },
});

const adjudicationState: z.ZodType<AdjudicationState> = z
  .object({ value: labelValue, reason: z.string(), adjudicator: z.string(), at: z.string() })
  .nullable();

/**
 * The curator's final answer on a question (the stack key). Undo puts the earlier adjudication back, or none,
 * which opens the conflict again; a different adjudication made since (another curator's) is a conflict.
 * Audited as `label.adjudicate.undo/redo`, so blind mode hides them from other annotators as it hides the original.
 */
const adjudicationUndo = undoKind<AdjudicationState>({
  kind: 'adjudication',
  auditPrefix: 'label.adjudicate',
  state: adjudicationState,
  apply(db, a, from, to) {
    const doc = a.documentId ?? 0;
    if (!sameValue(readAdjudication(db, doc, a.key), from))
      throw new KurasiError('conflict', `the adjudication of '${a.key}' on document ${doc} changed since; nothing was undone`);
    writeAdjudication(db, doc, a.key, to);
  },
});

export const labelsUndoKinds = [labelUndo, spanUndo, adjudicationUndo];

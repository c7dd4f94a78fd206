import { z } from 'zod';
import { method } from './define';
import { documentRecord } from './corpus';
import { langCode } from './langid';

/** A text shown in the UI in both languages (Bahasa Indonesia first). */
export const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) });

export const labelOption = z.object({
  value: z.string().min(1).max(64).regex(/^[a-z0-9_-]+$/, 'lowercase letters, digits, - and _'),
  title: bilingual,
  /** One key per label, shown on screen. `u`, `s` and Enter are reserved for undo, skip and submit. */
  hotkey: z.string().length(1).regex(/^[a-rt0-9v-z]$/, 'one letter or digit, not u or s').optional(),
});
export type LabelOption = z.infer<typeof labelOption>;

export const questionKind = z.enum(['single', 'multi', 'rating', 'note', 'span']);
export type QuestionKind = z.infer<typeof questionKind>;

export const labelQuestion = z.object({
  key: z.string().min(1).max(64).regex(/^[a-z0-9_-]+$/),
  kind: questionKind,
  title: bilingual,
  /** Choices for single, multi and span questions (span: the span labels); ignored for rating and note. */
  options: z.array(labelOption).default([]),
  /** Only asked when another single-choice question has this value (e.g. a drop reason only when dropping). */
  when: z.object({ question: z.string(), value: z.string() }).optional(),
});
export type LabelQuestion = z.infer<typeof labelQuestion>;

export const labelSchema = z
  .object({ questions: z.array(labelQuestion).min(1) })
  .superRefine((s, ctx) => {
    const keys = new Set<string>();
    const hotkeys = new Set<string>();
    s.questions.forEach((q, i) => {
      if (keys.has(q.key)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'key'], message: `duplicate question '${q.key}'` });
      keys.add(q.key);
      if ((q.kind === 'single' || q.kind === 'multi' || q.kind === 'span') && q.options.length === 0)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: `question '${q.key}' needs options` });
      const values = new Set<string>();
      q.options.forEach((o, j) => {
        if (values.has(o.value)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options', j], message: `duplicate option '${o.value}'` });
        values.add(o.value);
        if (o.hotkey) {
          if (hotkeys.has(o.hotkey)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options', j, 'hotkey'], message: `hotkey '${o.hotkey}' used twice` });
          hotkeys.add(o.hotkey);
        }
      });
    });
  });
export type LabelSchema = z.infer<typeof labelSchema>;

/** single: option value; multi: sorted option values; rating: 1–5; note: free text. */
export const labelValue = z.union([z.string(), z.array(z.string()), z.number()]);
export type LabelValue = z.infer<typeof labelValue>;

export const labelRecord = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  annotator: z.string(),
  question: z.string(),
  value: labelValue,
  at: z.string(),
});
export type LabelRecord = z.infer<typeof labelRecord>;

/** A span label on a character range [start, end) counted in Unicode code points. */
export const spanRecord = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  annotator: z.string(),
  question: z.string(),
  label: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  at: z.string(),
});
export type SpanRecord = z.infer<typeof spanRecord>;

export const adjudicationRecord = z.object({
  documentId: z.number().int(),
  question: z.string(),
  value: labelValue,
  reason: z.string(),
  adjudicator: z.string(),
  at: z.string(),
});
export type AdjudicationRecord = z.infer<typeof adjudicationRecord>;

export const documentLabels = z.object({
  documentId: z.number().int(),
  annotator: z.string(),
  labels: z.array(labelRecord),
  spans: z.array(spanRecord),
  adjudications: z.array(adjudicationRecord),
  /** Whether labels of other annotators are hidden (blind mode, until adjudication). */
  blind: z.boolean(),
});
export type DocumentLabels = z.infer<typeof documentLabels>;

export const actionResult = z.object({
  actionId: z.number().int(),
  documentId: z.number().int(),
  labels: documentLabels,
});

export const undoResult = z.object({
  /** null when there was nothing to undo / redo. */
  actionId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  /** The kind of action (label, span, adjudication, langid, dedupe, license, pii) and its audit action (e.g. langid.override). */
  kind: z.string().nullable(),
  action: z.string().nullable(),
  description: z.string().nullable(),
  /** The label questions the step changed (labels, spans, adjudications; several for one key press), else empty. */
  questions: z.array(z.string()),
});

export const queueFilter = z.object({
  sourceId: z.number().int().positive().optional(),
  lang: langCode.optional(),
  dupCluster: z.number().int().optional(),
  /** Random sample in a fixed order: the same seed gives every annotator the same order. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type QueueFilter = z.infer<typeof queueFilter>;

export const queueResult = z.object({
  document: documentRecord.nullable(),
  /** Pass back to get the document after this one (skip moves the cursor without labelling). */
  cursor: z.number().int(),
  /** True when the walk stopped at its time budget before finding a document: call again with the cursor. */
  more: z.boolean(),
});

/** The most conflicts one page (`labels.conflicts`, `kurasi labels conflicts --limit`) returns. */
export const CONFLICTS_PAGE_MAX = 500;

export const conflictRecord = z.object({
  documentId: z.number().int(),
  externalId: z.string(),
  excerpt: z.string(),
  question: z.string(),
  votes: z.array(z.object({ annotator: z.string(), value: labelValue, at: z.string() })),
});
export type ConflictRecord = z.infer<typeof conflictRecord>;

export const questionAgreement = z.object({
  question: z.string(),
  annotators: z.array(z.string()),
  /** Documents labelled by at least two annotators. */
  items: z.number().int(),
  /** Share of agreeing annotator pairs over all pairs on those documents. */
  rawAgreement: z.number().nullable(),
  /** Cohen's kappa, only when exactly two annotators answered the question. */
  cohensKappa: z.number().nullable(),
  /** Krippendorff's alpha (nominal), any number of annotators, missing answers allowed. */
  krippendorffAlpha: z.number().nullable(),
});
export type QuestionAgreement = z.infer<typeof questionAgreement>;

export const packReport = z.object({
  path: z.string(),
  annotator: z.string().nullable(),
  /** Refused packs stop the whole import: nothing is written. */
  refused: z.string().nullable(),
  labels: z.number().int(),
  spans: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  unknownDocuments: z.number().int(),
  unknownLabels: z.number().int(),
  /** The first problems, readable (all are counted above). */
  problems: z.array(z.string()),
});
export type PackReport = z.infer<typeof packReport>;

export const importReport = z.object({
  committed: z.boolean(),
  packs: z.array(packReport),
  conflicts: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

export const auditHistoryRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** 'document', or 'source' / 'dedupe-cluster' for decisions on the document's source or duplicate cluster. */
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

export const exportSummary = z.object({ path: z.string(), annotator: z.string(), labels: z.number().int(), spans: z.number().int(), checksum: z.string() });
export const agreementResult = z.array(questionAgreement);
const jobStarted = z.object({ jobId: z.number().int() });

const empty = z.object({}).default({});
const docId = z.number().int().positive();

export const labelsMethods = {
  'annotators.current': method(empty, z.object({ name: z.string().nullable() })),
  'annotators.set': method(z.object({ name: z.string().trim().min(1).max(64) }), z.object({ name: z.string() })),
  'annotators.list': method(empty, z.array(z.object({ name: z.string(), labels: z.number().int(), lastAt: z.string().nullable() }))),
  'labels.schema': method(empty, labelSchema),
  'labels.setSchema': method(z.object({ schema: labelSchema }), labelSchema),
  'labels.settings': method(empty, z.object({ blind: z.boolean() })),
  'labels.setBlind': method(z.object({ blind: z.boolean() }), z.object({ blind: z.boolean() })),
  'labels.forDocument': method(z.object({ documentId: docId }), documentLabels),
  'labels.set': method(z.object({ documentId: docId, question: z.string().min(1), value: labelValue.nullable() }), actionResult),
  /** Several answers of one gesture (a drop-reason key also answers "drop"): each audited, undone as one step. */
  'labels.setMany': method(
    z.object({ documentId: docId, steps: z.array(z.object({ question: z.string().min(1), value: labelValue.nullable() })).min(1).max(50) }),
    actionResult,
  ),
  'labels.addSpan': method(
    z.object({ documentId: docId, question: z.string().min(1), label: z.string().min(1), start: z.number().int().min(0), end: z.number().int().min(1) }),
    actionResult,
  ),
  'labels.removeSpan': method(z.object({ spanId: z.number().int().positive() }), actionResult),
  'labels.conflicts': method(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(CONFLICTS_PAGE_MAX).default(50) }),
    z.object({ rows: z.array(conflictRecord), total: z.number().int() }),
  ),
  'labels.adjudicate': method(
    z.object({ documentId: docId, question: z.string().min(1), value: labelValue, reason: z.string().trim().min(1) }),
    adjudicationRecord,
  ),
  /** Starts a `labels-import` job; its result is an importReport. */
  'labels.import': method(z.object({ paths: z.array(z.string().min(1)).min(1), strict: z.boolean().default(false) }), jobStarted),
  /** Starts a `labels-export` job; its result is an exportSummary. */
  'labels.export': method(z.object({ out: z.string().min(1), annotator: z.string().min(1).optional() }), jobStarted),
  'queue.next': method(z.object({ filter: queueFilter.default({}), cursor: z.number().int().min(0).default(0) }), queueResult),
  /** Starts an `agreement` job; its result is an agreementResult. */
  'agreement.compute': method(empty, jobStarted),
  'audit.history': method(z.object({ documentId: docId, limit: z.number().int().min(1).max(1000).default(200) }), z.array(auditHistoryRow)),
  'audit.undo': method(empty, undoResult),
  'audit.redo': method(empty, undoResult),
};

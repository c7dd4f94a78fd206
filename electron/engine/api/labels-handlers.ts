import type { HandlerMap } from './handler';
import type { Engine } from '../engine';
import { addSpan, labelsForDocument, removeSpan, setLabel, setLabels } from '../labels/labels';
import { annotatorOr, getSchema, isBlind, listAnnotators, currentAnnotator, setAnnotator, setBlind, setSchema } from '../labels/settings';
import { adjudicate, listConflicts } from '../labels/conflicts';
import { nextDocument } from '../labels/queue';
import { redo, undo, type UndoOutcome } from '../audit/undo';
import { documentHistory } from '../audit/history';

/** Labels are written under the annotator chosen on first run, else the engine's actor. */
/** Labels are always the annotator's (the name chosen on first run), whoever opened the engine. */
function who(engine: Engine): string {
  return annotatorOr(engine.db, engine.actor);
}

function changed(engine: Engine): void {
  engine.events.emit('corpus-changed', { scope: 'labels' });
}

const scopes: Record<string, 'labels' | 'languages' | 'duplicates' | 'licenses' | 'pii'> = {
  label: 'labels', span: 'labels', adjudication: 'labels', langid: 'languages', dedupe: 'duplicates', license: 'licenses', 'license-document': 'licenses', pii: 'pii',
};

/** Undo/redo can change any feature's data: views showing it refresh. */
function undone(engine: Engine, r: UndoOutcome): UndoOutcome {
  if (r.kind !== null) engine.events.emit('corpus-changed', { scope: scopes[r.kind] ?? 'all' });
  return r;
}

export const labelsHandlers = {
  'annotators.current': (engine) => ({ name: currentAnnotator(engine.db) }),
  'annotators.set': (engine, input) => ({ name: setAnnotator(engine.db, input.name) }),
  'annotators.list': (engine) => listAnnotators(engine.db),
  'labels.schema': (engine) => getSchema(engine.db),
  'labels.setSchema': (engine, input) => setSchema(engine.db, who(engine), input.schema),
  'labels.settings': (engine) => ({ blind: isBlind(engine.db) }),
  'labels.setBlind': (engine, input) => ({ blind: setBlind(engine.db, who(engine), input.blind) }),
  'labels.forDocument': (engine, input) => labelsForDocument(engine.db, input.documentId, who(engine)),
  'labels.set': (engine, input) => {
    const actionId = setLabel(engine.db, who(engine), input.documentId, input.question, input.value);
    return { actionId, documentId: input.documentId, labels: labelsForDocument(engine.db, input.documentId, who(engine)) };
  },
  'labels.setMany': (engine, input) => {
    const actionId = setLabels(engine.db, who(engine), input.documentId, input.steps);
    return { actionId, documentId: input.documentId, labels: labelsForDocument(engine.db, input.documentId, who(engine)) };
  },
  'labels.addSpan': (engine, input) => {
    const actionId = addSpan(engine.db, who(engine), input.documentId, input.question, input.label, input.start, input.end);
    return { actionId, documentId: input.documentId, labels: labelsForDocument(engine.db, input.documentId, who(engine)) };
  },
  'labels.removeSpan': (engine, input) => {
    const r = removeSpan(engine.db, who(engine), input.spanId);
    return { ...r, labels: labelsForDocument(engine.db, r.documentId, who(engine)) };
  },
  'labels.conflicts': (engine, input) => listConflicts(engine.db, input.offset, input.limit),
  'labels.adjudicate': (engine, input) => {
    const r = adjudicate(engine.db, who(engine), input.documentId, input.question, input.value, input.reason);
    changed(engine);
    return r;
  },
  'labels.import': (engine, input) => ({ jobId: engine.jobs.start('labels-import', { ...input, actor: who(engine) }) }),
  'labels.export': (engine, input) => ({ jobId: engine.jobs.start('labels-export', { out: input.out, annotator: input.annotator ?? who(engine), actor: who(engine) }) }),
  'queue.next': (engine, input) => nextDocument(engine.db, who(engine), input.filter, input.cursor),
  'agreement.compute': (engine) => ({ jobId: engine.jobs.start('agreement', {}) }),
  'audit.history': (engine, input) => documentHistory(engine.db, input.documentId, who(engine), input.limit),
  'audit.undo': (engine) => undone(engine, undo(engine.db, who(engine))),
  'audit.redo': (engine) => undone(engine, redo(engine.db, who(engine))),
} satisfies HandlerMap<
  | 'annotators.current' | 'annotators.set' | 'annotators.list' | 'labels.schema' | 'labels.setSchema' | 'labels.settings' | 'labels.setBlind'
  | 'labels.forDocument' | 'labels.set' | 'labels.setMany' | 'labels.addSpan' | 'labels.removeSpan' | 'labels.conflicts' | 'labels.adjudicate' | 'labels.import'
  | 'labels.export' | 'queue.next' | 'agreement.compute' | 'audit.history' | 'audit.undo' | 'audit.redo'
>;

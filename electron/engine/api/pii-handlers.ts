import { actorOf } from './actor';
import type { HandlerMap } from './handler';
import { detectPii, HIGH_CONFIDENCE, redact } from '../pii';
import { decideFinding, documentFindings, piiSummary } from '../pii/store';
import { notFound } from '../errors';

export const piiHandlers = {
  'pii.start': (engine, input) => ({ jobId: engine.jobs.start('pii', input) }),
  'pii.summary': (engine) => piiSummary(engine.db),
  'pii.findings': (engine, input) => {
    const exists = engine.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(input.documentId);
    if (!exists) throw notFound(`document ${input.documentId}`);
    return { documentId: input.documentId, findings: documentFindings(engine.db, input.documentId) };
  },
  'pii.decide': (engine, input) => ({
    documentId: input.documentId,
    ...decideFinding(engine.db, { ...input, actor: actorOf(engine) }),
  }),
  'pii.detect': (_engine, input) => {
    const findings = detectPii(input.text);
    return { findings, redacted: redact(input.text, findings.filter((f) => f.confidence >= HIGH_CONFIDENCE)) };
  },
} satisfies HandlerMap<'pii.start' | 'pii.summary' | 'pii.findings' | 'pii.decide' | 'pii.detect'>;

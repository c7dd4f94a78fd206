import { actorOf } from './actor';
import type { HandlerMap } from './handler';
import { DEFAULT_RULES, assessQuality } from '../quality';
import { documentQuality, getRules, previewRules, setRules, signalHistogram } from '../quality/store';

export const qualityHandlers = {
  'quality.start': (engine, input) => ({ jobId: engine.jobs.start('quality', input) }),
  'quality.rules.get': (engine) => ({ ...getRules(engine.db), defaults: DEFAULT_RULES.map((r) => ({ ...r })) }),
  'quality.rules.set': (engine, input) => {
    setRules(engine.db, input.rules, actorOf(engine));
    return { jobId: engine.jobs.start('quality', { reapply: true }) };
  },
  'quality.rules.preview': (engine, input) => previewRules(engine.db, input.rules),
  'quality.histogram': (engine, input) => signalHistogram(engine.db, input.signal, input.bins),
  'quality.document': (engine, input) => ({ documentId: input.documentId, quality: documentQuality(engine.db, input.documentId) }),
  'quality.assess': (_engine, input) => assessQuality(input.text),
} satisfies HandlerMap<
  'quality.start' | 'quality.rules.get' | 'quality.rules.set' | 'quality.rules.preview' | 'quality.histogram' | 'quality.document' | 'quality.assess'
>;

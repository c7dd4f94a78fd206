import { actorOf } from './actor';
import type { HandlerMap } from './handler';
import { getDetector } from '../langid/detector';
import { documentShares, languageBreakdown, setDocumentLanguage } from '../langid/store';

export const langidHandlers = {
  'langid.start': (engine, input) => ({ jobId: engine.jobs.start('langid', input) }),
  'langid.breakdown': (engine) => languageBreakdown(engine.db),
  'langid.shares': (engine, input) => ({ id: input.id, shares: documentShares(engine.db, input.id) }),
  'langid.detect': (_engine, input) => getDetector().detect(input.text),
  'documents.setLanguage': (engine, input) => {
    const r = setDocumentLanguage(engine.db, input, actorOf(engine));
    // The browser's rows and filtered lists, the languages screen and any open pane show the new language.
    engine.events.emit('corpus-changed', { scope: 'languages' });
    return r;
  },
} satisfies HandlerMap<'langid.start' | 'langid.breakdown' | 'langid.shares' | 'langid.detect' | 'documents.setLanguage'>;

import type { HandlerMap } from './handler';
import { getMeta, schemaVersion } from '../store/open';
import { appVersion } from '../paths';
import { corpusStats } from '../corpus/stats';
import { getDocument } from '../corpus/documents';
import { listSources } from '../corpus/sources';
import { listRejects } from '../corpus/rejects';

export const corpusHandlers = {
  'corpus.info': (engine) => ({
    path: engine.dbPath,
    corpusId: getMeta(engine.db, 'corpus_id') ?? '',
    schemaVersion: schemaVersion(),
    appVersion: appVersion(),
  }),
  'corpus.stats': (engine) => corpusStats(engine.db),
  'sources.list': (engine) => listSources(engine.db),
  'documents.get': (engine, input) => getDocument(engine.db, input.id),
  'rejects.list': (engine, input) => listRejects(engine.db, input),
} satisfies HandlerMap<'corpus.info' | 'corpus.stats' | 'sources.list' | 'documents.get' | 'rejects.list'>;

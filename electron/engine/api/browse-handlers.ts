import type { HandlerMap } from './handler';
import { listDocuments } from '../browse/list';
import { highlightDocument, searchDocuments } from '../browse/search';

export const browseHandlers = {
  'documents.list': (engine, input) => listDocuments(engine.db, input),
  search: (engine, input) => searchDocuments(engine.db, input.q, input.limit),
  'documents.highlight': (engine, input) => highlightDocument(engine.db, input.id, input.q),
  // Electron main answers this with a native dialog; headless front doors have none.
  'app.pickFiles': () => ({ available: false, paths: [] }),
} satisfies HandlerMap<'documents.list' | 'search' | 'documents.highlight' | 'app.pickFiles'>;

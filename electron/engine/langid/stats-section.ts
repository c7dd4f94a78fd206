import type { Db } from '../store/open';
import { languageBreakdown } from './store.js';

/** The `languages` section of corpus.stats / kurasi stats: documents per language from the summary table. */
export function languagesStatsSection(db: Db): unknown {
  const b = languageBreakdown(db);
  return {
    labelled: b.labelled,
    unlabelled: b.unlabelled,
    byLanguage: Object.fromEntries(b.languages.map((l) => [l.lang, l.documents])),
    codeMixed: b.languages.reduce((s, l) => s + l.codeMixed, 0),
    manual: b.languages.reduce((s, l) => s + l.manual, 0),
  };
}

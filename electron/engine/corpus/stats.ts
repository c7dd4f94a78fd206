import type { CorpusStats } from '../../../shared/contract/corpus';
import type { Db } from '../store/open';
import { statsSections } from '../api/stats-sections';

export function corpusStats(db: Db): CorpusStats {
  // Source rows keep running counts, so stats stays instant on a million documents.
  const s = db
    .prepare(
      'SELECT count(*) AS sources, coalesce(sum(document_count),0) AS documents, coalesce(sum(char_count),0) AS characters, coalesce(sum(word_count),0) AS words FROM sources',
    )
    .get() as { sources: number; documents: number; characters: number; words: number };
  const rejects = (db.prepare('SELECT count(*) AS n FROM rejects').get() as { n: number }).n;
  const sections: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(statsSections)) sections[name] = fn(db);
  return { documents: s.documents, sources: s.sources, rejects, characters: s.characters, words: s.words, sections };
}

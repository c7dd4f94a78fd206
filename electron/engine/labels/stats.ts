import type { Db } from '../store/open';
import { countConflicts } from './conflicts';

/** The labels section of `corpus.stats` / `kurasi stats`: counts only, from indexed tables. */
export function labelStats(db: Db): { labels: number; spans: number; labelledDocuments: number; annotators: number; conflicts: number; adjudicated: number } {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    labels: one('SELECT count(*) AS n FROM labels'),
    spans: one('SELECT count(*) AS n FROM label_spans'),
    labelledDocuments: one('SELECT count(DISTINCT document_id) AS n FROM labels'),
    annotators: one('SELECT count(DISTINCT annotator) AS n FROM labels'),
    conflicts: countConflicts(db),
    adjudicated: one('SELECT count(*) AS n FROM adjudications'),
  };
}

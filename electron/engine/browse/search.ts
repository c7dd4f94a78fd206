import type { HighlightedText, SearchOutput } from '../../../shared/contract/browse';
import { notFound } from '../errors';
import type { Db } from '../store/open';
import { HIT_CLOSE, HIT_OPEN, markText, queryTerms, splitMarked, toFtsQuery } from './fts-query';
import { FTS_COUNT_CAP } from './list';

/**
 * How many matches are ranked. bm25 over every match of a common word in a million documents is a full scan;
 * ranking the first matches in rowid order keeps a search interactive and the top hits relevant among them.
 */
export const RANK_WINDOW = 2_000;

/** A term in more documents than this is too common to rank by bm25 interactively. */
export const RANK_TERM_MAX = 20_000;

/** The quoted terms of a query built by toFtsQuery. */
export function ftsTerms(ftsQuery: string): string[] {
  return ftsQuery.match(/"(?:[^"]|"")*"\*?/g) ?? [];
}

export function searchDocuments(db: Db, q: string, limit: number): SearchOutput {
  const started = performance.now();
  const ftsQuery = toFtsQuery(q);
  if (ftsQuery === null) return { hits: [], total: 0, totalExact: true, ftsQuery: '', tookMs: 0 };
  // bm25() needs each term's document frequency, which FTS5 gets by reading the term's whole doclist: seconds
  // for a word in half the corpus. So rank only when every term is selective; otherwise show matches in
  // corpus order (score 0), which is what a curator scanning a common word wants anyway.
  const rankable = !ftsQuery.includes('"*') && ftsTerms(ftsQuery).every(
    (term) => (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${RANK_TERM_MAX + 1})`).get(term) as { n: number }).n <= RANK_TERM_MAX,
  );
  const ranked = rankable
    ? (db.prepare(`SELECT rowid AS id, bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${RANK_WINDOW}`).all(ftsQuery) as { id: number; score: number }[])
    : (db.prepare(`SELECT rowid AS id, 0 AS score FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${RANK_WINDOW}`).all(ftsQuery) as { id: number; score: number }[]);
  ranked.sort((a, b) => a.score - b.score || a.id - b.id);
  const top = ranked.slice(0, limit);
  let total = ranked.length;
  let totalExact = ranked.length < RANK_WINDOW;
  if (!totalExact) {
    const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${FTS_COUNT_CAP + 1})`).get(ftsQuery) as { n: number }).n;
    total = Math.min(n, FTS_COUNT_CAP);
    totalExact = n <= FTS_COUNT_CAP;
  }
  if (top.length === 0) return { hits: [], total: 0, totalExact: true, ftsQuery, tookMs: performance.now() - started };
  const prefix = ftsQuery.includes('"*');
  const terms = queryTerms(ftsQuery);
  // Prefix queries: FTS5's snippet() re-expands the prefix per row, so mark the text here instead.
  const snippetSql = prefix ? 'NULL' : `snippet(documents_fts, 0, '${HIT_OPEN}', '${HIT_CLOSE}', '…', 24)`;
  const topIds = JSON.stringify(top.map((t) => t.id));
  const rows = (
    prefix
      ? db
          .prepare(
            `SELECT d.id, NULL AS snip, d.text, s.name AS source_name, d.external_id, d.lang, d.char_count
             FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id IN (SELECT value FROM json_each(?))`,
          )
          .all(topIds)
      : db
          .prepare(
            `SELECT f.rowid AS id, ${snippetSql} AS snip, NULL AS text, s.name AS source_name, d.external_id, d.lang, d.char_count
             FROM documents_fts f JOIN documents d ON d.id = f.rowid JOIN sources s ON s.id = d.source_id
             WHERE documents_fts MATCH ? AND f.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND f.rowid IN (SELECT value FROM json_each(?))`,
          )
          // The rowid range lets FTS5 seek instead of walking a common word's whole doclist to find these few rows.
          .all(ftsQuery, Math.min(...top.map((t) => t.id)), Math.max(...top.map((t) => t.id)), topIds)
  ) as {
    id: number;
    snip: string | null;
    text: string | null;
    source_name: string;
    external_id: string;
    lang: string | null;
    char_count: number;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = top.flatMap((t) => {
    const r = byId.get(t.id);
    if (!r) return [];
    return [{ id: t.id, sourceName: r.source_name, externalId: r.external_id, lang: r.lang, charCount: r.char_count, snippet: r.snip !== null ? splitMarked(r.snip) : markText(r.text ?? '', terms, 24), score: t.score === 0 ? 0 : -t.score }];
  });
  return { hits, total, totalExact, ftsQuery, tookMs: performance.now() - started };
}

/** A document's whole text with the query's matches marked (plain text when the query matches nothing). */
export function highlightDocument(db: Db, id: number, q: string): { id: number; parts: HighlightedText } {
  const ftsQuery = toFtsQuery(q);
  if (ftsQuery !== null && ftsQuery.includes('"*')) {
    const doc = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
    if (!doc) throw notFound(`document ${id}`);
    return { id, parts: markText(doc.text, queryTerms(ftsQuery)) };
  }
  if (ftsQuery !== null) {
    const r = db
      .prepare(`SELECT highlight(documents_fts, 0, '${HIT_OPEN}', '${HIT_CLOSE}') AS h FROM documents_fts WHERE documents_fts MATCH ? AND rowid = CAST(? AS INTEGER)`)
      .get(ftsQuery, id) as { h: string } | undefined;
    if (r) return { id, parts: splitMarked(r.h) };
  }
  const doc = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  if (!doc) throw notFound(`document ${id}`);
  return { id, parts: [{ text: doc.text, hit: false }] };
}

import type { DocumentFilters, DocumentPage, DocumentSortColumn, DocumentSummary } from '../../../shared/contract/browse';
import type { z } from 'zod';
import type { documentListInput } from '../../../shared/contract/browse';
import type { Db } from '../store/open';
import { toFtsQuery } from './fts-query';
import { VersionedCache } from './version';
import { indexHint } from '../store/schema-objects';
import { toDocumentResults, type DocumentResultColumns } from '../corpus/documents';
import { attachSignals, qualityPage, qualityWhere, signalPageIds, signalSortOf } from '../quality/browse';

type ListInput = z.output<typeof documentListInput>;

const sortExpr: Record<Exclude<DocumentSortColumn, `signal:${string}`>, string> = {
  id: 'd.id',
  source: 'd.source_id',
  lang: 'd.lang',
  length: 'd.char_count',
  dupStatus: 'd.dup_status',
  labels: 'd.label_count',
  pii: 'd.pii_count',
  quality: 'd.quality_pass',
};

/** Full-text matches beyond this are not counted exactly (the count would cost a scan of every match). */
export const FTS_COUNT_CAP = 10_000;

interface Where {
  sql: string;
  params: (string | number)[];
  /** The filter has a full-text part whose count is capped. */
  fts: boolean;
  conditions: number;
  sourceFilter: boolean;
  langFilter: boolean;
  dupFilter: boolean;
  clusterFilter: boolean;
}

/**
 * The covering index to walk for a filter in id order, so the wide table rows (they carry the text) are never
 * read: a source, language or duplicate-status filter is a range of its (col, id, summary columns…) index
 * (migrations 0009, 0010); other combined filters walk the id-ordered one. A single other condition has its own
 * (col, id) index: no hint. A cluster filter walks its (dup_cluster, id) index (migration 0004), whatever else is set.
 */
function coverHint(db: Db, where: Where): string {
  if (where.fts || where.conditions === 0) return '';
  // A cluster has a handful of members: its (dup_cluster, id) index beats walking any cover.
  if (where.clusterFilter) return indexHint(db, 'labels_queue_cluster');
  const name = where.sourceFilter
    ? 'documents_browse_source_cover'
    : where.langFilter
      ? 'documents_browse_lang_cover'
      : where.dupFilter && where.conditions > 1
        ? 'documents_dup_status_cover'
        : where.conditions > 1
          ? 'documents_browse_cover'
          : null;
  return name ? indexHint(db, name) : '';
}

export function buildWhere(f: DocumentFilters, db?: Db, scored = false): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  let fts = false;
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (f.sourceId !== undefined) add('d.source_id = ?', f.sourceId);
  if (f.lang !== undefined) {
    if (f.lang === '-') clauses.push('d.lang IS NULL');
    else add('d.lang = ?', f.lang);
  }
  if (f.dupStatus !== undefined) {
    if (f.dupStatus === '-') clauses.push('d.dup_status IS NULL');
    else add('d.dup_status = ?', f.dupStatus);
  }
  // The members of one cluster: a range of the (dup_cluster, id) index (migration 0004).
  if (f.dupCluster !== undefined) add('d.dup_cluster = ?', f.dupCluster);
  if (f.hasLabels !== undefined) clauses.push(f.hasLabels ? 'd.label_count > 0' : 'd.label_count = 0');
  if (f.piiMin !== undefined) add('d.pii_count >= ?', f.piiMin);
  // Documents with a finding of this type, dismissed or not: the documents pii.summary counts (index pii_findings_type).
  if (f.piiType !== undefined) add('d.id IN (SELECT document_id FROM pii_findings WHERE type = ?)', f.piiType);
  if (f.qualityPass !== undefined) add('d.quality_pass = ?', f.qualityPass ? 1 : 0);
  if (f.codeMixed !== undefined) add('d.code_mixed = ?', f.codeMixed ? 1 : 0);
  if (db) qualityWhere(f, add, db, scored);
  if (f.q !== undefined && f.q.trim() !== '') {
    const query = toFtsQuery(f.q);
    if (query === null) clauses.push('0');
    else {
      // Only the first matches (rowid order, so FTS5 stops early): a common word would otherwise make every page
      // materialize hundreds of thousands of ids. The total then says "more than".
      clauses.push(`d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${FTS_COUNT_CAP + 1})`);
      params.push(query);
      fts = true;
    }
  }
  return {
    sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    fts,
    conditions: clauses.length,
    sourceFilter: f.sourceId !== undefined,
    langFilter: f.lang !== undefined,
    dupFilter: f.dupStatus !== undefined,
    clusterFilter: f.dupCluster !== undefined,
  };
}

interface Count {
  total: number;
  exact: boolean;
  /** Ids are exactly minId..maxId (no filter, no gaps): a page is an id range, no scan needed. */
  dense: { minId: number } | null;
}

const counts = new WeakMap<Db, VersionedCache<Count>>();

function countFor(db: Db, where: Where): Count {
  let cache = counts.get(db);
  if (!cache) counts.set(db, (cache = new VersionedCache<Count>()));
  const key = where.sql + '\u0000' + JSON.stringify(where.params);
  const hit = cache.get(db, key);
  if (hit) return hit;
  let result: Count;
  if (where.sql === '') {
    // count(*) walks a whole index (hundreds of ms at a million rows); the importer keeps per-source counts, and
    // min/max of the rowid are O(1) (each in its own subquery: SQLite optimizes a lone min() or max() only). When they agree the ids are gap-free and the count is exact.
    const r = db.prepare('SELECT (SELECT min(id) FROM documents) AS lo, (SELECT max(id) FROM documents) AS hi, (SELECT coalesce(sum(document_count), 0) FROM sources) AS n').get() as { n: number; lo: number | null; hi: number | null };
    if (r.lo !== null && r.hi !== null && r.hi - r.lo + 1 === r.n) result = { total: r.n, exact: true, dense: { minId: r.lo } };
    else result = { total: (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n, exact: true, dense: null };
  } else if (where.fts) {
    const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM documents d ${where.sql} LIMIT ${FTS_COUNT_CAP + 1})`).get(...where.params) as { n: number }).n;
    result = { total: Math.min(n, FTS_COUNT_CAP), exact: n <= FTS_COUNT_CAP, dense: null };
  } else {
    const n = (db.prepare(`SELECT count(*) AS n FROM documents d ${coverHint(db, where)} ${where.sql}`).get(...where.params) as { n: number }).n;
    result = { total: n, exact: true, dense: null };
  }
  cache.set(db, key, result);
  return result;
}

interface SummaryRow extends DocumentResultColumns {
  id: number;
  source_id: number;
  source_name: string;
  external_id: string;
  preview: string;
  char_count: number;
  word_count: number;
  review_state: string;
  license: string | null;
}

const SUMMARY_COLUMNS = `d.id, d.source_id, s.name AS source_name, d.external_id, substr(d.text, 1, 240) AS preview,
  d.char_count, d.word_count, d.lang, d.lang_confidence, d.code_mixed, d.dup_status, d.dup_cluster, d.label_count,
  d.pii_count, d.quality_pass, s.review_state, coalesce(s.concluded_license, s.declared_license) AS license`;

export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    externalId: r.external_id,
    preview: r.preview.replace(/\s+/g, ' '),
    charCount: r.char_count,
    wordCount: r.word_count,
    ...toDocumentResults(r),
    licenseState: r.review_state,
    license: r.license,
  };
}

/**
 * One page of the corpus browser. Filtering and ordering happen in SQLite over indexes; only the page's rows
 * leave the database. An unfiltered id-ordered view of a gap-free corpus (the common case: documents are
 * never deleted) turns any offset into an id range, so jumping to row 900,000 costs the same as row 0.
 * Otherwise the ids of the page come from an index walk (`ORDER BY col, id`), then the rows by primary key.
 */
export function listDocuments(db: Db, input: ListInput): DocumentPage {
  const quality = qualityPage(db, input, (f) => buildWhere(f));
  if (quality) return { offset: input.offset, rows: attachSignals(db, fetchSummaries(db, quality.ids), input.withSignals), total: quality.total, totalExact: true };
  const signalSort = signalSortOf(input.sort.column);
  const where = buildWhere(input.filters, db, signalSort !== null);
  const count = countFor(db, where);
  const { offset, limit } = input;
  const desc = input.sort.dir === 'desc';
  if (offset >= count.total) return { offset, rows: [], total: count.total, totalExact: count.exact };
  let ids: number[];
  if (signalSort) {
    ids = signalPageIds(db, signalSort, where, desc, limit, offset, count.total);
  } else if (count.dense && input.sort.column === 'id') {
    const n = Math.min(limit, count.total - offset);
    const first = desc ? count.dense.minId + count.total - 1 - offset : count.dense.minId + offset;
    ids = Array.from({ length: n }, (_, i) => (desc ? first - i : first + i));
  } else {
    const dir = desc ? 'DESC' : 'ASC';
    const expr = sortExpr[input.sort.column as keyof typeof sortExpr];
    const order = expr === 'd.id' ? `d.id ${dir}` : `${expr} ${dir}, d.id ${dir}`;
    const hint = expr === 'd.id' ? coverHint(db, where) : '';
    ids = (
      db.prepare(`SELECT d.id FROM documents d ${hint} ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as { id: number }[]
    ).map((r) => r.id);
  }
  const rows = attachSignals(db, fetchSummaries(db, ids), input.withSignals);
  if (count.dense && input.sort.column === 'id' && rows.length < ids.length) {
    // Per-source counts were stale (rows deleted behind the importer's back): answer by scanning instead.
    const dir = desc ? 'DESC' : 'ASC';
    const slow = db.prepare(`SELECT d.id FROM documents d ORDER BY d.id ${dir} LIMIT ? OFFSET ?`).all(limit, offset) as { id: number }[];
    const total = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    return { offset, rows: fetchSummaries(db, slow.map((r) => r.id)), total, totalExact: true };
  }
  return { offset, rows, total: count.total, totalExact: count.exact };
}

/** Rows for the given ids, in the given order. */
export function fetchSummaries(db: Db, ids: number[]): DocumentSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toSummary(r)] : [];
  });
}

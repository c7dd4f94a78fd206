import type { DocumentFilters, DocumentPage, DocumentSortColumn, DocumentSummary } from '../../../shared/contract/browse';
import type { z } from 'zod';
import type { documentListInput } from '../../../shared/contract/browse';
import type { Db } from '../store/open';
import { toFtsQuery } from './fts-query';
import { VersionedCache } from './version';

type ListInput = z.output<typeof documentListInput>;

const sortExpr: Record<DocumentSortColumn, string> = {
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
}

export function buildWhere(f: DocumentFilters): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  let fts = false;
  if (f.sourceId !== undefined) (clauses.push('d.source_id = ?'), params.push(f.sourceId));
  if (f.lang !== undefined) {
    if (f.lang === '-') clauses.push('d.lang IS NULL');
    else (clauses.push('d.lang = ?'), params.push(f.lang));
  }
  if (f.dupStatus !== undefined) {
    if (f.dupStatus === '-') clauses.push('d.dup_status IS NULL');
    else (clauses.push('d.dup_status = ?'), params.push(f.dupStatus));
  }
  if (f.hasLabels !== undefined) clauses.push(f.hasLabels ? 'd.label_count > 0' : 'd.label_count = 0');
  if (f.piiMin !== undefined) (clauses.push('d.pii_count >= ?'), params.push(f.piiMin));
  if (f.qualityPass !== undefined) (clauses.push('d.quality_pass = ?'), params.push(f.qualityPass ? 1 : 0));
  if (f.codeMixed !== undefined) (clauses.push('d.code_mixed = ?'), params.push(f.codeMixed ? 1 : 0));
  if (f.q !== undefined && f.q.trim() !== '') {
    const query = toFtsQuery(f.q);
    if (query === null) clauses.push('0');
    else {
      clauses.push('d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
      params.push(query);
      fts = true;
    }
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, fts };
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
    const r = db.prepare('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM documents').get() as { n: number; lo: number | null; hi: number | null };
    const dense = r.lo !== null && r.hi !== null && r.hi - r.lo + 1 === r.n ? { minId: r.lo } : null;
    result = { total: r.n, exact: true, dense };
  } else if (where.fts) {
    const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM documents d ${where.sql} LIMIT ${FTS_COUNT_CAP + 1})`).get(...where.params) as { n: number }).n;
    result = { total: Math.min(n, FTS_COUNT_CAP), exact: n <= FTS_COUNT_CAP, dense: null };
  } else {
    const n = (db.prepare(`SELECT count(*) AS n FROM documents d ${where.sql}`).get(...where.params) as { n: number }).n;
    result = { total: n, exact: true, dense: null };
  }
  cache.set(db, key, result);
  return result;
}

interface SummaryRow {
  id: number;
  source_id: number;
  source_name: string;
  external_id: string;
  preview: string;
  char_count: number;
  word_count: number;
  lang: string | null;
  lang_confidence: number | null;
  code_mixed: number | null;
  dup_status: string | null;
  dup_cluster: number | null;
  label_count: number;
  pii_count: number | null;
  quality_pass: number | null;
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
    lang: r.lang,
    langConfidence: r.lang_confidence,
    codeMixed: r.code_mixed === null ? null : r.code_mixed === 1,
    dupStatus: r.dup_status,
    dupCluster: r.dup_cluster,
    labelCount: r.label_count,
    piiCount: r.pii_count,
    qualityPass: r.quality_pass === null ? null : r.quality_pass === 1,
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
  const where = buildWhere(input.filters);
  const count = countFor(db, where);
  const { offset, limit } = input;
  const desc = input.sort.dir === 'desc';
  if (offset >= count.total) return { offset, rows: [], total: count.total, totalExact: count.exact };
  let ids: number[];
  if (count.dense && input.sort.column === 'id') {
    const n = Math.min(limit, count.total - offset);
    const first = desc ? count.dense.minId + count.total - 1 - offset : count.dense.minId + offset;
    ids = Array.from({ length: n }, (_, i) => (desc ? first - i : first + i));
  } else {
    const dir = desc ? 'DESC' : 'ASC';
    const expr = sortExpr[input.sort.column];
    const order = expr === 'd.id' ? `d.id ${dir}` : `${expr} ${dir}, d.id ${dir}`;
    ids = (
      db.prepare(`SELECT d.id FROM documents d ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as { id: number }[]
    ).map((r) => r.id);
  }
  return { offset, rows: fetchSummaries(db, ids), total: count.total, totalExact: count.exact };
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

/**
 * Quality signals in the corpus browser (documents.list): range filters on the indexed signals, a "fails
 * rule X" filter, sorting by a signal and the page's signal values. Values stay in quality_signals (one row
 * per document); only the page's rows are read from it.
 *
 * Plans (1M documents): with only quality filters, pages come straight from quality_signals — a walk of the
 * narrow id-ordered cover index, or of one signal's index when sorting by it; counts are index ranges. With
 * other filters too, each candidate document is probed by id in the cover index (EXISTS), ordered by the
 * documents side as usual.
 */
import type { DocumentFilters, DocumentSortColumn, DocumentSummary } from '../../../shared/contract/browse';
import { BROWSE_SIGNALS, type BrowseSignal, type SignalName } from '../../../shared/contract/quality';
import type { Db } from '../store/open';
import { VersionedCache } from '../browse/version';
import { COVER_INDEX, REASONS_TABLE, hasQualityBrowseSchema, signalIndexName } from './browse-schema';

type Add = (clause: string, ...values: (string | number)[]) => void;

interface Ranges {
  sql: string[];
  params: number[];
  /** The signals with a range, in filter order. */
  signals: BrowseSignal[];
}

function rangesOf(f: DocumentFilters, alias = ''): Ranges {
  const out: Ranges = { sql: [], params: [], signals: [] };
  for (const s of BROWSE_SIGNALS) {
    const r = f.signals?.[s];
    if (!r || (r.min === undefined && r.max === undefined)) continue;
    out.signals.push(s);
    if (r.min !== undefined) {
      out.sql.push(`${alias}${s} >= ?`);
      out.params.push(r.min);
    }
    if (r.max !== undefined) {
      out.sql.push(`${alias}${s} <= ?`);
      out.params.push(r.max);
    }
  }
  return out;
}

/** Sorting by a signal lists the scored documents (quality_pass is set exactly when signals are stored). */
const SCORED_CLAUSE = 'd.quality_pass IS NOT NULL';

/**
 * Appends the quality filters to a documents.list WHERE (the path with other filters too). The reason filter
 * falls back to the JSON column on a corpus whose quality job has not run since the reasons table existed.
 */
export function qualityWhere(f: DocumentFilters, add: Add, db: Db, scored: boolean): void {
  if (scored) add(SCORED_CLAUSE);
  const schema = hasQualityBrowseSchema(db);
  const r = rangesOf(f, 'q.');
  if (r.sql.length) {
    const hint = schema ? `INDEXED BY ${COVER_INDEX}` : '';
    add(`EXISTS (SELECT 1 FROM quality_signals q ${hint} WHERE q.document_id = d.id AND ${r.sql.join(' AND ')})`, ...r.params);
  }
  if (f.qualityReason !== undefined) {
    if (schema) add(`EXISTS (SELECT 1 FROM ${REASONS_TABLE} r WHERE r.rule_id = ? AND r.document_id = d.id)`, f.qualityReason);
    else add(`d.id IN (SELECT document_id FROM quality_signals WHERE instr(reasons, json_quote(?)) > 0)`, f.qualityReason);
  }
}

export function signalSortOf(column: DocumentSortColumn): BrowseSignal | null {
  if (!column.startsWith('signal:')) return null;
  const s = column.slice('signal:'.length);
  return BROWSE_SIGNALS.find((x) => x === s) ?? null;
}

function onlyQualityFilters(f: DocumentFilters): boolean {
  const { signals: _s, qualityReason: _r, q, ...rest } = f;
  return (q === undefined || q.trim() === '') && Object.values(rest).every((v) => v === undefined);
}

const counts = new WeakMap<Db, VersionedCache<number>>();

function cachedCount(db: Db, sql: string, params: (string | number)[]): number {
  let cache = counts.get(db);
  if (!cache) counts.set(db, (cache = new VersionedCache<number>()));
  const key = sql + '\u0000' + JSON.stringify(params);
  const hit = cache.get(db, key);
  if (hit !== undefined) return hit;
  const n = (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
  cache.set(db, key, n);
  return n;
}

/** Below this many matches a range is read through its signal's index and sorted; above, the cover is walked. */
const SMALL = 20_000;

/**
 * A page when every filter is a quality filter (or none, sorting by a signal): answered from the quality
 * tables alone. Null when other filters apply (the caller uses qualityWhere in its own query).
 */
export function qualityPage(db: Db, input: { offset: number; limit: number; sort: { column: DocumentSortColumn; dir: 'asc' | 'desc' }; filters: DocumentFilters }): { ids: number[]; total: number } | null {
  const f = input.filters;
  const signal = signalSortOf(input.sort.column);
  const reason = f.qualityReason;
  const r = rangesOf(f);
  if (!onlyQualityFilters(f) || !hasQualityBrowseSchema(db)) return null;
  if (!signal && input.sort.column !== 'id') return null;
  if (!signal && r.sql.length === 0 && reason === undefined) return null;
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const conds = [...r.sql];
  const params: (string | number)[] = [...r.params];
  if (reason !== undefined) {
    conds.push(`document_id IN (SELECT document_id FROM ${REASONS_TABLE} WHERE rule_id = ?)`);
    params.push(reason);
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  // The count goes through the first ranged signal's index (or the reasons table, or the narrowest index).
  const countHint = r.signals[0] ? `INDEXED BY ${signalIndexName(r.signals[0])}` : reason === undefined ? `INDEXED BY ${signalIndexName('word_count')}` : '';
  const total = cachedCount(db, `SELECT count(*) FROM quality_signals ${countHint} ${where}`, params);
  const { offset, limit } = input;
  if (offset >= total) return { ids: [], total };
  let hint: string;
  let order: string;
  if (signal) {
    hint = `INDEXED BY ${signalIndexName(signal)}`;
    order = `${signal} ${dir}, document_id ${dir}`;
  } else {
    order = `document_id ${dir}`;
    // Few matches: read them through the range's own index and sort; many: walk the id-ordered cover.
    hint = total <= SMALL && r.signals[0] ? `INDEXED BY ${signalIndexName(r.signals[0])}` : reason !== undefined && total <= SMALL ? '' : `INDEXED BY ${COVER_INDEX}`;
  }
  const ids = db.prepare(`SELECT document_id FROM quality_signals ${hint} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset) as number[];
  return { ids, total };
}

/**
 * Ids of one page ordered by a signal, with other filters too: a walk of the signal's index (ties by id), each
 * candidate checked against the documents filters by primary key.
 */
export function signalPageIds(db: Db, signal: BrowseSignal, where: { sql: string; params: (string | number)[] }, desc: boolean, limit: number, offset: number): number[] {
  const dir = desc ? 'DESC' : 'ASC';
  // The documents side is probed by id in the narrow id-ordered cover (summary columns), not the text-wide rows.
  const cover = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'documents_browse_cover'`).get() ? 'INDEXED BY documents_browse_cover' : '';
  const sql = `SELECT q.document_id AS id FROM quality_signals q INDEXED BY ${signalIndexName(signal)} JOIN documents d ${cover} ON d.id = q.document_id ${where.sql} ORDER BY q.${signal} ${dir}, q.document_id ${dir} LIMIT ? OFFSET ?`;
  return db.prepare(sql).pluck().all(...where.params, limit, offset) as number[];
}

/** Adds the requested signals to the page's rows (one primary-key lookup per row; null when not scored). */
export function attachSignals(db: Db, rows: DocumentSummary[], signals: readonly SignalName[] | undefined): DocumentSummary[] {
  if (!signals?.length || rows.length === 0) return rows;
  const cols = [...new Set(signals)];
  const found = db
    .prepare(`SELECT document_id, ${cols.join(', ')}, reasons FROM quality_signals WHERE document_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rows.map((r) => r.id))) as Record<string, number | string>[];
  const byId = new Map(found.map((r) => [Number(r.document_id), r]));
  return rows.map((row) => {
    const r = byId.get(row.id);
    if (!r) return { ...row, signals: null, qualityReasons: null };
    const values: Record<string, number> = {};
    for (const c of cols) values[c] = Number(r[c]);
    return { ...row, signals: values, qualityReasons: JSON.parse(String(r.reasons)) as string[] };
  });
}

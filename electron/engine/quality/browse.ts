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
import { indexHint } from '../store/schema-objects';

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

/** The filters that are not quality filters (undefined when there are none). */
function otherFilters(f: DocumentFilters): DocumentFilters | undefined {
  const { signals: _s, qualityReason: _r, ...rest } = f;
  if (rest.q !== undefined && rest.q.trim() === '') delete rest.q;
  return Object.values(rest).some((v) => v !== undefined) ? rest : undefined;
}

/** The browser's WHERE for documents filters (browse/list.ts buildWhere without the quality part). */
export type DocumentsWhere = (f: DocumentFilters) => { sql: string; params: (string | number)[]; fts: boolean };

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

export const qualityBrowseTuning = {
  /** Below this many matches a single range is read through its signal's index and sorted, not walked in id order. */
  small: 20_000,
  /** Anchors every this many rows: a page skips fewer than this many matches after a keyset seek. */
  anchorStep: 2048,
};

interface Plan {
  /** FROM … (with index hints) producing the matching rows. */
  from: string;
  conds: string[];
  params: (string | number)[];
  /** Order columns, the last one the document id. */
  keys: string[];
}

function planOf(f: DocumentFilters, signal: BrowseSignal | null, small: boolean): Plan {
  const r = rangesOf(f, 'q.');
  const reason = f.qualityReason;
  if (signal) {
    // Walk the sort signal's index; other ranges and the reason are checked in the narrow cover / reasons table.
    const others = r.signals.some((s) => s !== signal);
    const from = `quality_signals q INDEXED BY ${signalIndexName(signal)}${others ? ` JOIN quality_signals c INDEXED BY ${COVER_INDEX} ON c.document_id = q.document_id` : ''}`;
    const conds = rangesOf(f, others ? 'c.' : 'q.').sql;
    const params: (string | number)[] = [...r.params];
    if (reason !== undefined) {
      conds.push(`EXISTS (SELECT 1 FROM ${REASONS_TABLE} x WHERE x.rule_id = ? AND x.document_id = q.document_id)`);
      params.push(reason);
    }
    return { from, conds, params, keys: [`q.${signal}`, 'q.document_id'] };
  }
  if (reason !== undefined) {
    // Documents failing a rule are few and keyed (rule, document): drive from them, probe the cover for ranges.
    const from = `${REASONS_TABLE} x${r.sql.length ? ` JOIN quality_signals q INDEXED BY ${COVER_INDEX} ON q.document_id = x.document_id` : ''}`;
    return { from, conds: ['x.rule_id = ?', ...r.sql], params: [reason, ...r.params], keys: ['x.document_id'] };
  }
  const hint = small && r.signals.length === 1 ? signalIndexName(r.signals[0]!) : COVER_INDEX;
  return { from: `quality_signals q INDEXED BY ${hint}`, conds: r.sql, params: r.params, keys: ['q.document_id'] };
}

function countPlan(f: DocumentFilters): Plan {
  const r = rangesOf(f, 'q.');
  // One range: a range of its own index. Several, or a reason: the same walk as the id-ordered pages.
  if (f.qualityReason === undefined && r.signals.length === 1) return planOf(f, null, true);
  if (f.qualityReason === undefined && r.signals.length === 0) return { from: `quality_signals q INDEXED BY ${signalIndexName('word_count')}`, conds: [], params: [], keys: ['q.document_id'] };
  return planOf(f, null, false);
}

const whereOf = (conds: string[]) => (conds.length ? `WHERE ${conds.join(' AND ')}` : '');

type Anchor = number[];

/** Rows strictly after `anchor` in the plan's order: a seek on the order's index, ties on the signal broken by id. */
function after(plan: Plan, dir: string, anchor: Anchor): { sql: string; params: number[] } {
  const cmp = dir === 'DESC' ? '<' : '>';
  const id = plan.keys[plan.keys.length - 1]!;
  if (plan.keys.length === 1) return { sql: `${id} ${cmp} ?`, params: [anchor[0]!] };
  const k = plan.keys[0]!;
  return { sql: `${k} ${cmp}= ? AND (${k} ${cmp} ? OR ${id} ${cmp} ?)`, params: [anchor[0]!, anchor[0]!, anchor[1]!] };
}

interface Anchors {
  /** Order keys of the rows at positions step-1, 2·step-1, … found so far. */
  list: Anchor[];
  /** The walk reached the end of the matches. */
  done: boolean;
}
const anchorCache = new WeakMap<Db, VersionedCache<Anchors>>();

/**
 * Anchors up to `blocks`, found by hopping `step` rows at a time from the last known one (each hop is an OFFSET
 * inside SQLite, no rows handed to JavaScript), kept for the following pages until the corpus changes.
 */
function anchorsFor(db: Db, plan: Plan, dir: string, step: number, blocks: number): Anchor[] {
  let cache = anchorCache.get(db);
  if (!cache) anchorCache.set(db, (cache = new VersionedCache<Anchors>(20)));
  const key = `${plan.from}\u0000${plan.conds.join(' AND ')}\u0000${JSON.stringify(plan.params)}\u0000${dir}\u0000${step}`;
  let a = cache.get(db, key);
  if (!a) cache.set(db, key, (a = { list: [], done: false }));
  const order = plan.keys.map((k) => `${k} ${dir}`).join(', ');
  const cols = plan.keys.join(', ');
  const first = db.prepare(`SELECT ${cols} FROM ${plan.from} ${whereOf(plan.conds)} ORDER BY ${order} LIMIT 1 OFFSET ?`).raw();
  let next: typeof first | null = null;
  while (!a.done && a.list.length < blocks) {
    const last = a.list[a.list.length - 1];
    let row: Anchor | undefined;
    if (!last) row = first.get(...plan.params, step - 1) as Anchor | undefined;
    else {
      const c = after(plan, dir, last);
      next ??= db.prepare(`SELECT ${cols} FROM ${plan.from} ${whereOf([...plan.conds, c.sql])} ORDER BY ${order} LIMIT 1 OFFSET ?`).raw();
      row = next.get(...plan.params, ...c.params, step - 1) as Anchor | undefined;
    }
    if (row) a.list.push(row);
    else a.done = true;
  }
  return a.list;
}

/**
 * A page when every filter is a quality filter (or none, sorting by a signal): answered from the quality
 * tables alone. Deep pages seek to the nearest cached anchor (keyset) instead of skipping every row before
 * them. Null when other filters apply (the caller uses qualityWhere in its own query).
 */
export function qualityPage(
  db: Db,
  input: { offset: number; limit: number; sort: { column: DocumentSortColumn; dir: 'asc' | 'desc' }; filters: DocumentFilters },
  documentsWhere?: DocumentsWhere,
): { ids: number[]; total: number } | null {
  const f = input.filters;
  const signal = signalSortOf(input.sort.column);
  const r = rangesOf(f);
  if (!hasQualityBrowseSchema(db)) return null;
  if (!signal && input.sort.column !== 'id') return null;
  if (!signal && r.sql.length === 0 && f.qualityReason === undefined) return null;
  const others = otherFilters(f);
  let joined: Plan | null = null;
  if (others) {
    // Documents filters too, in id order: the documents side walks its own index (language, source, …) in id
    // order and probes the signals cover by id; anchors as below. A signal sort goes the caller's way.
    if (signal || !documentsWhere) return null;
    const w = documentsWhere(others);
    if (w.fts || !w.sql) return null;
    const q = rangesOf(f, 'q.');
    const cover = q.sql.length ? ` JOIN quality_signals q INDEXED BY ${COVER_INDEX} ON q.document_id = d.id` : '';
    if (f.qualityReason !== undefined) {
      // Documents failing a rule are few: drive from them, probe the documents by id in the narrow id-ordered cover.
      const docs = indexHint(db, 'documents_browse_cover');
      joined = {
        from: `${REASONS_TABLE} x JOIN documents d ${docs} ON d.id = x.document_id${cover}`,
        conds: ['x.rule_id = ?', w.sql.replace(/^WHERE /, ''), ...q.sql],
        params: [f.qualityReason, ...w.params, ...q.params],
        keys: ['x.document_id'],
      };
    } else joined = { from: `documents d${cover}`, conds: [w.sql.replace(/^WHERE /, ''), ...q.sql], params: [...w.params, ...q.params], keys: ['d.id'] };
  }
  const cp = joined ?? countPlan(f);
  const total = cachedCount(db, `SELECT count(*) FROM ${cp.from} ${whereOf(cp.conds)}`, cp.params);
  const { offset, limit } = input;
  if (offset >= total) return { ids: [], total };
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const plan = joined ?? planOf(f, signal, total <= qualityBrowseTuning.small);
  const order = plan.keys.map((k) => `${k} ${dir}`).join(', ');
  const id = plan.keys[plan.keys.length - 1]!;
  const step = qualityBrowseTuning.anchorStep;
  const block = Math.floor(offset / step);
  const anchors = block === 0 ? [] : anchorsFor(db, plan, dir, step, block);
  const at = Math.min(block, anchors.length) - 1;
  const anchor = anchors[at];
  if (!anchor) {
    const sql = `SELECT ${id} FROM ${plan.from} ${whereOf(plan.conds)} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return { ids: db.prepare(sql).pluck().all(...plan.params, limit, offset) as number[], total };
  }
  const c = after(plan, dir, anchor);
  // Anchor `at` is row (at + 1)·step − 1; the rows after it start at (at + 1)·step.
  const skip = offset - (at + 1) * step;
  const sql = `SELECT ${id} FROM ${plan.from} ${whereOf([...plan.conds, c.sql])} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return { ids: db.prepare(sql).pluck().all(...plan.params, ...c.params, limit, skip) as number[], total };
}

/** Filters matching at most this many documents are sorted once by the signal and the order is cached. */
const MATERIALIZE_MAX = 250_000;
const orders = new WeakMap<Db, VersionedCache<Int32Array>>();

/**
 * Ids of one page ordered by a signal, with other filters too (`matches` = their count). A selective filter:
 * the matching documents are read in the filter's own order, sorted by the signal once, and the order is cached
 * for the following pages. A broad one: a walk of the signal's index (ties by id), each candidate checked against
 * the documents filters by id — at most a few index entries per row skipped.
 */
export function signalPageIds(db: Db, signal: BrowseSignal, where: { sql: string; params: (string | number)[] }, desc: boolean, limit: number, offset: number, matches: number): number[] {
  const dir = desc ? 'DESC' : 'ASC';
  // A corpus scored before the browser indexes existed (the quality job builds them): same answers, no hints.
  const schema = hasQualityBrowseSchema(db);
  const coverHint = schema ? `INDEXED BY ${COVER_INDEX}` : '';
  const signalHint = schema ? `INDEXED BY ${signalIndexName(signal)}` : '';
  if (matches <= MATERIALIZE_MAX) {
    let cache = orders.get(db);
    if (!cache) orders.set(db, (cache = new VersionedCache<Int32Array>(8)));
    const key = `${signal}\u0000${dir}\u0000${where.sql}\u0000${JSON.stringify(where.params)}`;
    let order = cache.get(db, key);
    if (!order) {
      const sql = `SELECT q.document_id FROM documents d JOIN quality_signals q ${coverHint} ON q.document_id = d.id ${where.sql} ORDER BY q.${signal} ${dir}, q.document_id ${dir}`;
      order = Int32Array.from(db.prepare(sql).pluck().all(...where.params) as number[]);
      cache.set(db, key, order);
    }
    return Array.from(order.subarray(offset, offset + limit));
  }
  // The documents side is probed by id in the narrow id-ordered cover (summary columns), not the text-wide rows.
  const cover = indexHint(db, 'documents_browse_cover');
  const sql = `SELECT q.document_id AS id FROM quality_signals q ${signalHint} JOIN documents d ${cover} ON d.id = q.document_id ${where.sql} ORDER BY q.${signal} ${dir}, q.document_id ${dir} LIMIT ? OFFSET ?`;
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

/** SQL of the quality feature: signals, per-corpus rules, pass/fail, rule previews and histograms. */
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';
import { DEFAULT_RULES, applyRules, qualityRuleSchema, ruleFails, type QualityRule } from './rules';
import { SIGNAL_NAMES, type QualitySignals, type SignalName } from './signals';
import { REASONS_TABLE, ensureQualityBrowseSchema } from './browse-schema';

const COLS = SIGNAL_NAMES.join(', ');

/** The corpus's rules; the built-in defaults until a curator saves their own. */
export function getRules(db: Db): { rules: QualityRule[]; custom: boolean } {
  const rows = db.prepare('SELECT id, signal, op, value, enabled, min_lines, min_words FROM quality_rules ORDER BY position').all() as {
    id: string;
    signal: string;
    op: string;
    value: number;
    enabled: number;
    min_lines: number | null;
    min_words: number | null;
  }[];
  if (rows.length === 0) return { rules: DEFAULT_RULES.map((r) => ({ ...r })), custom: false };
  const rules = rows.flatMap((r) => {
    const parsed = qualityRuleSchema.safeParse({
      id: r.id,
      signal: r.signal,
      op: r.op,
      value: r.value,
      enabled: r.enabled === 1,
      ...(r.min_lines === null ? {} : { minLines: r.min_lines }),
      ...(r.min_words === null ? {} : { minWords: r.min_words }),
    });
    return parsed.success ? [parsed.data] : [];
  });
  return { rules, custom: true };
}

/** Saves the corpus's rules (null = back to the defaults) and records the change in the audit log. */
export function setRules(db: Db, rules: readonly QualityRule[] | null, actor: string): void {
  db.transaction(() => {
    const before = getRules(db);
    db.prepare('DELETE FROM quality_rules').run();
    const insert = db.prepare('INSERT INTO quality_rules(position, id, signal, op, value, enabled, min_lines, min_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    (rules ?? []).forEach((r, i) => insert.run(i, r.id, r.signal, r.op, r.value, r.enabled ? 1 : 0, r.minLines ?? null, r.minWords ?? null));
    appendAudit(db, { actor, action: 'quality.rules', entity: 'corpus', entityId: null, before: before.custom ? before.rules : 'defaults', after: rules ?? 'defaults' });
  })();
}

/** Packed signals of one range: ids plus SIGNAL_NAMES.length values per document, reasons as JSON strings. */
export interface PackedSignals {
  ids: number[];
  values: number[];
  reasons: string[];
  pass: number[];
}

export function writeSignals(db: Db, r: PackedSignals): void {
  const placeholders = SIGNAL_NAMES.map(() => '?').join(', ');
  const insert = db.prepare(`INSERT OR REPLACE INTO quality_signals(document_id, ${COLS}, reasons) VALUES (?, ${placeholders}, ?)`);
  // Unchanged rows are skipped: an UPDATE rewrites the whole documents row, text included.
  const pass = db.prepare('UPDATE documents SET quality_pass = @pass WHERE id = @id AND quality_pass IS NOT @pass');
  const n = SIGNAL_NAMES.length;
  ensureQualityBrowseSchema(db);
  db.prepare(`DELETE FROM ${REASONS_TABLE} WHERE document_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(r.ids));
  const reason = db.prepare(`INSERT OR IGNORE INTO ${REASONS_TABLE}(rule_id, document_id) VALUES (?, ?)`);
  r.ids.forEach((id, i) => {
    const reasons = r.reasons[i] ?? '[]';
    insert.run(id, ...r.values.slice(i * n, i * n + n), reasons);
    pass.run({ pass: r.pass[i] ?? 0, id });
    if (reasons !== '[]') for (const rule of JSON.parse(reasons) as string[]) reason.run(rule, id);
  });
}

function rowSignals(row: Record<string, unknown>): QualitySignals {
  const s = {} as QualitySignals;
  for (const k of SIGNAL_NAMES) s[k] = Number(row[k] ?? 0);
  return s;
}

/** Re-applies rules to stored signals for documents lo < id <= hi (no text is read). Returns how many. */
export function reapplyRange(db: Db, lo: number, hi: number, rules: readonly QualityRule[]): number {
  const rows = db.prepare(`SELECT document_id, ${COLS} FROM quality_signals WHERE document_id > ? AND document_id <= ?`).all(lo, hi) as Record<string, unknown>[];
  const update = db.prepare('UPDATE quality_signals SET reasons = ? WHERE document_id = ?');
  const pass = db.prepare('UPDATE documents SET quality_pass = @pass WHERE id = @id AND quality_pass IS NOT @pass');
  ensureQualityBrowseSchema(db);
  db.prepare(`DELETE FROM ${REASONS_TABLE} WHERE document_id > ? AND document_id <= ?`).run(lo, hi);
  const reason = db.prepare(`INSERT OR IGNORE INTO ${REASONS_TABLE}(rule_id, document_id) VALUES (?, ?)`);
  for (const row of rows) {
    const v = applyRules(rowSignals(row), rules);
    update.run(JSON.stringify(v.reasons), row.document_id);
    pass.run({ pass: v.pass ? 1 : 0, id: row.document_id });
    for (const rule of v.reasons) reason.run(rule, row.document_id);
  }
  return rows.length;
}

export function documentQuality(db: Db, documentId: number): { pass: boolean; reasons: string[]; signals: QualitySignals } | null {
  const row = db.prepare(`SELECT ${COLS}, reasons FROM quality_signals WHERE document_id = ?`).get(documentId) as Record<string, unknown> | undefined;
  if (!row) return null;
  const reasons = JSON.parse(String(row.reasons)) as string[];
  return { pass: reasons.length === 0, reasons, signals: rowSignals(row) };
}

/** Rows scanned for previews and histograms; above this a deterministic sample is used and counts are scaled. */
const EXACT_LIMIT = 50_000;

function sampleClause(db: Db): { where: string; scale: number; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM quality_signals').get() as { n: number }).n;
  if (total <= EXACT_LIMIT) return { where: '1', scale: 1, total };
  const step = Math.ceil(total / EXACT_LIMIT);
  return { where: `document_id % ${step} = 0`, scale: step, total };
}

export interface RulePreview {
  total: number;
  pass: number;
  estimated: boolean;
  rules: { id: string; drops: number; onlyThisRule: number }[];
}

/**
 * How many documents each rule drops (and drops alone), and how many pass them all, for rules not yet
 * saved. One scan of the signals table, evaluated in SQL.
 */
export function previewRules(db: Db, rules: readonly QualityRule[]): RulePreview {
  const { where, scale, total } = sampleClause(db);
  const conds = rules.map((r) => failSql(r));
  const anyFail = conds.length ? conds.map((c) => `(${c})`).join(' + ') : '0';
  const selects = [
    `sum((${anyFail}) = 0) AS pass`,
    ...conds.map((c, i) => `sum(${c}) AS d${i}`),
    ...conds.map((c, i) => `sum((${c}) AND (${anyFail}) = 1) AS o${i}`),
  ];
  const row = db.prepare(`SELECT ${selects.join(', ')} FROM quality_signals WHERE ${where}`).get() as Record<string, number | null>;
  const scaled = (v: number | null | undefined): number => Math.round((v ?? 0) * scale);
  return {
    total,
    pass: Math.min(total, scaled(row.pass)),
    estimated: scale > 1,
    rules: rules.map((r, i) => ({ id: r.id, drops: scaled(row[`d${i}`]), onlyThisRule: scaled(row[`o${i}`]) })),
  };
}

/** SQL that is 1 when a row of quality_signals fails `rule` (mirrors ruleFails). */
export function failSql(rule: QualityRule): string {
  if (!rule.enabled) return '0';
  const v = Number(rule.value);
  const parts = [`${rule.signal} ${rule.op === 'min' ? '<' : '>'} ${Number.isFinite(v) ? v : 0}`];
  if (rule.minLines !== undefined) parts.push(`line_count >= ${rule.minLines | 0}`);
  if (rule.minWords !== undefined) parts.push(`word_count >= ${rule.minWords | 0}`);
  return `(${parts.join(' AND ')})`;
}

/** For export: documents kept by `--quality pass`. Use as `WHERE ${QUALITY_PASS_SQL}` on documents. */
export const QUALITY_PASS_SQL = 'quality_pass = 1';

export interface Histogram {
  signal: SignalName;
  min: number;
  max: number;
  total: number;
  estimated: boolean;
  bins: { lo: number; hi: number; count: number }[];
}

export function signalHistogram(db: Db, signal: SignalName, bins: number): Histogram {
  const { where, scale, total } = sampleClause(db);
  const mm = db.prepare(`SELECT min(${signal}) AS lo, max(${signal}) AS hi FROM quality_signals WHERE ${where}`).get() as { lo: number | null; hi: number | null };
  const lo = mm.lo ?? 0;
  const hi = mm.hi ?? 0;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  const rows = db
    .prepare(`SELECT min(CAST((${signal} - ?) / ? AS INTEGER), ?) AS b, count(*) AS n FROM quality_signals WHERE ${where} GROUP BY b`)
    .all(lo, width, bins - 1) as { b: number; n: number }[];
  for (const r of rows) counts[r.b] = (counts[r.b] ?? 0) + r.n * scale;
  return {
    signal,
    min: lo,
    max: hi,
    total,
    estimated: scale > 1,
    bins: counts.map((count, i) => ({ lo: lo + i * width, hi: lo + (i + 1) * width, count })),
  };
}

export { ruleFails };

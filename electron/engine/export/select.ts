// The filters of an export as SQL over `documents d`, the preview tally, and the corpus snapshot id.
import { createHash } from 'node:crypto';
import type { ExportFilters, ExportPreview } from '../../../shared/contract/export';
import { KurasiError } from '../errors';
import type { Db } from '../store/open';
import { Gatekeeper, type DocDecision } from './gate';
import { tableExists } from './schema';

export interface FilterSql {
  /** Conditions ANDed in the WHERE clause (may be empty). */
  where: string[];
  params: (string | number)[];
}

/** SQL that is true when a document carries every requested label (adjudication first, else any annotator's). */
function labelSql(db: Db, labels: ExportFilters['labels']): FilterSql {
  if (!labels.length) return { where: [], params: [] };
  if (!tableExists(db, 'labels')) throw new KurasiError('bad-request', 'this corpus has no labels yet; remove --label');
  const adjudicated = tableExists(db, 'adjudications');
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const { question, value } of labels) {
    const anyAnnotator = `EXISTS (SELECT 1 FROM labels l, json_each(l.value) j WHERE l.document_id = d.id AND l.question = ? AND CAST(j.value AS TEXT) = ?)`;
    if (adjudicated) {
      where.push(
        `(CASE WHEN EXISTS (SELECT 1 FROM adjudications a WHERE a.document_id = d.id AND a.question = ?)
          THEN EXISTS (SELECT 1 FROM adjudications a, json_each(a.value) j WHERE a.document_id = d.id AND a.question = ? AND CAST(j.value AS TEXT) = ?)
          ELSE ${anyAnnotator} END)`,
      );
      params.push(question, question, value, question, value);
    } else {
      where.push(anyAnnotator);
      params.push(question, value);
    }
  }
  return { where, params };
}

interface GroupRow {
  source_id: number;
  lang: string;
  dup: number;
  q: number;
  lab: number;
  n: number;
  c: number;
}

function emptyPreview(): ExportPreview {
  return { included: { documents: 0, characters: 0 }, byLanguage: {}, byLicense: {}, byShardKey: {}, bySource: {}, excluded: {}, overriddenSources: [], warnings: [] };
}

function bump(rec: Record<string, { documents: number; characters: number }>, key: string, n: number, c: number): void {
  const e = (rec[key] ??= { documents: 0, characters: 0 });
  e.documents += n;
  e.characters += c;
}

/** Why a document stays out, in the order the filters apply; null when it goes in. The one rule preview and export share. */
export function exclusionReason(
  f: ExportFilters,
  langs: ReadonlySet<string>,
  lang: string,
  duplicate: boolean,
  quality: number,
  labelled: boolean,
  decision: DocDecision,
): string | null {
  if (langs.size && !langs.has(lang)) return 'language';
  if (f.dedupe === 'keep-only' && duplicate) return 'duplicate';
  if (f.quality === 'pass' && quality !== 1) return 'quality';
  if (!labelled) return 'label';
  if (!decision.exportable) return decision.reason ?? 'refused';
  return null;
}

/** Counts of included documents per language, licence, shard family and source, and of excluded ones per reason. */
export class Tally {
  readonly p: ExportPreview = emptyPreview();
  private readonly langs: ReadonlySet<string>;
  /** Included documents per decision (one per source, or source and document licence) and language. */
  private readonly groups = new Map<DocDecision, Map<string, { sourceId: number; n: number; c: number }>>();
  /** Languages of the documents left out (those of the included ones are in `groups`). */
  private readonly excludedLangs = new Set<string>();

  constructor(
    private readonly f: ExportFilters,
    private readonly gate: Gatekeeper,
  ) {
    this.langs = new Set(f.langs);
  }

  /** Adds `n` documents of `c` characters; returns whether they are exported. Two map lookups per call. */
  add(sourceId: number, lang: string, duplicate: boolean, quality: number, labelled: boolean, decision: DocDecision, n: number, c: number): boolean {
    const reason = exclusionReason(this.f, this.langs, lang, duplicate, quality, labelled, decision);
    if (reason) {
      this.p.excluded[reason] = (this.p.excluded[reason] ?? 0) + n;
      this.excludedLangs.add(lang);
      return false;
    }
    let byLang = this.groups.get(decision);
    if (!byLang) this.groups.set(decision, (byLang = new Map()));
    const g = byLang.get(lang);
    if (g) {
      g.n += n;
      g.c += c;
    } else byLang.set(lang, { sourceId, n, c });
    return true;
  }

  finish(): ExportPreview {
    const p = this.p;
    for (const [decision, byLang] of this.groups) {
      for (const [lang, g] of byLang) {
        p.included.documents += g.n;
        p.included.characters += g.c;
        bump(p.byLanguage, lang, g.n, g.c);
        bump(p.byLicense, decision.license, g.n, g.c);
        bump(p.byShardKey, decision.shardKey, g.n, g.c);
        bump(p.bySource, this.gate.sources.get(g.sourceId)?.name ?? String(g.sourceId), g.n, g.c);
      }
    }
    p.byLanguage = sortKeys(p.byLanguage);
    p.byLicense = sortKeys(p.byLicense);
    p.byShardKey = sortKeys(p.byShardKey);
    p.bySource = sortKeys(p.bySource);
    p.excluded = sortKeys(p.excluded);
    p.overriddenSources = this.gate.overriddenSources().map((s) => s.name).sort();
    for (const s of this.gate.sources.values()) {
      const d = this.gate.forSource(s.id);
      if (d.decision.warnings.includes('robots-disallowed') && p.bySource[s.name]) p.warnings.push(`${s.name}: robots.txt disallows crawling`);
    }
    if (p.overriddenSources.length) p.warnings.push(`exported without clearance (override): ${p.overriddenSources.join(', ')}`);
    p.warnings.push(...absentLanguageWarnings(this.f.langs, [...this.excludedLangs, ...Object.keys(p.byLanguage)]));
    return p;
  }
}

/**
 * A requested language no document has would silently leave everything of it out (a typo, or a code the corpus
 * does not use): said, with the codes the corpus does have.
 */
export function absentLanguageWarnings(requested: readonly string[], present: Iterable<string>): string[] {
  const known = new Set(present);
  const list = [...known].sort().join(', ') || 'none';
  return requested.filter((l) => !known.has(l)).map((l) => `no documents have language ${l}; known: ${list}`);
}

/** Keys in code-unit order, so the manifest never depends on the order documents were met. */
function sortKeys<T>(rec: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The label condition as a 0/1 column (1 when no label filter), for selecting it beside the document. */
export function labelColumn(db: Db, f: ExportFilters): FilterSql {
  const labels = labelSql(db, f.labels);
  return { where: [labels.where.length ? `(${labels.where.join(' AND ')})` : '1'], params: labels.params };
}

/**
 * Counts per language, licence and shard family of what an export with these filters would write, and of
 * what it leaves out and why. One grouped scan of the documents table (no text is read).
 */
export function previewExport(db: Db, f: ExportFilters, gate = new Gatekeeper(db, f)): ExportPreview {
  const labels = labelSql(db, f.labels);
  const labExpr = labels.where.length ? `(${labels.where.join(' AND ')})` : '1';
  const cols = `d.source_id AS source_id, coalesce(d.lang, 'und') AS lang, coalesce(d.dup_status = 'duplicate', 0) AS dup,
    coalesce(d.quality_pass, -1) AS q, ${labExpr} AS lab, count(*) AS n, total(d.char_count) AS c`;
  const groups = db.prepare(`SELECT ${cols} FROM documents d GROUP BY 1, 2, 3, 4, 5`).all(...labels.params) as GroupRow[];
  const tally = new Tally(f, gate);
  const classify = (g: GroupRow, decision: DocDecision, n: number, c: number) => {
    tally.add(g.source_id, g.lang, !!g.dup, g.q, !!g.lab, decision, n, c);
  };

  // Documents with their own licence are taken out of their group and decided one by one.
  const own = new Map<string, { n: number; c: number }>();
  if (gate.documentLicenses.size) {
    const rows = db
      .prepare(`SELECT d.id AS id, ${cols.replace(', count(*) AS n, total(d.char_count) AS c', ', 1 AS n, d.char_count AS c')}
        FROM documents d JOIN document_licenses x ON x.document_id = d.id`)
      .all(...labels.params) as (GroupRow & { id: number })[];
    for (const r of rows) {
      const key = `${r.source_id}|${r.lang}|${r.dup}|${r.q}|${r.lab}`;
      const o = (own.get(key) ?? { n: 0, c: 0 });
      o.n += 1;
      o.c += r.c;
      own.set(key, o);
      classify(r, gate.forDocument(r.id, r.source_id), 1, r.c);
    }
  }
  for (const g of groups) {
    const o = own.get(`${g.source_id}|${g.lang}|${g.dup}|${g.q}|${g.lab}`);
    const n = g.n - (o?.n ?? 0);
    const c = g.c - (o?.c ?? 0);
    if (n > 0) classify(g, gate.forSource(g.source_id), n, c);
  }

  return tally.finish();
}

/**
 * A fingerprint of everything an export depends on: document count and last id, the distribution of the
 * per-document columns filters use, every source's licence and review state, document licences, labels,
 * and the last decision in the audit log (export's own entries excluded, so exporting does not change it).
 * Each distribution is one single-column GROUP BY, which SQLite answers from that column's index.
 */
export function corpusSnapshotId(db: Db): string {
  const parts: unknown[] = ['kurasi-snapshot-2', db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS maxId FROM documents').get()];
  for (const col of ['lang', 'dup_status', 'quality_pass']) {
    parts.push(col, db.prepare(`SELECT ${col} AS v, count(*) AS n FROM documents GROUP BY ${col} ORDER BY ${col}`).raw(true).all());
  }
  parts.push(db.prepare('SELECT * FROM sources ORDER BY id').raw(true).all());
  for (const t of ['document_licenses', 'license_refs', 'license_evidence']) {
    if (tableExists(db, t)) parts.push(t, db.prepare(`SELECT count(*) AS n FROM ${t}`).get());
  }
  for (const t of ['labels', 'adjudications']) {
    if (tableExists(db, t)) parts.push(t, db.prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM ${t}`).get());
  }
  parts.push(db.prepare(`SELECT coalesce(max(id), 0) AS m FROM audit_log WHERE action NOT LIKE 'export.%'`).get());
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

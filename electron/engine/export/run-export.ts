// The export itself: stream documents in id order, gate each one, write shards per licence family,
// then the manifest, dataset card and attribution list. Resumable: completed shards are recorded in a
// progress file and kept when a re-run with the same options finds the same corpus snapshot.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeToString } from 'fast-csv';
import type { ExportOptions, ExportResult, ExportShard } from '../../../shared/contract/export';
import { BUILTIN_META_FIELDS } from '../../../shared/contract/export';
import { combineLicenses } from '../../../shared/license';
import { KurasiError } from '../errors';
import { appVersion } from '../paths';
import { appendAudit } from '../store/audit';
import { getMeta, type Db } from '../store/open';
import { makeDirs, removePartials, sha256File, writeFileAtomic } from './atomic';
import { attributionRows, datasetCard } from './card';
import { Gatekeeper, type DocDecision } from './gate';
import { exportRedactor } from './redact';
import { corpusSnapshotId, labelColumn, Tally } from './select';
import { CORE_FIELDS, EXTENSIONS, openShardWriter, recordLine, closedTail, type ExportRecord, type ShardWriter, type Sized } from './writers';

export const PROGRESS_FILE = '.kurasi-export-progress.json';
export const MANIFEST_FILE = 'manifest.json';
const BATCH = 5000;

export interface ExportHooks {
  actor: string;
  jobId?: number | null;
  progress?(done: number, total: number | null, message?: string): void;
  throwIfCancelled?(): void;
}

interface Progress {
  kurasiExport: 1;
  optionsKey: string;
  snapshotId: string;
  shards: ExportShard[];
}

interface KeyState {
  key: string;
  /** Shards of this key already complete (from an earlier run or this one). */
  done: ExportShard[];
  /** Documents of this key up to this id belong to shards kept from an earlier run. */
  skipUntil: number;
  writer: ShardWriter | null;
  docs: number;
  bytes: number;
  firstId: number;
  lastId: number;
  licenses: Set<string>;
  redactions: Record<string, number>;
}

/** The options that shape the output (the folder does not): the same key means the same files. */
export function optionsForManifest(o: ExportOptions): Omit<ExportOptions, 'out'> {
  const { out: _out, ...rest } = o;
  return rest;
}

function optionsKey(o: ExportOptions): string {
  return createHash('sha256').update(JSON.stringify(optionsForManifest(o))).digest('hex').slice(0, 32);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function isProgress(v: unknown): v is Progress {
  return typeof v === 'object' && v !== null && 'optionsKey' in v && 'snapshotId' in v && Array.isArray((v as { shards?: unknown }).shards);
}

/** Shards an earlier run finished, still on disk unchanged; per key only the unbroken prefix counts. */
async function completedShards(out: string, key: string, snapshotId: string): Promise<Map<string, ExportShard[]>> {
  const found = [readJson(join(out, MANIFEST_FILE)), readJson(join(out, PROGRESS_FILE))].filter(isProgress);
  const kept = new Map<string, ExportShard[]>();
  if (!found.length) return kept;
  const prior = found[found.length - 1]!;
  if (prior.optionsKey !== key || prior.snapshotId !== snapshotId) {
    throw new KurasiError(
      'conflict',
      `${out} holds an export made with other options or from another state of the corpus; choose an empty folder or delete it first`,
    );
  }
  const byKey = new Map<string, ExportShard[]>();
  for (const s of prior.shards) byKey.set(s.shardKey, [...(byKey.get(s.shardKey) ?? []), s]);
  for (const [k, list] of byKey) {
    list.sort((a, b) => a.index - b.index);
    const ok: ExportShard[] = [];
    for (const s of list) {
      const p = join(out, s.file);
      if (s.index !== ok.length || !existsSync(p) || statSync(p).size !== s.bytes || (await sha256File(p)) !== s.sha256) break;
      ok.push(s);
    }
    kept.set(k, ok);
  }
  return kept;
}

/** SQL for the chosen metadata; `json[i]` marks values read as JSON text from documents.metadata. */
function metaColumns(meta: readonly string[]): { sql: string[]; params: string[]; json: boolean[] } {
  const sql: string[] = [];
  const params: string[] = [];
  const json: boolean[] = [];
  for (const m of meta) {
    if ((CORE_FIELDS as readonly string[]).includes(m)) throw new KurasiError('bad-request', `metadata field '${m}' clashes with a record field`);
    const builtin = (BUILTIN_META_FIELDS as readonly string[]).includes(m);
    json.push(!builtin);
    if (builtin) sql.push(`d.${m}`);
    else {
      sql.push(`(d.metadata -> ?)`);
      params.push(`$."${m.replace(/"/g, '')}"`);
    }
  }
  return { sql, params, json };
}

/** Sums per-type counts with keys in a fixed order, so the manifest does not depend on document order. */
function sortedCounts(list: (Record<string, number> | undefined)[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of list) for (const [k, v] of Object.entries(c ?? {})) sum[k] = (sum[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sum).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** README.md and data/ are written into the folder: never into one that holds something else. */
function refuseForeignFolder(out: string): void {
  if (!existsSync(out)) return;
  const names = readdirSync(out);
  if (names.length === 0 || names.includes(MANIFEST_FILE) || names.includes(PROGRESS_FILE)) return;
  throw new KurasiError('conflict', `${out} is not empty and holds no Kurasi export; choose an empty or new folder`);
}

/** Column of the first chosen metadata field in the export query. */
const META_AT = 10;
const NO_META: unknown[] = [];

function readMeta(row: unknown[], json: boolean[]): unknown[] {
  const out: unknown[] = new Array(json.length);
  for (let i = 0; i < json.length; i++) {
    const v = row[META_AT + i];
    out[i] = json[i] && typeof v === 'string' ? (JSON.parse(v) as unknown) : (v ?? null);
  }
  return out;
}

export async function runExport(db: Db, options: ExportOptions, hooks: ExportHooks): Promise<ExportResult> {
  const o: ExportOptions = { ...options, out: resolve(options.out) };
  const out = o.out;
  const version = appVersion();
  const gate = new Gatekeeper(db, o);
  const snapshotId = corpusSnapshotId(db);
  const key = optionsKey(o);
  const metaCols = metaColumns(o.meta);
  const label = labelColumn(db, o);
  // Filters are applied while streaming (not in SQL) so that one pass also counts what stays out and why.
  const tally = new Tally(o, gate);
  const total = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const redact = o.redactPii ? exportRedactor(db) : null;

  refuseForeignFolder(out);
  makeDirs(join(out, 'data'));
  removePartials(out);
  const kept = await completedShards(out, key, snapshotId);

  // Recorded before any shard is written, so even an interrupted export has left its trace.
  for (const s of gate.overriddenSources()) {
    appendAudit(db, {
      actor: hooks.actor,
      action: 'export.override',
      entity: 'source',
      entityId: s.id,
      before: { reviewState: s.reviewState, concludedLicense: s.concludedLicense },
      after: { out, format: o.format, jobId: hooks.jobId ?? null },
      note: o.overrideReason ?? null,
    });
  }

  const states = new Map<string, KeyState>();
  const stateFor = (k: string): KeyState => {
    let st = states.get(k);
    if (!st) {
      const done = kept.get(k) ?? [];
      st = { key: k, done: [...done], skipUntil: done.at(-1)?.lastId ?? 0, writer: null, docs: 0, bytes: 0, firstId: 0, lastId: 0, licenses: new Set(), redactions: {} };
      states.set(k, st);
    }
    return st;
  };
  const allShards = () => [...states.values()].flatMap((s) => s.done).sort((a, b) => a.shardKey.localeCompare(b.shardKey, 'en') || a.index - b.index);
  const saveProgress = () => {
    const p: Progress = { kurasiExport: 1, optionsKey: key, snapshotId, shards: allShards() };
    writeFileAtomic(join(out, PROGRESS_FILE), JSON.stringify(p, null, 2) + '\n');
  };
  // The progress file marks the folder as this export's from the start, so even a run killed before its first
  // shard completes can be resumed; shards kept from an earlier run stay listed.
  for (const k of kept.keys()) stateFor(k);
  saveProgress();
  const shardFile = (k: string, index: number) => `data/${k}/part-${String(index).padStart(5, '0')}.${EXTENSIONS[o.format]}`;
  const open = (st: KeyState) => {
    makeDirs(join(out, 'data', st.key));
    st.writer = openShardWriter(o.format, join(out, shardFile(st.key, st.done.length)), o.meta, version);
    st.docs = 0;
    st.bytes = 0;
    st.firstId = 0;
    st.lastId = 0;
    st.licenses = new Set();
    st.redactions = {};
  };
  const close = async (st: KeyState) => {
    if (!st.writer) return;
    const license = combineLicenses(st.licenses, gate.refs).expression;
    const { sha256, bytes } = await st.writer.finish({ license });
    st.writer = null;
    st.done.push({
      file: shardFile(st.key, st.done.length),
      shardKey: st.key,
      index: st.done.length,
      documents: st.docs,
      bytes,
      sha256,
      firstId: st.firstId,
      lastId: st.lastId,
      license,
      ...(o.redactPii ? { redactions: sortedCounts([st.redactions]) } : {}),
    });
    saveProgress();
  };

  // Without redaction SQLite quotes the text for JSON (same escaping as JSON.stringify, measured 5× cheaper
  // than doing it in JS) and gives its UTF-8 size; the raw text is read only when a format needs it.
  const needsRaw = !redact && (o.format === 'csv' || o.format === 'parquet');
  const sql = `SELECT d.id, d.source_id, ${redact ? 'd.text' : 'json_quote(d.text)'}, coalesce(d.lang, 'und'), coalesce(d.dup_status = 'duplicate', 0),
      coalesce(d.quality_pass, -1), d.char_count, ${label.where[0]}, ${needsRaw ? 'd.text' : 'NULL'},
      ${redact ? 'NULL' : 'octet_length(json_quote(d.text))'}${metaCols.sql.map((c) => `, ${c}`).join('')}
    FROM documents d WHERE d.id > ? ORDER BY d.id LIMIT ${BATCH}`;
  const stmt = db.prepare(sql).raw(true);
  const params = [...label.params, ...metaCols.params];
  const sourceNames = new Map([...gate.sources.values()].map((s) => [s.id, s.name]));
  // The part of a JSON line after the text is the same for every document of one source, language and licence.
  // Keyed by the decision object (one per source, or per source and document licence) and then language.
  const tails = new Map<DocDecision, Map<string, Sized>>();
  const tailOf = (d: DocDecision, source: string, lang: string) => {
    let byLang = tails.get(d);
    if (!byLang) tails.set(d, (byLang = new Map()));
    let t = byLang.get(lang);
    if (t === undefined) {
      t = closedTail(source, lang, d.license, o.meta.length > 0);
      byLang.set(lang, t);
    }
    return t;
  };
  // A licence decision revoked while the export runs withdraws it whole: nothing of it may stay under a final name.
  const stopIfRevoked = () => {
    const lost = gate.revokedSince(db);
    if (!lost.length) return;
    for (const st of states.values()) st.writer?.abort();
    rmSync(join(out, 'data'), { recursive: true, force: true });
    for (const f of [PROGRESS_FILE, MANIFEST_FILE, 'README.md', 'attribution.csv']) rmSync(join(out, f), { force: true });
    throw new KurasiError('conflict', `licence decisions changed while exporting (${lost.join('; ')}); the export was stopped and its files removed`);
  };
  let done = 0;
  let lastId = 0;
  try {
    for (;;) {
      const rows = stmt.all(...params, lastId) as unknown[][];
      if (!rows.length) break;
      for (const row of rows) {
        const id = row[0] as number;
        const sourceId = row[1] as number;
        const lang = row[3] as string;
        const d = gate.forDocument(id, sourceId);
        if (!tally.add(sourceId, lang, row[4] === 1, row[5] as number, row[7] === 1, d, 1, row[6] as number)) continue;
        const st = stateFor(d.shardKey);
        if (id <= st.skipUntil) continue;
        let text = '';
        let body: Sized | undefined;
        let counts: Partial<Record<string, number>> | null = null;
        if (redact) {
          const r = redact(id, row[2] as string);
          text = r.text;
          counts = r.counts;
        } else {
          body = { s: row[2] as string, bytes: row[9] as number };
          if (needsRaw) text = row[8] as string;
        }
        const source = sourceNames.get(sourceId)!;
        const rec: ExportRecord = {
          id,
          text,
          source,
          lang,
          license: d.license,
          meta: row.length > META_AT ? readMeta(row, metaCols.json) : NO_META,
        };
        const { parts: line, bytes: len } = recordLine(rec, o.meta, tailOf(d, source, lang), body);
        if (st.writer && ((o.maxDocs > 0 && st.docs + 1 > o.maxDocs) || (o.maxBytes > 0 && st.bytes + len > o.maxBytes))) await close(st);
        if (!st.writer) open(st);
        st.writer!.add(rec, line, len);
        if (counts) for (const [type, c] of Object.entries(counts)) st.redactions[type] = (st.redactions[type] ?? 0) + (c ?? 0);
        if (st.docs === 0) st.firstId = id;
        st.docs++;
        st.bytes += len;
        st.lastId = id;
        st.licenses.add(d.license);
      }
      done += rows.length;
      lastId = rows[rows.length - 1]![0] as number;
      for (const st of states.values()) await st.writer?.drain();
      hooks.progress?.(done, total);
      hooks.throwIfCancelled?.();
      stopIfRevoked();
    }
    for (const st of [...states.values()].sort((a, b) => a.key.localeCompare(b.key, 'en'))) await close(st);
    stopIfRevoked();
  } catch (e) {
    for (const st of states.values()) st.writer?.abort();
    throw e;
  }
  const preview = tally.finish();

  const shards = allShards();
  const card = { options: o, preview, shards, gate, snapshotId, version };
  const attributionSha = writeFileAtomic(join(out, 'attribution.csv'), await writeToString(attributionRows(card), { headers: false, includeEndRowDelimiter: true }));
  const readmeSha = writeFileAtomic(join(out, 'README.md'), datasetCard(card));
  const combined = combineLicenses(Object.keys(preview.byLicense), gate.refs);
  const manifest = {
    kurasiExport: 1,
    kurasiVersion: version,
    name: o.name,
    corpusId: getMeta(db, 'corpus_id'),
    snapshotId,
    optionsKey: key,
    options: optionsForManifest(o),
    format: o.format,
    documents: preview.included.documents,
    characters: preview.included.characters,
    license: combined.expression,
    byLanguage: preview.byLanguage,
    byLicense: preview.byLicense,
    byShardKey: preview.byShardKey,
    excluded: preview.excluded,
    overriddenSources: preview.overriddenSources,
    ...(o.redactPii ? { piiRedactions: sortedCounts(shards.map((s) => s.redactions)) } : {}),
    shards,
    files: [
      { file: 'README.md', sha256: readmeSha },
      { file: 'attribution.csv', sha256: attributionSha },
    ],
  };
  writeFileAtomic(join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(join(out, PROGRESS_FILE), { force: true });
  hooks.progress?.(done, total);
  return {
    out,
    snapshotId,
    documents: preview.included.documents,
    shards,
    resumedShards: [...kept.values()].reduce((a, l) => a + l.length, 0),
    excluded: preview.excluded,
    warnings: preview.warnings,
  };
}

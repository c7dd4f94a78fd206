import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ImportReport, LabelValue, PackReport } from '../../../shared/contract/labels';
import { appendAudit } from '../store/audit';
import { getMeta, type Db } from '../store/open';
import { countConflicts } from './conflicts';
import { readLabel, writeLabel, writeSpan } from './labels';
import { packChecksum, packFile, type PackFile } from './pack-format';
import { getSchema } from './settings';
import { canonicalValue, findQuestion, sameValue, valueProblem } from './values';

const MAX_PROBLEMS = 20;

function blankReport(path: string): PackReport {
  return { path, annotator: null, refused: null, labels: 0, spans: 0, imported: 0, unchanged: 0, unknownDocuments: 0, unknownLabels: 0, problems: [] };
}

/** Reads and checks one pack; a reason to refuse it, or the pack. */
export function readPack(path: string, corpusId: string): { pack: PackFile } | { refused: string } {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    return { refused: `cannot read the file: ${e instanceof Error ? e.message : String(e)}` };
  }
  let text: string;
  try {
    text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  } catch (e) {
    return { refused: `corrupted or truncated (gzip: ${e instanceof Error ? e.message : String(e)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { refused: 'corrupted or truncated (not valid JSON)' };
  }
  const parsed = packFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { refused: `not a Kurasi label pack (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad shape'})` };
  }
  const { checksum, ...body } = parsed.data;
  if (packChecksum(body) !== checksum) return { refused: 'corrupted: checksum does not match the contents' };
  if (body.corpusId !== corpusId) return { refused: `from another corpus (pack corpus ${body.corpusId}, this corpus ${corpusId})` };
  return { pack: parsed.data };
}

class Rollback extends Error {}

/**
 * Merges packs from several annotators in one transaction. A refused pack (unreadable, corrupted, another
 * corpus) stops everything before anything is written. Labels for unknown documents or unknown questions/values
 * are skipped and reported; with `strict` they roll the whole import back. An annotator's label already here
 * is replaced only by a newer one from a pack.
 */
export function importPacks(db: Db, paths: string[], actor: string, strict: boolean): ImportReport {
  const corpusId = getMeta(db, 'corpus_id') ?? '';
  const reports = paths.map(blankReport);
  const accepted: { pack: PackFile; r: PackReport }[] = [];
  reports.forEach((report) => {
    const read = readPack(report.path, corpusId);
    if ('refused' in read) report.refused = read.refused;
    else {
      report.annotator = read.pack.annotator;
      report.labels = read.pack.labels.length;
      report.spans = read.pack.spans.length;
      accepted.push({ pack: read.pack, r: report });
    }
  });
  if (reports.some((r) => r.refused)) return { committed: false, packs: reports, conflicts: countConflicts(db) };

  const schema = getSchema(db);
  // Few sources, many labels: source names come from a map instead of a join per label.
  const sourceNames = new Map((db.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  const byHash = db.prepare('SELECT id, external_id AS externalId, source_id AS sourceId, char_count AS chars FROM documents WHERE text_hash = ?');
  const spanHere = db.prepare('SELECT 1 FROM label_spans WHERE document_id = ? AND annotator = ? AND question = ? AND label = ? AND start = ? AND end = ?');
  const problem = (r: PackReport, msg: string) => {
    if (r.problems.length < MAX_PROBLEMS) r.problems.push(msg);
  };
  const locate = (hash: string, externalId: string, source: string) => {
    const rows = byHash.all(hash) as { id: number; externalId: string; sourceId: number; chars: number }[];
    if (rows.length === 1) return rows[0];
    return rows.find((d) => d.externalId === externalId && sourceNames.get(d.sourceId) === source) ?? rows.find((d) => d.externalId === externalId) ?? rows[0];
  };

  // A pack repeats a few answers many times: each (question, value) is checked once.
  const checks = new Map<string, { value: LabelValue } | { bad: string }>();
  const check = (question: string, raw: LabelValue): { value: LabelValue } | { bad: string } => {
    const key = `${question}\u0000${typeof raw === 'string' ? raw : JSON.stringify(raw)}\u0000${typeof raw}`;
    let c = checks.get(key);
    if (!c) {
      const q = findQuestion(schema, question);
      const bad = q ? valueProblem(q, raw) : `unknown question '${question}'`;
      c = !q || bad ? { bad: bad ?? 'invalid' } : { value: canonicalValue(q, raw) };
      checks.set(key, c);
    }
    return c;
  };

  try {
    db.transaction(() => {
      for (const { pack, r } of accepted) {
        for (const l of pack.labels) {
          const doc = locate(l.hash, l.externalId, l.source);
          if (!doc) {
            r.unknownDocuments++;
            problem(r, `unknown document ${l.source}/${l.externalId} (${l.hash})`);
            continue;
          }
          const checked = check(l.question, l.value);
          if ('bad' in checked) {
            r.unknownLabels++;
            problem(r, `${l.source}/${l.externalId}: ${checked.bad}`);
            continue;
          }
          const value = checked.value;
          const here = readLabel(db, doc.id, pack.annotator, l.question);
          if (here && (sameValue(here.value, value) || here.at >= l.at)) {
            r.unchanged++;
            continue;
          }
          writeLabel(db, doc.id, pack.annotator, l.question, { value, at: l.at });
          r.imported++;
        }
        for (const s of pack.spans) {
          const doc = locate(s.hash, s.externalId, s.source);
          if (!doc) {
            r.unknownDocuments++;
            problem(r, `unknown document ${s.source}/${s.externalId} (${s.hash})`);
            continue;
          }
          const q = findQuestion(schema, s.question);
          if (!q || q.kind !== 'span' || !q.options.some((o) => o.value === s.label) || s.end <= s.start || s.end > doc.chars) {
            r.unknownLabels++;
            problem(r, `${s.source}/${s.externalId}: unknown span label '${s.question}/${s.label}' or range ${s.start}-${s.end}`);
            continue;
          }
          if (spanHere.get(doc.id, pack.annotator, s.question, s.label, s.start, s.end)) {
            r.unchanged++;
            continue;
          }
          writeSpan(db, doc.id, pack.annotator, s.question, null, { label: s.label, start: s.start, end: s.end, at: s.at });
          r.imported++;
        }
        db.prepare('INSERT OR IGNORE INTO annotators(name, created_at) VALUES (?, ?)').run(pack.annotator, new Date().toISOString());
        appendAudit(db, {
          actor,
          action: 'labels.import',
          entity: 'corpus',
          entityId: pack.annotator,
          after: { imported: r.imported, unchanged: r.unchanged, unknownDocuments: r.unknownDocuments, unknownLabels: r.unknownLabels, checksum: pack.checksum },
          note: r.path,
        });
      }
      if (strict && reports.some((r) => r.unknownDocuments + r.unknownLabels > 0)) throw new Rollback();
    }).immediate();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    for (const r of reports) if (r.unknownDocuments + r.unknownLabels > 0) r.refused = 'strict: unknown documents or labels';
    return { committed: false, packs: reports, conflicts: countConflicts(db) };
  }
  return { committed: true, packs: reports, conflicts: countConflicts(db) };
}

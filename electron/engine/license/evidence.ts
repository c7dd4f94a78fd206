// Evidence behind a licence decision: a URL, a file (kept inside the corpus with its sha256) or a note.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EvidenceItem } from '../../../shared/contract/license';
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';
import { KurasiError, notFound } from '../errors';

/** Permission letters and screenshots of terms are small; anything larger is probably the wrong file. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

export interface EvidenceInput {
  url?: string;
  filePath?: string;
  file?: { name: string; contentBase64: string };
  note?: string;
}

interface EvidenceRow {
  id: number;
  source_id: number;
  kind: 'url' | 'file' | 'note';
  url: string | null;
  file_name: string | null;
  sha256: string | null;
  size: number | null;
  note: string | null;
  added_by: string;
  added_at: string;
  removed_by: string | null;
  removed_at: string | null;
}

const COLUMNS = 'id, source_id, kind, url, file_name, sha256, size, note, added_by, added_at, removed_by, removed_at';

function toItem(r: EvidenceRow): EvidenceItem {
  return {
    id: r.id,
    sourceId: r.source_id,
    kind: r.kind,
    url: r.url,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    note: r.note,
    addedBy: r.added_by,
    addedAt: r.added_at,
    removedBy: r.removed_by,
    removedAt: r.removed_at,
  };
}

export function listEvidence(db: Db, sourceId: number, includeRemoved = true): EvidenceItem[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM license_evidence WHERE source_id = ? ${includeRemoved ? '' : 'AND removed_at IS NULL'} ORDER BY id`)
    .all(sourceId) as EvidenceRow[];
  return rows.map(toItem);
}

export function getEvidence(db: Db, id: number): EvidenceItem {
  const row = db.prepare(`SELECT ${COLUMNS} FROM license_evidence WHERE id = ?`).get(id) as EvidenceRow | undefined;
  if (!row) throw notFound(`evidence ${id}`);
  return toItem(row);
}

/** The stored bytes of a file evidence item (for "open" / export of the review file). */
export function evidenceContent(db: Db, id: number): Buffer | null {
  const row = db.prepare('SELECT content FROM license_evidence WHERE id = ?').get(id) as { content: Buffer | null } | undefined;
  if (!row) throw notFound(`evidence ${id}`);
  return row.content;
}

/**
 * A file evidence item with its stored bytes, looked up by id only: the app and the CLI read a file kept in the corpus,
 * never a path they are given.
 */
export function evidenceFile(db: Db, id: number): { id: number; fileName: string; sha256: string; content: Buffer } {
  const item = getEvidence(db, id);
  const content = item.kind === 'file' ? evidenceContent(db, id) : null;
  if (!content) throw new KurasiError('bad-request', `evidence ${id} is not a file`);
  // The hash of the bytes handed out, so whoever saves them can compare it with the one recorded when they were added.
  const sha256 = createHash('sha256').update(content).digest('hex');
  // The stored name is only ever a last path part, whichever separator a client used, and never '.' or '..': the CLI
  // writes it into a folder it is given.
  const last = (item.fileName ?? '').split(/[\\/]/).pop() ?? '';
  const fileName = last === '' || last === '.' || last === '..' ? `evidence-${id}` : last;
  return { id, fileName, sha256, content };
}

/** "https://…" is a URL, anything else names a file. Used by the CLI's `--evidence`. */
export function evidenceFromArg(arg: string, note?: string): EvidenceInput {
  return /^https?:\/\//i.test(arg) ? { url: arg, note } : { filePath: arg, note };
}

function readEvidenceFile(input: EvidenceInput): { name: string; content: Buffer } | null {
  if (input.filePath) {
    let size: number;
    try {
      size = statSync(input.filePath).size;
    } catch {
      throw new KurasiError('bad-request', `evidence file ${input.filePath} not found`);
    }
    if (size > MAX_EVIDENCE_BYTES) throw new KurasiError('bad-request', `evidence file ${input.filePath} is larger than 25 MB`);
    return { name: basename(input.filePath), content: readFileSync(input.filePath) };
  }
  if (input.file) {
    const content = Buffer.from(input.file.contentBase64, 'base64');
    if (content.length > MAX_EVIDENCE_BYTES) throw new KurasiError('bad-request', 'evidence file is larger than 25 MB');
    return { name: basename(input.file.name), content };
  }
  return null;
}

/** Adds one item inside the caller's transaction; a cleared source turns stale (trigger) and the audit log records it. */
export function addEvidence(db: Db, actor: string, sourceId: number, input: EvidenceInput): EvidenceItem {
  const file = readEvidenceFile(input);
  const note = input.note?.trim() || null;
  if (!file && !input.url && !note) throw new KurasiError('bad-request', 'evidence needs a URL, a file or a note');
  const kind = file ? 'file' : input.url ? 'url' : 'note';
  const sha256 = file ? createHash('sha256').update(file.content).digest('hex') : null;
  const run = db.transaction(() => {
    const info = db
      .prepare(
        'INSERT INTO license_evidence(source_id, kind, url, file_name, sha256, size, content, note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(sourceId, kind, input.url ?? null, file?.name ?? null, sha256, file?.content.length ?? null, file?.content ?? null, note, actor, new Date().toISOString());
    const item = getEvidence(db, Number(info.lastInsertRowid));
    appendAudit(db, { actor, action: 'license.evidence.add', entity: 'source', entityId: sourceId, after: item, note });
    return item;
  });
  return run();
}

export function removeEvidence(db: Db, actor: string, id: number, note?: string): EvidenceItem {
  return db.transaction(() => {
    const before = getEvidence(db, id);
    if (before.removedAt) throw new KurasiError('conflict', `evidence ${id} was already removed`);
    db.prepare('UPDATE license_evidence SET removed_by = ?, removed_at = ? WHERE id = ?').run(actor, new Date().toISOString(), id);
    const after = getEvidence(db, id);
    appendAudit(db, { actor, action: 'license.evidence.remove', entity: 'source', entityId: before.sourceId, before, after, note: note ?? null });
    return after;
  })();
}

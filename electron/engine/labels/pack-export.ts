import { renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { KurasiError } from '../errors';
import { appendAudit } from '../store/audit';
import { getMeta, type Db } from '../store/open';
import type { LabelValue } from '../../../shared/contract/labels';
import { packChecksum, type PackBody, type PackFile } from './pack-format';
import { getSchema } from './settings';

export interface ExportSummary {
  path: string;
  annotator: string;
  labels: number;
  spans: number;
  checksum: string;
}

/** Writes one annotator's labels as a single gzipped JSON pack (written to a temp name, then renamed). */
export function exportPack(db: Db, annotator: string, out: string, actor: string): ExportSummary {
  const corpusId = getMeta(db, 'corpus_id');
  if (!corpusId) throw new KurasiError('internal', 'corpus has no id');
  const labels = (
    db
      .prepare(
        `SELECT d.text_hash AS hash, d.external_id AS externalId, s.name AS source, l.question, l.value, l.at
         FROM labels l JOIN documents d ON d.id = l.document_id JOIN sources s ON s.id = d.source_id
         WHERE l.annotator = ? ORDER BY l.document_id, l.question`,
      )
      .all(annotator) as { hash: string; externalId: string; source: string; question: string; value: string; at: string }[]
  ).map((r) => ({ ...r, value: JSON.parse(r.value) as LabelValue }));
  const spans = db
    .prepare(
      `SELECT d.text_hash AS hash, d.external_id AS externalId, s.name AS source, p.question, p.label, p.start, p.end, p.at
       FROM label_spans p JOIN documents d ON d.id = p.document_id JOIN sources s ON s.id = d.source_id
       WHERE p.annotator = ? ORDER BY p.document_id, p.start, p.end`,
    )
    .all(annotator) as PackBody['spans'];
  const body: PackBody = {
    format: 'kurasi-label-pack',
    version: 1,
    corpusId,
    annotator,
    exportedAt: new Date().toISOString(),
    schema: getSchema(db),
    labels,
    spans,
  };
  const file: PackFile = { ...body, checksum: packChecksum(body) };
  const tmp = `${out}.partial`;
  writeFileSync(tmp, gzipSync(JSON.stringify(file)));
  renameSync(tmp, out);
  appendAudit(db, { actor, action: 'labels.export', entity: 'corpus', entityId: annotator, after: { labels: labels.length, spans: spans.length, checksum: file.checksum }, note: out });
  return { path: out, annotator, labels: labels.length, spans: spans.length, checksum: file.checksum };
}

import type { DocumentRecord, DocumentResults } from '../../../shared/contract/corpus';
import { undReason } from '../../../shared/contract/langid';
import { notFound } from '../errors';
import type { Db } from '../store/open';

/** The documents columns the features fill, as SQLite returns them. */
export interface DocumentResultColumns {
  lang: string | null;
  lang_confidence: number | null;
  code_mixed: number | null;
  dup_status: string | null;
  dup_cluster: number | null;
  label_count: number;
  pii_count: number | null;
  quality_pass: number | null;
}

export interface DocumentRow extends DocumentResultColumns {
  id: number;
  source_id: number;
  source_name: string;
  external_id: string;
  text: string;
  text_hash: string;
  char_count: number;
  word_count: number;
  metadata: string | null;
  lang_source: string | null;
  lang_reason: string | null;
}

/** The feature results of a row, as the contract names them (shared by the document record and browser rows). */
export function toDocumentResults(r: DocumentResultColumns): DocumentResults {
  return {
    lang: r.lang,
    langConfidence: r.lang_confidence,
    codeMixed: r.code_mixed === null ? null : r.code_mixed === 1,
    dupStatus: r.dup_status,
    dupCluster: r.dup_cluster,
    labelCount: r.label_count,
    piiCount: r.pii_count,
    qualityPass: r.quality_pass === null ? null : r.quality_pass === 1,
  };
}

export function toDocumentRecord(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    externalId: r.external_id,
    text: r.text,
    textHash: r.text_hash,
    charCount: r.char_count,
    wordCount: r.word_count,
    metadata: r.metadata === null ? null : (JSON.parse(r.metadata) as Record<string, unknown>),
    langSource: r.lang_source,
    // Only the job writes it, and only for an automatic `und`; anything else read back is no reason to show.
    langReason: r.lang_source === 'auto' && r.lang === 'und' ? (undReason.safeParse(r.lang_reason).data ?? null) : null,
    ...toDocumentResults(r),
  };
}

export function getDocument(db: Db, id: number): DocumentRecord {
  const r = db
    .prepare('SELECT d.*, s.name AS source_name FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?')
    .get(id) as DocumentRow | undefined;
  if (!r) throw notFound(`document ${id}`);
  return toDocumentRecord(r);
}

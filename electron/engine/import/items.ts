/** What a reader makes of a record: a document to store, or a reject to report. */
export type Item =
  | { kind: 'doc'; line: number; text: string; id: string | null; metadata: string | null }
  | { kind: 'reject'; line: number | null; reason: string; excerpt: string };

/** A file that cannot be imported at all: the job fails with this message and nothing of the file is kept. */
export class UnreadableFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

export interface ReaderOptions {
  /** The file's display name (generated ids, messages). */
  name: string;
  textField: string | undefined;
  idField: string | undefined;
  metadataFields: string[] | undefined;
  maxRecordBytes: number;
  /** CSV/TSV: false when the first row is a record, not column names (default true). */
  header?: boolean;
  /** CSV/TSV without a header row: 1-based column numbers. */
  textColumn?: number;
  idColumn?: number;
}

export const DEFAULT_TEXT_FIELDS = ['text', 'content', 'body', 'sentence', 'paragraph'];

export function excerpt(s: string): string {
  const one = s.replace(/\s+/gu, ' ').trim();
  return one.length > 120 ? one.slice(0, 120) + '…' : one;
}

/** The text field to use: the one asked for, else the first default name present (case-insensitive). */
export function pickTextField(available: string[], asked: string | undefined): string | null {
  if (asked !== undefined) return available.includes(asked) ? asked : null;
  for (const d of DEFAULT_TEXT_FIELDS) {
    const hit = available.find((a) => a.toLowerCase() === d);
    if (hit !== undefined) return hit;
  }
  return null;
}

export function noTextFieldReason(asked: string | undefined, available: string[]): string {
  const have = (available.slice(0, 12).map((a) => `'${a}'`).join(', ') || 'none') + (available.length > 12 ? `, … (${available.length} in all)` : '');
  return asked !== undefined
    ? `no text field '${asked}' (fields: ${have})`
    : `no text field (looked for ${DEFAULT_TEXT_FIELDS.join(', ')}; fields: ${have}); choose one with --text-field`;
}

/** Checks shared by every format; returns a reject reason or null. */
export function checkText(text: string, maxRecordBytes: number): string | null {
  if (text.trim() === '') return 'empty text';
  if (text.length * 3 > maxRecordBytes && Buffer.byteLength(text) > maxRecordBytes)
    return `record is ${Buffer.byteLength(text).toLocaleString('en')} bytes, over the limit of ${maxRecordBytes.toLocaleString('en')}`;
  return null;
}

/** A block with NUL bytes or mostly undecodable lines is not text. */
export function looksBinary(lines: string[], invalid: Set<number> | null): boolean {
  const sample = lines.slice(0, 200);
  if (sample.some((l) => l.includes('\u0000'))) return true;
  return invalid !== null && sample.length > 0 && [...invalid].filter((i) => i < 200).length * 2 > sample.length;
}

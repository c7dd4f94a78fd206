import type { LineBlock } from './lines';
import { UnreadableFileError, checkText, excerpt, looksBinary, noTextFieldReason, pickTextField, type Item, type ReaderOptions } from './items';

/** JSON Lines: one object per line; the text field becomes the document, the other fields its metadata. */
export async function* readJsonl(blocks: AsyncIterable<LineBlock>, o: ReaderOptions): AsyncGenerator<Item[]> {
  let textField: string | null = null;
  let checkedStart = false;
  for await (const b of blocks) {
    if (!checkedStart && looksBinary(b.lines, b.invalid)) throw new UnreadableFileError(o.name, 'binary data, not UTF-8 text');
    const items: Item[] = [];
    let firstReject: { line: number; reason: string } | null = null;
    const reject = (line: number, reason: string, raw: string) => {
      items.push({ kind: 'reject', line, reason, excerpt: excerpt(raw) });
      firstReject ??= { line, reason };
    };
    for (let i = 0; i < b.lines.length; i++) {
      const raw = b.lines[i]!;
      const line = b.first + i;
      if (b.oversized?.has(i)) {
        reject(line, `line is over ${o.maxRecordBytes.toLocaleString('en')} bytes`, raw);
        continue;
      }
      if (b.invalid?.has(i)) {
        reject(line, 'invalid UTF-8', raw);
        continue;
      }
      if (raw.length === 0 || raw.trim() === '') continue;
      let v: unknown;
      try {
        v = JSON.parse(raw);
      } catch (e) {
        reject(line, `malformed JSON: ${e instanceof Error ? e.message : String(e)}`, raw);
        continue;
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        reject(line, 'not a JSON object', raw);
        continue;
      }
      const obj = v as Record<string, unknown>;
      if (textField === null) {
        textField = pickTextField(Object.keys(obj), o.textField);
        if (textField === null) throw new UnreadableFileError(o.name, `line ${line}: ${noTextFieldReason(o.textField, Object.keys(obj))}`);
      }
      const text = obj[textField];
      if (text === undefined || text === null) {
        reject(line, `no '${textField}' field`, raw);
        continue;
      }
      if (typeof text !== 'string') {
        reject(line, `'${textField}' is not a string`, raw);
        continue;
      }
      const bad = checkText(text, o.maxRecordBytes);
      if (bad) {
        reject(line, bad, raw);
        continue;
      }
      let id: string | null = null;
      if (o.idField !== undefined) {
        const idv = obj[o.idField];
        if (typeof idv === 'string' ? idv.trim() === '' : typeof idv !== 'number') {
          reject(line, `no '${o.idField}' id`, raw);
          continue;
        }
        id = String(idv);
      }
      items.push({ kind: 'doc', line, text, id, metadata: metadataOf(obj, textField, o) });
    }
    if (!checkedStart) {
      // A file whose first block holds no JSON object at all is not JSON lines: fail before writing anything.
      if (textField === null && firstReject !== null) {
        const r: { line: number; reason: string } = firstReject;
        throw new UnreadableFileError(o.name, `not JSON lines (line ${r.line}: ${r.reason})`);
      }
      checkedStart = textField !== null;
    }
    yield items;
  }
}

export function metadataOf(obj: Record<string, unknown>, textField: string, o: ReaderOptions): string | null {
  if (o.metadataFields) {
    const picked: Record<string, unknown> = {};
    let n = 0;
    for (const f of o.metadataFields) {
      if (f in obj && f !== textField) {
        picked[f] = obj[f];
        n++;
      }
    }
    return n === 0 ? null : JSON.stringify(picked);
  }
  // The other fields, written out as JSON directly: the same text JSON.stringify gives for a copy of the object
  // without them (same key order: for…in and JSON.stringify both list own keys in property order), without
  // building that copy (a prototype-less dictionary object, slow to fill and to stringify).
  let json = '';
  for (const k in obj) {
    if (k === textField || k === o.idField) continue;
    json += `${json === '' ? '{' : ','}${JSON.stringify(k)}:${JSON.stringify(obj[k])}`;
  }
  return json === '' ? null : `${json}}`;
}

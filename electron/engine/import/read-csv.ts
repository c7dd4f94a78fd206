import { parseString } from 'fast-csv';
import { splitSimpleRecord } from './csv-split';
import type { LineBlock } from './lines';
import { UnreadableFileError, checkText, excerpt, looksBinary, noTextFieldReason, pickTextField, type Item, type ReaderOptions } from './items';

interface CsvRecord {
  line: number;
  text: string;
  invalidAt: number | null;
}

/**
 * Whether a line leaves us inside a quoted field. Follows fast-csv's rule: a quote opens a quoted field only
 * at the start of a field; inside one, a doubled quote is a literal quote. Jumps from quote to quote with
 * indexOf rather than looking at every character (a quote is at a field start when the character before it is
 * the delimiter, or it is the first character of a line that does not continue a quoted field).
 */
export function endsInsideQuotes(line: string, delimiter: string, inside: boolean): boolean {
  let i = 0;
  let quoted = inside;
  const d = delimiter.charCodeAt(0);
  for (;;) {
    const q = line.indexOf('"', i);
    if (q === -1) return quoted;
    if (quoted) {
      if (line.charCodeAt(q + 1) === 34) i = q + 2;
      else {
        quoted = false;
        i = q + 1;
      }
    } else {
      // When q === i > 0 the character before q is itself a quote (a closing or a stray one), never the delimiter.
      if (q === 0 || line.charCodeAt(q - 1) === d) quoted = true;
      i = q + 1;
    }
  }
}

/** Parses complete records with fast-csv; rejects if fast-csv finds the text malformed. */
export function parseCsvText(text: string, delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter, headers: false })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

interface Columns {
  /** Column names: the header row's, or `column_<n>` for a file without one. */
  header: string[];
  text: number;
  id: number;
  meta: number[];
  /** Without a header row, rows are checked against the first row's field count. */
  numbered: boolean;
}

/** The lines of a record still open at a quote: kept so they can be read again if the quote turns out never to close. */
interface Pending {
  line: number;
  parts: string[];
  bytes: number;
  /** Lines (numbers) that are not valid UTF-8; almost always none. */
  invalid: number[];
}

/** A line handed back to the reader after a quote gave up: it is read again as the start of a record. */
interface Replay {
  raw: string;
  line: number;
  invalid: boolean;
}

/**
 * CSV/TSV, with a header row or (`header: false`) without one, columns then addressed by number. Lines are grouped into records here (so every record knows its first line and a
 * bad one can be rejected alone), then parsed by fast-csv a block of records at a time; when fast-csv rejects a
 * block, its records are parsed one by one to find the malformed ones.
 */
export async function* readCsv(blocks: AsyncIterable<LineBlock>, o: ReaderOptions, delimiter: string): AsyncGenerator<Item[]> {
  let cols: Columns | null = null;
  let first = true;
  // Changed by the helpers below as well as in the loop: one object, so the loop never reads a stale narrowing.
  const st: { pending: Pending | null; inside: boolean } = { pending: null, inside: false };
  const cap = o.maxRecordBytes * 2 + 65_536;
  let records: CsvRecord[] = [];
  let items: Item[] = [];
  // Lines to read again, last one first (popped in order); only ever filled by giveUp.
  const replay: Replay[] = [];

  /**
   * A quote that never closes (end of file, or a record past the cap) is one broken row: it is rejected at the line
   * it opened on, and the lines after it, swallowed while looking for the closing quote, are read again as rows of
   * their own. Otherwise one stray quote would take every row after it down with it, counted as a single reject.
   * A header row is the exception: no later row may take its place, so it stays one reject as it was.
   */
  const giveUp = (p: Pending, reason: string, excerptText: string) => {
    items.push({ kind: 'reject', line: p.line, reason, excerpt: excerpt(excerptText) });
    st.inside = false;
    if (cols === null && records.length === 0 && o.header !== false) return;
    for (let k = p.parts.length - 1; k >= 1; k--) replay.push({ raw: p.parts[k]!, line: p.line + k, invalid: p.invalid.includes(p.line + k) });
  };

  const step = (raw: string, line: number, invalid: boolean) => {
    if (st.pending === null) {
      if (raw.length === 0) return;
      if (!st.inside && raw.indexOf('"') === -1) {
        records.push({ line, text: raw, invalidAt: invalid ? line : null });
        return;
      }
      st.pending = { line, parts: [], bytes: 0, invalid: [] };
    }
    const p: Pending = st.pending;
    p.parts.push(raw);
    p.bytes += raw.length + 1;
    if (invalid) p.invalid.push(line);
    st.inside = endsInsideQuotes(raw, delimiter, st.inside);
    if (!st.inside) {
      records.push({ line: p.line, text: p.parts.join('\n'), invalidAt: p.invalid[0] ?? null });
      st.pending = null;
    } else if (p.bytes > cap) {
      st.pending = null;
      giveUp(p, `record is over the limit of ${o.maxRecordBytes.toLocaleString('en')} bytes (unterminated quote?)`, p.parts[0] ?? '');
    }
  };

  const drainReplay = () => {
    for (let r = replay.pop(); r !== undefined; r = replay.pop()) step(r.raw, r.line, r.invalid);
  };

  const finishBlock = async (): Promise<Item[]> => {
    if (cols === null && records.length > 0) cols = o.header === false ? await numberColumns(records[0]!, o, delimiter) : await readHeader(records.shift()!, o, delimiter);
    if (cols) await toItems(records, cols, o, delimiter, items);
    const out = items;
    out.sort((a, b2) => (a.line ?? 0) - (b2.line ?? 0));
    records = [];
    items = [];
    return out;
  };

  for await (const b of blocks) {
    if (first && looksBinary(b.lines, b.invalid)) throw new UnreadableFileError(o.name, 'binary data, not UTF-8 text');
    first = false;
    for (let i = 0; i < b.lines.length; i++) {
      const raw = b.lines[i]!;
      const line = b.first + i;
      if (b.oversized?.has(i)) {
        items.push({ kind: 'reject', line: st.pending?.line ?? line, reason: `record is over the limit of ${o.maxRecordBytes.toLocaleString('en')} bytes`, excerpt: excerpt(raw) });
        st.pending = null;
        st.inside = false;
        continue;
      }
      step(raw, line, b.invalid?.has(i) === true);
      if (replay.length > 0) drainReplay();
    }
    yield await finishBlock();
  }
  // The replayed lines may open another quote that never closes: give up on each in turn until none is left.
  while (st.pending !== null) {
    const p: Pending = st.pending;
    st.pending = null;
    giveUp(p, 'unterminated quoted field', p.parts[0] ?? '');
    drainReplay();
  }
  if (items.length > 0 || records.length > 0) yield await finishBlock();
}

async function readHeader(rec: CsvRecord, o: ReaderOptions, delimiter: string): Promise<Columns> {
  if (rec.invalidAt !== null) throw new UnreadableFileError(o.name, 'header row is not valid UTF-8');
  let rows: string[][];
  try {
    rows = await parseCsvText(rec.text, delimiter);
  } catch (e) {
    throw new UnreadableFileError(o.name, `malformed header row (${e instanceof Error ? e.message : String(e)})`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const textName = pickTextField(header, o.textField);
  if (textName === null) throw new UnreadableFileError(o.name, noTextFieldReason(o.textField, header));
  const text = header.indexOf(textName);
  let id = -1;
  if (o.idField !== undefined) {
    id = header.indexOf(o.idField);
    if (id === -1) throw new UnreadableFileError(o.name, `no id column '${o.idField}' in the header`);
  }
  const meta = header
    .map((_, i) => i)
    .filter((i) => i !== text && i !== id && header[i] !== '' && (o.metadataFields ? o.metadataFields.includes(header[i]!) : true));
  return { header, text, id, meta, numbered: false };
}

/** A file without a header row: the first record (data like the rest) tells how many columns there are. */
async function numberColumns(rec: CsvRecord, o: ReaderOptions, delimiter: string): Promise<Columns> {
  let rows: string[][];
  try {
    rows = await parseCsvText(rec.text, delimiter);
  } catch (e) {
    throw new UnreadableFileError(o.name, `malformed first row (${e instanceof Error ? e.message : String(e)})`);
  }
  const count = rows[0]?.length ?? 0;
  const header = Array.from({ length: count }, (_, i) => `column_${i + 1}`);
  const column = (n: number | undefined, what: string): number => {
    if (n === undefined) return -1;
    if (n > count) throw new UnreadableFileError(o.name, `no ${what} column ${n} (the first row has ${count} column${count === 1 ? '' : 's'})`);
    return n - 1;
  };
  let text = column(o.textColumn, 'text');
  if (text === -1) {
    if (count !== 1) throw new UnreadableFileError(o.name, `no header row: choose the text column by number with --text-column (the first row has ${count} columns)`);
    text = 0;
  }
  const id = column(o.idColumn, 'id');
  const meta = header.map((_, i) => i).filter((i) => i !== text && i !== id && (o.metadataFields ? o.metadataFields.includes(header[i]!) : true));
  return { header, text, id, meta, numbered: true };
}

async function toItems(records: CsvRecord[], cols: Columns, o: ReaderOptions, delimiter: string, items: Item[]): Promise<void> {
  const good = records.filter((r) => {
    if (r.invalidAt === null) return true;
    items.push({ kind: 'reject', line: r.line, reason: r.invalidAt === r.line ? 'invalid UTF-8' : `invalid UTF-8 at line ${r.invalidAt}`, excerpt: excerpt(r.text) });
    return false;
  });
  if (good.length === 0) return;
  const d = delimiter.charCodeAt(0);
  const rows: (string[] | string | null)[] = good.map((r) => splitSimpleRecord(r.text, d));
  const hard = good.filter((_, k) => rows[k] === null);
  if (hard.length > 0) {
    const parsed = await parseWithFastCsv(hard, delimiter);
    let h = 0;
    for (let k = 0; k < rows.length; k++) if (rows[k] === null) rows[k] = parsed[h++]!;
  }
  for (let k = 0; k < good.length; k++) {
    const rec = good[k]!;
    const row = rows[k]!;
    if (typeof row === 'string' || row === null) {
      items.push({ kind: 'reject', line: rec.line, reason: row ?? 'malformed row', excerpt: excerpt(rec.text) });
      continue;
    }
    if (row.length !== cols.header.length) {
      const expected = cols.numbered ? `the first row has ${cols.header.length}` : `the header has ${cols.header.length}`;
      items.push({ kind: 'reject', line: rec.line, reason: `malformed row: ${row.length} fields, ${expected}`, excerpt: excerpt(rec.text) });
      continue;
    }
    const text = row[cols.text]!;
    const bad = checkText(text, o.maxRecordBytes);
    if (bad) {
      items.push({ kind: 'reject', line: rec.line, reason: bad, excerpt: excerpt(rec.text) });
      continue;
    }
    let id: string | null = null;
    if (cols.id >= 0) {
      id = row[cols.id]!.trim();
      if (id === '') {
        items.push({ kind: 'reject', line: rec.line, reason: `empty id in column '${cols.header[cols.id]}'`, excerpt: excerpt(rec.text) });
        continue;
      }
    }
    let metadata: string | null = null;
    if (cols.meta.length > 0) {
      const m: Record<string, string> = {};
      for (const c of cols.meta) m[cols.header[c]!] = row[c]!;
      metadata = JSON.stringify(m);
    }
    items.push({ kind: 'doc', line: rec.line, text, id, metadata });
  }
}

/** fast-csv for the records the simple splitter leaves alone; one by one if a batch fails, to find the bad ones. */
async function parseWithFastCsv(records: CsvRecord[], delimiter: string): Promise<(string[] | string)[]> {
  try {
    const parsed = await parseCsvText(records.map((r) => r.text).join('\n'), delimiter);
    if (parsed.length === records.length) return parsed;
  } catch {
    // fall through to one at a time
  }
  const rows: (string[] | string)[] = [];
  for (const r of records) {
    try {
      const one = await parseCsvText(r.text, delimiter);
      rows.push(one.length === 1 ? one[0]! : 'malformed row (stray or unbalanced quote)');
    } catch (e) {
      rows.push(`malformed row: ${e instanceof Error ? e.message.replace(/\s+/gu, ' ').slice(0, 120) : String(e)}`);
    }
  }
  return rows;
}

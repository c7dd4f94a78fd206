// One writer per shard file and format. Records arrive in id order; nothing time- or machine-dependent goes
// into a file, so the same records always give the same bytes.
import { createGzip, constants as zc } from 'node:zlib';
import { writeToString } from 'fast-csv';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { ExportFormat } from '../../../shared/contract/export';
import { AtomicFile } from './atomic';

export interface ExportRecord {
  id: number;
  text: string;
  source: string;
  lang: string;
  license: string;
  /** Chosen metadata, in the order of the export's `meta` option; null when a document lacks the field. */
  meta: unknown[];
}

export interface ShardWriter {
  /** `line` is the record as one JSON line, in parts, and `bytes` its UTF-8 length (both computed for the shard size limit). */
  add(rec: ExportRecord, line: LineParts, bytes: number): void;
  /** Pushes what `add` buffered to disk; called between batches so memory stays bounded. */
  drain(): Promise<void>;
  /** Completes the file under its final name. */
  finish(info: { license: string }): Promise<{ sha256: string; bytes: number }>;
  /** Removes the unfinished temp file. */
  abort(): void;
}

export const CORE_FIELDS = ['id', 'text', 'source', 'lang', 'license'] as const;

/** A JSON line as head (`{"id":…,"text":`), JSON-escaped text, and the rest up to the newline. */
export type LineParts = [head: string, body: string, tail: string];

/** A string with its UTF-8 length, when already known. */
export interface Sized {
  s: string;
  bytes: number;
}

/**
 * The record as one JSON line; field order is fixed (core fields, then metadata in the chosen order), the
 * same text `JSON.stringify` gives for that object. Kept in parts so the long text is never copied into a
 * joined string. `body` (the JSON-quoted text, e.g. from SQLite's json_quote) and `tail` (source, lang,
 * licence) may be given with their sizes so nothing is measured twice.
 */
export function recordLine(rec: ExportRecord, metaNames: readonly string[], tail?: Sized, body?: Sized): { parts: LineParts; bytes: number } {
  const head = `{"id":${rec.id},"text":`;
  const b = body ?? sized(JSON.stringify(rec.text));
  const t = tail ?? closedTail(rec.source, rec.lang, rec.license, metaNames.length > 0);
  if (!metaNames.length) return { parts: [head, b.s, t.s], bytes: head.length + b.bytes + t.bytes };
  let rest = t.s;
  for (let i = 0; i < metaNames.length; i++) rest += `,${JSON.stringify(metaNames[i])}:${JSON.stringify(rec.meta[i] ?? null)}`;
  const m = sized(rest + '}\n');
  return { parts: [head, b.s, m.s], bytes: head.length + b.bytes + m.bytes };
}

/** `,"source":…,"lang":…,"license":…` — closed with `}\n` unless metadata follows. */
export function closedTail(source: string, lang: string, license: string, open: boolean): Sized {
  return sized(`,"source":${JSON.stringify(source)},"lang":${JSON.stringify(lang)},"license":${JSON.stringify(license)}${open ? '' : '}\n'}`);
}

export function sized(s: string): Sized {
  return { s, bytes: Buffer.byteLength(s) };
}

const BUFFER_BYTES = 4 * 1024 * 1024;

/** UTF-8 lines encoded straight into one reusable buffer (no joined string, no intermediate copy). */
class LineBuffer {
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  used = 0;

  constructor(private readonly sink: (bytes: Buffer) => void) {}

  append(line: LineParts, bytes: number): void {
    if (this.used + bytes > this.buf.length) this.flush();
    if (bytes > this.buf.length) this.sink(Buffer.from(line.join(''), 'utf8'));
    else {
      this.used += this.buf.write(line[0], this.used, 'latin1');
      this.used += this.buf.write(line[1], this.used, 'utf8');
      this.used += this.buf.write(line[2], this.used, 'utf8');
    }
  }

  /** Hands the buffered bytes to the sink; the sink must be done with them before the next append. */
  flush(): void {
    if (!this.used) return;
    this.sink(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

class JsonlWriter implements ShardWriter {
  private readonly file: AtomicFile;
  private readonly lines: LineBuffer;

  constructor(path: string) {
    this.file = new AtomicFile(path);
    this.lines = new LineBuffer((b) => this.file.write(b));
  }

  add(_rec: ExportRecord, line: LineParts, bytes: number): void {
    this.lines.append(line, bytes);
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  finish(): Promise<{ sha256: string; bytes: number }> {
    this.lines.flush();
    const sha256 = this.file.commit();
    return Promise.resolve({ sha256, bytes: this.file.bytes });
  }

  abort(): void {
    this.file.abort();
  }
}

/** gzip with fixed settings; Node writes mtime 0 and no file name, so the bytes depend on the content only. */
class GzipJsonlWriter implements ShardWriter {
  private readonly file: AtomicFile;
  private readonly gz = createGzip({ level: 6, memLevel: 8, windowBits: 15, strategy: zc.Z_DEFAULT_STRATEGY });
  private pending: string[] = [];
  private failed: Error | null = null;

  constructor(path: string) {
    this.file = new AtomicFile(path);
    this.gz.on('data', (c: Buffer) => {
      try {
        this.file.write(c);
      } catch (e) {
        this.failed = e instanceof Error ? e : new Error(String(e));
      }
    });
    this.gz.on('error', (e) => (this.failed = e));
  }

  add(_rec: ExportRecord, line: LineParts): void {
    this.pending.push(line[0], line[1], line[2]);
  }

  async drain(): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.pending.length) return;
    const chunk = this.pending.join('');
    this.pending = [];
    await new Promise<void>((resolve, reject) => this.gz.write(chunk, (e) => (e ? reject(e) : resolve())));
  }

  async finish(): Promise<{ sha256: string; bytes: number }> {
    await this.drain();
    await new Promise<void>((resolve, reject) => {
      this.gz.once('end', resolve);
      this.gz.once('error', reject);
      this.gz.end();
    });
    if (this.failed) throw this.failed;
    const sha256 = this.file.commit();
    return { sha256, bytes: this.file.bytes };
  }

  abort(): void {
    this.gz.destroy();
    this.file.abort();
  }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

class CsvWriter implements ShardWriter {
  private readonly file: AtomicFile;
  private rows: string[][];

  constructor(path: string, metaNames: readonly string[]) {
    this.file = new AtomicFile(path);
    this.rows = [[...CORE_FIELDS, ...metaNames]];
  }

  add(rec: ExportRecord): void {
    this.rows.push([String(rec.id), rec.text, rec.source, rec.lang, rec.license, ...rec.meta.map(cell)]);
  }

  async drain(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    this.file.write(await writeToString(rows, { headers: false, includeEndRowDelimiter: true }));
  }

  async finish(): Promise<{ sha256: string; bytes: number }> {
    await this.drain();
    const sha256 = this.file.commit();
    return { sha256, bytes: this.file.bytes };
  }

  abort(): void {
    this.file.abort();
  }
}

/** hyparquet-writer's byte writer, emptied into the shard file every megabyte instead of growing in memory. */
class FileByteWriter extends ByteWriter {
  constructor(private readonly file: AtomicFile) {
    super(2 * 1024 * 1024);
  }

  override ensure(size: number): void {
    if (this.index > 1024 * 1024) this.flush();
    super.ensure(size);
  }

  flush(): void {
    if (this.index === 0) return;
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

const ROW_GROUP_ROWS = 20_000;
const ROW_GROUP_CHARS = 48 * 1024 * 1024;

class ParquetShardWriter implements ShardWriter {
  private readonly file: AtomicFile;
  private readonly writer: ParquetWriter;
  private cols: { id: bigint[]; text: string[]; source: string[]; lang: string[]; license: string[]; meta: (string | null)[][] };
  private chars = 0;

  constructor(
    path: string,
    private readonly metaNames: readonly string[],
    version: string,
  ) {
    this.file = new AtomicFile(path);
    const str = (name: string, required: boolean): SchemaElement => ({
      name,
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
      repetition_type: required ? 'REQUIRED' : 'OPTIONAL',
    });
    const schema: SchemaElement[] = [
      { name: 'root', num_children: CORE_FIELDS.length + metaNames.length },
      { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
      str('text', true),
      str('source', true),
      str('lang', true),
      str('license', true),
      ...metaNames.map((m) => str(m, false)),
    ];
    this.writer = new ParquetWriter({ writer: new FileByteWriter(this.file), schema, codec: 'SNAPPY', createdBy: `kurasi ${version}` });
    this.cols = this.emptyCols();
  }

  private emptyCols() {
    return { id: [], text: [], source: [], lang: [], license: [], meta: this.metaNames.map(() => []) };
  }

  add(rec: ExportRecord): void {
    const c = this.cols;
    c.id.push(BigInt(rec.id));
    c.text.push(rec.text);
    c.source.push(rec.source);
    c.lang.push(rec.lang);
    c.license.push(rec.license);
    rec.meta.forEach((v, i) => c.meta[i]!.push(v === null || v === undefined ? null : cell(v)));
    this.chars += rec.text.length;
    if (c.id.length >= ROW_GROUP_ROWS || this.chars >= ROW_GROUP_CHARS) this.writeGroup();
  }

  private writeGroup(): void {
    const c = this.cols;
    if (!c.id.length) return;
    const n = c.id.length;
    void this.writer.write({
      columnData: [
        { name: 'id', data: c.id },
        { name: 'text', data: c.text },
        { name: 'source', data: c.source },
        { name: 'lang', data: c.lang },
        { name: 'license', data: c.license },
        ...this.metaNames.map((name, i) => ({ name, data: c.meta[i]! })),
      ],
      rowGroupSize: n,
    });
    this.cols = this.emptyCols();
    this.chars = 0;
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  finish(info: { license: string }): Promise<{ sha256: string; bytes: number }> {
    this.writeGroup();
    this.writer.kvMetadata = [{ key: 'license', value: info.license }];
    void this.writer.finish();
    const sha256 = this.file.commit();
    return Promise.resolve({ sha256, bytes: this.file.bytes });
  }

  abort(): void {
    this.file.abort();
  }
}

export const EXTENSIONS: Record<ExportFormat, string> = { jsonl: 'jsonl', 'jsonl.gz': 'jsonl.gz', parquet: 'parquet', csv: 'csv' };

export function openShardWriter(format: ExportFormat, path: string, metaNames: readonly string[], version: string): ShardWriter {
  switch (format) {
    case 'jsonl':
      return new JsonlWriter(path);
    case 'jsonl.gz':
      return new GzipJsonlWriter(path);
    case 'csv':
      return new CsvWriter(path, metaNames);
    case 'parquet':
      return new ParquetShardWriter(path, metaNames, version);
  }
}

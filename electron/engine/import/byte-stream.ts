import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash, type Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';

export interface ByteCounter {
  /** Bytes read from disk (compressed bytes for .gz), for progress. */
  read: number;
}

const CHUNK = 1 << 20;

/** A file named `.gz` whose bytes are not gzip: the import rejects that file and goes on with the others. */
export class NotGzipError extends Error {
  constructor(readonly file: string) {
    super(NOT_GZIP_REASON);
    this.name = 'NotGzipError';
  }
}

/** The reject reason of such a file (the reject names the file). */
export const NOT_GZIP_REASON = 'not gzip data (the name ends in .gz, but the file does not start with the gzip bytes 1f 8b)';

/**
 * Gzip data that breaks off (a cut-off download) or is damaged after the start of the file. Everything decompressed
 * before it is intact, so the import keeps the records that ended there and rejects the file at the break (lines.ts,
 * prepare-run.ts), as it rejects a bad row, instead of giving up on the whole import.
 */
export class GzipDataError extends Error {
  constructor(readonly detail: string, readonly truncated: boolean) {
    super(`not a valid gzip file (${detail})`);
    this.name = 'GzipDataError';
  }

  /** The reason of the reject at the line where the data breaks off. */
  get reason(): string {
    return this.truncated ? GZIP_CUT_REASON : gzipDamagedReason(this.detail);
  }
}

/** The reject reason at the line where a cut-off .gz file (a download that did not finish) stops. */
export const GZIP_CUT_REASON =
  'gzip data cut off (the file ends in the middle of its compressed data): the records that end before this line were imported, the rest of the file is missing';

/** The reject reason at the line where damaged gzip data stops being readable; `detail` is zlib's. */
export function gzipDamagedReason(detail: string): string {
  return `gzip data damaged (${detail}): the records that end before this line were imported, the rest of the file could not be read`;
}

export function namedGz(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

/** Whether the file starts with the gzip magic bytes 1f 8b. */
export async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * The decompressed bytes of a file, chunk by chunk (gzip is recognised by its magic bytes). Counts raw bytes
 * and, when asked, hashes them (SHA-256 of the file as stored) in the same single pass. A file named `.gz` must be
 * gzip (NotGzipError otherwise): read as plain text, a mislabelled or broken download would become documents.
 */
export async function* readFileBytes(path: string, counter: ByteCounter, hash: Hash | null = null): AsyncGenerator<Buffer> {
  const gz = await isGzip(path);
  if (!gz && namedGz(path)) throw new NotGzipError(path);
  const raw = createReadStream(path, { highWaterMark: gz ? GZ_STEP : CHUNK });
  if (!gz) {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      counter.read += chunk.length;
      hash?.update(chunk);
      yield chunk;
    }
    return;
  }
  yield* gunzipped(raw, counter, hash);
}

/**
 * Compressed bytes read per step. The output of one step is held until the reader takes it, so this bounds memory
 * at this times the compression ratio (text: about 4; zlib's worst case: about 1000).
 */
const GZ_STEP = 256 << 10;

/**
 * Inflates `raw`. zlib's stream throws away the output it still holds when it fails, so a cut-off file would lose
 * whole lines before the cut (how many depends on how fast the reader is): its output is taken as it comes ('data',
 * never paused) and its input is written one step at a time, the next step inflating while the reader takes the last.
 * Everything zlib gave before a break reaches the reader, then GzipDataError: all of a cut-off file (the cut is found
 * at the end); of damaged data, all but what zlib was decompressing when it failed (at most its 1 MB buffer).
 */
async function* gunzipped(raw: AsyncIterable<Buffer>, counter: ByteCounter, hash: Hash | null): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: CHUNK });
  const st: { out: Buffer[]; failure: Error | null; settle: (() => void) | null } = { out: [], failure: null, settle: null };
  gunzip.on('data', (c: Buffer) => st.out.push(c));
  gunzip.on('error', (e) => {
    st.failure ??= e;
    st.settle?.();
  });
  // Resolves when zlib has taken in `chunk` (all its output is in st.out) or failed. A callback given an error may run
  // before the 'error' event, so a failure settles only there, with the failure recorded. The end (null) waits for
  // 'close': a cut-off stream fails only after 'finish'.
  const put = (chunk: Buffer | null) =>
    new Promise<void>((resolve) => {
      if (st.failure) return resolve();
      st.settle = resolve;
      if (chunk)
        gunzip.write(chunk, (e) => {
          if (!e) resolve();
        });
      else {
        gunzip.once('close', resolve);
        gunzip.end();
      }
    });
  const take = () => {
    const ready = st.out;
    st.out = [];
    return ready;
  };
  try {
    let step: Promise<void> = Promise.resolve();
    for await (const chunk of raw) {
      counter.read += chunk.length;
      hash?.update(chunk);
      await step;
      const ready = take();
      if (st.failure) {
        yield* ready;
        break;
      }
      step = put(chunk);
      yield* ready;
    }
    await step;
    if (!st.failure) await put(null);
    yield* take();
    if (st.failure) {
      const e: Error = st.failure;
      throw new GzipDataError(e.message, (e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR');
    }
  } finally {
    gunzip.destroy();
  }
}

/** SHA-256 of a file's stored bytes, streamed. */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

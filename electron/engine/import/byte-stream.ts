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
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  if (!gz) {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      counter.read += chunk.length;
      hash?.update(chunk);
      yield chunk;
    }
    return;
  }
  const gunzip = createGunzip({ chunkSize: CHUNK });
  raw.on('data', (chunk: string | Buffer) => {
    counter.read += chunk.length;
    hash?.update(chunk);
  });
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`not a valid gzip file (${msg})`);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/** SHA-256 of a file's stored bytes, streamed. */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Entry {
  mtimeMs: number;
  size: number;
  raw: Buffer;
  gzip: Buffer | null;
}

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json']);
/** Source maps are only read with the developer tools open: streamed from disk, never held in memory. */
const MAX_CACHED = 4 * 1024 * 1024;

/**
 * The built renderer's files held in memory, gzipped once: the main bundle goes out in one write of a third of
 * its size instead of being streamed from disk in 64 KB chunks on every page load (a fresh browser context loads
 * it again each time). A file changed on disk (a rebuild) is read again.
 */
export class StaticFiles {
  private readonly cache = new Map<string, Entry>();

  /** Reads and compresses every file of a folder ahead of the first page load (errors are left to `get`). */
  warm(dir: string): void {
    for (const name of readdirSync(dir)) {
      try {
        this.get(join(dir, name));
      } catch {
        // A file that vanished or cannot be read is reported when it is asked for.
      }
    }
  }

  /** null when the file is not worth caching (too big or a source map): the caller streams it. */
  get(file: string): Entry | null {
    const ext = extname(file);
    if (ext === '.map') return null;
    const st = statSync(file);
    if (st.size > MAX_CACHED) return null;
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const raw = readFileSync(file);
    const entry = { mtimeMs: st.mtimeMs, size: st.size, raw, gzip: COMPRESSIBLE.has(ext) && raw.length > 1024 ? gzipSync(raw, { level: 6 }) : null };
    this.cache.set(file, entry);
    return entry;
  }
}

/** Whether the request accepts a gzip body. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const v = Array.isArray(header) ? header.join(',') : (header ?? '');
  return /(^|[\s,])gzip(\s*;\s*q=(?!0(\.0*)?(\s|,|$))[\d.]+)?(\s*(,|$))/i.test(v);
}

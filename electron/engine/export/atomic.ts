// Files appear under their final name only when complete: written to `<name>.partial`, synced, then renamed.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const PARTIAL_SUFFIX = '.partial';

/** A file being written: everything goes through `write`, which also hashes and counts it. */
export class AtomicFile {
  private fd: number | null;
  private readonly hash = createHash('sha256');
  readonly tempPath: string;
  bytes = 0;

  constructor(readonly finalPath: string) {
    this.tempPath = finalPath + PARTIAL_SUFFIX;
    this.fd = openSync(this.tempPath, 'w');
  }

  write(chunk: Uint8Array | string): void {
    if (this.fd === null) throw new Error(`${this.finalPath} is already closed`);
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (buf.length === 0) return;
    this.hash.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
  }

  /** Syncs and renames into place. Returns the sha256 of the content. */
  commit(): string {
    if (this.fd === null) throw new Error(`${this.finalPath} is already closed`);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tempPath, this.finalPath);
    return this.hash.digest('hex');
  }

  /** Drops the temp file (cancel, failure). */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.tempPath, { force: true });
  }
}

/** Writes a small file atomically in one go. Returns its sha256. */
export function writeFileAtomic(path: string, content: string | Uint8Array): string {
  const f = new AtomicFile(path);
  try {
    f.write(content);
    return f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Removes leftovers of a killed run: every `*.partial` file below `dir`. */
export function removePartials(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) removed += removePartials(p);
    else if (name.endsWith(PARTIAL_SUFFIX)) {
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * `mkdir -p`, one level at a time from the deepest folder that exists. Node's own recursive mkdir never returns
 * for some paths (under /proc, for one) and cannot be cancelled there; this fails at once with the reason.
 */
export function makeDirs(path: string): void {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    const st = statOrNull(p);
    if (st?.isDirectory()) break;
    if (st) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR' });
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function statOrNull(p: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

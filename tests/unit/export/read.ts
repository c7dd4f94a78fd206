// Reading an export back the way a consumer would: manifest first, then every shard.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ExportShard } from '../../../shared/contract/export';

export interface Rec {
  id: number;
  text: string;
  source: string;
  lang: string;
  license: string;
  [k: string]: unknown;
}

export interface Manifest {
  snapshotId: string;
  documents: number;
  license: string;
  shards: ExportShard[];
  files: { file: string; sha256: string }[];
  options: Record<string, unknown>;
  excluded: Record<string, number>;
  byLanguage: Record<string, { documents: number }>;
  byLicense: Record<string, { documents: number }>;
  kurasiVersion: string;
}

export function manifest(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

export function jsonlRecords(out: string, shard: ExportShard): Rec[] {
  let buf = readFileSync(join(out, shard.file));
  if (shard.file.endsWith('.gz')) buf = gunzipSync(buf);
  return buf
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec);
}

/** Every record of a jsonl / jsonl.gz export, shard by shard. */
export function allRecords(out: string): { shard: ExportShard; rec: Rec }[] {
  return manifest(out).shards.flatMap((shard) => jsonlRecords(out, shard).map((rec) => ({ shard, rec })));
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Relative path → bytes of every file below `dir`. */
export function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

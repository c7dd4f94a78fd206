import type { Db } from './open';

interface Known {
  version: number;
  objects: Map<string, boolean>;
}

const known = new WeakMap<Db, Known>();

/**
 * Whether a table or index exists now. Answers are kept per connection until the schema changes, which
 * `PRAGMA schema_version` (a read of the file header) tells even when another connection changed it — a bulk
 * import drops and rebuilds the documents indexes from the job's own connection while the browser keeps querying.
 */
export function schemaObjectExists(db: Db, type: 'table' | 'index', name: string): boolean {
  const version = db.pragma('schema_version', { simple: true }) as number;
  let k = known.get(db);
  if (!k || k.version !== version) known.set(db, (k = { version, objects: new Map() }));
  const key = `${type}:${name}`;
  let exists = k.objects.get(key);
  if (exists === undefined) {
    exists = db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) !== undefined;
    k.objects.set(key, exists);
  }
  return exists;
}

export function indexExists(db: Db, name: string): boolean {
  return schemaObjectExists(db, 'index', name);
}

/** `INDEXED BY name` when the index exists (an older corpus, or one in the middle of a bulk import, may lack it). */
export function indexHint(db: Db, name: string): string {
  return indexExists(db, name) ? `INDEXED BY ${name}` : '';
}

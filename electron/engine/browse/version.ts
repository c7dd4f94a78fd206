import type { Db } from '../store/open';

/**
 * A key that changes whenever the corpus changes: data_version moves when another connection (a job worker)
 * commits, total_changes when this connection writes. Counts and anchors are cached under it.
 */
export function corpusVersion(db: Db): string {
  const dv = db.pragma('data_version', { simple: true }) as number;
  const tc = (db.prepare('SELECT total_changes() AS t').get() as { t: number }).t;
  return `${dv}:${tc}`;
}

/** A small cache keyed by corpus version: everything is dropped as soon as the corpus changes. */
export class VersionedCache<V> {
  private version = '';
  private readonly map = new Map<string, V>();

  constructor(private readonly max = 200) {}

  get(db: Db, key: string): V | undefined {
    this.sync(db);
    return this.map.get(key);
  }

  set(db: Db, key: string, value: V): void {
    this.sync(db);
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
  }

  private sync(db: Db): void {
    const v = corpusVersion(db);
    if (v !== this.version) {
      this.map.clear();
      this.version = v;
    }
  }
}

// Other features add their tables in their own migrations; export works with whatever has landed.
import type { Db } from '../store/open';

export function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function columnExists(db: Db, table: string, column: string): boolean {
  const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return cols.some((c) => c.name === column);
}

// Other features add their tables in their own migrations; export works with whatever has landed.
import type { Db } from '../store/open';
import { schemaObjectExists } from '../store/schema-objects';

export function tableExists(db: Db, name: string): boolean {
  return schemaObjectExists(db, 'table', name);
}

export function columnExists(db: Db, table: string, column: string): boolean {
  const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return cols.some((c) => c.name === column);
}

import type { Database } from 'better-sqlite3';

/** One numbered schema change. Runs inside a transaction that also bumps `user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

import { existsSync } from 'node:fs';
import { openCorpusForReading } from '../engine/store/open-read';
import type { Db } from '../engine/store/open';

/**
 * The corpus of a command that only reads (stats, lists, previews): opened without writing anything, so it works
 * on a read-only file or folder too, and never migrates (see openCorpusForReading).
 */
export function openCorpusToRead(path: string): Db {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  return openCorpusForReading(path);
}

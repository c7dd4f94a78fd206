import type { Migration } from '../migration';
import { browseIndexSql } from '../../browse/indexes';

/**
 * Indexes the corpus browser sorts and filters on (IF NOT EXISTS: the front doors may have made them already).
 * Not in the migration list yet: the list must be contiguous and 0008 (export) has not landed. Until it is
 * registered, `kurasi serve` and Electron main call ensureBrowseIndexes() at start-up instead.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'browse',
  up(db) {
    db.exec(browseIndexSql);
  },
};

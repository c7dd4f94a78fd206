import type { Migration } from '../migration';
import { browseIndexSql } from '../../browse/indexes';

/** Indexes the corpus browser sorts and filters on (IF NOT EXISTS: the front doors may have made them already). */
export const migration0009: Migration = {
  version: 9,
  name: 'browse',
  up(db) {
    db.exec(browseIndexSql);
  },
};

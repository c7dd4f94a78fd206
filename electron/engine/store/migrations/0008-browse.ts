import type { Migration } from '../migration';
import { browseIndexSql } from '../../browse/indexes';

/** Indexes the corpus browser sorts and filters on, so paging a large corpus is an index walk. */
export const migration0008: Migration = {
  version: 8,
  name: 'browse',
  up(db) {
    db.exec(browseIndexSql);
  },
};

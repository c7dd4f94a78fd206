import type { Migration } from '../migration';

/**
 * Why a document's automatic language is `und` when a rule decided it (`foreign`, `short`, `junk`; detector.ts):
 * its confidence 0 then says nothing about the model, and the document pane explains the rule instead. Null for
 * every other document. Documents labelled before have none until the next langid run: which rule applied cannot be
 * told from what was stored.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'lang-reason',
  up(db) {
    db.exec('ALTER TABLE documents ADD COLUMN lang_reason TEXT');
  },
};

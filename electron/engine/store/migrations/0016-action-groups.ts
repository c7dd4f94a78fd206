import type { Migration } from '../migration';

/**
 * Undo steps that span several stack rows: one key press can change several answers (a drop-reason key also
 * answers "drop"), each with its own audit entry, yet the person pressed one key and expects one undo. Rows of
 * one gesture carry the id of its first row; null (every row before this) is a step of its own.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'action-groups',
  up(db) {
    db.exec('ALTER TABLE label_actions ADD COLUMN group_id INTEGER');
  },
};

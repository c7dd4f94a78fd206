import type { Migration } from '../migration';

/**
 * The process that queued or runs a job (`jobs/owner.ts`: host, pid, start time, as JSON). A corpus opened after
 * that process died finds its job interrupted and resumable at once, instead of after the heartbeat has aged; a job of
 * a live process is never taken for an abandoned one. Older rows have none and are judged by their heartbeat.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'job-owner',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN owner TEXT');
  },
};

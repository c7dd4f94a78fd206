import { describe, expect, it } from 'vitest';
import { jobRegistry } from '../../../electron/engine/jobs/registry';
import { translate } from '../../../renderer/src/i18n';
import { JOB_PHASE } from '../../../shared/jobs/phases';

describe('the jobs screen speaks both languages', () => {
  it('names every job kind and every phase a job reports, in Indonesian and in English', () => {
    const keys = [...Object.keys(jobRegistry).map((k) => `jobs.kind.${k}`), ...Object.values(JOB_PHASE).map((p) => `jobs.phase.${p}`)];
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) {
      // translate() gives the key back when neither dictionary has it.
      expect([key, translate('id', key) !== key, translate('en', key) !== key]).toEqual([key, true, true]);
    }
    expect(translate('id', 'jobs.phase.building the search index')).toBe('membangun indeks pencarian');
  });
});

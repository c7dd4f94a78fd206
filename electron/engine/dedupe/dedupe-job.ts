import { dedupeParams, type DedupeResult } from '../../../shared/contract/dedupe';
import { defineJob } from '../jobs/types';
import { runDedupe } from './run';

export const dedupeJob = defineJob({
  kind: 'dedupe',
  params: dedupeParams,
  changes: 'duplicates',
  async run(ctx): Promise<DedupeResult> {
    return runDedupe(ctx.db, ctx.dbPath, ctx.params, {
      signal: ctx.signal,
      throwIfCancelled: () => ctx.throwIfCancelled(),
      progress: (d, t, m) => ctx.progress(d, t, m),
      jobId: ctx.jobId,
    });
  },
});

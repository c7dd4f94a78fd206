import { z } from 'zod';
import { exportFilters, exportOptions, type ExportPreview, type ExportResult } from '../../../shared/contract/export';
import { defineJob } from '../jobs/types';
import { runExport } from './run-export';
import { previewExport } from './select';
import { JOB_PHASE } from '../../../shared/jobs/phases';

/** Who started the export travels with the job: the worker has no engine, and overrides are audited in their name. */
export const exportJobParams = exportOptions.extend({ actor: z.string().min(1).default('unknown') });

export const exportJob = defineJob({
  kind: 'export',
  params: exportJobParams,
  changes: 'all',
  async run(ctx): Promise<ExportResult> {
    const { actor, ...options } = ctx.params;
    ctx.progress(0, null, JOB_PHASE.counting);
    return runExport(ctx.db, options, {
      actor,
      jobId: ctx.jobId,
      progress: (done, total, message) => ctx.progress(done, total, message),
      throwIfCancelled: () => ctx.throwIfCancelled(),
    });
  },
});

/** Counting is a grouped scan of the whole corpus: too slow for a handler on a large corpus, so it is a job too. */
export const exportPreviewJob = defineJob({
  kind: 'export-preview',
  params: exportFilters,
  async run(ctx): Promise<ExportPreview> {
    ctx.progress(0, null, JOB_PHASE.counting);
    const p = previewExport(ctx.db, ctx.params);
    ctx.progress(1, 1);
    return p;
  },
});

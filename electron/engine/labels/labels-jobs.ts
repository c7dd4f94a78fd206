import { z } from 'zod';
import type { ImportReport, QuestionAgreement } from '../../../shared/contract/labels';
import { defineJob } from '../jobs/types';
import { computeAgreement } from './agreement';
import { exportPack, type ExportSummary } from './pack-export';
import { importPacks } from './pack-import';
import { JOB_PHASE } from '../../../shared/jobs/phases';

/*
 * Work that grows with the number of labels (packs, agreement) runs in a job worker, never on the engine thread:
 * a pack of 20,000 labels takes longer than the 50 ms an engine-thread handler may use.
 */

export const labelsImportJob = defineJob({
  kind: 'labels-import',
  params: z.object({ paths: z.array(z.string().min(1)).min(1), strict: z.boolean().default(false), actor: z.string().min(1) }),
  changes: 'labels',
  async run(ctx): Promise<ImportReport> {
    ctx.progress(0, ctx.params.paths.length, JOB_PHASE.mergingLabelPacks);
    const r = importPacks(ctx.db, ctx.params.paths, ctx.params.actor, ctx.params.strict);
    ctx.progress(ctx.params.paths.length, ctx.params.paths.length);
    return r;
  },
});

export const labelsExportJob = defineJob({
  kind: 'labels-export',
  params: z.object({ out: z.string().min(1), annotator: z.string().min(1), actor: z.string().min(1) }),
  changes: 'labels',
  async run(ctx): Promise<ExportSummary> {
    return exportPack(ctx.db, ctx.params.annotator, ctx.params.out, ctx.params.actor);
  },
});

export const agreementJob = defineJob({
  kind: 'agreement',
  params: z.object({}).default({}),
  // Reads only; 'labels' keeps the end-of-job refresh to label views.
  changes: 'labels',
  async run(ctx): Promise<QuestionAgreement[]> {
    return computeAgreement(ctx.db);
  },
});

import type { JobImpl } from './types';
import { importJob } from '../import/import-job';
import { dedupeJob } from '../dedupe/dedupe-job';
import { langidJob } from '../langid/langid-job';
import { exportJob, exportPreviewJob } from '../export/export-job';
import { piiJob } from '../pii/pii-job';
import { qualityJob } from '../quality/quality-job';
import { agreementJob, labelsExportJob, labelsImportJob } from '../labels/labels-jobs';

/** Every job kind the worker can run. One line per job. */
export const jobRegistry: Record<string, JobImpl> = Object.fromEntries(
  ([
    importJob,
    dedupeJob,
    exportJob, exportPreviewJob,
    langidJob,
    piiJob,
    qualityJob,
    labelsImportJob, labelsExportJob, agreementJob,
  ] as JobImpl[]).map((j) => [j.kind, j]),
);

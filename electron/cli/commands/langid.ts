import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { LangidJobResult } from '../../engine/langid/langid-job';
import { maxPoolWorkers } from '../../engine/jobs/range-pool';
import { counted, numberOpt, requireString, stringOpt, UsageError, warnIgnoredOnResume, writeJson, type CliCommand } from '../command';
import { requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

export const langidCommand: CliCommand = {
  name: 'langid',
  summary: 'label every document with its language (worker pool, one per core; resumable)',
  usage:
    'kurasi langid --db <file> [--workers N] [--only-missing] [--json]\n' +
    '       kurasi langid --db <file> --resume JOB_ID [--json]\n' +
    '  --workers N: worker threads, 1 to 64 (default: one per core). --only-missing: only documents without a language.\n' +
    '  --resume carries on a cancelled, interrupted or failed langid job with the settings it was started with.',
  options: {
    db: { type: 'string' },
    workers: { type: 'string' },
    'only-missing': { type: 'boolean', default: false },
    resume: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
    const workers = numberOpt(values, 'workers');
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new UsageError('--workers must be an integer from 1 to 64');
    const resume = stringOpt(values, 'resume');
    const engine = openEngine({ dbPath: path });
    try {
      let job;
      if (resume !== undefined) {
        const id = Number(resume);
        if (!Number.isInteger(id) || id < 1) throw new UsageError('--resume takes a job id');
        warnIgnoredOnResume(io, 'langid', [...(workers !== undefined ? ['workers'] : []), ...(values['only-missing'] === true ? ['only-missing'] : [])]);
        job = await resumeJobFromCli(engine, 'langid', id, io);
      } else {
        // The job starts no more workers than cores (each extra one is another copy of the model, time-sharing a core).
        const cores = maxPoolWorkers();
        if (workers !== undefined && workers > cores) io.stderr.write(`kurasi langid: --workers ${workers} is more than the ${counted(cores, 'core')} here; using ${cores}\n`);
        job = await runJobFromCli(engine, 'langid', { workers, onlyMissing: values['only-missing'] === true }, io);
      }
      requireDone(job, path);
      const r = job.result as LangidJobResult;
      if (values.json) writeJson(io, { ...r, jobId: job.id });
      else {
        io.stdout.write(`labelled ${counted(r.labelled, 'document')} in ${r.seconds.toFixed(1)} s on ${counted(r.workers, 'worker')}\n`);
        for (const l of r.languages) io.stdout.write(`  ${l.lang}  ${l.documents.toLocaleString('en')}${l.codeMixed ? ` (${l.codeMixed.toLocaleString('en')} code-mixed)` : ''}${l.manual ? ` (${l.manual.toLocaleString('en')} manual)` : ''}\n`);
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

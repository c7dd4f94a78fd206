import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { LangidJobResult } from '../../engine/langid/langid-job';
import { counted, intOpt, requireString, stringOpt, UsageError, warnIgnoredOnResume, writeJson, type CliCommand } from '../command';
import { noteWorkersCap, requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

export const langidCommand: CliCommand = {
  name: 'langid',
  summary: 'label every document with its language (worker pool, one per core; resumable)',
  usage:
    'kurasi langid --db <file> [--workers N] [--only-missing] [--json]\n' +
    '       kurasi langid --db <file> --resume JOB_ID [--workers N] [--json]\n' +
    '  --workers N: worker threads, 1 to 64 (default: one per core). --only-missing: only documents without a language.\n' +
    '  --resume carries on a cancelled, interrupted or failed langid job with the settings it was started with;\n' +
    '  --workers, which changes how the work runs and not its results, may be given anew (otherwise it keeps its own).',
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
    const workers = intOpt(values, 'workers', 1, 64);
    const resume = stringOpt(values, 'resume');
    const engine = openEngine({ dbPath: path });
    try {
      let job;
      if (resume !== undefined) {
        const id = Number(resume);
        if (!Number.isInteger(id) || id < 1) throw new UsageError('--resume takes a job id');
        // --only-missing would change what the job labels; --workers only how, so a resumed run takes it.
        warnIgnoredOnResume(io, 'langid', values['only-missing'] === true ? ['only-missing'] : []);
        // The job starts no more workers than cores (each extra one is another copy of the model, time-sharing a core).
        noteWorkersCap(io, 'langid', workers);
        job = await resumeJobFromCli(engine, 'langid', id, io, { workers });
      } else {
        noteWorkersCap(io, 'langid', workers);
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

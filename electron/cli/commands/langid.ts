import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { LangidJobResult } from '../../engine/langid/langid-job';
import { numberOpt, requireString, stringOpt, UsageError, writeJson, type CliCommand } from '../command';
import { requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

export const langidCommand: CliCommand = {
  name: 'langid',
  summary: 'label every document with its language (worker pool, one per core; resumable)',
  usage: 'kurasi langid --db <file> [--workers N] [--only-missing] [--resume JOB_ID] [--json]',
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
        job = await resumeJobFromCli(engine, 'langid', id, io);
      } else {
        job = await runJobFromCli(engine, 'langid', { workers, onlyMissing: values['only-missing'] === true }, io);
      }
      requireDone(job);
      const r = job.result as LangidJobResult;
      if (values.json) writeJson(io, { ...r, jobId: job.id });
      else {
        io.stdout.write(`labelled ${r.labelled.toLocaleString('en')} documents in ${r.seconds.toFixed(1)} s on ${r.workers} workers\n`);
        for (const l of r.languages) io.stdout.write(`  ${l.lang}  ${l.documents.toLocaleString('en')}${l.codeMixed ? ` (${l.codeMixed} code-mixed)` : ''}${l.manual ? ` (${l.manual} manual)` : ''}\n`);
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

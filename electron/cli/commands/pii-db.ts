import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { PiiJobResult } from '../../engine/pii/pii-job';
import { counted, intOpt, numberOpt, UsageError, warnIgnoredOnResume, writeJson, type CliIo } from '../command';
import { noteWorkersCap, requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

/** `kurasi pii --db F`: the pii job (resumable with --resume <jobId>, where --workers may be given anew). */
export async function runPiiDbCommand(path: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  const min = numberOpt(values, 'min-confidence');
  if (min !== undefined && (min < 0 || min > 1)) throw new UsageError('--min-confidence must be between 0 and 1');
  const workers = intOpt(values, 'workers', 1, 64);
  const resume = numberOpt(values, 'resume');
  if (resume !== undefined) warnIgnoredOnResume(io, 'pii', min !== undefined ? ['min-confidence'] : []);
  noteWorkersCap(io, 'pii', workers);
  const engine = openEngine({ dbPath: path });
  try {
    const job =
      resume !== undefined
        ? await resumeJobFromCli(engine, 'pii', resume, io, { workers })
        : await runJobFromCli(engine, 'pii', { ...(min === undefined ? {} : { minConfidence: min }), ...(workers === undefined ? {} : { workers }) }, io);
    requireDone(job, path);
    const r = job.result as PiiJobResult;
    if (values.json) writeJson(io, { ...r, jobId: job.id });
    else {
      io.stdout.write(`scanned ${counted(r.scanned, 'document')} in ${r.seconds.toFixed(1)} s; ${r.withPii.toLocaleString('en')} ${r.withPii === 1 ? 'contains' : 'contain'} personal data\n`);
      for (const t of r.types) io.stdout.write(`  ${t.type.padEnd(12)} ${counted(t.findings, 'finding').padStart(17)} in ${counted(t.documents, 'document')}\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

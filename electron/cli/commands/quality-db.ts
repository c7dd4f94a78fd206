import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { QualityJobResult } from '../../engine/quality/quality-job';
import { counted, intOpt, numberOpt, writeJson, type CliIo } from '../command';
import { noteWorkersCap, requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

/** `kurasi quality --db F`: the quality job (resumable with --resume <jobId>, where --workers may be given anew). */
export async function runQualityDbCommand(path: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  const workers = intOpt(values, 'workers', 1, 64);
  const resume = numberOpt(values, 'resume');
  noteWorkersCap(io, 'quality', workers);
  const engine = openEngine({ dbPath: path });
  try {
    const job =
      resume !== undefined
        ? await resumeJobFromCli(engine, 'quality', resume, io, { workers })
        : await runJobFromCli(engine, 'quality', workers === undefined ? {} : { workers }, io);
    requireDone(job, path);
    const r = job.result as QualityJobResult;
    if (values.json) writeJson(io, { ...r, jobId: job.id });
    else io.stdout.write(`quality: ${counted(r.processed, 'document')} in ${r.seconds.toFixed(1)} s — ${r.pass.toLocaleString('en')} pass, ${r.fail.toLocaleString('en')} fail\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { QualityJobResult } from '../../engine/quality/quality-job';
import { counted, numberOpt, writeJson, type CliIo } from '../command';
import { requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

/** `kurasi quality --db F`: the quality job (resumable with --resume <jobId>). */
export async function runQualityDbCommand(path: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  const resume = numberOpt(values, 'resume');
  const engine = openEngine({ dbPath: path });
  try {
    const job = resume !== undefined ? await resumeJobFromCli(engine, 'quality', resume, io) : await runJobFromCli(engine, 'quality', {}, io);
    requireDone(job, path);
    const r = job.result as QualityJobResult;
    if (values.json) writeJson(io, { ...r, jobId: job.id });
    else io.stdout.write(`quality: ${counted(r.processed, 'document')} in ${r.seconds.toFixed(1)} s — ${r.pass.toLocaleString('en')} pass, ${r.fail.toLocaleString('en')} fail\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

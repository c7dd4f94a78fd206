import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { QualityJobResult } from '../../engine/quality/quality-job';
import { numberOpt, writeJson, type CliIo } from '../command';
import { requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

/** `kurasi quality --db F`: the quality job (resumable with --resume <jobId>). */
export async function runQualityDbCommand(path: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  const resume = numberOpt(values, 'resume');
  const engine = openEngine({ dbPath: path });
  try {
    const job = resume !== undefined ? await resumeJobFromCli(engine, 'quality', resume, io) : await runJobFromCli(engine, 'quality', {}, io);
    requireDone(job);
    const r = job.result as QualityJobResult;
    if (values.json) writeJson(io, { ...r, jobId: job.id });
    else io.stdout.write(`quality: ${r.processed} documents in ${r.seconds.toFixed(1)} s — ${r.pass} pass, ${r.fail} fail\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

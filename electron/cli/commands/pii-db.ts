import { existsSync } from 'node:fs';
import { openEngine } from '../../engine/engine';
import type { PiiJobResult } from '../../engine/pii/pii-job';
import { numberOpt, UsageError, writeJson, type CliIo } from '../command';
import { requireDone, resumeJobFromCli, runJobFromCli } from '../run-job';

/** `kurasi pii --db F`: the pii job (resumable with --resume <jobId>). */
export async function runPiiDbCommand(path: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  const min = numberOpt(values, 'min-confidence');
  if (min !== undefined && (min < 0 || min > 1)) throw new UsageError('--min-confidence must be between 0 and 1');
  const resume = numberOpt(values, 'resume');
  const engine = openEngine({ dbPath: path });
  try {
    const job =
      resume !== undefined
        ? await resumeJobFromCli(engine, 'pii', resume, io)
        : await runJobFromCli(engine, 'pii', min === undefined ? {} : { minConfidence: min }, io);
    requireDone(job);
    const r = job.result as PiiJobResult;
    if (values.json) writeJson(io, { ...r, jobId: job.id });
    else {
      io.stdout.write(`scanned ${r.scanned} documents in ${r.seconds.toFixed(1)} s; ${r.withPii} contain personal data\n`);
      for (const t of r.types) io.stdout.write(`  ${t.type.padEnd(12)} ${String(t.findings).padStart(8)} findings in ${t.documents} documents\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

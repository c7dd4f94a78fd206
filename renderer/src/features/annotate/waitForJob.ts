import type { z } from 'zod';
import { api } from '../../api/client';

/** Waits for a job started by the engine (packs, agreement) and returns its result, checked against `schema`. */
export async function waitForJob<S extends z.ZodType>(jobId: number, schema: S): Promise<z.output<S>> {
  for (;;) {
    const job = await api.call('jobs.get', { id: jobId });
    if (job.state === 'done') return schema.parse(job.result);
    if (job.state !== 'running' && job.state !== 'queued') throw new Error(job.error ?? `${job.kind}: ${job.state}`);
    await new Promise((r) => setTimeout(r, 120));
  }
}

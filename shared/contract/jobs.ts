import { z } from 'zod';
import { method } from './define';

export const jobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']);
export type JobState = z.infer<typeof jobState>;

export const jobRecord = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: jobState,
  params: z.unknown(),
  done: z.number(),
  total: z.number().nullable(),
  message: z.string().nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** A later run of the same kind that finished and did all this unfinished job would still do: resuming it is refused. */
  supersededBy: z.number().int().nullable(),
});
export type JobRecord = z.infer<typeof jobRecord>;

/** Sent as the `job-progress` event while a job runs and once when it ends. */
export const jobProgress = z.object({
  jobId: z.number().int(),
  kind: z.string(),
  state: jobState,
  done: z.number(),
  total: z.number().nullable(),
  /** Items per second, smoothed. */
  rate: z.number(),
  /** Estimated milliseconds to completion, null when the total is unknown. */
  etaMs: z.number().nullable(),
  message: z.string().nullable(),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

const jobId = z.object({ id: z.number().int().positive() });

export const jobMethods = {
  'jobs.list': method(z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }), z.array(jobRecord)),
  'jobs.get': method(jobId, jobRecord),
  'jobs.cancel': method(jobId, z.object({ cancelled: z.boolean() })),
  'jobs.resume': method(
    // `workers` (optional, so older callers stay valid) applies to this run only; the job keeps what it was started with.
    jobId.extend({ workers: z.number().int().min(1).max(64).optional() }),
    z.object({ id: z.number().int() }),
  ),
};

import { z } from 'zod';
import { jobProgress } from './jobs';

/** Events the engine pushes to every front door (IPC, SSE, CLI). */
export const events = {
  'job-progress': jobProgress,
  'corpus-changed': z.object({
    /** What changed, so views can refresh only what they show. */
    scope: z.enum(['documents', 'sources', 'jobs', 'labels', 'languages', 'duplicates', 'licenses', 'pii', 'quality', 'all']),
    jobId: z.number().int().optional(),
  }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

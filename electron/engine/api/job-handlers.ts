import type { HandlerMap } from './handler';

export const jobHandlers = {
  'jobs.list': (engine, input) => engine.jobs.list(input.limit),
  'jobs.get': (engine, input) => engine.jobs.get(input.id),
  'jobs.cancel': (engine, input) => ({ cancelled: engine.jobs.cancel(input.id) }),
  'jobs.resume': (engine, input) => ({ id: engine.jobs.resume(input.id, { workers: input.workers }) }),
} satisfies HandlerMap<'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.resume'>;

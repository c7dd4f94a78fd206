import type { HandlerMap } from './handler';

export const importHandlers = {
  'import.start': (engine, input) => ({ jobId: engine.jobs.start('import', input) }),
} satisfies HandlerMap<'import.start'>;

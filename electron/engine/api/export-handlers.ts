import { actorOf } from './actor';
import { resolve } from 'node:path';
import type { HandlerMap } from './handler';

export const exportHandlers = {
  'export.preview': (engine, input) => ({ jobId: engine.jobs.start('export-preview', input) }),
  'export.start': (engine, input) => ({ jobId: engine.jobs.start('export', { ...input, out: resolve(input.out), actor: actorOf(engine) }) }),
} satisfies HandlerMap<'export.preview' | 'export.start'>;

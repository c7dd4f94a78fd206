import { actorOf } from './actor';
import type { HandlerMap } from './handler';
import { clusterDetail, clusterOf, dedupeSummary, listClusters, recordOverride } from '../dedupe/queries';

export const dedupeHandlers = {
  'dedupe.start': (engine, input) => ({ jobId: engine.jobs.start('dedupe', input) }),
  'dedupe.summary': (engine) => dedupeSummary(engine.db),
  'dedupe.clusters': (engine, input) => listClusters(engine.db, input.kind, input.offset, input.limit),
  'dedupe.cluster': (engine, input) => clusterDetail(engine.db, input.id),
  'dedupe.clusterOf': (engine, input) => ({ clusterId: clusterOf(engine.db, input.documentId) }),
  'dedupe.override': (engine, input) => recordOverride(engine.db, actorOf(engine), input.action, input.documentIds, input.note),
} satisfies HandlerMap<'dedupe.start' | 'dedupe.summary' | 'dedupe.clusters' | 'dedupe.cluster' | 'dedupe.clusterOf' | 'dedupe.override'>;

import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { EngineEvents } from './events';
import { JobRunner } from './jobs/runner';
import { openCorpus, type Db } from './store/open';
import { jobRegistry } from './jobs/registry';

export interface Engine {
  db: Db;
  dbPath: string;
  /** Who is acting: recorded with every decision in the audit log. */
  actor: string;
  /** The actor was given (`--actor`, a test), not taken from the OS user: it is not replaced by the annotator name. */
  actorGiven: boolean;
  events: EngineEvents;
  jobs: JobRunner;
  close(): Promise<void>;
}

export interface EngineOptions {
  dbPath: string;
  actor?: string;
}

/** Opens a corpus and everything that works on it. The one engine behind IPC, the CLI and `kurasi serve`. */
export function openEngine(options: EngineOptions): Engine {
  const dbPath = resolve(options.dbPath);
  const db = openCorpus(dbPath);
  const events = new EngineEvents();
  const jobs = new JobRunner(db, dbPath, events, (job) => {
    const scope = jobRegistry[job.kind]?.changes ?? 'all';
    events.emit('corpus-changed', { scope, jobId: job.id });
  });
  let closed = false;
  return {
    db,
    dbPath,
    actor: options.actor ?? defaultActor(),
    actorGiven: options.actor !== undefined,
    events,
    jobs,
    async close() {
      if (closed) return;
      closed = true;
      await jobs.close();
      db.close();
    },
  };
}

function defaultActor(): string {
  try {
    return process.env.KURASI_ACTOR ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

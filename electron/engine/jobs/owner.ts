/**
 * Which process owns a queued or running job. Another process that opens the corpus can then tell a job whose
 * process died (SIGKILL, a crash, power loss) at once, instead of waiting for its heartbeat to age — and never takes a
 * live process's job for a dead one just because that job went a while without progress.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

export interface JobOwner {
  /** The host name, plus on Linux the pid namespace: a pid means nothing on another machine or in another container. */
  host: string;
  pid: number;
  /** On Linux the boot id and the process's start time: tells the owner from a later process that got its pid. */
  started: string | null;
}

/** The owner is running; it is gone; or this process cannot tell (another host, no /proc): then the heartbeat decides. */
export type OwnerLiveness = 'alive' | 'dead' | 'unknown';

function linuxStarted(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; starttime is field 22, the 20th after it.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    if (!start) return null;
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${start}`;
  } catch {
    return null;
  }
}

function pidNamespace(): string {
  try {
    return ` ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return '';
  }
}

let self: JobOwner | null = null;

/** This process as a job owner (the same in every thread of it: job workers run in the owner's process). */
export function currentOwner(): JobOwner {
  self ??= { host: `${hostname()}${pidNamespace()}`, pid: process.pid, started: linuxStarted(process.pid) };
  return self;
}

export function ownerJson(): string {
  return JSON.stringify(currentOwner());
}

function parseOwner(stored: string | null | undefined): JobOwner | null {
  if (!stored) return null;
  try {
    const v: unknown = JSON.parse(stored);
    if (typeof v !== 'object' || v === null) return null;
    if (!('host' in v && 'pid' in v && 'started' in v)) return null;
    const { host, pid, started } = v;
    if (typeof host !== 'string' || typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return { host, pid, started: typeof started === 'string' ? started : null };
  } catch {
    return null;
  }
}

/** Whether the process recorded in a job's `owner` column is still running. */
export function ownerLiveness(stored: string | null | undefined): OwnerLiveness {
  const owner = parseOwner(stored);
  if (!owner) return 'unknown';
  const me = currentOwner();
  if (owner.host !== me.host) return 'unknown';
  if (owner.pid !== me.pid) {
    try {
      process.kill(owner.pid, 0);
    } catch (e) {
      // ESRCH: no such process. EPERM means it exists (another user's); anything else says nothing.
      const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : null;
      if (code === 'ESRCH') return 'dead';
      if (code !== 'EPERM') return 'unknown';
    }
  }
  // A process with that pid exists (perhaps this one): it is the owner only if it started when the owner did.
  if (owner.started === null) return 'unknown';
  const started = owner.pid === me.pid ? me.started : linuxStarted(owner.pid);
  if (started === null) return 'unknown';
  return started === owner.started ? 'alive' : 'dead';
}

/**
 * Standard output that may go away: `kurasi detect < big.jsonl | head -1` closes the pipe after one line, and every
 * later write fails with EPIPE. Node reports that as an 'error' event, which kills the process with a stack trace
 * unless something listens. runCli listens on stdout and stderr once for every command (watchOutput); the streaming
 * commands stop at their next writeLine, and the whole run then ends quietly with exit 0, as `head` users expect.
 */

/** Thrown by writeLine once the reader of stdout has gone; runCli turns it into a quiet exit 0. */
export class OutputClosedError extends Error {
  constructor() {
    super('the reader of standard output has gone');
    this.name = 'OutputClosedError';
  }
}

const failures = new WeakMap<NodeJS.WritableStream, Error>();
const watched = new WeakSet<NodeJS.WritableStream>();

/** Catches the stream's write errors (remembering the first) instead of letting them crash the process. */
export function watchOutput(out: NodeJS.WritableStream): void {
  if (watched.has(out)) return;
  watched.add(out);
  out.on('error', (e: unknown) => {
    if (!failures.has(out)) failures.set(out, e instanceof Error ? e : new Error(String(e)));
  });
}

export function isBrokenPipe(e: unknown): boolean {
  return (
    e instanceof OutputClosedError ||
    (e instanceof Error && 'code' in e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED'))
  );
}

/** The first write error on a watched stream, if any (EPIPE: the reader closed; anything else: a real failure). */
export function outputFailure(out: NodeJS.WritableStream): Error | undefined {
  return failures.get(out);
}

function throwIfFailed(out: NodeJS.WritableStream): void {
  const failed = failures.get(out);
  if (failed)
    throw isBrokenPipe(failed)
      ? new OutputClosedError()
      : new Error(`cannot write the output: ${failed.message}`);
}

/** Resolves once what was written before has gone out or failed, so a failure is known before the exit code is. */
export function settled(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    out.write('', () => resolve());
  });
}

/**
 * Writes one line and respects back-pressure, so piping a large file does not buffer it all in memory. Throws
 * OutputClosedError once the reader has gone, so a loop over an endless stdin (`yes | kurasi detect | head`) stops.
 */
export async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  watchOutput(out);
  throwIfFailed(out);
  if (!out.write(line + '\n')) {
    // A failed write never drains: wait for whichever comes first.
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('error', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('error', done);
      out.on('close', done);
    });
  }
  throwIfFailed(out);
}

import type { JobProgress } from '../../shared/contract/jobs';
import { formatDuration } from '../../shared/jobs/progress';

/** A one-line progress bar on a terminal; nothing at all when output is not a terminal. */
export function createProgressBar(stream: NodeJS.WriteStream | NodeJS.WritableStream, enabled: boolean) {
  let last = 0;
  let drawn = false;
  return {
    update(p: JobProgress): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && p.state === 'running') return;
      last = now;
      const width = 28;
      const frac = p.total ? Math.min(1, p.done / p.total) : 0;
      const bar = p.total ? '█'.repeat(Math.round(frac * width)).padEnd(width, '░') : '·'.repeat(width);
      const pct = p.total ? `${(frac * 100).toFixed(1).padStart(5)}%` : '      ';
      const rate = p.rate > 0 ? ` ${Math.round(p.rate).toLocaleString('en')}/s` : '';
      const eta = p.etaMs !== null && p.state === 'running' ? ` ETA ${formatDuration(p.etaMs)}` : '';
      const msg = p.message ? ` ${p.message.slice(0, 40)}` : '';
      stream.write(`\r${p.kind} ${bar} ${pct} ${p.done.toLocaleString('en')}${p.total ? '/' + p.total.toLocaleString('en') : ''}${rate}${eta}${msg}\x1b[K`);
      drawn = true;
    },
    /** A line of its own on the stream, below the bar when one is drawn (the next update draws the bar again). */
    note(line: string): void {
      if (enabled && drawn) stream.write('\n');
      drawn = false;
      stream.write(`${line}\n`);
    },
    end(): void {
      if (enabled && drawn) stream.write('\n');
    },
  };
}

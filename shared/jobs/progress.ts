/**
 * Smoothed rate and ETA for a job, shared by the engine (events) and the CLI (progress bar).
 * The rate is an exponential moving average so one slow batch does not make the ETA jump.
 */
export interface ProgressMeter {
  update(done: number, total: number | null, nowMs: number): { rate: number; etaMs: number | null };
}

export function createProgressMeter(startMs: number, startDone = 0): ProgressMeter {
  let lastMs = startMs;
  let lastDone = startDone;
  let rate = 0;
  return {
    update(done, total, nowMs) {
      const dt = (nowMs - lastMs) / 1000;
      if (dt >= 0.05) {
        const instant = Math.max(0, done - lastDone) / dt;
        rate = rate === 0 ? instant : rate * 0.7 + instant * 0.3;
        lastMs = nowMs;
        lastDone = done;
      }
      const etaMs = total !== null && rate > 0 ? Math.max(0, ((total - done) / rate) * 1000) : null;
      return { rate, etaMs };
    },
  };
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

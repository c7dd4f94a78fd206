import type { ReactNode } from 'react';

/** The designed empty / error / loading states every screen uses. */
export function EmptyState({ icon, title, body, action }: { icon: string; title: string; body?: string; action?: ReactNode }) {
  return (
    <div className="state empty-state" role="status">
      <div className="state-icon" aria-hidden>{icon}</div>
      <h2>{title}</h2>
      {body && <p>{body}</p>}
      {action}
    </div>
  );
}

export function ErrorState({ title, message, onRetry, retryLabel }: { title: string; message: string; onRetry?: () => void; retryLabel?: string }) {
  return (
    <div className="state error-state" role="alert">
      <div className="state-icon" aria-hidden>⚠</div>
      <h2>{title}</h2>
      <p className="mono">{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div className="state loading-state" role="status" aria-live="polite">
      <div className="spinner" aria-hidden />
      <p>{label}</p>
    </div>
  );
}

export function ProgressBar({ done, total, label }: { done: number; total: number | null; label?: string }) {
  const pct = total && total > 0 ? Math.min(100, (done / total) * 100) : null;
  return (
    <div className={`progress${pct === null ? ' indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct === null ? undefined : Math.round(pct)} aria-label={label}>
      <div className="progress-fill" style={{ width: pct === null ? '30%' : `${pct}%` }} />
    </div>
  );
}

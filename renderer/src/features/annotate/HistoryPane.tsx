import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatValue } from './keys';

type Row = Output<'audit.history'>[number];

function describe(v: unknown): string {
  if (v && typeof v === 'object' && 'question' in v) {
    const o = v as { question: string; state?: unknown; value?: unknown };
    const state = o.state && typeof o.state === 'object' ? (o.state as { value?: unknown; label?: unknown; start?: unknown; end?: unknown }) : null;
    const shown = state ? (state.label !== undefined ? `${String(state.label)} ${String(state.start)}–${String(state.end)}` : formatValue(state.value)) : o.value !== undefined ? formatValue(o.value) : '∅';
    return `${o.question}: ${shown}`;
  }
  return formatValue(v);
}

/** Who did what to this document, newest first (others' labels hidden in blind mode). */
export function HistoryPane({ documentId, version }: { documentId: number; version: number }) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let live = true;
    api.call('audit.history', { documentId, limit: 50 }).then((r) => live && setRows(r), () => live && setRows([]));
    return () => {
      live = false;
    };
  }, [documentId, version]);
  return (
    <section className="history" data-testid="history">
      <h3>{t('annotate.history')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('annotate.history.empty')}</p>
      ) : (
        <ol>
          {rows.map((r) => (
            <li key={r.id}>
              <time className="muted mono" dateTime={r.at}>
                {new Date(r.at).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}
              </time>{' '}
              <strong>{r.actor}</strong> <span className="chip">{r.action}</span>{' '}
              <span className="mono">
                {describe(r.before)} → {describe(r.after)}
              </span>
              {r.note && <span className="muted"> — {r.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { actionName, auditNote } from '../audit/undo';
import { describeEntry } from './history-text';

/** The audit log's licence decisions across all sources, newest first; loaded when opened, again after each reload of the list. */
export function RecentDecisions({ refreshKey }: { refreshKey: unknown }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Output<'license.history'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api
      .call('license.history', { limit: 100 })
      .then((r) => live && setItems(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [open, refreshKey]);

  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  return (
    <details className="lic-recent" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="lic-recent">
      <summary>{t('lic.recent')}</summary>
      {error && <p className="bad">{describeEngineMessage(t, error)}</p>}
      {items && items.length === 0 && <p className="muted">{t('lic.det.noHistory')}</p>}
      {items && items.length > 0 && (
        <ol className="lic-history">
          {items.map((h) => (
            <li key={h.id}>
              <span className="mono muted">{new Date(h.at).toLocaleString(locale)}</span> <strong>{h.actor}</strong> {actionName(t, h.action)}{' '}
              <span className="mono">{h.sourceName ?? h.entityId}</span>
              {describeEntry(t, h)}
              {h.note && <em> — {auditNote(t, h.note)}</em>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

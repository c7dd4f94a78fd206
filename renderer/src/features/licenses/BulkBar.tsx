import { useState } from 'react';
import { SETTABLE_REVIEW_STATES, type SettableReviewState } from '../../../../shared/license';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';

/** One decision for every selected source; each source succeeds or fails on its own. */
export function BulkBar({ ids, onDone, onClear }: { ids: number[]; onDone(): void; onClear(): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<SettableReviewState | ''>('');
  const [concluded, setConcluded] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ source: string; message: string }[]>([]);

  async function apply() {
    setBusy(true);
    setMessage(null);
    setFailed([]);
    const r = await api.request('license.bulkSet', {
      sources: ids,
      ...(state ? { state } : {}),
      ...(concluded.trim() ? { concluded: concluded.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setMessage(describeEngineMessage(t, r.error.message));
      return;
    }
    setMessage(t('lic.bulk.done', { n: r.value.updated.length }));
    setFailed(r.value.failed);
    onDone();
  }

  return (
    <div className="lic-bulk" role="region" aria-label={t('lic.selected', { n: ids.length })} data-testid="lic-bulk">
      <strong>{t('lic.selected', { n: ids.length })}</strong>
      <select aria-label={t('lic.bulk.state')} value={state} onChange={(e) => setState(e.target.value as SettableReviewState | '')}>
        <option value="">{t('lic.bulk.state')}</option>
        {SETTABLE_REVIEW_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`lic.state.${s}`)}
          </option>
        ))}
      </select>
      <input
        className="mono"
        placeholder={t('lic.bulk.concluded')}
        aria-label={t('lic.bulk.concluded')}
        value={concluded}
        onChange={(e) => setConcluded(e.target.value)}
      />
      <input placeholder={t('lic.bulk.note')} aria-label={t('lic.bulk.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" className="primary" disabled={busy || (!state && !concluded.trim())} onClick={() => void apply()}>
        {t('lic.bulk.apply')}
      </button>
      <button type="button" onClick={onClear}>
        {t('lic.bulk.clear')}
      </button>
      {message && <span role="status">{message}</span>}
      {failed.length > 0 && (
        <span className="bad" role="alert">
          {t('lic.bulk.failed', { n: failed.length })} {failed.map((f) => describeEngineMessage(t, f.message)).join('; ')}
        </span>
      )}
    </div>
  );
}

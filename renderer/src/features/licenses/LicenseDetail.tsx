import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import {
  ROBOTS_STATUSES,
  TDM_STATUSES,
  allowedTransitions,
  licenseFlags,
  resolveLicense,
  type RobotsStatus,
  type SettableReviewState,
  type TdmStatus,
} from '../../../../shared/license';
import { api } from '../../api/client';
import { ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { actionName, auditNote } from '../audit/undo';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { EvidenceList } from './EvidenceList';
import { describeEntry } from './history-text';
import { LicenseFlags } from './LicenseFlags';
import { RefFlagsForm } from './RefFlagsForm';

type Detail = Output<'license.get'>;

/** Live reading of what the reviewer types, with the same rules the engine applies. */
function Resolution({ text }: { text: string }) {
  const { t } = useI18n();
  if (!text.trim()) return null;
  const r = resolveLicense(text);
  if (!r.ok) return <p className="bad" role="status">{t('lic.det.invalid')}</p>;
  const f = licenseFlags(r.via === 'guess' ? null : r.spdx);
  return (
    <p className={r.via === 'guess' ? 'warn' : 'muted'} role="status" data-testid="lic-resolution">
      {t('lic.det.resolved', { spdx: r.spdx })} ({t(`lic.det.via.${r.via}`)}){' '}
      {r.via !== 'guess' && <LicenseFlags flags={{ ...f, unclassified: [...f.unclassified], conflicts: [...f.conflicts] }} />}
      {r.warnings.length > 0 && <span className="muted"> · {r.warnings.join('; ')}</span>}
    </p>
  );
}

type Facts = { declared: string; concluded: string; termsUrl: string; tdm: TdmStatus; robots: RobotsStatus };
type FormState = Facts & { state: SettableReviewState | ''; note: string };
const EMPTY_FACTS: Facts = { declared: '', concluded: '', termsUrl: '', tdm: 'unknown', robots: 'unknown' };

function factsOf(row: Detail['row']): Facts {
  return { declared: row.declaredLicense ?? '', concluded: row.concludedLicense ?? '', termsUrl: row.termsUrl ?? '', tdm: row.tdm, robots: row.robots };
}

/** The form's facts after the stored ones changed from `prev` to `next`: untouched fields follow, edited ones stay. */
function rebase(form: Facts, prev: Facts, next: Facts): Facts {
  const keep = <K extends keyof Facts>(k: K): Facts[K] => (form[k] === prev[k] ? next[k] : form[k]);
  return { declared: keep('declared'), concluded: keep('concluded'), termsUrl: keep('termsUrl'), tdm: keep('tdm'), robots: keep('robots') };
}

export function LicenseDetail({ sourceId, onClose, onChanged }: { sourceId: number; onClose(): void; onChanged(): void }) {
  const { t, lang } = useI18n();
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const [form, setForm] = useState<FormState>({ ...EMPTY_FACTS, state: '', note: '' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // An undo, an import or another reviewer can change the decision while the pane is open: it reloads then.
  const { corpusVersion } = useShell();
  /** The stored facts the form was last filled from, and for which source. */
  const base = useRef<{ sourceId: number; facts: Facts } | null>(null);

  useEffect(() => setSaved(false), [corpusVersion]);

  useEffect(() => {
    let live = true;
    api
      .call('license.get', { source: sourceId })
      .then((d) => {
        if (!live) return;
        setDetail(d);
        setError(null);
        const facts = factsOf(d.row);
        const prev = base.current?.sourceId === sourceId ? base.current.facts : null;
        base.current = { sourceId, facts };
        // A field the reviewer has not touched shows the stored value; one they are editing keeps their text (a save
        // sends only fields that differ from what is stored, so an untouched one never writes back an old value).
        setForm((f) =>
          prev
            ? { ...f, ...rebase(f, prev, facts) }
            : { ...facts, state: '', note: '' },
        );
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sourceId, version, corpusVersion]);

  async function save() {
    if (!detail) return;
    setSaveError(null);
    setSaved(false);
    const row = detail.row;
    const r = await api.request('license.set', {
      source: sourceId,
      ...(form.declared !== (row.declaredLicense ?? '') ? { declared: form.declared || null } : {}),
      ...(form.concluded !== (row.concludedLicense ?? '') ? { concluded: form.concluded || null } : {}),
      ...(form.termsUrl !== (row.termsUrl ?? '') ? { termsUrl: form.termsUrl || null } : {}),
      ...(form.tdm !== row.tdm ? { tdm: form.tdm } : {}),
      ...(form.robots !== row.robots ? { robots: form.robots } : {}),
      ...(form.state ? { state: form.state } : {}),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    });
    if (!r.ok) {
      setSaveError(describeEngineMessage(t, r.error.message));
      return;
    }
    setSaved(true);
    // What was saved is now stored: the reload fills every field anew and clears the chosen state and note.
    base.current = null;
    refresh();
    onChanged();
  }

  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: v }));
  };

  return (
    <aside className="doc-pane lic-detail" aria-label={detail ? t('lic.det.title', { name: detail.row.name }) : undefined} data-testid="lic-detail">
      <header>
        <h2>{detail ? t('lic.det.title', { name: detail.row.name }) : '…'}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('app.close')}>
          ✕
        </button>
      </header>
      {error ? (
        <ErrorState title={t('app.error')} message={describeEngineMessage(t, error)} onRetry={refresh} retryLabel={t('app.retry')} />
      ) : !detail ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <div className="doc-body">
          {detail.row.reviewState === 'stale' && <p className="warn">{t('lic.det.staleHint')}</p>}
          <p>
            <span className={`lic-state lic-state-${detail.row.reviewState}`}>{t(`lic.state.${detail.row.reviewState}`)}</span>{' '}
            {detail.row.reviewer && detail.row.decidedAt && (
              <span className="muted">{t('lic.det.reviewer', { who: detail.row.reviewer, when: new Date(detail.row.decidedAt).toLocaleString(locale) })}</span>
            )}
          </p>
          <form
            className="lic-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label>
              {t('lic.det.declared')}
              <input className="mono" value={form.declared} onChange={(e) => set('declared', e.target.value)} />
            </label>
            <label>
              {t('lic.det.concluded')}
              <input className="mono" data-testid="lic-concluded" value={form.concluded} onChange={(e) => set('concluded', e.target.value)} />
              <small className="muted">{t('lic.det.concludedHelp')}</small>
            </label>
            <Resolution text={form.concluded} />
            <label>
              {t('lic.det.terms')}
              <input type="url" value={form.termsUrl} onChange={(e) => set('termsUrl', e.target.value)} />
            </label>
            <label>
              {t('lic.det.tdm')}
              <select value={form.tdm} onChange={(e) => set('tdm', e.target.value as TdmStatus)}>
                {TDM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`lic.tdm.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('lic.det.robots')}
              <select value={form.robots} onChange={(e) => set('robots', e.target.value as RobotsStatus)}>
                {ROBOTS_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`lic.robots.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('lic.det.state')}
              <select data-testid="lic-state-select" value={form.state} onChange={(e) => set('state', e.target.value as SettableReviewState | '')}>
                <option value="">{t('lic.det.keepState', { s: t(`lic.state.${detail.row.reviewState}`) })}</option>
                {allowedTransitions(detail.row.reviewState).map((s) => (
                  <option key={s} value={s}>
                    {t(`lic.state.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('lic.det.note')}
              <textarea rows={2} value={form.note} onChange={(e) => set('note', e.target.value)} />
            </label>
            <div className="lic-actions">
              <button type="submit" className="primary">
                {t('lic.det.save')}
              </button>
              {saved && <span role="status">{t('lic.det.saved')}</span>}
              {saveError && (
                <span className="bad" role="alert">
                  {saveError}
                </span>
              )}
            </div>
          </form>

          {detail.row.flagsFrom === 'concluded' &&
            detail.row.flags.unclassified
              .filter((id) => id.startsWith('LicenseRef-'))
              .map((id) => (
                <RefFlagsForm
                  key={id}
                  refId={id}
                  onSaved={() => {
                    refresh();
                    onChanged();
                  }}
                />
              ))}

          <EvidenceList
            sourceId={sourceId}
            items={detail.evidence}
            cleared={detail.row.reviewState === 'cleared'}
            onChanged={() => {
              refresh();
              onChanged();
            }}
          />

          <section>
            <h3>{t('lic.det.history')}</h3>
            {detail.history.length === 0 ? (
              <p className="muted">{t('lic.det.noHistory')}</p>
            ) : (
              <ol className="lic-history" data-testid="lic-history">
                {detail.history.map((h) => (
                  <li key={h.id}>
                    <span className="mono muted">{new Date(h.at).toLocaleString(locale)}</span> <strong>{h.actor}</strong> {actionName(t, h.action)}
                    {describeEntry(t, h)}
                    {h.note && <em> — {auditNote(t, h.note)}</em>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </aside>
  );
}

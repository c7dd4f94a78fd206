import { useState } from 'react';
import { USE_CLASSES, type UseClass } from '../../../../shared/license';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';

/** Declare what a `LicenseRef-` (site terms, written permission) allows, so the gate can use it. */
export function RefFlagsForm({ refId, onSaved }: { refId: string; onSaved(): void }) {
  const { t } = useI18n();
  const [use, setUse] = useState<UseClass>('unknown');
  const [attribution, setAttribution] = useState(true);
  const [shareAlike, setShareAlike] = useState(false);
  const [noDerivatives, setNoDerivatives] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    const r = await api.request('license.refs.set', { ref: refId, use, attribution, shareAlike: shareAlike ? refId : null, noDerivatives });
    if (!r.ok) setError(r.error.message);
    else onSaved();
  }

  return (
    <fieldset className="lic-ref" data-testid={`lic-ref-${refId}`}>
      <legend>{t('lic.ref.title', { ref: refId })}</legend>
      <p className="muted">{t('lic.ref.help')}</p>
      <label>
        {t('lic.filter.use')}{' '}
        <select value={use} onChange={(e) => setUse(e.target.value as UseClass)}>
          {USE_CLASSES.map((u) => (
            <option key={u} value={u}>
              {t(`lic.use.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={attribution} onChange={(e) => setAttribution(e.target.checked)} /> {t('lic.flag.attribution')}
      </label>
      <label>
        <input type="checkbox" checked={shareAlike} onChange={(e) => setShareAlike(e.target.checked)} /> {t('lic.ref.shareAlike')}
      </label>
      <label>
        <input type="checkbox" checked={noDerivatives} onChange={(e) => setNoDerivatives(e.target.checked)} /> {t('lic.flag.nd')}
      </label>
      <button type="button" onClick={() => void save()}>
        {t('lic.det.save')}
      </button>
      {error && (
        <span className="bad" role="alert">
          {describeEngineMessage(t, error)}
        </span>
      )}
    </fieldset>
  );
}

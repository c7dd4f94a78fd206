import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { LicenseFlags } from './LicenseFlags';

/** Document pane: the licence that applies to this document, and its own licence when it differs from the source's. */
export function LicenseDocSection({ doc, refresh }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<Output<'license.document'> | null>(null);
  const [own, setOwn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .call('license.document', { documentId: doc.id })
      .then((i) => {
        if (!live) return;
        setInfo(i);
        setOwn(i.documentLicense ?? '');
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [doc.id, version]);

  async function save(concluded: string | null) {
    setError(null);
    const r = await api.request('license.setDocument', { documentId: doc.id, concluded });
    if (!r.ok) setError(r.error.message);
    else {
      setVersion((v) => v + 1);
      refresh();
    }
  }

  if (!info) return error ? <p className="bad">{describeEngineMessage(t, error)}</p> : null;
  return (
    <div className="lic-doc" data-testid="lic-doc-section">
      <p>
        {t('lic.doc.source', { lic: info.sourceLicense ?? t('lic.none'), state: t(`lic.state.${info.sourceState}`) })}{' '}
        <LicenseFlags flags={info.flags} />
      </p>
      <form
        className="lic-evidence-add"
        onSubmit={(e) => {
          e.preventDefault();
          void save(own.trim() || null);
        }}
      >
        <input className="mono" placeholder={t('lic.doc.own')} aria-label={t('lic.doc.own')} value={own} onChange={(e) => setOwn(e.target.value)} />
        <button type="submit" disabled={own.trim() === (info.documentLicense ?? '')}>
          {t('lic.doc.set')}
        </button>
        {info.documentLicense && (
          <button type="button" onClick={() => void save(null)}>
            {t('lic.doc.clear')}
          </button>
        )}
      </form>
      {error && (
        <p className="bad" role="alert">
          {describeEngineMessage(t, error)}
        </p>
      )}
    </div>
  );
}

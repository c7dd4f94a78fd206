import { useCallback, useEffect, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { DocumentFilters, HighlightedText } from '../../../../shared/contract/browse';
import { api } from '../../api/client';
import { Highlighted } from '../../components/Highlighted';
import { ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { allDocSections } from '../registry';
import { DupCell, OpenClusterButton } from '../dedupe/columns';
import { langName } from '../langid/names';
import { useShell } from '../../shell/context';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * The open document: its fields, its text (matches highlighted), then every feature's section. `onShowDocuments`
 * replaces what the table lists (e.g. with the document's duplicate cluster).
 */
export function DocumentPane({ id, query, onClose, onShowDocuments }: { id: number; query: string; onClose(): void; onShowDocuments(filters: DocumentFilters): void }) {
  const { t, n, lang } = useI18n();
  const [doc, setDoc] = useState<DocumentRecord | null>(null);
  const [parts, setParts] = useState<HighlightedText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // An undo from the keyboard (Ctrl+Z) can change this document from anywhere: refetch on corpus changes.
  const { corpusVersion } = useShell();

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api.call('documents.get', { id }), api.call('documents.highlight', { id, q: query })])
      .then(([d, h]) => {
        if (!live) return;
        setDoc(d);
        setParts(h.parts);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id, query, version, corpusVersion]);

  const notYet = <span className="muted">{t('doc.notYet')}</span>;
  return (
    <aside className="doc-pane" aria-label={t('doc.title', { id: String(id) })} data-testid="doc-pane">
      <header>
        <h2>{t('doc.title', { id: String(id) })}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('app.close')} title={`${t('app.close')} (Esc)`}>
          ✕
        </button>
      </header>
      {error ? (
        <ErrorState title={t('app.error')} message={describeEngineMessage(t, error)} onRetry={refresh} retryLabel={t('app.retry')} />
      ) : !doc || !parts ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <div className="doc-body">
          <dl className="fields">
            <Field label={t('doc.source')}>{doc.sourceName}</Field>
            <Field label={t('doc.externalId')}>
              <span className="mono">{doc.externalId}</span>
            </Field>
            <Field label={t('doc.length')}>{t('doc.chars', { n: doc.charCount, w: doc.wordCount })}</Field>
            <Field label={t('doc.lang')}>
              {doc.lang
                ? `${langName(doc.lang, lang)}${
                    doc.langReason !== null
                      ? ` · ${t(`langid.reason.${doc.langReason}`)}`
                      : doc.langConfidence !== null && doc.langSource !== 'manual'
                        ? ` · ${n(doc.langConfidence * 100)}%`
                        : ''
                  }`
                : notYet}
            </Field>
            <Field label={t('doc.dup')}>
              <DupCell row={doc} />
              {doc.dupCluster !== null && (doc.dupStatus === 'kept' || doc.dupStatus === 'duplicate') && (
                <>
                  {' '}
                  <OpenClusterButton cluster={doc.dupCluster} onOpen={(cluster) => onShowDocuments({ dupCluster: cluster })} />
                </>
              )}
            </Field>
            <Field label={t('doc.labels')}>{doc.labelCount}</Field>
            <Field label={t('doc.pii')}>{doc.piiCount ?? notYet}</Field>
            <Field label={t('doc.quality')}>{doc.qualityPass === null ? notYet : doc.qualityPass ? '✓' : '✗'}</Field>
          </dl>
          <section>
            <h3>{t('doc.text')}</h3>
            <div className="doc-text" data-testid="doc-text">
              <Highlighted parts={parts} />
            </div>
          </section>
          {doc.metadata && Object.keys(doc.metadata).length > 0 && (
            <section>
              <h3>{t('doc.metadata')}</h3>
              <dl className="fields">
                {Object.entries(doc.metadata).map(([k, v]) => (
                  <Field key={k} label={k}>
                    <span className="mono">{typeof v === 'string' ? v : JSON.stringify(v)}</span>
                  </Field>
                ))}
              </dl>
            </section>
          )}
          {allDocSections().map((s) => (
            <section key={s.id} data-section={s.id}>
              <h3>{t(s.title)}</h3>
              <s.Component doc={doc} query={query} refresh={refresh} />
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}

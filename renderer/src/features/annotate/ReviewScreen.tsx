import { useEffect, useState } from 'react';
import type { LabelSchema } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { AgreementView } from './AgreementView';
import { ConflictsView } from './ConflictsView';
import { PacksView } from './PacksView';
import { SchemaEditor } from './SchemaEditor';
import './annotate.css';

type Tab = 'conflicts' | 'agreement' | 'packs' | 'schema';
const tabs: Tab[] = ['conflicts', 'agreement', 'packs', 'schema'];

/** The curator's side: conflicts and adjudication, agreement, label packs, the schema, blind mode. */
export function ReviewScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(() => (sessionStorage.getItem('kurasi-review-tab') as Tab | null) ?? 'conflicts');
  const [schema, setSchema] = useState<LabelSchema | null>(null);
  const [blind, setBlind] = useState(false);
  const [annotator, setAnnotator] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.call('labels.schema', {}), api.call('labels.settings', {}), api.call('annotators.current', {})]).then(
      ([s, st, a]) => {
        setSchema(s);
        setBlind(st.blind);
        setAnnotator(a.name ?? '');
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const choose = (x: Tab) => {
    sessionStorage.setItem('kurasi-review-tab', x);
    setTab(x);
  };
  if (error) return <div className="screen"><ErrorState title={t('app.error')} message={describeEngineMessage(t, error)} /></div>;
  if (!schema) return <div className="screen"><Spinner label={t('app.loading')} /></div>;
  return (
    <div className="screen review" data-testid="review-screen">
      <h1>{t('review.title')}</h1>
      <label>
        <input type="checkbox" checked={blind} onChange={async (e) => setBlind((await api.call('labels.setBlind', { blind: e.target.checked })).blind)} data-testid="blind-toggle" /> {t('review.blind')}
      </label>
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => choose(x)} data-tab={x}>
            {t(`review.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'conflicts' && <ConflictsView schema={schema} />}
      {tab === 'agreement' && <AgreementView />}
      {tab === 'packs' && <PacksView annotator={annotator} />}
      {tab === 'schema' && <SchemaEditor schema={schema} onSaved={setSchema} />}
    </div>
  );
}

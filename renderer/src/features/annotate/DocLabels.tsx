import { useEffect, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { DocumentLabels } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLabelNames } from './useLabelNames';

/** The labels section of the browser's document pane (blind mode applies here too). */
export function DocLabels({ doc }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t, lang } = useI18n();
  const names = useLabelNames();
  const [labels, setLabels] = useState<DocumentLabels | null>(null);
  useEffect(() => {
    let live = true;
    api.call('labels.forDocument', { documentId: doc.id }).then((l) => live && setLabels(l), () => live && setLabels(null));
    return () => {
      live = false;
    };
  }, [doc.id, doc.labelCount]);
  if (!labels) return null;
  if (labels.labels.length === 0 && labels.spans.length === 0 && labels.adjudications.length === 0) return <p className="muted">{t('annotate.history.empty')}</p>;
  return (
    <div data-testid="doc-labels">
      <ul>
        {labels.labels.map((l) => (
          <li key={l.id}>
            <strong>{l.annotator}</strong> · {names.question(l.question)} = {names.value(l.question, l.value)} <span className="muted mono">{new Date(l.at).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</span>
          </li>
        ))}
        {labels.spans.map((s) => (
          <li key={`s${s.id}`}>
            <strong>{s.annotator}</strong> · {names.question(s.question)}: {names.value(s.question, s.label)} {s.start}–{s.end}
          </li>
        ))}
        {labels.adjudications.map((a) => (
          <li key={`a${a.question}`}>
            {t('annotate.adjudicated')} · {names.question(a.question)} = <strong>{names.value(a.question, a.value)}</strong> — {a.reason} ({a.adjudicator})
          </li>
        ))}
      </ul>
      {labels.blind && <p className="muted">{t('annotate.blind')}</p>}
    </div>
  );
}

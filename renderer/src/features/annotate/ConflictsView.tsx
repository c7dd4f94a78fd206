import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConflictRecord, LabelSchema, LabelValue } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineError, describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { labelNames } from './labelNames';

function Conflict({ c, schema, onDone }: { c: ConflictRecord; schema: LabelSchema; onDone(): void }) {
  const { t, lang } = useI18n();
  const q = schema.questions.find((x) => x.key === c.question);
  const names = labelNames(schema, lang);
  const choices: { key: string; value: LabelValue; label: string }[] = [];
  const seen = new Set<string>();
  for (const v of c.votes) {
    const k = JSON.stringify(v.value);
    if (!seen.has(k)) {
      seen.add(k);
      choices.push({ key: k, value: v.value, label: names.value(c.question, v.value) });
    }
  }
  if (q?.kind === 'single')
    for (const o of q.options) {
      const k = JSON.stringify(o.value);
      if (!seen.has(k)) {
        seen.add(k);
        choices.push({ key: k, value: o.value, label: names.value(c.question, o.value) });
      }
    }
  const [pick, setPick] = useState(choices[0]?.key ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const choice = choices.find((x) => x.key === pick);
    if (!choice) return;
    if (!reason.trim()) return setError(t('conflicts.needReason'));
    try {
      await api.call('labels.adjudicate', { documentId: c.documentId, question: c.question, value: choice.value, reason });
      onDone();
    } catch (e) {
      setError(describeEngineError(t, e));
    }
  };
  return (
    <li className="conflict" data-testid="conflict">
      <div>
        <strong>#{c.documentId}</strong> <span className="muted">{c.externalId}</span> · <span className="chip">{names.question(c.question)}</span>
      </div>
      <p className="excerpt">{c.excerpt}</p>
      <div>
        {t('conflicts.votes')}:{' '}
        {c.votes.map((v) => (
          <span key={v.annotator} className="chip">
            {v.annotator} = {names.value(c.question, v.value)}
          </span>
        ))}
      </div>
      {/* A form: Enter in the reason box saves, as the button does. */}
      <form className="row" onSubmit={save}>
        <label>
          {t('conflicts.decide')}{' '}
          <select value={pick} onChange={(e) => setPick(e.target.value)}>
            {choices.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <input placeholder={t('conflicts.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="adjudicate-reason" />
        <button type="submit" className="primary" data-testid="adjudicate-save">
          {t('conflicts.save')}
        </button>
      </form>
      {error && <p className="bad">{error}</p>}
    </li>
  );
}

/** Same document, different answers: everyone's votes, and the curator's final answer with a reason. */
export function ConflictsView({ schema }: { schema: LabelSchema }) {
  const { t } = useI18n();
  const { corpusVersion } = useShell();
  const [data, setData] = useState<{ rows: ConflictRecord[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  /** Where the keyboard goes once the list is fetched again: the conflict that took the place of the one just decided. */
  const focusAt = useRef<number | null>(null);
  const load = useCallback(() => {
    api.call('labels.conflicts', { offset: 0, limit: 100 }).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load, corpusVersion]);
  useEffect(() => {
    const at = focusAt.current;
    if (at === null || !data) return;
    focusAt.current = null;
    const selects = list.current?.querySelectorAll<HTMLSelectElement>('[data-testid="conflict"] select');
    if (selects && selects.length > 0) selects[Math.min(at, selects.length - 1)]?.focus();
  }, [data]);
  if (error) return <ErrorState title={t('app.error')} message={describeEngineMessage(t, error)} onRetry={load} retryLabel={t('app.retry')} />;
  if (!data) return <Spinner label={t('app.loading')} />;
  if (data.total === 0) return <EmptyState icon="✓" title={t('conflicts.empty')} />;
  return (
    <div>
      <p className="muted">{t('conflicts.total', { n: data.total })}</p>
      <ul ref={list} className="conflict-list" style={{ listStyle: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {data.rows.map((c, i) => (
          <Conflict
            key={`${c.documentId}:${c.question}`}
            c={c}
            schema={schema}
            onDone={() => {
              focusAt.current = i;
              load();
            }}
          />
        ))}
      </ul>
    </div>
  );
}

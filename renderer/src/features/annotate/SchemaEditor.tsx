import { useState } from 'react';
import { labelSchema, type LabelQuestion, type LabelSchema, type QuestionKind } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';

const kinds: QuestionKind[] = ['single', 'multi', 'rating', 'note', 'span'];

/** Edits the corpus's label schema: questions of each kind, their options and one key per option. */
export function SchemaEditor({ schema, onSaved }: { schema: LabelSchema; onSaved(s: LabelSchema): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<LabelQuestion[]>(() => structuredClone(schema.questions));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = (i: number, patch: Partial<LabelQuestion>) => setDraft((d) => d.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const save = async () => {
    const parsed = labelSchema.safeParse({ questions: draft });
    if (!parsed.success) return setMessage({ ok: false, text: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
    try {
      const saved = await api.call('labels.setSchema', { schema: parsed.data });
      onSaved(saved);
      setMessage({ ok: true, text: t('schema.saved') });
    } catch (e) {
      setMessage({ ok: false, text: describeEngineError(t, e) });
    }
  };
  return (
    <div className="schema-editor" data-testid="schema-editor">
      {draft.map((q, i) => (
        <div key={i} className="schema-q">
          <div className="grid">
            <label>
              {t('schema.key')} <input className="key" value={q.key} onChange={(e) => update(i, { key: e.target.value })} />
            </label>
            <label>
              {t('schema.kind')}{' '}
              <select value={q.kind} onChange={(e) => update(i, { kind: e.target.value as QuestionKind })}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`schema.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('schema.titleId')} <input value={q.title.id} onChange={(e) => update(i, { title: { ...q.title, id: e.target.value } })} />
            </label>
            <label>
              {t('schema.titleEn')} <input value={q.title.en} onChange={(e) => update(i, { title: { ...q.title, en: e.target.value } })} />
            </label>
            <label>
              {t('schema.when')}{' '}
              <input
                placeholder="decision=drop"
                value={q.when ? `${q.when.question}=${q.when.value}` : ''}
                onChange={(e) => {
                  const [question, value] = e.target.value.split('=');
                  update(i, { when: question && value ? { question, value } : undefined });
                }}
              />
            </label>
            <button type="button" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
              {t('schema.remove')}
            </button>
          </div>
          {(q.kind === 'single' || q.kind === 'multi' || q.kind === 'span') && (
            <table className="schema-options">
              <thead>
                <tr>
                  <th className="col-value">{t('schema.value')}</th>
                  <th>{t('schema.titleId')}</th>
                  <th>{t('schema.titleEn')}</th>
                  <th className="col-hotkey">{t('schema.hotkey')}</th>
                  <th className="col-remove" />
                </tr>
              </thead>
              <tbody>
                {q.options.map((o, k) => {
                  const setOpt = (patch: Partial<typeof o>) => update(i, { options: q.options.map((x, m) => (m === k ? { ...x, ...patch } : x)) });
                  return (
                    <tr key={k}>
                      <td><input className="key" value={o.value} onChange={(e) => setOpt({ value: e.target.value })} /></td>
                      <td><input value={o.title.id} onChange={(e) => setOpt({ title: { ...o.title, id: e.target.value } })} /></td>
                      <td><input value={o.title.en} onChange={(e) => setOpt({ title: { ...o.title, en: e.target.value } })} /></td>
                      <td><input className="hotkey" maxLength={1} value={o.hotkey ?? ''} onChange={(e) => setOpt({ hotkey: e.target.value.toLowerCase() || undefined })} /></td>
                      <td>
                        <button type="button" onClick={() => update(i, { options: q.options.filter((_, m) => m !== k) })}>✕</button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {(q.kind === 'single' || q.kind === 'multi' || q.kind === 'span') && (
            <button type="button" onClick={() => update(i, { options: [...q.options, { value: `opsi-${q.options.length + 1}`, title: { id: 'Opsi baru', en: 'New option' } }] })}>
              {t('schema.addOption')}
            </button>
          )}
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => setDraft((d) => [...d, { key: `q${d.length + 1}`, kind: 'single', title: { id: 'Pertanyaan baru', en: 'New question' }, options: [] }])}>
          {t('schema.addQuestion')}
        </button>
        <button type="button" className="primary" onClick={save} data-testid="schema-save">
          {t('schema.save')}
        </button>
      </div>
      {message && <p className={message.ok ? 'ok' : 'bad'}>{message.text}</p>}
    </div>
  );
}

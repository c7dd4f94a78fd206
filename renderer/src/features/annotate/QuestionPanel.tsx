import { useEffect, useState } from 'react';
import type { DocumentLabels, LabelQuestion, LabelSchema, LabelValue } from '../../../../shared/contract/labels';
import { useI18n } from '../../i18n';
import { isAsked, ownValue } from './keys';
import { labelNames } from './labelNames';

interface Props {
  schema: LabelSchema;
  labels: DocumentLabels | null;
  onSet(question: string, value: LabelValue | null): void;
  onRemoveSpan(spanId: number): void;
}

function title(lang: string, q: { title: { id: string; en: string } }): string {
  return lang === 'en' ? q.title.en : q.title.id;
}

function NoteField({ q, value, onSet }: { q: LabelQuestion; value: LabelValue | undefined; onSet: Props['onSet'] }) {
  const { t } = useI18n();
  const [text, setText] = useState(typeof value === 'string' ? value : '');
  useEffect(() => setText(typeof value === 'string' ? value : ''), [value]);
  return (
    <textarea
      rows={2}
      value={text}
      placeholder={t('annotate.note.placeholder')}
      data-testid={`note-${q.key}`}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        const next = text.trim() ? text.trim() : null;
        if (next !== (typeof value === 'string' ? value : null)) onSet(q.key, next);
      }}
    />
  );
}

/** Every question of the schema with its keys shown on screen; the annotator's own answers highlighted. */
export function QuestionPanel({ schema, labels, onSet, onRemoveSpan }: Props) {
  const { t, lang } = useI18n();
  const others = labels ? labels.labels.filter((l) => l.annotator !== labels.annotator) : [];
  const names = labelNames(schema, lang);
  return (
    <div className="questions" data-testid="questions">
      {schema.questions.map((q) => {
        const asked = isAsked(q, labels);
        const mine = ownValue(labels, q.key);
        const adjudicated = labels?.adjudications.find((a) => a.question === q.key);
        return (
          <fieldset key={q.key} className={`question${asked ? '' : ' inactive'}`} data-question={q.key}>
            <legend>{title(lang, q)}</legend>
            {(q.kind === 'single' || q.kind === 'multi') && (
              <div className="options">
                {q.options.map((o) => {
                  const on = Array.isArray(mine) ? mine.includes(o.value) : mine === o.value;
                  const next: LabelValue | null =
                    q.kind === 'multi'
                      ? (() => {
                          const s = new Set(Array.isArray(mine) ? mine : []);
                          if (on) s.delete(o.value);
                          else s.add(o.value);
                          return s.size ? [...s].sort() : null;
                        })()
                      : on
                        ? null
                        : o.value;
                  return (
                    <button key={o.value} type="button" tabIndex={-1} className={`option${on ? ' selected' : ''}`} aria-pressed={on} data-value={o.value} onClick={() => onSet(q.key, next)}>
                      {o.hotkey && <kbd>{o.hotkey}</kbd>} {title(lang, o)}
                    </button>
                  );
                })}
              </div>
            )}
            {q.kind === 'rating' && (
              <div className="options" aria-label={t('annotate.rating')}>
                {[1, 2, 3, 4, 5].map((v) => (
                  <button key={v} type="button" tabIndex={-1} className={`option${mine === v ? ' selected' : ''}`} aria-pressed={mine === v} onClick={() => onSet(q.key, mine === v ? null : v)}>
                    {v}
                  </button>
                ))}
              </div>
            )}
            {q.kind === 'note' && <NoteField q={q} value={mine} onSet={onSet} />}
            {q.kind === 'span' && (
              <div className="span-block">
                <div className="options">
                  {q.options.map((o) => (
                    <span key={o.value} className="option static">
                      {o.hotkey && <kbd>{o.hotkey}</kbd>} {title(lang, o)}
                    </span>
                  ))}
                </div>
                <small className="muted">{t('annotate.span.hint')}</small>
                <ul className="span-list">
                  {labels?.spans
                    .filter((s) => s.question === q.key)
                    .map((s) => (
                      <li key={s.id}>
                        <span className="chip">{names.value(q.key, s.label)}</span> {s.start}–{s.end} <span className="muted">{s.annotator}</span>
                        {s.annotator === labels.annotator && (
                          <button type="button" className="icon" tabIndex={-1} aria-label={t('annotate.span.remove')} onClick={() => onRemoveSpan(s.id)}>
                            ✕
                          </button>
                        )}
                      </li>
                    ))}
                </ul>
              </div>
            )}
            {others
              .filter((l) => l.question === q.key)
              .map((l) => (
                <div key={l.id} className="other-vote muted">
                  {t('annotate.others')}: {l.annotator} = {names.value(q.key, l.value)}
                </div>
              ))}
            {adjudicated && (
              <div className="other-vote">
                {t('annotate.adjudicated')}: <strong>{names.value(q.key, adjudicated.value)}</strong> — {adjudicated.reason}
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

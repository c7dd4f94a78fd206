import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';

/** First run: who is labelling on this laptop. */
export function IdentityPrompt({ initial, onChoose, onCancel }: { initial?: string; onChoose(name: string): Promise<void>; onCancel?: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('annotate.identity.empty'));
    try {
      await onChoose(name.trim());
    } catch (err) {
      setError(describeEngineError(t, err));
    }
  };
  return (
    <form className="identity-prompt" onSubmit={submit} data-testid="identity-prompt">
      <h2>{t('annotate.identity.title')}</h2>
      <p className="muted">{t('annotate.identity.body')}</p>
      <label>
        <span>{t('annotate.identity.name')}</span>
        <input autoFocus value={name} maxLength={64} onChange={(e) => setName(e.target.value)} data-testid="identity-name" />
      </label>
      {error && <p className="bad">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" data-testid="identity-save">
          {t('annotate.identity.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('app.close')}
          </button>
        )}
      </div>
    </form>
  );
}

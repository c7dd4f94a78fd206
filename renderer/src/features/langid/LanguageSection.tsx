import { useEffect, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { LanguageShare } from '../../../../shared/contract/langid';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { langName, LANG_CODES } from './names';

/** Document pane: detected language, per-paragraph shares, and the curator's override (audited). */
export function LanguageSection({ doc, refresh }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t, lang, n } = useI18n();
  const [shares, setShares] = useState<LanguageShare[]>([]);
  const [choice, setChoice] = useState(doc.lang ?? '');
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    setChoice(doc.lang ?? '');
    setMessage(null);
    api.call('langid.shares', { id: doc.id }).then((r) => setShares(r.shares), () => setShares([]));
  }, [doc.id, doc.lang]);

  const save = async (value: string | null) => {
    try {
      await api.call('documents.setLanguage', { id: doc.id, lang: value, ...(note ? { note } : {}) });
      setMessage(t('langid.saved'));
      setNote('');
      refresh();
    } catch (e) {
      setMessage(t('langid.error', { m: describeEngineError(t, e) }));
    }
  };
  const chosen = choice === '__other' ? other.trim().toLowerCase() : choice;

  return (
    <div className="langid-section">
      <p>
        {/* A language set by hand was not detected, and its "confidence" (1) is not the detector's. */}
        {t(doc.langSource === 'manual' ? 'langid.current' : 'langid.detected')}: <strong>{langName(doc.lang, lang)}</strong>
        {doc.langConfidence !== null && doc.langSource !== 'manual' && <span className="muted"> · {t('langid.confidence', { p: n(doc.langConfidence * 100) })}</span>}
        {doc.langSource && <span className={`chip ${doc.langSource === 'manual' ? 'state-manual' : ''}`}> {t(`langid.source.${doc.langSource}`)}</span>}
        {doc.codeMixed && <span className="badge"> ⇄ {t('langid.mixed')}</span>}
      </p>
      <h4>{t('langid.shares')}</h4>
      {shares.length === 0 ? (
        <p className="muted">{t('langid.noShares')}</p>
      ) : (
        <ul className="langid-chart small">
          {shares.map((s) => (
            <li key={s.lang}>
              <span className="label">{langName(s.lang, lang)}</span>
              <span className="bar-track">
                <span className={`bar lang-${s.lang}`} style={{ width: `${s.share * 100}%` }} />
              </span>
              <span className="value mono">{n(s.share * 100)}%</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('langid.override')}</h4>
      <div className="langid-override">
        <select aria-label={t('langid.override')} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">—</option>
          {LANG_CODES.map((c) => (
            <option key={c} value={c}>
              {t(`langname.${c}`)}
            </option>
          ))}
          <option value="__other">{t('langid.other')}</option>
        </select>
        {choice === '__other' && <input className="narrow mono" maxLength={3} value={other} onChange={(e) => setOther(e.target.value)} placeholder="xxx" />}
        <input type="text" placeholder={t('langid.overrideNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={!/^[a-z]{3}$/u.test(chosen)} onClick={() => void save(chosen)}>
          {t('langid.save')}
        </button>
        {doc.langSource === 'manual' && (
          <button type="button" className="link" onClick={() => void save(null)}>
            {t('langid.clear')}
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

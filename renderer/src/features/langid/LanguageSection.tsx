import { useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { LanguageShare } from '../../../../shared/contract/langid';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { canonicalLangCode } from '../../../../shared/langid/codes';
import { langName, LANG_CODES, langGroup, sharePercent } from './names';

/** Document pane: detected language, per-paragraph shares, and the curator's override (audited). */
export function LanguageSection({ doc, refresh }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t, lang, n } = useI18n();
  const [shares, setShares] = useState<LanguageShare[]>([]);
  const [choice, setChoice] = useState(doc.lang ?? '');
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const focusStatus = useRef(false);
  // After the render that shows the message (the same text as the last save's, so not keyed on it).
  useEffect(() => {
    if (!focusStatus.current || !status.current) return;
    focusStatus.current = false;
    status.current.focus();
  });

  useEffect(() => {
    setChoice(doc.lang ?? '');
    setOther('');
    api.call('langid.shares', { id: doc.id }).then((r) => setShares(r.shares), () => setShares([]));
  }, [doc.id, doc.lang]);
  useEffect(() => setMessage(null), [doc.id]);

  const save = async (value: string | null) => {
    try {
      // The engine says corpus-changed: the table's rows, its filtered list and this pane fetch again.
      await api.call('documents.setLanguage', { id: doc.id, lang: value, ...(note ? { note } : {}) });
      setMessage(t('langid.saved'));
      setNote('');
      // Out of the text box Enter saved from: the message says Ctrl+Z undoes it, and a text box keeps Ctrl+Z for itself.
      focusStatus.current = document.activeElement instanceof HTMLInputElement;
      refresh();
    } catch (e) {
      setMessage(t('langid.error', { m: describeEngineError(t, e) }));
    }
  };
  // Read as the engine reads it (NLD → nld, zsm → zlm), so what is compared below is what would be stored.
  const chosen = choice === '__other' ? canonicalLangCode(other) : choice || null;
  const manual = doc.langSource === 'manual';
  // Saving the override the document has would change nothing but add an audit entry.
  const unchanged = manual && chosen === doc.lang;
  // Saving the automatic label makes it the curator's: a re-run keeps it.
  const confirms = !manual && chosen !== null && chosen === doc.lang;
  // A code set by hand that is not one of the detector's languages gets its own option, so the select shows it.
  const custom = doc.lang !== null && !LANG_CODES.includes(doc.lang) ? doc.lang : null;

  return (
    <div className="langid-section">
      <p>
        {/* A language set by hand was not detected, and its "confidence" (1) is not the detector's. */}
        {t(doc.langSource === 'manual' ? 'langid.current' : 'langid.detected')}: <strong>{langName(doc.lang, lang)}</strong>
        {/* A rule's `und` has confidence 0 by definition: say which rule, not a number that reads as a broken model. */}
        {doc.langReason !== null ? (
          <span className="muted" data-testid="langid-reason">
            {' '}
            · {t(`langid.reason.${doc.langReason}`)}
          </span>
        ) : (
          doc.langConfidence !== null && doc.langSource !== 'manual' && <span className="muted"> · {t('langid.confidence', { p: n(doc.langConfidence * 100) })}</span>
        )}
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
                <span className={`bar lang-${langGroup(s.lang)}`} style={{ width: `${s.share * 100}%` }} />
              </span>
              <span className="value mono">{sharePercent(s.share, t, n)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('langid.override')}</h4>
      {/* A form, so Enter in the code or note box saves as the button would (when the button could). */}
      <form
        className="langid-override"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen !== null && !unchanged) void save(chosen);
        }}
      >
        <select aria-label={t('langid.override')} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">—</option>
          {LANG_CODES.map((c) => (
            <option key={c} value={c}>
              {t(`langname.${c}`)}
            </option>
          ))}
          {custom !== null && <option value={custom}>{t('langid.otherCode', { code: custom })}</option>}
          <option value="__other">{t('langid.other')}</option>
        </select>
        {choice === '__other' && (
          <input className="narrow mono" maxLength={3} value={other} onChange={(e) => setOther(e.target.value)} placeholder="xxx" aria-label={t('langid.other')} />
        )}
        <input type="text" aria-label={t('langid.overrideNote')} placeholder={t('langid.overrideNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button
          type="submit"
          disabled={chosen === null || unchanged}
          title={unchanged ? t('langid.unchanged') : confirms ? t('langid.confirmHint') : undefined}
        >
          {confirms ? t('langid.confirm') : t('langid.save')}
        </button>
        {manual && (
          <button type="button" className="link" onClick={() => void save(null)}>
            {t('langid.clear')}
          </button>
        )}
      </form>
      {message && (
        <p role="status" ref={status} tabIndex={-1}>
          {message}
        </p>
      )}
    </div>
  );
}

import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { StoredFindingDto } from '../../../../shared/contract/pii';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import './pii.css';

/** Redaction at export: confirmed, or detected at ≥ 0.8 and not dismissed (electron/engine/pii/store.ts). */
const HIGH_CONFIDENCE = 0.8;

function redactedAtExport(f: StoredFindingDto): boolean {
  return f.decision === 'confirmed' || (f.decision === null && f.confidence !== null && f.confidence >= HIGH_CONFIDENCE);
}

/** The document's text with findings highlighted (non-overlapping, in order). */
function MarkedText({ text, findings, active }: { text: string; findings: StoredFindingDto[]; active: number | null }) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  let pos = 0;
  findings.forEach((f, i) => {
    if (f.start < pos) return;
    parts.push(<Fragment key={`t${i}`}>{text.slice(pos, f.start)}</Fragment>);
    parts.push(
      <mark
        key={`m${i}`}
        id={`pii-${i}`}
        className={`pii-mark ${f.category} ${f.decision ?? ''} ${active === i ? 'active' : ''}`}
        title={`${t(`piitype.${f.type}`)}${f.confidence !== null ? ` · ${t('pii.confidence', { p: Math.round(f.confidence * 100) })}` : ''}`}
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    pos = f.end;
  });
  parts.push(<Fragment key="end">{text.slice(pos)}</Fragment>);
  return <div className="pii-text">{parts}</div>;
}

/** Document pane: personal data found in the open document, with confirm / dismiss per finding (audited). */
export function PiiSection({ doc, refresh }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t } = useI18n();
  const [findings, setFindings] = useState<StoredFindingDto[]>([]);
  const [preview, setPreview] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await api.call('pii.findings', { documentId: doc.id });
      if (doc.piiCount === null && r.findings.length === 0 && doc.text.length <= 20_000) {
        // Not scanned yet: show what the detectors see, read-only.
        const d = await api.call('pii.detect', { text: doc.text });
        setFindings(d.findings.map((f) => ({ ...f, decision: null })));
        setPreview(true);
      } else {
        setFindings(r.findings);
        setPreview(false);
      }
    } catch (e) {
      setMessage(t('pii.error', { m: describeEngineError(t, e) }));
    }
  }, [doc.id, doc.piiCount, doc.text, t]);

  useEffect(() => {
    setMessage(null);
    setActive(null);
    void load();
  }, [load]);

  const decide = async (f: StoredFindingDto, decision: 'confirmed' | 'dismissed' | 'clear') => {
    try {
      await api.call('pii.decide', { documentId: doc.id, type: f.type, start: f.start, end: f.end, decision });
      await load();
      refresh();
    } catch (e) {
      setMessage(t('pii.error', { m: describeEngineError(t, e) }));
    }
  };

  return (
    <div className="pii-section" data-testid="pii-section">
      {preview && <p className="muted">{t('pii.notScanned')}</p>}
      {findings.length === 0 ? (
        <p className="muted">{t('pii.none')}</p>
      ) : (
        <>
          <MarkedText text={doc.text} findings={findings} active={active} />
          <ul className="pii-list">
            {findings.map((f, i) => (
              <li data-testid="pii-finding" data-type={f.type} data-decision={f.decision ?? ''} key={`${f.start}-${f.end}-${f.type}`} onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(null)}>
                <span className={`chip pii-${f.category}`}>{t(`piitype.${f.type}`)}</span>
                <span className="value">{doc.text.slice(f.start, f.end)}</span>
                <span className="muted">
                  {f.confidence !== null ? t('pii.confidence', { p: Math.round(f.confidence * 100) }) : t('pii.manualOnly')}
                  {f.decision ? ` · ${t(`pii.decision.${f.decision}`)}` : ''}
                  {' · '}
                  {redactedAtExport(f) ? t('pii.redactedAtExport') : t('pii.keptAtExport')}
                </span>
                {!preview && (
                  <span className="actions">
                    {f.decision !== 'confirmed' && (
                      <button type="button" onClick={() => void decide(f, 'confirmed')}>
                        {t('pii.confirm')}
                      </button>
                    )}
                    {f.decision !== 'dismissed' && (
                      <button type="button" onClick={() => void decide(f, 'dismissed')}>
                        {t('pii.dismiss')}
                      </button>
                    )}
                    {f.decision && (
                      <button type="button" className="link" onClick={() => void decide(f, 'clear')}>
                        {t('pii.undo')}
                      </button>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

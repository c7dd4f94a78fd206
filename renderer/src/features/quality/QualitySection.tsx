import { useEffect, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { Output } from '../../../../shared/contract';
import { SIGNAL_NAMES } from '../../../../shared/contract/quality';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import './quality.css';

/** Document pane: pass/fail, the rules it fails and every signal. */
export function QualitySection({ doc }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t, n } = useI18n();
  const [q, setQ] = useState<Output<'quality.document'>['quality']>(null);
  const [rules, setRules] = useState<Output<'quality.rules.get'>['rules']>([]);

  useEffect(() => {
    api.call('quality.document', { documentId: doc.id }).then((r) => setQ(r.quality), () => setQ(null));
    api.call('quality.rules.get', {}).then((r) => setRules(r.rules), () => setRules([]));
  }, [doc.id, doc.qualityPass]);

  if (!q) return <p className="muted">{t('quality.notComputed')}</p>;
  const failedSignals = new Set(rules.filter((r) => q.reasons.includes(r.id)).map((r) => r.signal));
  return (
    <div className="quality-section" data-testid="quality-section">
      <p>
        <span className={`quality-badge ${q.pass ? 'pass' : 'fail'}`}>{q.pass ? `✓ ${t('quality.pass')}` : `✗ ${t('quality.fail')}`}</span>
        {q.reasons.length > 0 && (
          <span>
            {' · '}
            {t('quality.reasons')}: <span className="mono">{q.reasons.join(', ')}</span>
          </span>
        )}
      </p>
      <details>
        <summary>{t('quality.signals')}</summary>
        <table className="quality-signals">
          <tbody>
            {SIGNAL_NAMES.map((s) => (
              <tr key={s} className={failedSignals.has(s) ? 'failed' : ''}>
                <td>{t(`signal.${s}`)}</td>
                <td className="num">{n(Math.round((q.signals[s] ?? 0) * 1000) / 1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { QuestionAgreement } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { useShell } from '../../shell/context';

/** Raw agreement, Cohen's kappa (two annotators) and Krippendorff's alpha (nominal) per question. */
export function AgreementView() {
  const { t } = useI18n();
  const { corpusVersion } = useShell();
  const [rows, setRows] = useState<QuestionAgreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('agreement.compute', {}).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [corpusVersion]);
  if (error) return <ErrorState title={t('app.error')} message={error} />;
  if (!rows) return <Spinner label={t('app.loading')} />;
  if (rows.every((r) => r.items === 0)) return <EmptyState icon="≈" title={t('agreement.empty')} />;
  const f = (x: number | null) => (x === null ? t('agreement.na') : x.toFixed(3));
  return (
    <table data-testid="agreement-table">
      <thead>
        <tr>
          <th>{t('agreement.question')}</th>
          <th>{t('agreement.annotators')}</th>
          <th>{t('agreement.items')}</th>
          <th>{t('agreement.raw')}</th>
          <th>{t('agreement.kappa')}</th>
          <th>{t('agreement.alpha')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.question}>
            <td>{r.question}</td>
            <td>{r.annotators.join(', ')}</td>
            <td>{r.items}</td>
            <td>{f(r.rawAgreement)}</td>
            <td>{f(r.cohensKappa)}</td>
            <td>{f(r.krippendorffAlpha)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

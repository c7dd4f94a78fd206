import { useEffect, useState } from 'react';
import { agreementResult, type QuestionAgreement } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useLabelNames } from './useLabelNames';
import { waitForJob } from './waitForJob';

/** Raw agreement, Cohen's kappa (two annotators) and Krippendorff's alpha (nominal) per question. */
export function AgreementView() {
  const { t } = useI18n();
  const names = useLabelNames();
  const [rows, setRows] = useState<QuestionAgreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // Computed in a job (it reads every label), on opening and on request — not on every corpus change,
  // since the job's own end is a corpus change.
  useEffect(() => {
    let live = true;
    setRows(null);
    api
      .call('agreement.compute', {})
      .then((r) => waitForJob(r.jobId, agreementResult))
      .then(
        (r) => live && setRows(r),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [round]);
  if (error) return <ErrorState title={t('app.error')} message={describeEngineMessage(t, error)} />;
  if (!rows) return <Spinner label={t('app.loading')} />;
  const again = (
    <button type="button" onClick={() => setRound((x) => x + 1)} data-testid="agreement-refresh">
      {t('agreement.refresh')}
    </button>
  );
  if (rows.every((r) => r.items === 0))
    return <EmptyState icon="≈" title={t('agreement.empty')} action={again} />;
  const f = (x: number | null) => (x === null ? t('agreement.na') : x.toFixed(3));
  return (
    <div>
      {again}
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
              <td>{names.question(r.question)}</td>
              <td>{r.annotators.join(', ')}</td>
              <td>{r.items}</td>
              <td>{f(r.rawAgreement)}</td>
              <td>{f(r.cohensKappa)}</td>
              <td>{f(r.krippendorffAlpha)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

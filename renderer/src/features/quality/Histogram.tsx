import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { SIGNAL_NAMES, type QualityRule, type SignalName } from '../../../../shared/contract/quality';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';

/** Histogram of one signal; bins beyond an enabled rule's threshold are drawn as dropped. */
export function Histogram({ rules, version }: { rules: QualityRule[]; version: number }) {
  const { t, n } = useI18n();
  const [signal, setSignal] = useState<SignalName>('word_count');
  const [h, setH] = useState<Output<'quality.histogram'> | null>(null);

  useEffect(() => {
    api.call('quality.histogram', { signal, bins: 40 }).then(setH, () => setH(null));
  }, [signal, version]);

  const active = rules.filter((r) => r.enabled && r.signal === signal);
  const dropped = (lo: number, hi: number): boolean => active.some((r) => (r.op === 'min' ? hi <= r.value : lo > r.value));
  const max = Math.max(1, ...(h?.bins.map((b) => b.count) ?? [1]));
  return (
    <section className="quality-histogram">
      <h2>{t('quality.histogram')}</h2>
      <label>
        {t('quality.histogram.signal')}{' '}
        <select value={signal} onChange={(e) => setSignal(e.target.value as SignalName)}>
          {SIGNAL_NAMES.map((s) => (
            <option key={s} value={s}>
              {t(`signal.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {active.length > 0 && (
        <span className="muted">
          {' · '}
          {t('quality.histogram.threshold')}: {active.map((r) => `${r.op === 'min' ? '≥' : '≤'} ${r.value}`).join(', ')}
        </span>
      )}
      {h && (
        <>
          <div className="quality-hist" data-testid="quality-hist" role="img" aria-label={t(`signal.${signal}`)}>
            {h.bins.map((b, i) => (
              <div
                key={i}
                className={`bin${dropped(b.lo, b.hi) ? ' dropped' : ''}`}
                style={{ height: `${(b.count / max) * 100}%` }}
                title={`${n(b.lo)} – ${n(b.hi)}: ${n(b.count)}`}
              />
            ))}
          </div>
          <div className="quality-hist-axis mono">
            <span>{n(h.min)}</span>
            <span>{n(h.max)}</span>
          </div>
        </>
      )}
    </section>
  );
}

import { useI18n } from '../../i18n';
import { langName } from './names';

interface Row {
  lang: string;
  documents: number;
  codeMixed: number;
}

/** Horizontal bars, one per language, scaled to the largest; drawn with plain elements so it needs no chart library. */
export function BreakdownChart({ rows }: { rows: Row[] }) {
  const { n, lang, t } = useI18n();
  const total = rows.reduce((s, r) => s + r.documents, 0) || 1;
  const max = Math.max(1, ...rows.map((r) => r.documents));
  return (
    <ul className="langid-chart" aria-label={t('langid.chart')}>
      {rows.map((r) => (
        <li key={r.lang}>
          <span className="label">{langName(r.lang, lang)}</span>
          <span className="bar-track">
            <span className={`bar lang-${r.lang}`} style={{ width: `${(r.documents / max) * 100}%` }} />
          </span>
          <span className="value mono">
            {n(r.documents)} · {n((r.documents / total) * 100)}%
          </span>
        </li>
      ))}
    </ul>
  );
}

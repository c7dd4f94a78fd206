import { useI18n } from '../../i18n';
import { langGroup, langName, sharePercent, type LangGroup } from './names';

interface Row {
  lang: string;
  documents: number;
  codeMixed: number;
}

const LEGEND: readonly LangGroup[] = ['home', 'other', 'und'];

/**
 * Horizontal bars, one per language, scaled to the largest; drawn with plain elements so it needs no chart library.
 * Each bar is a button that opens the language's documents in the corpus browser. The legend says what the colours
 * mean, for the groups the chart shows.
 */
export function BreakdownChart({ rows, onOpen }: { rows: Row[]; onOpen(lang: string): void }) {
  const { n, lang, t } = useI18n();
  const total = rows.reduce((s, r) => s + r.documents, 0) || 1;
  const max = Math.max(1, ...rows.map((r) => r.documents));
  const shown = new Set(rows.map((r) => langGroup(r.lang)));
  return (
    <>
      <ul className="langid-chart" aria-label={t('langid.chart')} data-testid="langid-chart">
        {rows.map((r) => {
          const label = t('langid.openDocuments', { n: r.documents, lang: langName(r.lang, lang) });
          return (
            <li key={r.lang} className="opens" data-lang={r.lang}>
              <button type="button" className="langid-row" aria-label={label} title={label} onClick={() => onOpen(r.lang)}>
                <span className="label">{langName(r.lang, lang)}</span>
                <span className="bar-track">
                  <span className={`bar lang-${langGroup(r.lang)}`} style={{ width: `${(r.documents / max) * 100}%` }} />
                </span>
                <span className="value mono" data-testid="langid-share">
                  {n(r.documents)} · {sharePercent(r.documents / total, t, n)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <ul className="langid-legend" data-testid="langid-legend">
        {LEGEND.filter((g) => shown.has(g)).map((g) => (
          <li key={g} data-group={g}>
            <span className={`swatch lang-${g}`} aria-hidden /> {t(`langid.legend.${g}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

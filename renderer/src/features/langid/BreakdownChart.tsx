import { useI18n } from '../../i18n';
import { langName } from './names';

interface Row {
  lang: string;
  documents: number;
  codeMixed: number;
}

/**
 * Horizontal bars, one per language, scaled to the largest; drawn with plain elements so it needs no chart library.
 * Each bar is a button that opens the language's documents in the corpus browser.
 */
export function BreakdownChart({ rows, onOpen }: { rows: Row[]; onOpen(lang: string): void }) {
  const { n, lang, t } = useI18n();
  const total = rows.reduce((s, r) => s + r.documents, 0) || 1;
  const max = Math.max(1, ...rows.map((r) => r.documents));
  return (
    <ul className="langid-chart" aria-label={t('langid.chart')} data-testid="langid-chart">
      {rows.map((r) => {
        const label = t('langid.openDocuments', { n: r.documents, lang: langName(r.lang, lang) });
        return (
          <li key={r.lang} className="opens" data-lang={r.lang}>
            <button type="button" className="langid-row" aria-label={label} title={label} onClick={() => onOpen(r.lang)}>
              <span className="label">{langName(r.lang, lang)}</span>
              <span className="bar-track">
                <span className={`bar lang-${r.lang}`} style={{ width: `${(r.documents / max) * 100}%` }} />
              </span>
              <span className="value mono">
                {n(r.documents)} · {n((r.documents / total) * 100)}%
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect, useRef } from 'react';
import type { SearchOutput } from '../../../../shared/contract/browse';
import { Highlighted } from '../../components/Highlighted';
import { EmptyState } from '../../components/States';
import { useI18n } from '../../i18n';

/** Top hits of a full-text search, each with its highlighted snippet. */
export function SearchResults(props: {
  q: string;
  result: SearchOutput;
  selected: number | null;
  onSelect(index: number): void;
  onOpen(index: number): void;
  onShowInTable(): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { result } = props;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (props.selected === null) return;
    list.current?.children[props.selected]?.scrollIntoView({ block: 'nearest' });
  }, [props.selected]);
  return (
    <div className="search-results" data-testid="search-results">
      <div className="search-summary">
        <span>{result.totalExact ? t('search.results', { n: result.total }) : t('search.resultsApprox', { n: result.total })}</span>
        <span className="muted">{t('search.took', { ms: Math.round(result.tookMs) })}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={props.onShowInTable}>
          {t('search.showInTable')}
        </button>
        <button type="button" className="link" onClick={props.onBack}>
          {t('search.back')}
        </button>
      </div>
      {result.hits.length === 0 ? (
        <EmptyState icon="∅" title={t('search.none', { q: props.q })} />
      ) : (
        <ol ref={list}>
          {result.hits.map((h, i) => (
            <li
              key={h.id}
              className={`hit${i === props.selected ? ' selected' : ''}`}
              aria-selected={i === props.selected}
              onClick={() => props.onSelect(i)}
              onDoubleClick={() => props.onOpen(i)}
            >
              <div className="hit-head">
                <span className="mono muted">#{h.id}</span>
                <span className="chip">{h.sourceName}</span>
                {h.lang && <span className="chip">{h.lang}</span>}
                <span className="muted">{h.externalId}</span>
              </div>
              <p className="snippet">
                <Highlighted parts={h.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

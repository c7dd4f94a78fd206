import type { ColumnDef } from '@tanstack/react-table';
import type { DocumentFilters, DocumentSummary } from '../../../../shared/contract/browse';
import type { SourceRecord } from '../../../../shared/contract/corpus';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

type FilterValue = string | number | boolean | undefined;

/** Filters generated from the columns' `meta.filter`; values go straight into documents.list. */
export function FilterBar(props: {
  columns: ColumnDef<DocumentSummary>[];
  filters: DocumentFilters;
  sources: SourceRecord[];
  onChange(filters: DocumentFilters): void;
}) {
  const { t } = useI18n();
  const set = (key: string, value: FilterValue) => {
    const next: Record<string, unknown> = { ...props.filters };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    props.onChange(next as DocumentFilters);
  };
  const current = props.filters as Record<string, FilterValue>;
  const active = Object.keys(props.filters).filter((k) => k !== 'q').length;
  return (
    <div className="filter-bar" role="group" aria-label="filters">
      {props.columns.map((c) => {
        const f = c.meta?.filter;
        if (!f) return null;
        const value = current[f.key];
        const id = `filter-${f.key}`;
        let control;
        if (f.Control) {
          control = <f.Control id={id} filters={props.filters} onChange={props.onChange} />;
        } else if (f.kind === 'select' && f.key === 'sourceId') {
          control = (
            <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => set(f.key, e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">{t('filter.any')}</option>
              {props.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          );
        } else if (f.kind === 'select' || f.kind === 'boolean') {
          const options = f.options ?? [];
          control = (
            <select
              id={id}
              value={value === undefined ? '' : String(value)}
              onChange={(e) => set(f.key, e.target.value === '' ? undefined : f.kind === 'boolean' ? e.target.value === 'true' : e.target.value)}
            >
              <option value="">{t('filter.any')}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {t(o.label)}
                </option>
              ))}
              {/* A value set from elsewhere that is not offered (a language code set by hand): shown as it is, not as "any". */}
              {value !== undefined && !options.some((o) => o.value === String(value)) && <option value={String(value)}>{String(value)}</option>}
            </select>
          );
        } else if (f.kind === 'number') {
          control = (
            <CountFilter id={id} value={typeof value === 'number' ? value : undefined} onChange={(v) => set(f.key, v)} invalidText={t('filter.countInvalid')} />
          );
        } else {
          control = <input id={id} type="text" className="narrow" value={value === undefined ? '' : String(value)} onChange={(e) => set(f.key, e.target.value.trim() || undefined)} />;
        }
        return (
          <label key={f.key} className="filter" htmlFor={id}>
            <span>{t(f.label)}</span>
            {control}
          </label>
        );
      })}
      {active > 0 && (
        <button type="button" className="link" onClick={() => props.onChange(props.filters.q ? { q: props.filters.q } : {})}>
          {t('browser.clearFilters')}
        </button>
      )}
    </div>
  );
}

/** A whole number ≥ 0 as typed: the number, undefined when empty, null when it is not one. */
function parseCount(text: string): number | undefined | null {
  const v = text.trim();
  if (v === '') return undefined;
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/**
 * A whole number ≥ 0. What the user types is kept as typed; the filter changes only when it is a valid count, so
 * "-1" or "1.5" marks the field instead of sending the list request something it refuses.
 */
export function CountFilter(props: { id: string; value: number | undefined; onChange(v: number | undefined): void; invalidText: string }) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  useEffect(() => {
    // Cleared or set from outside (the "clear filters" button): show that, unless an invalid entry is being fixed.
    setText((cur) => {
      const c = parseCount(cur);
      if (c === null || c === props.value) return cur;
      return props.value === undefined ? '' : String(props.value);
    });
  }, [props.value]);
  const valid = parseCount(text) !== null;
  return (
    <input
      id={props.id}
      type="number"
      min={0}
      step={1}
      className="narrow"
      value={text}
      aria-invalid={!valid}
      title={valid ? undefined : props.invalidText}
      onChange={(e) => {
        setText(e.target.value);
        const c = parseCount(e.target.value);
        if (c !== null) props.onChange(c);
      }}
    />
  );
}

import { useEffect, useRef, useState } from 'react';
import type { DocumentFilters } from '../../../../shared/contract/browse';
import { BROWSE_SIGNALS, SIGNAL_NAMES, type BrowseSignal, type SignalName } from '../../../../shared/contract/quality';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import type { FilterControlProps } from '../browser/ColumnMenu';
import type { BrowserColumnDef } from '../types';
import './quality.css';

const browsable = new Set<string>(BROWSE_SIGNALS);

function isBrowseSignal(s: SignalName): s is BrowseSignal {
  return browsable.has(s);
}

/** Counts show as integers, shares and ratios with three decimals. */
function format(signal: SignalName, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return signal === 'word_count' || signal === 'line_count' || signal === 'lorem_ipsum' || signal === 'boilerplate_markers' ? String(Math.round(v)) : v.toFixed(3);
}

function withRange(filters: DocumentFilters, signal: BrowseSignal, range: { min?: number; max?: number }): DocumentFilters {
  const signals = { ...(filters.signals ?? {}) };
  if (range.min === undefined && range.max === undefined) delete signals[signal];
  else signals[signal] = range;
  const { signals: _old, ...rest } = filters;
  return Object.keys(signals).length ? { ...rest, signals } : rest;
}

/** Min–max filter on one indexed signal (either end may stay empty); applied after a pause in typing. */
function rangeControl(signal: BrowseSignal) {
  return function RangeFilter({ id, filters, onChange }: FilterControlProps) {
    const { t } = useI18n();
    const applied = filters.signals?.[signal];
    const shown = { min: applied?.min === undefined ? '' : String(applied.min), max: applied?.max === undefined ? '' : String(applied.max) };
    const [draft, setDraft] = useState(shown);
    const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
    const latest = useRef({ filters, onChange });
    latest.current = { filters, onChange };
    // Cleared or changed elsewhere ("clear filters"): show what applies.
    useEffect(() => setDraft(shown), [shown.min, shown.max]);
    useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
    const step = signal === 'word_count' ? 1 : signal === 'mean_word_length' ? 0.1 : 0.01;
    const edit = (end: 'min' | 'max', text: string) => {
      const next = { ...draft, [end]: text };
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
        const range: { min?: number; max?: number } = {};
        const lo = num(next.min);
        const hi = num(next.max);
        if (lo !== undefined) range.min = lo;
        if (hi !== undefined) range.max = hi;
        latest.current.onChange(withRange(latest.current.filters, signal, range));
      }, 300);
    };
    const input = (end: 'min' | 'max') => (
      <input
        id={end === 'min' ? id : undefined}
        type="number"
        step={step}
        className="narrow"
        placeholder={t(`quality.range.${end}`)}
        aria-label={`${t(`signal.${signal}`)} ${t(`quality.range.${end}`)}`}
        data-testid={`range-${signal}-${end}`}
        value={draft[end]}
        onChange={(e) => edit(end, e.target.value)}
      />
    );
    return (
      <span className="quality-range">
        {input('min')}–{input('max')}
      </span>
    );
  };
}

/** "Fails rule …" filter: the corpus's rules as options. */
function ReasonFilter({ id, filters, onChange }: FilterControlProps) {
  const { t } = useI18n();
  const [rules, setRules] = useState<string[]>([]);
  useEffect(() => {
    api.call('quality.rules.get', {}).then((r) => setRules(r.rules.map((x) => x.id)), () => setRules([]));
  }, []);
  return (
    <select
      id={id}
      data-testid="filter-quality-reason"
      value={filters.qualityReason ?? ''}
      onChange={(e) => {
        const { qualityReason: _old, ...rest } = filters;
        onChange(e.target.value ? { ...rest, qualityReason: e.target.value } : rest);
      }}
    >
      <option value="">{t('filter.any')}</option>
      {rules.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

const RANGE_CONTROLS = new Map(BROWSE_SIGNALS.map((s) => [s, rangeControl(s)]));

/** One hidden-by-default column per signal; the indexed ones sort and carry a range filter. */
export const signalColumns: BrowserColumnDef[] = SIGNAL_NAMES.map((signal) => (t) => ({
  id: `signal-${signal}`,
  header: t(`qcol.${signal}`),
  accessorFn: (r) => r.signals?.[signal],
  cell: (c) => (
    <span className="mono" title={t(`signal.${signal}`)}>
      {format(signal, c.row.original.signals?.[signal])}
    </span>
  ),
  meta: {
    width: 96,
    align: 'end',
    defaultHidden: true,
    withSignal: signal,
    ...(isBrowseSignal(signal)
      ? { sort: `signal:${signal}`, filter: { key: `signals.${signal}`, kind: 'number' as const, label: `qcol.${signal}`, Control: RANGE_CONTROLS.get(signal) } }
      : {}),
  },
}));

/** The rules a document fails, with a "fails rule …" filter. */
export const reasonsColumn: BrowserColumnDef = (t) => ({
  id: 'quality-reasons',
  header: t('qcol.reasons'),
  accessorFn: (r) => r.qualityReasons?.join(', '),
  cell: (c) => {
    const reasons = c.row.original.qualityReasons;
    if (!reasons) return <span className="muted">—</span>;
    return reasons.length ? <span className="quality-reasons mono" title={reasons.join(', ')}>{reasons.join(', ')}</span> : <span className="ok">✓</span>;
  },
  meta: { width: 170, defaultHidden: true, withSignal: 'word_count', filter: { key: 'qualityReason', kind: 'select', label: 'qcol.reasons', Control: ReasonFilter } },
});

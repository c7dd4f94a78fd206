import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import { api } from '../../api/client';
import { useI18n, type Translate } from '../../i18n';
import { useShell } from '../../shell/context';
import { actionName } from '../audit/undo';
import { formatValue } from './keys';
import { rawNames, type LabelNames } from './labelNames';
import { useLabelNames } from './useLabelNames';

type Row = Output<'audit.history'>[number];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = formatValue;

/**
 * One side (before or after) of an entry, short: a label's value, a language, a licence, a PII decision… Label
 * questions and options read as the schema names them (`names`).
 */
export function describeState(v: unknown, names: LabelNames = rawNames): string {
  if (!isObject(v)) return show(v);
  // Undo/redo entries wrap the state they moved to.
  const inner = 'state' in v ? v.state : v;
  const question = typeof v.question === 'string' ? v.question : null;
  const prefix = question !== null ? `${names.question(question)}: ` : '';
  const value = (x: unknown) => (question !== null ? names.value(question, x) : show(x));
  if (Array.isArray(v.documentIds)) return `#${v.documentIds.join(', #')}${Array.isArray(v.clusters) ? ` · ${v.clusters.length} ⧉` : ''}`;
  if (Array.isArray(inner)) return inner.map((m) => (isObject(m) ? `#${show(m.documentId)}→${show(m.clusterId)}` : show(m))).join(', ');
  if (!isObject(inner)) return `${prefix}${value(inner)}`;
  if ('label' in inner && 'start' in inner) return `${prefix}${value(inner.label)} ${show(inner.start)}–${show(inner.end)}`;
  if ('value' in inner) return `${prefix}${value(inner.value)}`;
  // An adjudication's before: the earlier adjudication (usually none) and the votes it settled.
  if ('adjudication' in inner && Array.isArray(inner.votes)) {
    const votes = inner.votes.map((x) => (isObject(x) ? `${show(x.annotator)} = ${value(x.value)}` : show(x))).join(', ');
    return `${prefix}${value(inner.adjudication)}${votes ? ` (${votes})` : ''}`;
  }
  if ('lang' in inner) return `${show(inner.lang)}${inner.source === 'manual' ? ' ✎' : ''}`;
  if ('decision' in inner) return `${show(inner.type)} ${show(inner.start)}–${show(inner.end)}: ${show(inner.decision)}`;
  if ('concludedLicense' in inner || 'concluded' in inner) {
    const lic = 'concludedLicense' in inner ? inner.concludedLicense : inner.concluded;
    const state = inner.reviewState ?? inner.state;
    return `${show(lic)}${state !== undefined ? ` (${show(state)})` : ''}`;
  }
  if ('reviewState' in inner) return show(inner.reviewState);
  return prefix + Object.entries(inner).map(([k, x]) => `${k}=${show(x)}`).join(' ');
}

/** Undo/redo entries carry an English note from the engine ("undo of action 10"); others are people's own words. */
function describeNote(t: Translate, note: string): string {
  const m = /^(undo|redo) of (?:action|audit entry) (\d+)$/.exec(note);
  return m ? t(m[1] === 'undo' ? 'audit.note.undoOf' : 'audit.note.redoOf', { id: m[2]! }) : note;
}

/**
 * Who did what to this document, newest first: labels, spans, language override, duplicate decisions naming it,
 * PII decisions, its licence and its source's licence decisions, and every undo/redo of those (others' labels
 * hidden in blind mode).
 */
/** `version`: anything that changes when the history may have (a counter, the document's latest copy). */
export function HistoryPane({ documentId, version, titled = true }: { documentId: number; version: unknown; titled?: boolean }) {
  const { t, lang } = useI18n();
  const { corpusVersion } = useShell();
  const names = useLabelNames();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let live = true;
    api.call('audit.history', { documentId, limit: 50 }).then((r) => live && setRows(r), () => live && setRows([]));
    return () => {
      live = false;
    };
  }, [documentId, version, corpusVersion]);
  return (
    <section className="history" data-testid="history">
      {titled && <h3>{t('annotate.history')}</h3>}
      {rows.length === 0 ? (
        <p className="muted">{t('annotate.history.empty')}</p>
      ) : (
        <ol>
          {rows.map((r) => (
            <li key={r.id} data-action={r.action}>
              <time className="muted mono" dateTime={r.at}>
                {new Date(r.at).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}
              </time>{' '}
              <strong>{r.actor}</strong> <span className="chip" title={r.action}>{actionName(t, r.action)}</span>{' '}
              {r.entity === 'source' && <span className="chip source">{t('audit.source')} {r.entityId}</span>}
              {r.entity === 'dedupe-cluster' && <span className="chip cluster">{t('audit.cluster')} {r.entityId}</span>}{' '}
              <span className="mono">
                {describeState(r.before, names)} → {describeState(r.after, names)}
              </span>
              {r.note && <span className="muted"> — {describeNote(t, r.note)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The history as a section of the browser's document pane. */
export function DocHistory({ doc }: { doc: DocumentRecord; query: string; refresh(): void }) {
  // The pane fetches the document again after every action in it (language, PII, licence…): each new copy is news.
  // The pane's section already has a heading ("Riwayat dokumen").
  return <HistoryPane documentId={doc.id} version={doc} titled={false} />;
}

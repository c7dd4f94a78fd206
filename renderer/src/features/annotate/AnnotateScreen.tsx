import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentLabels, LabelSchema, LabelValue, QueueFilter } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineError, describeEngineMessage } from '../../i18n/engine-messages';
import { QueueFilterBar } from './FilterBar';
import { HistoryPane } from './HistoryPane';
import { IdentityPrompt } from './IdentityPrompt';
import { codePointOffset, keyAction, type KeyAction } from './keys';
import { labelNames } from './labelNames';
import { QuestionPanel } from './QuestionPanel';
import { DocText } from './DocText';
import { useAnnotator } from './useAnnotator';
import { useQueue } from './useQueue';
import { callUndo, setScreenUndoHandler, undoMessage } from '../audit/undo';
import './annotate.css';

const FILTER_KEY = 'kurasi-annotate-filter';

function savedFilter(): QueueFilter {
  try {
    return JSON.parse(localStorage.getItem(FILTER_KEY) ?? '{}') as QueueFilter;
  } catch {
    return {};
  }
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

/**
 * Keyboard-first labeling: one key per label (shown on screen), Enter moves on, `u` undoes, `s` skips. Every
 * key press is saved by the engine at once; presses are handled strictly in order so fast typing stays right.
 */
export function AnnotateScreen() {
  const { t, lang } = useI18n();
  const who = useAnnotator();
  const [changing, setChanging] = useState(false);
  const [filter, setFilter] = useState<QueueFilter>(savedFilter);
  const queue = useQueue(filter);
  const [schema, setSchema] = useState<LabelSchema | null>(null);
  const [labels, setLabels] = useState<DocumentLabels | null>(null);
  const labelsRef = useRef<DocumentLabels | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // Documents, not submissions: one labelled again after an undo is counted once.
  const [labelled, setLabelled] = useState<ReadonlySet<number>>(() => new Set());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const textRef = useRef<HTMLDivElement>(null);

  const putLabels = useCallback((l: DocumentLabels | null) => {
    labelsRef.current = l;
    setLabels(l);
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    api.call('labels.schema', {}).then(setSchema, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    if (!who.name) return;
    queue.start().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [who.name, filter]);

  /** Makes sure the answers on screen are the current document's (a key's meaning depends on them). */
  const syncLabels = useCallback(async () => {
    const p = queue.posRef.current;
    if (!p) return putLabels(null);
    // Another person at the laptop ("Ganti") on the same document: the answers on screen were the last person's.
    const held = labelsRef.current;
    if (held?.documentId !== p.doc.id || held.annotator !== who.name) putLabels(await api.call('labels.forDocument', { documentId: p.doc.id }));
  }, [putLabels, queue.posRef, who.name]);

  const docId = queue.pos?.doc.id ?? null;
  useEffect(() => {
    // Through the same chain as key presses, so a late answer never overwrites a newer one.
    chain.current = chain.current.then(syncLabels).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [docId, syncLabels]);

  const perform = useCallback(
    async (action: KeyAction) => {
      if (!schema) return;
      // Before the document check: on the finished queue the last label can still be undone (it brings the document back).
      if (action.kind === 'undo' || action.kind === 'redo') {
        const r = await callUndo(action.kind);
        if (r.actionId === null) return setStatus({ kind: 'bad', text: t(action.kind === 'undo' ? 'annotate.nothingToUndo' : 'annotate.nothingToRedo') });
        // Undo covers every feature's actions (a language override, a licence decision…): go to its document if it has one.
        if (r.documentId !== null) {
          await queue.goTo(r.documentId);
          putLabels(await api.call('labels.forDocument', { documentId: r.documentId }));
        } else setVersion((v) => v + 1);
        setStatus({ kind: 'ok', text: undoMessage(t, action.kind, r, labelNames(schema, lang).question) });
        return;
      }
      const pos = queue.posRef.current;
      if (!pos) return;
      const started = performance.now();
      if (action.kind === 'submit' || action.kind === 'skip') {
        if (action.kind === 'submit' && labelsRef.current?.labels.some((l) => l.annotator === labelsRef.current?.annotator)) {
          const id = pos.doc.id;
          setLabelled((s) => (s.has(id) ? s : new Set(s).add(id)));
        }
        setStatus(action.kind === 'skip' ? { kind: 'ok', text: t('annotate.skipped') } : null);
        const { wrapped } = await queue.advance();
        if (wrapped) setStatus({ kind: 'ok', text: t('annotate.wrapped') });
        await syncLabels();
        return;
      }
      if (action.kind === 'span') {
        const sel = window.getSelection();
        const box = textRef.current;
        if (!sel || sel.isCollapsed || !box || !sel.anchorNode || !box.contains(sel.anchorNode)) return;
        const range = sel.getRangeAt(0);
        const before = document.createRange();
        before.selectNodeContents(box);
        before.setEnd(range.startContainer, range.startOffset);
        const text = pos.doc.text;
        const startU = before.toString().length;
        const endU = startU + range.toString().length;
        const r = await api.call('labels.addSpan', { documentId: pos.doc.id, question: action.question, label: action.label, start: codePointOffset(text, startU), end: codePointOffset(text, endU) });
        sel.removeAllRanges();
        putLabels(r.labels);
      } else {
        // One key press is one call: its answers are saved together and undone as one step.
        putLabels((await api.call('labels.setMany', { documentId: pos.doc.id, steps: action.steps })).labels);
      }
      setStatus({ kind: 'ok', text: t('annotate.saved', { ms: Math.round(performance.now() - started) }) });
    },
    [lang, putLabels, queue, schema, syncLabels, t],
  );

  /** Actions run one after another; a key's meaning is worked out when its turn comes, against the saved answers. */
  const enqueue = useCallback(
    (action: KeyAction | (() => KeyAction | null)) => {
      chain.current = chain.current
        .then(async () => {
          await syncLabels();
          const a = typeof action === 'function' ? action() : action;
          if (a) await perform(a);
        })
        .catch((e: unknown) => setStatus({ kind: 'bad', text: `${t('annotate.error')}: ${describeEngineError(t, e)}` }));
    },
    [perform, syncLabels, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!schema || !who.name || changing || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (!keyAction(schema, labelsRef.current, e.key)) return;
      e.preventDefault();
      const key = e.key;
      enqueue(() => keyAction(schema, labelsRef.current, key));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [schema, who.name, changing, enqueue]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y here go through the same ordered chain as `u` and `U`.
  useEffect(() => {
    setScreenUndoHandler((direction) => enqueue({ kind: direction }));
    return () => setScreenUndoHandler(null);
  }, [enqueue]);

  const onSet = (question: string, value: LabelValue | null) => enqueue({ kind: 'set', steps: [{ question, value }] });
  const onRemoveSpan = (spanId: number) => {
    chain.current = chain.current.then(async () => putLabels((await api.call('labels.removeSpan', { spanId })).labels)).catch(() => undefined);
  };

  if (who.error || error) return <div className="screen"><ErrorState title={t('app.error')} message={describeEngineMessage(t, who.error ?? error ?? '')} /></div>;
  if (who.loading || !schema) return <div className="screen"><Spinner label={t('app.loading')} /></div>;
  if (!who.name || changing)
    return (
      <div className="screen annotate">
        <IdentityPrompt initial={who.name ?? ''} onChoose={async (n) => { await who.choose(n); setChanging(false); }} onCancel={who.name ? () => setChanging(false) : undefined} />
      </div>
    );

  return (
    <div className="screen annotate" data-testid="annotate-screen">
      <div className="annotate-head">
        <h1>{t('annotate.title')}</h1>
        <span className="muted" data-testid="annotator">{t('annotate.as', { name: who.name })}</span>
        <button type="button" tabIndex={-1} onClick={() => setChanging(true)}>{t('annotate.identity.change')}</button>
        <span className="spacer" />
        <span className="muted">{t('annotate.count', { n: labelled.size })}</span>
      </div>
      <QueueFilterBar value={filter} onApply={(f) => { localStorage.setItem(FILTER_KEY, JSON.stringify(f)); setFilter(f); }} />
      <p className="keys-hint muted">{t('annotate.keys')}</p>
      {labels?.blind && <p className="muted">{t('annotate.blind')}</p>}
      {queue.done ? (
        <EmptyState icon="✓" title={t('annotate.done.title')} body={t('annotate.done.body')} />
      ) : !queue.pos ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <div className="annotate-body">
          <article className="annotate-doc" data-testid="annotate-doc" data-doc-id={queue.pos.doc.id}>
            <header className="muted">
              {t('annotate.doc', { id: String(queue.pos.doc.id) })} · {queue.pos.doc.sourceName} · {queue.pos.doc.externalId}
              {queue.pos.doc.lang ? ` · ${queue.pos.doc.lang}` : ''}
            </header>
            <DocText ref={textRef} text={queue.pos.doc.text} spans={labels?.spans ?? []} />
          </article>
          <aside className="annotate-side">
            <QuestionPanel schema={schema} labels={labels} onSet={onSet} onRemoveSpan={onRemoveSpan} />
            <p className={`save-status ${status?.kind ?? ''}`} role="status" data-testid="save-status">{status?.text ?? ''}</p>
            <HistoryPane documentId={queue.pos.doc.id} version={version} />
          </aside>
        </div>
      )}
    </div>
  );
}

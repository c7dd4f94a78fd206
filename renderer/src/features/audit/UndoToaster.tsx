import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { labelNames } from '../annotate/labelNames';
import { callUndo, screenUndoHandler, undoMessage, undoShortcut } from './undo';
import './audit.css';

/** Text fields keep Ctrl+Z for their own text. A select has no text to undo: focus often rests on one after a decision (the next conflict's). */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

/**
 * Undo / redo of one's own recent actions from any screen (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), whatever feature
 * they came from, with a toast saying what was undone. Text fields keep their own undo.
 */
export function UndoToaster() {
  const { t, lang } = useI18n();
  const [toast, setToast] = useState<{ text: string; bad: boolean; n: number } | null>(null);
  const busy = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const direction = undoShortcut(e);
      if (!direction || typing(e.target)) return;
      e.preventDefault();
      const screen = screenUndoHandler();
      if (screen) return screen(direction);
      // One at a time, in order, like the annotation screen's keys.
      busy.current = busy.current.then(async () => {
        try {
          const r = await callUndo(direction);
          // Label questions are named by their titles in the schema; without it, by their keys.
          const schema = r.questions.length > 0 ? await api.call('labels.schema', {}).catch(() => null) : null;
          const names = labelNames(schema, lang);
          setToast((p) => ({ text: undoMessage(t, direction, r, names.question), bad: r.actionId === null, n: (p?.n ?? 0) + 1 }));
        } catch (err) {
          setToast((p) => ({ text: t('audit.failed', { message: describeEngineError(t, err) }), bad: true, n: (p?.n ?? 0) + 1 }));
        }
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t, lang]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 5000);
    return () => clearTimeout(timer);
  }, [toast]);

  if (!toast) return null;
  return (
    <div className={`undo-toast${toast.bad ? ' bad' : ''}`} role="status" data-testid="undo-toast" key={toast.n}>
      {toast.text}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { callUndo, screenUndoHandler, undoMessage, undoShortcut } from './undo';
import './audit.css';

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

/**
 * Undo / redo of one's own recent actions from any screen (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), whatever feature
 * they came from, with a toast saying what was undone. Text fields keep their own undo.
 */
export function UndoToaster() {
  const { t } = useI18n();
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
          setToast((p) => ({ text: undoMessage(t, direction, r), bad: r.actionId === null, n: (p?.n ?? 0) + 1 }));
        } catch (err) {
          setToast((p) => ({ text: t('audit.failed', { message: describeEngineError(t, err) }), bad: true, n: (p?.n ?? 0) + 1 }));
        }
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);

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

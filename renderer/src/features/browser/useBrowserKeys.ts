import { useEffect, useRef } from 'react';

export interface BrowserKeys {
  move(delta: number): void;
  open(): void;
  focusSearch(): void;
  escape(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A button or link reached from the keyboard (Tab): Enter activates it. One merely clicked keeps the focus too, but
 * then Enter still opens the selected row, as it did before the click.
 */
function isKeyboardFocusedControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.matches(':is(button, a[href], summary, [role="button"]):focus-visible')
  );
}

/**
 * j/k or ↑/↓ move, Enter opens, / focuses search, Esc closes; typing in a field is left alone (except Esc), and so
 * is Enter on a button or link the keyboard focused (e.g. in the document pane).
 */
export function useBrowserKeys(keys: BrowserKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (e.key === 'Escape') {
        if (isTyping(e.target)) (e.target as HTMLElement).blur();
        ref.current.escape();
        return;
      }
      if (isTyping(e.target)) return;
      const k = ref.current;
      if (e.key === 'j' || e.key === 'ArrowDown') k.move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') k.move(-1);
      else if (e.key === 'PageDown') k.move(20);
      else if (e.key === 'PageUp') k.move(-20);
      else if (e.key === 'Enter' && !isKeyboardFocusedControl(e.target)) k.open();
      else if (e.key === '/') k.focusSearch();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

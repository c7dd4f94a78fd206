import type { DocumentPage } from '../../../../shared/contract/browse';
import { api } from '../../api/client';

/** Written into index.html by `kurasi serve` (electron/server/first-page.ts). */
const INLINE_ID = 'kurasi-first-page';

function readInline(): DocumentPage | null {
  const el = typeof document === 'undefined' ? null : document.getElementById(INLINE_ID);
  if (!el) return null;
  el.remove();
  try {
    return JSON.parse(el.textContent ?? '') as DocumentPage;
  } catch {
    return null;
  }
}

/**
 * The browser's first page (default view), at hand before React starts: in browser mode the server wrote it into
 * the page, so the first rows are drawn in the first render; elsewhere (Electron) it is asked for while the bundle
 * is still starting React. Used once.
 */
let inline: DocumentPage | null = readInline();
let first: Promise<DocumentPage> | null = inline ? null : api.call('documents.list', { offset: 0, limit: 100 });
first?.catch(() => undefined);

/** The page written into index.html, if any (synchronous: seeds the table's first render). */
export function takeInlineFirstPage(): DocumentPage | null {
  const p = inline;
  inline = null;
  return p;
}

export function takePrefetchedFirstPage(): Promise<DocumentPage> | null {
  const p = first;
  first = null;
  return p;
}

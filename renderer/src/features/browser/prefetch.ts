import type { DocumentPage } from '../../../../shared/contract/browse';
import { api } from '../../api/client';

/**
 * The browser's first page, asked for while the bundle is still starting React: on a slow machine this saves the
 * time to mount and run effects before the first rows can be drawn. Used once, for the default view only.
 */
let first: Promise<DocumentPage> | null = api.call('documents.list', { offset: 0, limit: 100 });
first.catch(() => undefined);

export function takePrefetchedFirstPage(): Promise<DocumentPage> | null {
  const p = first;
  first = null;
  return p;
}

import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded only when it is first opened, so the corpus browser (the first thing a user sees) does not
 * wait for every feature's code to be parsed.
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

import type { EventName, EventPayload } from './events';
import type { Input, MethodName, Output } from './index';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.kurasi`: exactly one function per contract method, nothing else
 * (no raw ipcRenderer, no generic invoke). Built by `buildPreloadApi` so the key set is testable without Electron.
 */
export type KurasiMethods = { [K in MethodName]: (input: Input<K>) => Promise<Result<Output<K>>> };

/** Exposed as `window.kurasiEvents`: subscribe to one engine event; returns the unsubscribe function. */
export interface KurasiEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names, shared by main (handle/send) and preload (invoke/on). */
export function methodChannel(method: string): string {
  return `kurasi:${method}`;
}
export function eventChannel(event: string): string {
  return `kurasi-event:${event}`;
}

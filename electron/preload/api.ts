import { events, methodNames, type EventName, type MethodName } from '../../shared/contract';
import { eventChannel, methodChannel, type KurasiEvents, type KurasiMethods } from '../../shared/contract/bridge';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

function buildMethods(invoke: Invoke): KurasiMethods {
  const out: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const m of methodNames) out[m] = (input) => invoke(methodChannel(m), input);
  // Every key of the mapped type was filled from methodNames above, one function each.
  return out as KurasiMethods;
}

/**
 * What the preload exposes: `kurasi` (one function per contract method, nothing else) and `kurasiEvents`
 * (subscribe to a known engine event). No electron import here, so the exposed surface is unit-testable.
 */
export function buildPreloadApi(invoke: Invoke, subscribe: Subscribe): { kurasi: KurasiMethods; kurasiEvents: KurasiEvents } {
  const kurasi = buildMethods(invoke) satisfies KurasiMethods;
  const kurasiEvents = {
    on(event, listener) {
      if (!Object.prototype.hasOwnProperty.call(events, event)) throw new Error(`unknown event '${String(event)}'`);
      return subscribe(eventChannel(event), listener as (payload: unknown) => void);
    },
  } satisfies KurasiEvents;
  return { kurasi, kurasiEvents };
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

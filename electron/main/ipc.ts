import type { IpcMainInvokeEvent } from 'electron';
import { methodNames, type MethodName } from '../../shared/contract';
import { methodChannel } from '../../shared/contract/bridge';
import { dispatch } from '../engine/api/dispatch';
import type { Engine } from '../engine/engine';

/** What registration needs from ipcMain (structural, so tests can count handlers without Electron). */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void;
}

/** Methods the Electron front door answers itself (e.g. a native file dialog); all others go to the engine. */
export type MainOverrides = Partial<Record<MethodName, (input: unknown) => Promise<unknown>>>;

/**
 * One handler per contract method, each going through `dispatch` (validation, typed errors) — and nothing else.
 * Requests from any frame but the app's own are refused.
 */
export function registerIpc(ipc: IpcRegistrar, engine: Engine, overrides: MainOverrides = {}, isTrustedSender: (e: IpcMainInvokeEvent) => boolean = () => true): string[] {
  const channels: string[] = [];
  for (const method of methodNames) {
    const channel = methodChannel(method);
    const override = overrides[method];
    ipc.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: 'request from an untrusted frame' } };
      if (override) {
        try {
          return { ok: true, value: await override(input) };
        } catch (e) {
          return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
        }
      }
      return dispatch(engine, method, input);
    });
    channels.push(channel);
  }
  return channels;
}

import type { EventName, EventPayload, Input, MethodName, Output, Result } from '../../../shared/contract';
import type { KurasiEvents, KurasiMethods } from '../../../shared/contract/bridge';
import { httpTransport } from './http';

/** How requests travel: Electron IPC (window.kurasi) or HTTP + server-sent events (`kurasi serve`). */
export interface Transport {
  kind: 'ipc' | 'http';
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Browser mode only: stream a local file to the server, which answers with the path it saved it to. */
  upload?(file: File, onProgress?: (sent: number, total: number) => void): Promise<string>;
}

declare global {
  interface Window {
    kurasi?: KurasiMethods;
    kurasiEvents?: KurasiEvents;
  }
}

function ipcTransport(methods: KurasiMethods, events: KurasiEvents): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => (methods[method] as (i: unknown) => Promise<Result<unknown>>)(input),
    on: (event, listener) => events.on(event, listener as (p: EventPayload<typeof event>) => void),
  };
}

/** A request that came back as an error Result; thrown by `api.call` so components can use try/catch. */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export interface Api {
  transport: Transport['kind'];
  call<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>>;
  /** The Result itself, for callers that show the error inline. */
  request<K extends MethodName>(method: K, input: Input<K>): Promise<Result<Output<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  upload: Transport['upload'];
}

export function createApi(transport: Transport): Api {
  const request = async <K extends MethodName>(method: K, input: Input<K>): Promise<Result<Output<K>>> => {
    try {
      return (await transport.call(method, input)) as Result<Output<K>>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  };
  return {
    transport: transport.kind,
    request,
    async call(method, input) {
      const r = await request(method, input);
      if (!r.ok) throw new ApiCallError(method, r.error.code, r.error.message);
      return r.value;
    },
    on: (event, listener) => transport.on(event, listener as (p: unknown) => void),
    upload: transport.upload,
  };
}

function detectTransport(): Transport {
  if (typeof window !== 'undefined' && window.kurasi && window.kurasiEvents) return ipcTransport(window.kurasi, window.kurasiEvents);
  return httpTransport();
}

export const api: Api = createApi(detectTransport());

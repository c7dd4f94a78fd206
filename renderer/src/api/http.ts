import type { EventName, Result } from '../../../shared/contract';
import type { Transport } from './client';

const TOKEN_KEY = 'kurasi-token';

/**
 * The per-run token arrives once in the URL (`/?token=…`); it is kept for this tab only and removed from the
 * address bar so it does not end up in history or screenshots.
 */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpTransport(): Transport {
  const token = takeToken();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;

  // Each event name is listened to when first subscribed: the event schemas (zod) stay out of the first bundle.
  const connect = (name: string): void => {
    source ??= new EventSource(`./events?token=${encodeURIComponent(token)}`);
    source.addEventListener(name, (e: MessageEvent<string>) => {
      const payload: unknown = JSON.parse(e.data);
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  };

  return {
    kind: 'http',
    async call(method, input) {
      const res = await fetch(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kurasi-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401 || res.status === 403)
        return { ok: false, error: { code: 'unauthorized', message: 'the server refused the session token' } } satisfies Result<never>;
      return (await res.json()) as Result<unknown>;
    },
    on(event: EventName, listener) {
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        connect(event);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    upload(file, onProgress) {
      // XMLHttpRequest rather than fetch: it reports upload progress, and the body streams from disk.
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
        xhr.setRequestHeader('x-kurasi-token', token);
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
        xhr.onload = () => {
          if (xhr.status !== 200) return reject(new Error(`upload failed (${xhr.status}): ${xhr.responseText}`));
          resolve((JSON.parse(xhr.responseText) as { path: string }).path);
        };
        xhr.onerror = () => reject(new Error('upload failed: network error'));
        xhr.send(file);
      });
    },
  };
}

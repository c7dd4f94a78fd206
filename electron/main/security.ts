import type { Event, HandlerDetails, Session, WebContents } from 'electron';
import { isAppUrl } from './web-preferences';

/** What hardening needs from a WebContents (the real one, or a stand-in in unit tests). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function denyWindowOpen(_details: HandlerDetails): { action: 'deny' } {
  return { action: 'deny' };
}

/** In-app navigation is never needed (the UI is one page): anything that leaves the app's origin is stopped. */
export function preventForeignNavigation(event: Pick<Event, 'preventDefault'>, url: string): void {
  if (!isAppUrl(url)) event.preventDefault();
}

export function preventWebview(event: Pick<Event, 'preventDefault'>): void {
  event.preventDefault();
}

/** window.open, navigation away, redirects and <webview> are all denied. */
export function hardenContents(contents: HardenableContents): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-navigate', (e, url) => preventForeignNavigation(e, url));
  contents.on('will-frame-navigate', (e) => preventForeignNavigation(e, e.url));
  contents.on('will-redirect', (e, url) => preventForeignNavigation(e, url));
  contents.on('will-attach-webview', (e) => preventWebview(e));
}

/** No permission (camera, notifications, geolocation…) is ever granted; no remote request leaves the app. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}

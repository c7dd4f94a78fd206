import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The hosts a loopback server answers to (anything else is DNS rebinding or a proxy we did not ask for). */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'kurasi_token') return decodeURIComponent(v.join('='));
  }
  return null;
}

export type Refusal = { status: 400 | 401 | 403; reason: string } | null;

/**
 * Host must be ours; a cross-site Origin is refused outright; then the token must come with the request: as a
 * header for API calls and uploads (a cookie alone could be ridden by another page), or as the query parameter
 * or the session cookie for the page, its assets and the event stream.
 */
export function checkRequest(req: IncomingMessage, url: URL, port: number, token: string, kind: 'api' | 'page'): Refusal {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).has(host)) return { status: 403, reason: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin)) return { status: 403, reason: 'foreign Origin' };
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite === 'cross-site') return { status: 403, reason: 'cross-site request' };
  const header = req.headers['x-kurasi-token'];
  const candidates = kind === 'api' ? [typeof header === 'string' ? header : null] : [typeof header === 'string' ? header : null, url.searchParams.get('token'), cookieToken(req)];
  if (!candidates.some((c) => c !== null && sameToken(c, token))) return { status: 401, reason: 'missing or wrong token' };
  return null;
}

/** Response headers for every page and asset: the same strict policy the Electron window uses. */
export const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

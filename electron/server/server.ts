import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { events, type EventName } from '../../shared/contract';
import { dispatch } from '../engine/api/dispatch';
import type { Engine } from '../engine/engine';
import { MAX_EVIDENCE_BYTES } from '../engine/license/evidence';
import { checkRequest, securityHeaders } from './security';
import { firstPageBlock, withFirstPage } from './first-page';
import { acceptsGzip, StaticFiles } from './static-files';

export interface ServeOptions {
  engine: Engine;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Where uploaded files are saved before import (made on the first upload, removed on close). */
  uploadDir: string;
  token?: string;
}

export interface KurasiServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_JSON_BODY = 4 * 1024 * 1024;
/**
 * The methods that carry an evidence file in their body (base64: 4 bytes for every 3): the browser front door must
 * take a file as large as the engine accepts one, which no other request needs.
 */
const EVIDENCE_METHODS = new Set(['license.addEvidence', 'license.set']);
const MAX_EVIDENCE_BODY = Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...securityHeaders, ...extra });
  res.end(body);
}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolvePromise(text.trim() === '' ? {} : (JSON.parse(text) as unknown));
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Keeps only a safe base name: uploads land in our folder whatever the client calls them. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned || 'upload';
}

/**
 * `kurasi serve`: the renderer and the contract over loopback HTTP. POST /api/<method> answers the dispatch
 * Result as JSON, GET /events streams engine events (server-sent events), POST /upload stores a file to import.
 */
export async function startServer(options: ServeOptions): Promise<KurasiServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  const sseClients = new Set<ServerResponse>();
  const unsubscribers = (Object.keys(events) as EventName[]).map((name) =>
    options.engine.events.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const c of sseClients) c.write(frame);
    }),
  );
  let port = 0;
  const timing = process.env.KURASI_TIMING === '1';
  const staticFiles = new StaticFiles();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const isApi = path.startsWith('/api/') || path === '/upload';
    const refusal = checkRequest(req, url, port, token, isApi ? 'api' : 'page');
    if (refusal) return send(res, refusal.status, `Kurasi: ${refusal.reason}. Open the URL printed by \`kurasi serve\`.\n`);

    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only\n', 'text/plain', { allow: 'POST' });
      const method = decodeURIComponent(path.slice('/api/'.length));
      let input: unknown;
      try {
        input = await readJson(req, EVIDENCE_METHODS.has(method) ? MAX_EVIDENCE_BODY : MAX_JSON_BODY);
      } catch (e) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad-request', message: (e as Error).message } }), 'application/json');
      }
      const started = performance.now();
      const result = await dispatch(options.engine, method, input);
      // Benchmarks read how long each request took on the engine thread (KURASI_TIMING=1).
      if (timing) process.stderr.write(`kurasi-timing ${method} ${(performance.now() - started).toFixed(2)}\n`);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }

    if (path === '/upload') {
      if (req.method !== 'POST') return send(res, 405, 'POST only\n');
      const name = safeUploadName(url.searchParams.get('name') ?? 'upload');
      // A fresh folder per upload keeps the original file name (it shows in rejects as file:line).
      const folder = join(options.uploadDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
      const target = join(folder, name);
      try {
        mkdirSync(folder, { recursive: true });
        await pipeline(req, createWriteStream(target, { flags: 'wx' }));
      } catch (e) {
        return send(res, 500, JSON.stringify({ error: (e as Error).message }), 'application/json');
      }
      return send(res, 200, JSON.stringify({ path: target }), 'application/json');
    }

    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', ...securityHeaders });
      res.write(': connected\n\n');
      sseClients.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        sseClients.delete(res);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only\n');
    const rel = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
    const file = normalize(join(staticRoot, rel));
    if (!file.startsWith(staticRoot + sep)) return send(res, 404, 'not found\n');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (rel === 'index.html') return send(res, 503, 'Kurasi: the renderer is not built. Run `npm run build:renderer`.\n');
      return send(res, 404, 'not found\n');
    }
    const headers: Record<string, string> = {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      // Built assets carry a content hash in their name: a new build never reuses one, so they can be kept.
      'cache-control': rel === 'index.html' ? 'no-store' : rel.startsWith('assets/') ? 'private, max-age=31536000, immutable' : 'private, max-age=3600',
      ...securityHeaders,
    };
    // The page was opened with the token in its URL: keep it in a strict, HTTP-only cookie for the assets and the event stream.
    const fromQuery = url.searchParams.get('token');
    if (fromQuery) headers['set-cookie'] = `kurasi_token=${encodeURIComponent(fromQuery)}; Path=/; HttpOnly; SameSite=Strict`;
    if (rel === 'index.html' && req.method === 'GET') {
      res.writeHead(200, headers);
      return void res.end(withFirstPage(readFileSync(file, 'utf8'), await firstPageBlock(options.engine, timing)));
    }
    const cached = staticFiles.get(file);
    if (cached) {
      const gzip = cached.gzip !== null && acceptsGzip(req.headers['accept-encoding']);
      const body = gzip && cached.gzip ? cached.gzip : cached.raw;
      res.writeHead(200, { ...headers, 'content-length': String(body.length), vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  // The bundle is compressed while the user is still opening the printed URL, not during the first page load.
  const assets = join(staticRoot, 'assets');
  setImmediate(() => existsSync(assets) && staticFiles.warm(assets));
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      for (const u of unsubscribers) u();
      // Uploaded files were copies for importing; the corpus has what it needs.
      rmSync(options.uploadDir, { recursive: true, force: true });
      for (const c of sseClients) c.end();
      sseClients.clear();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

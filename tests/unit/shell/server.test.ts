import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { startServer, safeUploadName, type KurasiServer } from '../../../electron/server/server';
import { seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';
import { httpRequest as send } from '../../helpers/http';

let open: { server: KurasiServer; engine: Engine } | null = null;
afterEach(async () => {
  if (open) {
    await open.server.close();
    await open.engine.close();
    open = null;
  }
});

async function start() {
  const { path, db } = seedCorpus([{ text: 'Saya suka membaca buku di perpustakaan.' }, { text: 'Kami pergi ke pasar pagi ini.' }]);
  db.close();
  const engine = openEngine({ dbPath: path });
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kurasi</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  const server = await startServer({ engine, staticDir, uploadDir: join(tempDir(), 'uploads') });
  open = { server, engine };
  const host = `127.0.0.1:${server.port}`;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, `/api/${method}`, { method: 'POST', headers: { host, 'content-type': 'application/json', 'x-kurasi-token': server.token, ...headers }, body: JSON.stringify(body) });
  return { server, engine, host, api };
}

describe('kurasi serve', () => {
  it('answers the contract over POST /api/<method> with the token', async () => {
    const { api, server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const r = await api('documents.list', { offset: 0, limit: 10 });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: { total: number; rows: { preview: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.total).toBe(2);
    expect(JSON.parse((await api('documents.list', { offset: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse((await api('no.such', {})).body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await send(server.port, '/api/corpus.stats', { method: 'POST', headers: { host: `127.0.0.1:${server.port}`, 'x-kurasi-token': server.token }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('takes an evidence file as large as the engine accepts (not only 4 MB) on the evidence methods, and no other body that large', async () => {
    const { api, engine } = await start();
    const source = engine.db.prepare('SELECT name FROM sources LIMIT 1').pluck().get();
    const bytes = Buffer.alloc(6 * 1024 * 1024, 7);
    const r = await api('license.addEvidence', { source, file: { name: 'izin-besar.pdf', contentBase64: bytes.toString('base64') } });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { size: bytes.length } });
    // The server stops reading such a body at once: the client sees a 400 or, still sending, a reset connection.
    const big = await api('documents.list', { offset: 0, limit: 10, pad: 'x'.repeat(6 * 1024 * 1024) }).then(
      (res) => String(res.status),
      (e: unknown) => (e instanceof Error && 'code' in e ? String(e.code) : String(e)),
    );
    expect(['400', 'ECONNRESET', 'EPIPE']).toContain(big);
  });

  it('refuses requests without the token, with a wrong token, or with only the cookie for API calls', async () => {
    const { server, host } = await start();
    const noToken = await send(server.port, '/api/corpus.stats', { method: 'POST', headers: { host }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(noToken.body).not.toContain('"ok"');
    const wrong = await send(server.port, '/api/corpus.stats', { method: 'POST', headers: { host, 'x-kurasi-token': 'x'.repeat(32) }, body: '{}' });
    expect(wrong.status).toBe(401);
    const cookieOnly = await send(server.port, '/api/corpus.stats', { method: 'POST', headers: { host, cookie: `kurasi_token=${server.token}` }, body: '{}' });
    expect(cookieOnly.status).toBe(401);
    expect((await send(server.port, '/', { headers: { host } })).status).toBe(401);
    expect((await send(server.port, '/events', { headers: { host } })).status).toBe(401);
    expect((await send(server.port, '/upload?name=a.txt', { method: 'POST', headers: { host }, body: 'x' })).status).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    const { server, api, host } = await start();
    const foreign = await api('corpus.stats', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const nullOrigin = await api('corpus.stats', {}, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const sameOrigin = await api('corpus.stats', {}, { origin: `http://${host}` });
    expect(sameOrigin.status).toBe(200);
    const rebinding = await api('corpus.stats', {}, { host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(403);
    const crossSite = await api('corpus.stats', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('serves the renderer with the token, sets a strict cookie, and never leaves its folder', async () => {
    const { server, host } = await start();
    const page = await send(server.port, `/?token=${server.token}`, { headers: { host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kurasi</title>');
    expect(String(page.headers['set-cookie'])).toMatch(/kurasi_token=.*HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const asset = await send(server.port, '/assets/app.js', { headers: { host, cookie: `kurasi_token=${server.token}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const traversal = await send(server.port, '/..%2f..%2fsecret.txt', { headers: { host, cookie: `kurasi_token=${server.token}` } });
    expect(traversal.status).toBe(404);
  });

  it('streams engine events over SSE and stores uploads under a safe name', async () => {
    const { server, engine, host } = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/events?token=${server.token}`, headers: { host } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('event: corpus-changed')) {
            resolve(buf);
            req.destroy();
          }
        });
        // Emit once the stream is open.
        setTimeout(() => engine.events.emit('corpus-changed', { scope: 'documents' }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(await received).toContain('data: {"scope":"documents"}');

    const up = await send(server.port, '/upload?name=..%2F..%2Fevil%20name.jsonl', {
      method: 'POST',
      headers: { host, 'x-kurasi-token': server.token, 'content-type': 'application/octet-stream' },
      body: '{"text":"halo"}\n',
    });
    expect(up.status).toBe(200);
    const saved = (JSON.parse(up.body) as { path: string }).path;
    expect(saved).toMatch(/[\\/]evil_name\.jsonl$/);
    expect(saved).not.toContain('..');
    expect(readFileSync(saved, 'utf8')).toBe('{"text":"halo"}\n');
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('...')).toBe('upload');
  });
});

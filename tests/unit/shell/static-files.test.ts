import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { startServer, type KurasiServer } from '../../../electron/server/server';
import { acceptsGzip } from '../../../electron/server/static-files';
import { seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';
import { httpRequest } from '../../helpers/http';

let open: { server: KurasiServer; engine: Engine } | null = null;
afterEach(async () => {
  if (open) {
    await open.server.close();
    await open.engine.close();
    open = null;
  }
});

describe('kurasi serve static files', () => {
  it('sends the built assets gzipped to browsers that accept it, whole otherwise, and rereads a rebuilt file', async () => {
    const { path, db } = seedCorpus([{ text: 'Saya suka membaca buku.' }]);
    db.close();
    const engine = openEngine({ dbPath: path });
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const js = `console.log(${JSON.stringify('kurasi '.repeat(2000))});`;
    writeFileSync(join(staticDir, 'assets', 'index-abc.js'), js);
    const server = await startServer({ engine, staticDir, uploadDir: join(tempDir(), 'uploads') });
    open = { server, engine };
    const headers = { host: `127.0.0.1:${server.port}`, cookie: `kurasi_token=${server.token}` };

    const gz = await httpRequest(server.port, '/assets/index-abc.js', { headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.raw.length).toBeLessThan(js.length / 4);
    expect(gunzipSync(gz.raw).toString()).toBe(js);
    expect(gz.headers['content-security-policy']).toBeDefined();

    const plain = await httpRequest(server.port, '/assets/index-abc.js', { headers });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);

    const rebuilt = `${js}\nconsole.log(2);`;
    writeFileSync(join(staticDir, 'assets', 'index-abc.js'), rebuilt);
    expect((await httpRequest(server.port, '/assets/index-abc.js', { headers })).body).toBe(rebuilt);
    expect((await httpRequest(server.port, '/assets/index-abc.js', { headers: { host: headers.host } })).status).toBe(401);
  });

  it('reads Accept-Encoding like a browser sends it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

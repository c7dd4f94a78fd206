import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { FIRST_PAGE_ELEMENT_ID, withFirstPage } from '../../../electron/server/first-page';
import { startServer, type KurasiServer } from '../../../electron/server/server';
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

describe('kurasi serve writes the browser’s first page into index.html', () => {
  it('embeds the default documents.list page as an inert JSON block that no document text can break out of', async () => {
    const hostile = 'Teks </script><script>alert(1)</script> <!-- komentar';
    const { path, db } = seedCorpus([{ text: 'Saya suka membaca buku.' }, { text: hostile }]);
    db.close();
    const engine = openEngine({ dbPath: path });
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>Kurasi</title></head><body><div id="root"></div></body></html>');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const server = await startServer({ engine, staticDir, uploadDir: join(tempDir(), 'uploads') });
    open = { server, engine };
    const host = `127.0.0.1:${server.port}`;

    const page = await httpRequest(server.port, `/?token=${server.token}`, { headers: { host } });
    expect(page.status).toBe(200);
    const m = new RegExp(`<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">(.*?)</script></body>`, 's').exec(page.body);
    expect(m).not.toBeNull();
    const json = m?.[1] ?? '';
    expect(json).not.toContain('<');
    const data = JSON.parse(json) as { total: number; rows: { preview: string }[] };
    expect(data.total).toBe(2);
    expect(data.rows.map((r) => r.preview)).toEqual(['Saya suka membaca buku.', hostile]);
    // Exactly one script element that runs nothing, and the page is still refused without the token.
    expect(page.body.match(/<script/g)?.length).toBe(1);
    expect((await httpRequest(server.port, '/', { headers: { host } })).status).toBe(401);
    // Hashed assets may be kept by the browser; the page itself never is.
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await httpRequest(server.port, '/assets/index-abc123.js', { headers: { host, cookie: `kurasi_token=${server.token}` } })).headers['cache-control']).toContain('immutable');
  });

  it('leaves the page alone when there is no block or no body', () => {
    expect(withFirstPage('<html><body></body></html>', null)).toBe('<html><body></body></html>');
    expect(withFirstPage('<p>x</p>', '<script type="application/json"></script>')).toBe('<p>x</p>');
    expect(withFirstPage('<body><p>x</p></body>', '<b></b>')).toBe('<body><p>x</p><b></b></body>');
  });
});

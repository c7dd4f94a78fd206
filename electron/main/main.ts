import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { events, type EventName } from '../../shared/contract';
import { eventChannel } from '../../shared/contract/bridge';
import { openEngine, type Engine } from '../engine/engine';
import { projectRoot, resourcePath } from '../engine/paths';
import { registerIpc } from './ipc';
import { hardenContents, hardenSession } from './security';
import { APP_SCHEME, APP_URL, CONTENT_SECURITY_POLICY, hardenedWebPreferences, isAppUrl } from './web-preferences';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function corpusPath(): { path: string; fresh: boolean } {
  const i = process.argv.indexOf('--db');
  const path = (i >= 0 ? process.argv[i + 1] : undefined) ?? process.env.KURASI_DB ?? join(app.getPath('userData'), 'corpus.kurasi.db');
  return { path, fresh: !existsSync(path) };
}

function serveRenderer(): void {
  const root = join(projectRoot(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = normalize(join(root, rel));
    if (url.host !== 'app' || !file.startsWith(root + sep) || !existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}

function createWindow(engine: Engine): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Kurasi',
    show: false,
    webPreferences: hardenedWebPreferences(join(projectRoot(), 'dist', 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  const unsubscribe = (Object.keys(events) as EventName[]).map((name) =>
    engine.events.on(name, (payload) => {
      if (!win.isDestroyed()) win.webContents.send(eventChannel(name), payload);
    }),
  );
  win.on('closed', () => unsubscribe.forEach((u) => u()));
  void win.loadURL(APP_URL);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  serveRenderer();

  const { path, fresh } = corpusPath();
  const engine = openEngine({ dbPath: path });
  let win: BrowserWindow | null = null;
  const trusted = (e: IpcMainInvokeEvent) => isAppUrl(e.senderFrame?.url ?? '');
  registerIpc(
    ipcMain,
    engine,
    {
      'app.pickFiles': async (input) => {
        const multiple = typeof input === 'object' && input !== null && 'multiple' in input ? Boolean(input.multiple) : true;
        const options = { properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const) };
        const r = win ? await dialog.showOpenDialog(win, { properties: [...options.properties] }) : await dialog.showOpenDialog({ properties: [...options.properties] });
        return { available: true, paths: r.canceled ? [] : r.filePaths };
      },
    },
    trusted,
  );
  // First start: a small sample corpus so the app is never empty on first sight.
  const sample = resourcePath('sample', 'sample.jsonl');
  if (fresh && existsSync(sample)) engine.jobs.start('import', { paths: [sample], source: 'sample', format: 'jsonl', txtMode: 'file', maxRecordBytes: 1_000_000 });

  win = createWindow(engine);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow(engine);
  });
  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit());
  });
}

main().catch((e: unknown) => {
  dialog.showErrorBox('Kurasi', e instanceof Error ? e.message : String(e));
  app.exit(1);
});

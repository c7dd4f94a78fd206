import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract';
import { eventChannel, methodChannel } from '../../../shared/contract/bridge';
import { openEngine } from '../../../electron/engine/engine';
import { registerIpc, type IpcRegistrar } from '../../../electron/main/ipc';
import { denyWindowOpen, hardenContents, type HardenableContents } from '../../../electron/main/security';
import { APP_URL, hardenedWebPreferences, isAppUrl } from '../../../electron/main/web-preferences';
import { buildPreloadApi } from '../../../electron/preload/api';
import { seedCorpus } from '../../helpers/corpus';

type Listener = (...args: unknown[]) => unknown;

describe('Electron main: IPC handlers', () => {
  it('registers exactly one handler per contract method, and each goes through dispatch', async () => {
    const { path, db } = seedCorpus([{ text: 'Saya suka membaca buku.' }, { text: 'Kami pergi ke pasar.' }]);
    db.close();
    const engine = openEngine({ dbPath: path });
    try {
      const handled = new Map<string, Listener>();
      const counts = new Map<string, number>();
      const registrar: IpcRegistrar = {
        handle(channel, listener) {
          counts.set(channel, (counts.get(channel) ?? 0) + 1);
          handled.set(channel, listener as Listener);
        },
      };
      registerIpc(registrar, engine, { 'app.pickFiles': () => Promise.resolve({ available: true, paths: ['/x'] }) });
      expect([...counts.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);

      const list = handled.get(methodChannel('documents.list'));
      const r = (await list?.({}, { offset: 0, limit: 10 })) as { ok: boolean; value: { total: number } };
      expect(r.ok).toBe(true);
      expect(r.value.total).toBe(2);
      const bad = (await list?.({}, { offset: -1 })) as { ok: boolean; error: { code: string } };
      expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      const pick = (await handled.get(methodChannel('app.pickFiles'))?.({}, {})) as { ok: boolean; value: unknown };
      expect(pick).toEqual({ ok: true, value: { available: true, paths: ['/x'] } });
    } finally {
      await engine.close();
    }
  });

  it('refuses requests from frames that are not the app', async () => {
    const { path, db } = seedCorpus([{ text: 'satu' }]);
    db.close();
    const engine = openEngine({ dbPath: path });
    try {
      const handled = new Map<string, Listener>();
      registerIpc({ handle: (c, l) => void handled.set(c, l as Listener) }, engine, {}, () => false);
      const r = (await handled.get(methodChannel('corpus.stats'))?.({}, {})) as { ok: boolean; error: { code: string } };
      expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      await engine.close();
    }
  });

  it('main registers IPC only through registerIpc (no other ipcMain listener)', () => {
    const src = readFileSync('electron/main/main.ts', 'utf8');
    expect(src).not.toMatch(/ipcMain\.(handle|on|once|handleOnce)\(/);
    expect(src).toMatch(/registerIpc\(\s*ipcMain/);
  });
});

describe('Electron main: hardened window', () => {
  it('uses the hardened webPreferences', () => {
    const p = hardenedWebPreferences('/app/dist/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    const src = readFileSync('electron/main/main.ts', 'utf8');
    expect(src).toMatch(/webPreferences: hardenedWebPreferences\(/);
  });

  it('denies window.open, navigation away from the app, redirects and <webview>', () => {
    const on = new Map<string, Listener>();
    let openHandler: ((d: never) => unknown) | null = null;
    const contents = {
      on(event: string, listener: Listener) {
        on.set(event, listener);
        return contents;
      },
      setWindowOpenHandler(h: (d: never) => unknown) {
        openHandler = h;
      },
    } as unknown as HardenableContents;
    hardenContents(contents);
    expect(openHandler).toBe(denyWindowOpen);
    expect(denyWindowOpen({ url: 'https://example.com' } as never)).toEqual({ action: 'deny' });

    const attempt = (event: string, url: string, asDetails = false) => {
      let prevented = false;
      const e = { url, preventDefault: () => (prevented = true) };
      on.get(event)?.(e, asDetails ? undefined : url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', APP_URL)).toBe(false);
    expect(attempt('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(attempt('will-frame-navigate', 'https://evil.example/', true)).toBe(true);
    expect(attempt('will-attach-webview', APP_URL)).toBe(true);
    expect(isAppUrl('kurasi://app/assets/x.js')).toBe(true);
    expect(isAppUrl('kurasi://evil/x')).toBe(false);
  });
});

describe('preload', () => {
  it('exposes exactly the contract: one function per method, events by known name only', async () => {
    const calls: [string, unknown][] = [];
    const subs: string[] = [];
    const { kurasi, kurasiEvents } = buildPreloadApi(
      (channel, input) => {
        calls.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      (channel) => {
        subs.push(channel);
        return () => {};
      },
    );
    expect(Object.keys(kurasi).sort()).toEqual([...methodNames].sort());
    expect(Object.values(kurasi).every((f) => typeof f === 'function')).toBe(true);
    expect(Object.keys(kurasiEvents)).toEqual(['on']);
    await kurasi['documents.list']({ offset: 5 });
    expect(calls).toEqual([[methodChannel('documents.list'), { offset: 5 }]]);
    const off = kurasiEvents.on('job-progress', () => {});
    expect(typeof off).toBe('function');
    expect(subs).toEqual([eventChannel('job-progress')]);
    expect(() => kurasiEvents.on('nope' as 'job-progress', () => {})).toThrow(/unknown event/);
  });

  it('the preload script exposes only the built API and never ipcRenderer', () => {
    const src = readFileSync('electron/preload/preload.ts', 'utf8');
    const exposed = [...src.matchAll(/exposeInMainWorld\('(\w+)',\s*(\w+)\)/g)].map((m) => [m[1], m[2]]);
    expect(exposed).toEqual([
      ['kurasi', 'kurasi'],
      ['kurasiEvents', 'kurasiEvents'],
    ]);
  });
});

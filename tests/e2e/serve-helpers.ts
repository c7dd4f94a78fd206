import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page at the tests' window height with the UI in Bahasa Indonesia (what users see first) and, when given, the
 * screen the app opens on.
 */
export async function newAppPage(browser: Browser, options: { width: number; screen?: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width, height: 900 } });
  await page.addInitScript((screen) => {
    localStorage.setItem('kurasi-lang', 'id');
    if (screen) sessionStorage.setItem('kurasi-screen', screen);
  }, options.screen ?? null);
  return page;
}

export const URL_LINE = /^Kurasi: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m;

export interface Served {
  url: string;
  port: number;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built `kurasi serve` as a child process and waits for its URL line on stdout. */
export function serve(dbPath: string, extraArgs: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ['bin/kurasi.js', 'serve', '--db', dbPath, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`kurasi serve did not print its URL: ${out} ${err}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = URL_LINE.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1] ?? '',
        port: Number(m[2]),
        token: m[3] ?? '',
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kurasi serve exited with ${code}: ${err}`));
    });
  });
}

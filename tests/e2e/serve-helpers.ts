import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Db } from '../../electron/engine/store/open';
import { seedCorpus, type SeedDoc } from '../helpers/corpus';

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

/** How a test file's corpus comes about: seeded documents (then `prepare`, with the corpus still open), or `seed`. */
type CorpusSetup =
  | { docs: SeedDoc[]; prepare?(db: Db): void }
  /** Writes the corpus into `dir` (closed when it returns) and gives its path. */
  | { seed(dir: string): string | Promise<string> };

export type StartAppOptions = CorpusSetup & {
  /** Names the temp folder: kurasi-e2e-<name>-XXXXXX. */
  name: string;
  width: number;
  /** The screen the app opens on (the browser when not given). */
  screen?: string;
  /** Load the app at once (the default); false for tests that watch the first load themselves. */
  goto?: boolean;
  serveArgs?: string[];
};

export interface StartedApp {
  /** A temp folder of the test file's own (not the per-test helper dir): it outlives each test and goes in stop(). */
  dir: string;
  dbPath: string;
  served: Served;
  browser: Browser;
  page: Page;
  /** Closes the browser, stops the server and removes the folder. */
  stop(): Promise<void>;
}

/** A corpus in a fresh temp folder, `kurasi serve` on it and a Chromium page for it: the setup of every e2e file. */
export async function startApp(options: StartAppOptions): Promise<StartedApp> {
  const dir = mkdtempSync(join(tmpdir(), `kurasi-e2e-${options.name}-`));
  let served: Served | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    let dbPath: string;
    if ('docs' in options) {
      const seeded = seedCorpus(options.docs, join(dir, 'corpus.db'));
      try {
        options.prepare?.(seeded.db);
      } finally {
        seeded.db.close();
      }
      dbPath = seeded.path;
    } else dbPath = await options.seed(dir);
    served = await serve(dbPath, options.serveArgs);
    browser = await launchChromium();
    const page = await newAppPage(browser, { width: options.width, screen: options.screen });
    if (options.goto ?? true) await page.goto(served.url);
    return { dir, dbPath, served, browser, page, stop };
  } catch (e) {
    // The caller gets no stop() when this throws: clean up what did start here.
    await stop();
    throw e;
  }
}

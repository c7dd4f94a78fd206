import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFullTextIndex } from '../../electron/engine/store/fts';
import { serve, startApp, type Served, type StartedApp } from './serve-helpers';

const SHOTS = 'docs/screenshots';
const N = 20_000;
const words = ['pasar', 'sekolah', 'rumah', 'nasi', 'kopi', 'hujan', 'sawah', 'kampung', 'kota', 'laut', 'gunung', 'jalan'];

let app: StartedApp;
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;

async function rowText(p: Page, index: number): Promise<string> {
  const row = p.locator(`.dt-row[data-index="${index}"]:not(.skeleton)`);
  await row.waitFor({ timeout: 15_000 });
  return row.innerText();
}

describe('corpus browser end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: N }, (_, i) => ({
      text: `Dokumen ${i + 1}: warga ${words[i % words.length]} bercerita tentang ${words[(i * 5) % words.length]} dan ${words[(i * 7) % words.length]} di desa.`,
      source: i % 2 ? 'berita' : 'forum',
      metadata: { nomor: i + 1 },
    }));
    app = await startApp({ name: 'browser', docs, prepare: syncFullTextIndex, width: 1440, goto: false });
    ({ served, browser, page, dir } = app);
  }, 180_000);

  afterAll(() => app?.stop());

  it('opens on the first rows and hides the token from the address bar', async () => {
    await page.goto(served.url);
    expect(await rowText(page, 0)).toContain('Dokumen 1:');
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText()).toContain('20.000 dokumen');
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: `${SHOTS}/browser.png` });
  });

  it('scrolls far without loading everything', async () => {
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/documents.list') && requests.push(r.postData() ?? ''));
    await page.locator('[data-testid="dt-scroll"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await rowText(page, N - 1)).toContain(`Dokumen ${N}:`);
    await page.locator('[data-testid="dt-scroll"]').evaluate((el) => (el.scrollTop = el.scrollHeight * 0.5));
    await expect.poll(async () => page.locator('.dt-row:not(.skeleton)').count()).toBeGreaterThan(10);
    expect(await page.locator('.dt-row').count()).toBeLessThan(100);
    expect(requests.length).toBeLessThan(10);
    // Keyboard: j moves the selection, k back.
    await page.locator('[data-testid="dt-scroll"]').evaluate((el) => (el.scrollTop = 0));
    await rowText(page, 0);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.dt-row.selected').getAttribute('data-index')).toBe('0');
  });

  it('searches with highlighted snippets and opens a document', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('sawah');
    await page.keyboard.press('Enter');
    const results = page.locator('[data-testid="search-results"]');
    await results.waitFor();
    await expect.poll(() => results.locator('li.hit').count()).toBe(50);
    const marks = await results.locator('li.hit').first().locator('mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase())).toContain('sawah');
    await page.screenshot({ path: `${SHOTS}/search.png` });
    // j selects the first hit, Enter opens it; the pane highlights the query.
    await page.locator('[data-testid="search-input"]').blur();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const pane = page.locator('[data-testid="doc-pane"]');
    await pane.locator('[data-testid="doc-text"] mark').first().waitFor();
    expect((await pane.locator('[data-testid="doc-text"] mark').first().innerText()).toLowerCase()).toBe('sawah');
    expect(await pane.innerText()).toContain('nomor');
    await page.screenshot({ path: `${SHOTS}/document.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => pane.count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.dt').waitFor();
  });

  it('imports an uploaded file, shows progress and rejects with file:line', async () => {
    const file = join(dir, 'unggahan.jsonl');
    writeFileSync(file, ['{"text":"Teks pertama yang diunggah."}', '{"text":', '{"text":"Teks kedua yang diunggah."}', '{"judul":"tanpa teks"}', ''].join('\n'));
    await page.locator('[data-testid="open-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-file"]').setInputFiles(file);
    await dialog.locator('[data-testid="import-source"]').fill('unggahan');
    await dialog.locator('[data-testid="import-start"]').click();
    await dialog.locator('[data-testid="import-summary"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-testid="import-summary"]').innerText()).toMatch(/2 diimpor/);
    // The rejects are fetched once the job has ended, so they may arrive just after the summary.
    await expect.poll(() => dialog.locator('[data-testid="import-rejects"] li').count()).toBe(2);
    const rejects = await dialog.locator('[data-testid="import-rejects"] li').allInnerTexts();
    expect(rejects.length).toBe(2);
    expect(rejects.join('\n')).toMatch(/unggahan\.jsonl:2/);
    expect(rejects.join('\n')).toMatch(/unggahan\.jsonl:4/);
    // Reasons in the UI language, their details kept.
    expect(rejects.join('\n')).toMatch(/unggahan\.jsonl:2 — JSON rusak: /);
    expect(rejects.join('\n')).toMatch(/unggahan\.jsonl:4 — tidak ada kolom 'text'/);
    await page.screenshot({ path: `${SHOTS}/import.png` });
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText()).toContain('20.002 dokumen');
  });

  it('shows a long import live in the jobs screen and cancels it', { timeout: 180_000 }, async () => {
    const big = join(dir, 'besar.jsonl');
    const out = createWriteStream(big);
    // Large enough that the import is still running when both cancels happen, however fast the machine: the
    // running job is cancelled, so its size costs only the time to write this file.
    for (let start = 0; start < 3_000_000; start += 10_000) {
      const lines: string[] = [];
      for (let i = start; i < start + 10_000; i++)
        lines.push(`{"id":"b${i}","text":"Kalimat panjang nomor ${i} tentang ${words[i % words.length]} dan ${words[(i * 3) % words.length]} untuk uji pembatalan."}\n`);
      if (!out.write(lines.join(''))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await page.locator('[data-testid="open-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.getByRole('tab', { name: 'Path di server' }).click();
    await dialog.locator('[data-testid="import-paths"]').fill(big);
    await dialog.locator('[data-testid="import-start"]').click();
    await dialog.locator('[data-testid="import-progress"] .job').waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();
    await page.locator('[data-nav="jobs"]').click();
    const job = page.locator('[data-testid="jobs-screen"] .job[data-state="running"]').first();
    await job.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await job.locator('.progress').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/jobs.png` });
    const runningId = await job.getAttribute('data-testid');
    // A second import waits behind the running one (jobs run one at a time): cancelling it is immediate.
    await page.locator('[data-testid="open-import"]').click();
    await dialog.getByRole('tab', { name: 'Path di server' }).click();
    await dialog.locator('[data-testid="import-paths"]').fill(big);
    await dialog.locator('[data-testid="import-source"]').fill('antrean');
    await dialog.locator('[data-testid="import-start"]').click();
    await dialog.locator('[data-testid="import-progress"] .job[data-state="queued"]').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();
    const queued = page.locator('[data-testid="jobs-screen"] .job[data-state="queued"]').first();
    await queued.waitFor({ timeout: 30_000 });
    const queuedId = await queued.getAttribute('data-testid');
    await queued.getByRole('button', { name: 'Batalkan' }).click();
    const ended = page.locator(`[data-testid="${queuedId}"]`);
    await expect.poll(() => ended.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
    expect(await ended.getByRole('button', { name: 'Lanjutkan' }).count()).toBe(1);
    // The running one stops at the end of its batch, keeping the whole batches it committed, and can be resumed.
    // Until then the row says the cancel was heard: the request is held back here, so the job is surely still running.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/jobs.cancel*', async (route) => {
      await held;
      await route.continue();
    });
    const cancelRunning = page.waitForResponse((r) => r.url().includes('/api/jobs.cancel'));
    const running = page.locator(`[data-testid="${runningId}"]`);
    await running.getByRole('button', { name: 'Batalkan' }).click();
    const cancelButton = running.locator('[data-testid="job-cancel"]');
    await expect.poll(() => cancelButton.innerText()).toBe('Membatalkan…');
    expect(await cancelButton.isDisabled()).toBe(true);
    expect(await running.getAttribute('data-state')).toBe('running');
    release();
    expect(await (await cancelRunning).json()).toEqual({ ok: true, value: { cancelled: true } });
    await page.unroute('**/api/jobs.cancel*');
    await expect.poll(() => running.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
    expect(await running.getByRole('button', { name: 'Lanjutkan' }).count()).toBe(1);
  });

  it('switches the language to English and back', async () => {
    // Named apart from the documents' language filter and the Languages screen, both called "Bahasa".
    expect(await page.getByRole('combobox', { name: 'Bahasa antarmuka', exact: true }).count()).toBe(1);
    await page.locator('[data-testid="lang-switch"]').selectOption('en');
    expect(await page.getByRole('combobox', { name: 'Interface language', exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-nav="browser"]').innerText()).toContain('Documents');
    await page.locator('[data-nav="browser"]').click();
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText()).toMatch(/documents/);
    await rowText(page, 0);
    await page.screenshot({ path: `${SHOTS}/browser-en.png` });
    await page.locator('[data-testid="lang-switch"]').selectOption('id');
    await expect.poll(() => page.locator('[data-nav="browser"]').innerText()).toContain('Dokumen');
  });

  it('imports a .txt file one document per paragraph when asked', async () => {
    const file = join(dir, 'paragraf.txt');
    writeFileSync(file, 'Paragraf pertama tentang sawah.\nMasih paragraf pertama.\n\nParagraf kedua tentang laut.\n\n\nParagraf ketiga tentang gunung.\n');
    await page.locator('[data-testid="open-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-file"]').setInputFiles(file);
    await dialog.locator('[data-testid="import-source"]').fill('paragraf');
    await dialog.locator('select').first().selectOption('txt');
    expect(await dialog.locator('[data-testid="import-text-field"]').count()).toBe(0);
    await dialog.locator('[data-testid="import-txt-mode"]').selectOption('paragraph');
    await dialog.locator('[data-testid="import-start"]').click();
    await dialog.locator('[data-testid="import-summary"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-testid="import-summary"]').innerText()).toMatch(/3 diimpor/);
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();
  });

  it('shows the designed empty state on an empty corpus', async () => {
    const empty = await serve(join(dir, 'kosong.db'));
    try {
      const p = await browser.newPage({ viewport: { width: 1200, height: 700 } });
      await p.goto(empty.url);
      await p.getByText('Korpus masih kosong').waitFor();
      await p.screenshot({ path: `${SHOTS}/empty.png` });
      await p.close();
    } finally {
      await empty.stop();
    }
  });
});

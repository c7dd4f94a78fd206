import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Served, type StartedApp } from './serve-helpers';

const SHOTS = 'docs/screenshots';

let app: StartedApp;
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;

/** A downloaded folder: a good file, an empty one, a file of another kind and a .gz whose download stopped part-way. */
function downloads(): string {
  const d = join(dir, 'unduhan');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'a.jsonl'), '{"text":"Kemarin saya pergi ke pasar."}\n');
  writeFileSync(join(d, 'kosong.txt'), '');
  writeFileSync(join(d, 'z.bin'), 'Teks dalam berkas .bin.\n');
  copyFileSync(join('tests', 'fixtures', 'import', 'bad', 'truncated.jsonl.gz'), join(d, 'potong.jsonl.gz'));
  return d;
}

/** Imports `folder` by its server path in the open page's import dialog and waits for the summary. */
async function importFolder(p: Page, folder: string, source: string, tab: string): Promise<ReturnType<Page['locator']>> {
  await p.locator('[data-testid="open-import"]').click();
  const dialog = p.locator('[data-testid="import-dialog"]');
  await dialog.getByRole('tab', { name: tab }).click();
  await dialog.locator('[data-testid="import-paths"]').fill(folder);
  await dialog.locator('[data-testid="import-source"]').fill(source);
  await dialog.locator('[data-testid="import-start"]').click();
  await dialog.locator('[data-testid="import-summary"]').waitFor({ timeout: 30_000 });
  return dialog;
}

describe('the import dialog says what it did not import and why', () => {
  beforeAll(async () => {
    app = await startApp({ name: 'import-notes', docs: [{ text: 'Dokumen yang sudah ada.', source: 'lama' }], width: 1280 });
    ({ served, browser, page, dir } = app);
  }, 180_000);

  afterAll(() => app?.stop());

  it('names the empty file, the files the folder walk left out, and the cut-off .gz at its line (Bahasa Indonesia)', async () => {
    const dialog = await importFolder(page, downloads(), 'unduhan', 'Path di server');
    expect(await dialog.locator('[data-testid="import-summary"]').innerText()).toBe('Selesai: 1.468 diimpor, 0 dilewati, 1 ditolak');
    const empty = dialog.locator('[data-testid="import-empty"]');
    expect(await empty.locator('p').allInnerTexts()).toEqual(['Berkas tanpa isi untuk diimpor (kosong, hanya baris kosong, atau hanya baris header): 1', 'kosong.txt']);
    const ignored = dialog.locator('[data-testid="import-ignored"]');
    expect(await ignored.locator('p').allInnerTexts()).toEqual([
      'Berkas di folder yang tidak dibaca karena ekstensinya tidak dikenal (bukan .csv, .tsv, .jsonl, .txt): 1',
      'z.bin',
      'Untuk tetap mengimpor berkas seperti itu, tulis path berkas itu sendiri (satu per baris).',
    ]);
    await expect.poll(() => dialog.locator('[data-testid="import-rejects"] li').allInnerTexts()).toEqual([
      'potong.jsonl.gz:1468 — data gzip terpotong (berkas berakhir di tengah data terkompresinya): rekaman yang selesai sebelum baris ini sudah diimpor, sisa berkas hilang',
    ]);
    await page.screenshot({ path: `${SHOTS}/import-notes.png` });
    await dialog.getByRole('button', { name: 'Tutup' }).last().click();
  });

  it('says an uploaded empty file held nothing, instead of a bare "0 imported"', async () => {
    const file = join(dir, 'kosong.csv');
    writeFileSync(file, '');
    await page.locator('[data-testid="open-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-file"]').setInputFiles(file);
    await dialog.locator('[data-testid="import-start"]').click();
    await dialog.locator('[data-testid="import-summary"]').waitFor({ timeout: 30_000 });
    expect(await dialog.locator('[data-testid="import-summary"]').innerText()).toBe('Selesai: 0 diimpor, 0 dilewati, 0 ditolak');
    expect(await dialog.locator('[data-testid="import-empty"]').innerText()).toContain('kosong.csv');
    expect(await dialog.locator('[data-testid="import-ignored"]').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Tutup' }).last().click();
  });

  it('says the same in English', async () => {
    const en = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await en.addInitScript(() => localStorage.setItem('kurasi-lang', 'en'));
    await en.goto(served.url);
    const dialog = await importFolder(en, join(dir, 'unduhan'), 'unduhan-en', 'Path on the server');
    expect(await dialog.locator('[data-testid="import-empty"] p').allInnerTexts()).toEqual([
      'Files with nothing to import (empty, only blank lines, or only a header row): 1',
      'kosong.txt',
    ]);
    expect(await dialog.locator('[data-testid="import-ignored"] p').allInnerTexts()).toEqual([
      'Files in the folders not read because their extension is unknown (not .csv, .tsv, .jsonl, .txt): 1',
      'z.bin',
      'To import such a file anyway, enter its own path (one per line).',
    ]);
    await expect.poll(() => dialog.locator('[data-testid="import-rejects"] li').allInnerTexts()).toEqual([
      `potong.jsonl.gz:1468 — gzip data cut off (the file ends in the middle of its compressed data): the records that end before this line were imported, the rest of the file is missing`,
    ]);
    await en.close();
  });
});

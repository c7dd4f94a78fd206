import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;
let dir: string;

describe('export end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    const talpco = readFileSync('/work/shared/data/talpco/ind.txt', 'utf8').split('\n').filter(Boolean).slice(0, 12).map((l) => l.split('\t')[1]!.trim());
    const jav = readFileSync('/work/shared/data/talpco/jav.txt', 'utf8').split('\n').filter(Boolean).slice(0, 6).map((l) => l.split('\t')[1]!.trim());
    app = await startApp({
      name: 'export',
      docs: [
        ...talpco.map((text, i) => ({ source: 'talpco-ind', text, externalId: `i${i}` })),
        ...jav.map((text, i) => ({ source: 'talpco-jav', text, externalId: `j${i}` })),
        ...talpco.slice(0, 4).map((text, i) => ({ source: 'web', text: `${text} (web)`, externalId: `w${i}` })),
      ],
      prepare: (db) => {
        db.exec(`UPDATE sources SET concluded_license = 'CC-BY-4.0', review_state = 'cleared' WHERE name LIKE 'talpco%'`);
        db.exec(`UPDATE documents SET lang = CASE WHEN external_id LIKE 'j%' THEN 'jav' ELSE 'ind' END`);
      },
      width: 1500,
      screen: 'export',
    });
    ({ page, dir } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('previews counts per language and licence, then exports with progress and a shard list', async () => {
    if (!(await page.locator('[data-testid="export-screen"]').isVisible())) await page.getByRole('button', { name: /Ekspor/ }).first().click();
    await page.locator('[data-testid="export-screen"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="export-start"]').isDisabled()).toBe(true);
    // A language that is not a code is pointed out while typing; cleared, the warning goes.
    await page.locator('[data-testid="export-langs"]').fill('ind, INDONESIA');
    expect(await page.locator('[data-testid="export-langs-unknown"]').innerText()).toContain('INDONESIA');
    await page.locator('[data-testid="export-langs"]').fill('');
    expect(await page.locator('[data-testid="export-langs-unknown"]').count()).toBe(0);
    // Codes are read as the engine reads them (IND is ind); one no document has is said in the preview.
    await page.locator('[data-testid="export-langs"]').fill('IND, nld');
    expect(await page.locator('[data-testid="export-langs-unknown"]').count()).toBe(0);
    await page.locator('[data-testid="export-preview"]').click();
    await expect.poll(() => page.locator('[data-testid="export-included"]').innerText(), { timeout: 30_000 }).toMatch(/12 dokumen akan diekspor/);
    expect(await page.locator('[data-testid="export-preview-panel"]').innerText()).toContain('Tidak ada dokumen berbahasa nld; yang ada: ind, jav');
    await page.locator('[data-testid="export-langs"]').fill('');
    await page.locator('[data-testid="export-preview"]').click();
    await expect.poll(() => page.locator('[data-testid="export-included"]').innerText(), { timeout: 30_000 }).toMatch(/18 dokumen akan diekspor/);
    const panel = await page.locator('[data-testid="export-preview-panel"]').innerText();
    expect(panel).toMatch(/ind\s+12/);
    expect(panel).toMatch(/jav\s+6/);
    expect(panel).toMatch(/CC-BY-4\.0\s+18/);
    expect(panel).toMatch(/4 — belum disetujui/);

    const out = join(dir, 'rilis');
    await page.locator('[data-testid="export-out"]').fill(out);
    await page.locator('[data-testid="export-format"]').selectOption('parquet');
    await page.locator('[data-testid="export-start"]').click();
    await expect.poll(() => page.locator('[data-testid="export-result"]').innerText(), { timeout: 60_000 }).toMatch(/18 dokumen ditulis dalam 1 shard/);
    expect(await page.locator('[data-testid="export-result"]').innerText()).toContain('data/commercial/part-00000.parquet');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('license: cc-by-4.0');
  });
});

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine/engine';
import { seedCorpus } from '../helpers/corpus';
import { startApp, type Served, type StartedApp } from './serve-helpers';

const SHOTS = 'docs/screenshots';
let app: StartedApp;
let served: Served;
let page: Page;

const LONG =
  'Warga desa bercerita tentang pasar dan sawah pada musim hujan, lalu pulang ke rumah masing-masing. ' +
  'Mereka membawa hasil panen ke kota dan menjualnya kepada pedagang yang sudah lama mereka kenal.';

/** The number in the browser's "N dokumen" label. */
async function docCount(p: Page): Promise<number> {
  const text = await p.locator('[data-testid="doc-count"]').innerText();
  return Number(text.replace(/\D/g, ''));
}

describe('quality signals as browser columns and filters (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    const docs = [
      ...Array.from({ length: 24 }, (_, i) => ({ text: `${LONG} Catatan ${i + 1}.`, externalId: `long${i}` })),
      ...Array.from({ length: 8 }, (_, i) => ({ text: `Terima kasih ${i + 1}.`, externalId: `short${i}` })),
      { text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', externalId: 'lorem' },
    ];
    app = await startApp({
      name: 'qbrowse',
      seed: async (dir) => {
        const seeded = seedCorpus(docs, join(dir, 'corpus.db'));
        seeded.db.close();
        const engine = openEngine({ dbPath: seeded.path, actor: 'e2e' });
        const quality = await engine.jobs.wait(engine.jobs.start('quality', { workers: 1 }));
        expect(quality.state).toBe('done');
        await engine.close();
        return seeded.path;
      },
      width: 1500,
      goto: false,
    });
    ({ served, page } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('shows a signal column from the column menu, filters on a range and on a failed rule', async () => {
    await page.goto(served.url);
    await page.locator('.dt-row[data-index="0"]:not(.skeleton)').waitFor({ timeout: 30_000 });
    await expect.poll(() => docCount(page)).toBe(33);
    // Signal columns start hidden, and so does their filter.
    expect(await page.locator('[data-testid="range-word_count-min"]').count()).toBe(0);

    await page.locator('[data-testid="column-menu"] > summary').click();
    await page.locator('[data-testid="column-toggle-signal-word_count"]').check();
    await page.locator('[data-testid="column-toggle-quality-reasons"]').check();
    await page.locator('[data-testid="column-menu"] > summary').click();
    // The column's cells show each document's word count (row 0 is a long document).
    await expect.poll(() => page.locator('.dt-row[data-index="0"]').innerText(), { timeout: 15_000 }).toMatch(/\b3\d\b/);

    await page.locator('[data-testid="range-word_count-min"]').fill('10');
    await expect.poll(() => docCount(page), { timeout: 15_000 }).toBe(25);
    await page.locator('[data-testid="range-word_count-max"]').fill('20');
    await expect.poll(() => docCount(page), { timeout: 15_000 }).toBe(1);
    await page.locator('[data-testid="range-word_count-max"]').fill('');
    await page.locator('[data-testid="range-word_count-min"]').fill('');
    await expect.poll(() => docCount(page), { timeout: 15_000 }).toBe(33);

    await page.locator('[data-testid="filter-quality-reason"]').selectOption('min-words');
    await expect.poll(() => docCount(page), { timeout: 15_000 }).toBe(8);
    expect(await page.locator('.dt-row[data-index="0"] .quality-reasons').innerText()).toContain('min-words');
    await page.screenshot({ path: `${SHOTS}/quality-browser.png` });

    // The choice of columns survives a reload (local storage).
    await page.locator('[data-testid="filter-quality-reason"]').selectOption('');
    await page.reload();
    await page.locator('[data-testid="range-word_count-min"]').waitFor({ timeout: 30_000 });
  });

  it('opens the rule editor and sees the live count change', async () => {
    await page.evaluate(() => sessionStorage.setItem('kurasi-screen', 'quality'));
    await page.reload();
    const preview = page.locator('[data-testid="quality-preview"]');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toMatch(/^24 dari 33 dokumen lolos/);
    await page.locator('[data-rule="min-words"] input[type="checkbox"]').uncheck();
    await expect.poll(() => preview.innerText()).toMatch(/^32 dari 33 dokumen lolos/);
  });
});

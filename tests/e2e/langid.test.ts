import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSummary } from '../../electron/engine/langid/store';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;

/** 9 Indonesian documents (3 of them code-mixed), 4 Javanese, 2 without a language yet. */
const DOCS = [
  ...Array.from({ length: 9 }, (_, i) => ({ text: `Warga desa ${i} pergi ke pasar membeli sayur dan beras.`, externalId: `ind${i}` })),
  ...Array.from({ length: 4 }, (_, i) => ({ text: `Aku arep lunga menyang pasar ${i} tuku sayuran.`, externalId: `jav${i}` })),
  { text: 'Teks yang belum dideteksi bahasanya.', externalId: 'none0' },
  { text: 'Teks lain yang belum dideteksi.', externalId: 'none1' },
];

describe('languages screen end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    app = await startApp({
      name: 'langid',
      docs: DOCS,
      prepare: (db) => {
        db.exec(`UPDATE documents SET lang = 'ind', lang_source = 'auto', lang_confidence = 0.9 WHERE external_id LIKE 'ind%';
          UPDATE documents SET lang = 'jav', lang_source = 'auto', lang_confidence = 0.9 WHERE external_id LIKE 'jav%';
          UPDATE documents SET code_mixed = 1 WHERE external_id IN ('ind0', 'ind4', 'ind8');`);
        rebuildSummary(db);
      },
      width: 1400,
      screen: 'languages',
    });
    ({ page } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  const docCount = () => page.locator('[data-testid="doc-count"]').innerText();
  const backToLanguages = async () => {
    await page.locator('nav [data-nav="languages"]').click();
    await page.locator('[data-testid="langid-chart"]').waitFor({ timeout: 15_000 });
  };

  it('opens the documents of a language from its bar, with the keyboard', async () => {
    const bar = page.locator('[data-testid="langid-chart"] li[data-lang="jav"]').getByRole('button', { name: /Jawa/ });
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('aria-label')).toBe('Tampilkan 4 dokumen dengan label bahasa Jawa');
    await bar.focus();
    await page.keyboard.press('Enter');
    // The corpus browser, filtered to Javanese with the ordinary language filter.
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^4 dokumen/);
    expect(await page.locator('nav [data-nav="browser"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#filter-lang').inputValue()).toBe('jav');
    await expect.poll(() => page.locator('.dt-row[data-index="0"]:not(.skeleton)').innerText(), { timeout: 15_000 }).toContain('Aku arep lunga');
    // Clearing the filter shows the whole corpus again.
    await page.locator('#filter-lang').selectOption('');
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^15 dokumen/);
  });

  it('opens the code-mixed documents of a language and the documents without a language from the table', async () => {
    await backToLanguages();
    const row = page.locator('[data-testid="langid-table"] tr[data-lang="ind"]');
    await row.locator('[data-testid="langid-open-documents"]').click();
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^9 dokumen/);
    expect(await page.locator('#filter-lang').inputValue()).toBe('ind');

    await backToLanguages();
    const mixed = page.locator('[data-testid="langid-table"] tr[data-lang="ind"] [data-testid="langid-open-mixed"]');
    expect(await mixed.innerText()).toBe('3');
    // Javanese has no code-mixed document: its count is plain text, not a button.
    expect(await page.locator('[data-testid="langid-table"] tr[data-lang="jav"] [data-testid="langid-open-mixed"]').count()).toBe(0);
    await mixed.focus();
    await page.keyboard.press('Enter');
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^3 dokumen/);
    expect(await page.locator('#filter-lang').inputValue()).toBe('ind');
    expect(await page.locator('#filter-codeMixed').inputValue()).toBe('true');

    await backToLanguages();
    await page.locator('[data-testid="langid-open-unlabelled"]').click();
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^2 dokumen/);
    // Shown as "not labelled", not as "any".
    expect(await page.locator('#filter-lang').inputValue()).toBe('-');
    expect(await page.locator('#filter-lang option:checked').innerText()).toBe('Belum berlabel');
  });
});

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

const PII_DOC = 'Atas nama Siti Rahayu, NIK 3174055203900002, HP 0812-3456-7890, surel siti@contoh.co.id. Nomor pesanan 3174051203900001.';

describe('personal data and text quality end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    const docs = [
      { text: PII_DOC, externalId: 'pii' },
      { text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', externalId: 'lorem' },
      ...Array.from({ length: 30 }, (_, i) => ({
        text: `Dokumen ${i + 1}: warga desa bercerita tentang pasar dan sawah pada musim hujan, lalu pulang ke rumah masing-masing.`,
        externalId: `d${i}`,
      })),
    ];
    app = await startApp({
      name: 'pii',
      seed: async (dir) => {
        const seeded = seedCorpus(docs, join(dir, 'corpus.db'));
        seeded.db.close();
        const engine = openEngine({ dbPath: seeded.path, actor: 'e2e' });
        const pii = await engine.jobs.wait(engine.jobs.start('pii', { workers: 1 }));
        const quality = await engine.jobs.wait(engine.jobs.start('quality', { workers: 1 }));
        expect([pii.state, pii.error, quality.state]).toEqual(['done', null, 'done']);
        await engine.close();
        return seeded.path;
      },
      width: 1400,
      goto: false,
    });
    ({ served, page } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('shows findings highlighted in the document pane and records a dismissal', async () => {
    await page.goto(served.url);
    await page.locator('.dt-row[data-index="0"]:not(.skeleton)').click();
    await page.keyboard.press('Enter');
    const section = page.locator('[data-testid="pii-section"]');
    await section.waitFor({ timeout: 15_000 });
    await expect.poll(() => section.locator('[data-testid="pii-finding"]').count()).toBe(3);
    expect(await section.locator('mark.pii-mark').allInnerTexts()).toEqual(['3174055203900002', '0812-3456-7890', 'siti@contoh.co.id']);
    const phone = section.locator('[data-testid="pii-finding"][data-type="PHONE"]');
    await phone.getByRole('button', { name: 'Tolak' }).click();
    await expect.poll(() => phone.getAttribute('data-decision')).toBe('dismissed');
    // The pane's own history shows the decision at once, without reopening the document.
    await expect.poll(() => page.locator('[data-testid="doc-pane"] [data-testid="history"] li[data-action^="pii."]').count()).toBe(1);
    await page.locator('[data-testid="quality-section"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/pii-document.png` });
  });

  it('summarises personal data per type', async () => {
    await page.evaluate(() => sessionStorage.setItem('kurasi-screen', 'pii'));
    await page.reload();
    const table = page.locator('[data-testid="pii-summary"]');
    await table.waitFor({ timeout: 15_000 });
    expect(await table.locator('tr[data-type="NIK"] td').nth(2).innerText()).toBe('1');
    expect(await table.locator('tr[data-type="PHONE"] td').nth(5).innerText()).toBe('1');
    await page.screenshot({ path: `${SHOTS}/pii.png` });
  });

  it('says that scanning does not redact, what export does with findings, and leads to where redaction is turned on', async () => {
    const note = page.locator('[data-testid="pii-export-note"]');
    expect(await note.innerText()).toMatch(/teks korpus tidak diubah\. Ekspor menyalin teks apa adanya, kecuali “Samarkan data pribadi” dicentang di layar Ekspor/);
    await note.getByRole('button', { name: 'Buka layar Ekspor' }).click();
    const redact = page.locator('[data-testid="export-redact"]');
    await redact.waitFor({ timeout: 15_000 });
    // The switch the note names is there, and off until someone turns it on.
    expect(await redact.isChecked()).toBe(false);
    await page.evaluate(() => {
      localStorage.setItem('kurasi-lang', 'en');
      sessionStorage.setItem('kurasi-screen', 'pii');
    });
    await page.addInitScript(() => localStorage.setItem('kurasi-lang', 'en'));
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="pii-export-note"]').innerText(), { timeout: 15_000 }).toMatch(
      /the corpus text is not changed\. Export copies the text as it is unless “Redact personal data” is ticked on the Export screen/,
    );
    await page.addInitScript(() => localStorage.setItem('kurasi-lang', 'id'));
    await page.evaluate(() => {
      localStorage.setItem('kurasi-lang', 'id');
      sessionStorage.setItem('kurasi-screen', 'pii');
    });
    await page.reload();
    await page.locator('[data-testid="pii-summary"]').waitFor({ timeout: 15_000 });
  });

  it('opens the documents of one kind of personal data from its summary row', async () => {
    const table = page.locator('[data-testid="pii-summary"]');
    // A button (reachable by keyboard), named for what it opens.
    const open = table.locator('tr[data-type="EMAIL"]').getByRole('button', { name: /Surel/ });
    expect(await open.innerText()).toBe('1');
    await open.focus();
    await page.keyboard.press('Enter');
    // The corpus browser, filtered to the documents with that kind: the one document holding an e-mail address.
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText(), { timeout: 15_000 }).toMatch(/^1 dokumen/);
    expect(await page.locator('nav [data-nav="browser"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('[data-testid="filter-pii-type"]').inputValue()).toBe('EMAIL');
    await expect.poll(() => page.locator('.dt-row[data-index="0"]:not(.skeleton)').innerText(), { timeout: 15_000 }).toContain('Siti Rahayu');
    // The filter is an ordinary one: clearing it shows the whole corpus again.
    await page.locator('[data-testid="filter-pii-type"]').selectOption('');
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText(), { timeout: 15_000 }).toMatch(/^32 dokumen/);
  });

  it('updates the live count when a rule is switched off, and draws a histogram', async () => {
    await page.evaluate(() => sessionStorage.setItem('kurasi-screen', 'quality'));
    await page.reload();
    const preview = page.locator('[data-testid="quality-preview"]');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toMatch(/^30 dari 32 dokumen lolos/);
    await page.locator('[data-rule="no-lorem-ipsum"] input[type="checkbox"]').uncheck();
    await page.locator('[data-rule="max-digit-density"] input[type="checkbox"]').uncheck();
    await expect.poll(() => preview.innerText()).toMatch(/^32 dari 32 dokumen lolos/);
    expect(await page.locator('[data-testid="quality-hist"] .bin').count()).toBe(40);
    await page.screenshot({ path: `${SHOTS}/quality.png`, fullPage: true });
  });
});

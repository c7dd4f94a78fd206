import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLabel } from '../../electron/engine/labels/labels';
import { syncFullTextIndex } from '../../electron/engine/store/fts';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;
let dbPath: string;

const texts = [
  'Warga desa menanam padi di sawah ketika musim hujan tiba setiap tahun.',
  'Pedagang di pasar pagi menjual sayur, ikan asin dan tempe goreng.',
  'Anak-anak berjalan kaki ke sekolah melewati jembatan bambu di tepi sungai.',
  'Nelayan berangkat melaut sebelum subuh dan pulang membawa ikan tongkol.',
  'Hujan deras membuat jalan kampung tergenang air setinggi lutut orang dewasa.',
  // Document 6 repeats document 5 word for word: one exact duplicate cluster.
  'Hujan deras membuat jalan kampung tergenang air setinggi lutut orang dewasa.',
];

const doc = (p: Page) => p.locator('[data-testid="annotate-doc"]');
const docId = async (p: Page) => Number(await doc(p).getAttribute('data-doc-id'));
const status = (p: Page) => p.locator('[data-testid="save-status"]');

describe('an annotator at a laptop, keyboard only (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    app = await startApp({
      name: 'annotate-flow',
      docs: texts.map((text, i) => ({ text, externalId: `w${i + 1}` })),
      // Two colleagues disagree on documents 3 and 4: two conflicts to adjudicate.
      prepare: (db) => {
        syncFullTextIndex(db);
        for (const id of [3, 4]) {
          setLabel(db, 'budi', id, 'decision', 'keep');
          setLabel(db, 'cici', id, 'decision', 'drop');
        }
      },
      width: 1366,
      screen: 'annotate',
    });
    ({ page, dbPath } = app);
    await page.locator('[data-testid="identity-name"]').waitFor({ timeout: 20_000 });
    await page.keyboard.type('ani');
    await page.keyboard.press('Enter');
    await doc(page).waitFor({ timeout: 15_000 });
  }, 240_000);

  afterAll(() => app?.stop());

  function aniLabels(): { doc: number; value: string }[] {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db
        .prepare(
          `SELECT document_id AS doc, value FROM labels WHERE annotator = 'ani' AND question = 'decision' ORDER BY document_id`,
        )
        .all() as { doc: number; value: string }[];
    } finally {
      db.close();
    }
  }

  it('labels with the next key press after applying a queue filter with Enter', async () => {
    const seed = page.locator('[data-testid="queue-filter"] input').nth(2);
    await seed.fill('7');
    await seed.press('Enter');
    await doc(page).waitFor();
    const shown = await docId(page);
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('[data-question="decision"] .option.selected').count()).toBe(1);
    expect(await seed.inputValue()).toBe('7');
    expect(aniLabels()).toEqual([{ doc: shown, value: '"keep"' }]);
    // Back to id order, from the first document not labelled yet.
    await seed.fill('');
    await seed.press('Enter');
    await expect.poll(() => docId(page)).toBe(shown === 1 ? 2 : 1);
  });

  it('brings skipped documents back at the end of the queue, and undoes from the finished queue', async () => {
    const skipped = await docId(page);
    await page.keyboard.press('s');
    await expect.poll(() => docId(page)).not.toBe(skipped);
    for (let i = 0; i < texts.length && (await docId(page)) !== skipped; i++) {
      const id = await docId(page);
      await page.keyboard.press('k');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await doc(page).count()) === 0 || (await docId(page)) !== id).toBe(true);
      if ((await doc(page).count()) === 0) break;
    }
    // The queue is not finished while the skipped document is unlabelled: it comes round again, saying why.
    expect(await doc(page).count()).toBe(1);
    expect(await docId(page)).toBe(skipped);
    expect(await status(page).innerText()).toMatch(/Akhir antrean: kembali ke awal/);
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.getByText('Antrean selesai').waitFor();
    expect(aniLabels().map((l) => l.doc)).toEqual([1, 2, 3, 4, 5, 6]);
    // u on the finished queue undoes the last label and shows its document again.
    await page.keyboard.press('u');
    await expect
      .poll(() => (aniLabels().some((l) => l.doc === skipped) ? 'still labelled' : 'undone'))
      .toBe('undone');
    await expect.poll(() => docId(page)).toBe(skipped);
    await expect.poll(() => status(page).innerText()).toMatch(/Dibatalkan/);
  });

  it('searches from the box and goes through the hits with j and Enter straight away', async () => {
    await page.locator('[data-nav="browser"]').click();
    await page.locator('.dt-row').first().waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('nelayan');
    await page.keyboard.press('Enter');
    const hits = page.locator('[data-testid="search-results"] li.hit');
    await expect.poll(() => hits.count()).toBe(1);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="doc-pane"] h2', { hasText: 'Dokumen #4' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="search-input"]').inputValue()).toBe('nelayan');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.dt').waitFor();
  });

  it('shows a duplicate decision undone with Ctrl+Z in the open cluster', async () => {
    await page.locator('[data-nav="dedupe"]').click();
    await page.getByRole('button', { name: 'Cari duplikat' }).click();
    const cluster = page.locator('[data-testid="dedupe-cluster"]');
    await expect.poll(() => cluster.count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => cluster.innerText()).toMatch(/duplikat/);
    await page.keyboard.press('k');
    await expect.poll(() => cluster.innerText()).toMatch(/diubah manual/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').innerText()).toMatch(/Dibatalkan/);
    await expect.poll(() => cluster.innerText()).not.toMatch(/diubah manual/);
    expect(await cluster.locator('[role="tab"]').allInnerTexts()).toEqual([
      expect.stringMatching(/disimpan/),
      expect.stringMatching(/duplikat/),
    ]);
  });

  it('adjudicates with Enter in the reason box and carries on in the next conflict', async () => {
    await page.locator('[data-nav="review"]').click();
    await page.locator('[data-tab="conflicts"]').click();
    const conflicts = page.locator('[data-testid="conflict"]');
    await expect.poll(() => conflicts.count()).toBe(2);
    await conflicts.first().locator('select').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Teksnya rapi dan berbahasa Indonesia.');
    await page.keyboard.press('Enter');
    await expect.poll(() => conflicts.count()).toBe(1);
    // The keyboard is in the conflict that is left, ready for the next decision.
    await expect
      .poll(() =>
        conflicts
          .first()
          .locator('select')
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT document_id AS doc, reason, adjudicator FROM adjudications').all()).toEqual([
        { doc: 3, reason: 'Teksnya rapi dan berbahasa Indonesia.', adjudicator: 'ani' },
      ]);
    } finally {
      db.close();
    }
  });
});

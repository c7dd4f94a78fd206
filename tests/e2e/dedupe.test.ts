import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneWordChanged, realParagraphs } from '../unit/dedupe/fixture';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;
let dir: string;

describe('duplicates view end to end (kurasi serve + headless Chromium, keyboard)', () => {
  beforeAll(async () => {
    const [p1, p2, p3] = realParagraphs() as [string, string, string];
    app = await startApp({
      name: 'dedupe',
      docs: [
        { text: p1, externalId: 'a1' },
        { text: oneWordChanged(p1, 12), externalId: 'a2' },
        { text: `${p1}\n\nHak cipta dilindungi undang-undang.`, externalId: 'a3' },
        { text: p2, externalId: 'b1' },
        { text: p2.toUpperCase(), externalId: 'b2' },
        { text: p3, externalId: 'c1' },
      ],
      width: 1500,
      screen: 'dedupe',
    });
    ({ page, dir } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('runs the search, lists clusters by size, highlights differences, and keeps/splits from the keyboard', async () => {
    const run = page.getByRole('button', { name: 'Cari duplikat' });
    if (!(await run.isVisible())) await page.getByRole('button', { name: /Duplikat/ }).first().click();
    await run.click();
    const list = page.locator('[data-testid="dedupe-clusters"] li');
    await expect.poll(() => list.count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(() => list.first().innerText()).toMatch(/mirip[\s\S]*3/);
    await expect.poll(() => page.locator('[data-testid="dedupe-summary"]').innerText()).toMatch(/2 klaster \(1 persis, 1 mirip\) · 3 dokumen duplikat/);
    // The near cluster is open: the kept member (a3, with the footer) next to a1; the footer is highlighted.
    const cluster = page.locator('[data-testid="dedupe-cluster"]');
    await expect.poll(() => cluster.locator('mark.dedupe-diff').count()).toBeGreaterThan(0);
    await expect.poll(() => cluster.locator('mark.dedupe-diff', { hasText: 'Hak cipta' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'docs/screenshots/dedupe.png' });
    // K keeps the member on the right as well; S splits the next one off.
    const selectedId = async () => /#[\d.]+/.exec(await page.locator('[data-testid="dedupe-clusters"] li.selected').innerText())?.[0];
    const nearId = await selectedId();
    expect(nearId).toMatch(/^#/);
    await page.keyboard.press('k');
    await expect.poll(() => cluster.innerText()).toMatch(/diubah manual/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('[data-testid="dedupe-summary"]').innerText()).toMatch(/1 dokumen duplikat/);
    await expect.poll(() => list.first().innerText()).toMatch(/2/);
    // The cluster just split stays selected, wherever the new sizes put it in the list.
    expect(await selectedId()).toBe(nearId);
  });

  it('merges two clusters from the keyboard (M, ↓, M); the merge is audited and survives a re-run', async () => {
    const list = page.locator('[data-testid="dedupe-clusters"] li');
    await expect.poll(() => list.count()).toBe(2);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('[data-testid="dedupe-merge-bar"]').innerText()).toMatch(/ditandai untuk digabung/);
    await expect.poll(() => page.locator('li.merge-marked').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: 'docs/screenshots/dedupe-merge.png' });
    await page.keyboard.press('m');
    await expect.poll(() => list.count()).toBe(1);
    await expect.poll(() => list.first().innerText()).toMatch(/mirip[\s\S]*4/);
    await expect.poll(() => page.locator('[data-testid="dedupe-notice"]').innerText()).toMatch(/digabung/);

    // A fresh run computes the clusters again and re-applies the merge (and the earlier keep/split).
    await page.getByRole('button', { name: 'Cari duplikat' }).click();
    const db = new Database(join(dir, 'corpus.db'), { readonly: true });
    try {
      await expect.poll(() => db.prepare('SELECT count(*) FROM dedupe_runs').pluck().get(), { timeout: 60_000 }).toBe(2);
      expect(db.prepare('SELECT size FROM dedupe_clusters').pluck().all()).toEqual([4]);
      const actions = db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'dedupe.%' ORDER BY id`).pluck().all();
      expect(actions).toEqual(['dedupe.keep', 'dedupe.split', 'dedupe.merge']);
    } finally {
      db.close();
    }
    await expect.poll(() => list.count()).toBe(1);
    await expect.poll(() => list.first().innerText()).toMatch(/4/);
  });

  it('opens the documents of the selected cluster in the browser, the cluster shown as a filter that can be removed', async () => {
    const list = page.locator('[data-testid="dedupe-clusters"] li');
    await expect.poll(() => list.count()).toBe(1);
    const id = /#(\d+)/.exec(await page.locator('[data-testid="dedupe-clusters"] li.selected').innerText())?.[1];
    expect(id).toMatch(/^\d+$/);
    const open = page.locator('[data-testid="dedupe-open-documents"]');
    expect(await open.innerText()).toBe(`Buka 4 dokumen klaster #${id} di daftar Dokumen`);
    await open.focus();
    await page.keyboard.press('Enter');
    // The corpus browser with the four members of the merged cluster only (of six documents).
    const count = () => page.locator('[data-testid="doc-count"]').innerText();
    await expect.poll(count, { timeout: 15_000 }).toMatch(/^4 dokumen/);
    expect(await page.locator('nav [data-nav="browser"]').getAttribute('aria-current')).toBe('page');
    const chip = page.locator('[data-testid="filter-dup-cluster"]');
    expect(await chip.innerText()).toContain(`klaster #${id}`);
    const scroll = page.locator('[data-testid="dt-scroll"]');
    await expect.poll(() => scroll.locator('.chip.dup-kept, .chip.dup-duplicate').count(), { timeout: 15_000 }).toBe(4);
    // It combines with the status filter: the members marked duplicate.
    const duplicates = await scroll.locator('.chip.dup-duplicate').count();
    expect(duplicates).toBeGreaterThan(0);
    await page.locator('#filter-dupStatus').selectOption('duplicate');
    await expect.poll(count).toMatch(new RegExp(`^${duplicates} dokumen`));
    await page.locator('#filter-dupStatus').selectOption('');
    // Removing the cluster filter shows the whole corpus again.
    await chip.getByRole('button', { name: `Hapus filter klaster #${id}` }).click();
    await expect.poll(count, { timeout: 15_000 }).toMatch(/^6 dokumen/);
    expect(await chip.count()).toBe(0);
  });

  it('the browser labels and filters documents that are not duplicates', async () => {
    await page.getByRole('button', { name: /Dokumen/ }).first().click();
    const scroll = page.locator('[data-testid="dt-scroll"]');
    await expect.poll(() => scroll.innerText(), { timeout: 15_000 }).toMatch(/unik/);
    await page.locator('#filter-dupStatus').selectOption('-');
    // The member split off its cluster (no duplicate any more) and c1 (never had one): both labelled "unik".
    await expect.poll(() => page.locator('[data-testid="doc-count"]').innerText()).toMatch(/\b2\b/);
    await expect.poll(() => scroll.locator('.chip.dup-unique').count()).toBe(2);
    expect(await scroll.locator('.chip.dup-kept, .chip.dup-duplicate').count()).toBe(0);
    await page.locator('#filter-dupStatus').selectOption('duplicate');
    await expect.poll(() => scroll.locator('.chip.dup-duplicate').count()).toBeGreaterThan(0);
    expect(await scroll.locator('.chip.dup-unique').count()).toBe(0);
    // Sorting by the duplicate column cycles A→Z, Z→A, unsorted, whatever the first row holds (nulls sort first).
    await page.locator('#filter-dupStatus').selectOption('');
    const header = page.getByRole('columnheader', { name: /Duplikat/ });
    const states: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await header.click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe(['ascending', 'descending', 'none'][i]);
      states.push(await header.getAttribute('aria-sort'));
    }
    expect(states).toEqual(['ascending', 'descending', 'none']);
  });

  it('opens the cluster of the document in the pane from the keyboard: the table lists exactly its members', async () => {
    const count = () => page.locator('[data-testid="doc-count"]').innerText();
    const scroll = page.locator('[data-testid="dt-scroll"]');
    // Another filter is set first: opening the cluster replaces it, so the kept member is listed as well.
    await page.locator('#filter-dupStatus').selectOption('duplicate');
    await expect.poll(count, { timeout: 15_000 }).not.toMatch(/^6 dokumen/);
    await expect.poll(() => scroll.locator('.chip.dup-kept').count()).toBe(0);
    await scroll.locator('.dt-row[data-index="0"]').click();
    await page.keyboard.press('Enter');
    const pane = page.locator('[data-testid="doc-pane"]');
    const open = pane.getByRole('button', { name: /^Buka klaster #\d+$/ });
    await open.waitFor({ timeout: 15_000 });
    const id = Number(/#(\d+)/.exec(await open.innerText())?.[1]);
    const db = new Database(join(dir, 'corpus.db'), { readonly: true });
    let members: number[];
    try {
      members = db.prepare('SELECT id FROM documents WHERE dup_cluster = ? ORDER BY id').pluck().all(id).map(Number);
    } finally {
      db.close();
    }
    expect(members).toHaveLength(4);

    // Tab to it (past the pane's close button), then Enter.
    const focused = () => open.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 10 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(count, { timeout: 15_000 }).toMatch(/^4 dokumen/);
    const rowIds = async () => (await scroll.locator('.dt-row:not(.skeleton) [role="gridcell"]:first-child').allInnerTexts()).map(Number).sort((a, b) => a - b);
    await expect.poll(rowIds).toEqual(members);
    expect(await page.locator('#filter-dupStatus').inputValue()).toBe('');
    const chip = page.locator('[data-testid="filter-dup-cluster"]');
    expect(await chip.innerText()).toContain(`klaster #${id}`);
    // The pane stays on the document; the chip takes the table back to the whole corpus.
    expect(await pane.count()).toBe(1);
    await chip.getByRole('button', { name: `Hapus filter klaster #${id}` }).click();
    await expect.poll(count, { timeout: 15_000 }).toMatch(/^6 dokumen/);
  });
});

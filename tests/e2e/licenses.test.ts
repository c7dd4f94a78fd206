import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;
let dbPath: string;

/** Header cells of the licence table that lie outside its visible box (cut off, or only reachable by scrolling). */
function clippedColumns(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const table = document.querySelector<HTMLElement>('[data-testid="lic-table"]');
    if (!table) return ['no table'];
    const box = table.getBoundingClientRect();
    const right = box.left + table.clientWidth;
    const out = [...table.querySelectorAll<HTMLElement>('thead th')].filter((th) => th.getBoundingClientRect().right > right + 1).map((th) => th.innerText);
    if (table.scrollWidth > table.clientWidth + 1) out.push(`scrolls ${table.scrollWidth} > ${table.clientWidth}`);
    return out;
  });
}

function row(name: string) {
  return page.locator(`[data-testid="lic-row-${name}"]`);
}

describe('licence review end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    const docs = [
      ...Array.from({ length: 5 }, (_, i) => ({ source: 'nusax', text: `Kalimat NusaX nomor ${i}.`, externalId: `n${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ source: 'talpco', text: `Kalimat TALPCo nomor ${i}.`, externalId: `t${i}` })),
      ...Array.from({ length: 2 }, (_, i) => ({ source: 'web', text: `Berita web nomor ${i}.`, externalId: `w${i}` })),
    ];
    app = await startApp({
      name: 'licenses',
      docs,
      prepare: (db) => {
        db.prepare(`UPDATE sources SET declared_license = 'CC BY-SA 4.0' WHERE name = 'nusax'`).run();
        db.prepare(`UPDATE sources SET declared_license = 'bebas dipakai asal sebut nama' WHERE name = 'web'`).run();
      },
      width: 1500,
      screen: 'licenses',
    });
    ({ page, dbPath } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('flags a declared licence that no SPDX reading fits, and only that one', async () => {
    await row('web').waitFor({ timeout: 30_000 });
    expect(await row('web').locator('[data-testid="lic-declared-invalid"]').count()).toBe(1);
    expect(await row('nusax').locator('[data-testid="lic-declared-invalid"]').count()).toBe(0);
  });

  it('lists every source, clears one with a live-checked licence, and shows the commercial share', async () => {
    if (!(await page.locator('[data-testid="licenses-screen"]').isVisible())) {
      await page.getByRole('button', { name: /Lisensi/ }).first().click();
    }
    await row('nusax').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid^="lic-row-"]').count()).toBe(3);
    await expect.poll(() => row('nusax').innerText()).toMatch(/CC BY-SA 4\.0[\s\S]*Belum ditinjau/);

    await row('nusax').click();
    const concluded = page.locator('[data-testid="lic-concluded"]');
    await concluded.fill('Creative Commons Attribution Share Alike 4.0 (cc-by-sa-4.0)');
    await expect.poll(() => page.locator('[data-testid="lic-resolution"]').innerText()).toMatch(/CC-BY-SA-4\.0/);
    await page.locator('[data-testid="lic-state-select"]').selectOption('cleared');
    await page.getByLabel('Catatan keputusan').fill('Berkas LICENSE di repositori');
    await page.getByRole('button', { name: 'Simpan' }).click();

    await expect.poll(() => row('nusax').innerText()).toMatch(/CC-BY-SA-4\.0[\s\S]*Disetujui/);
    await expect.poll(() => page.locator('[data-testid="lic-share"]').innerText()).toMatch(/50% dokumen sudah disetujui/);
    await expect.poll(() => page.locator('[data-testid="lic-history"]').innerText()).toMatch(/keputusan lisensi \(Disimpulkan: .*, Status: Belum ditinjau → Disetujui[\s\S]*Berkas LICENSE di repositori/);
  });

  it('keeps the clearing when its reviewer attaches the proof right after, and says so; removing evidence sends it back to review', async () => {
    const evidence = page.locator('[data-testid="lic-evidence"]');
    // What evidence does to a clearing is said before anyone adds any.
    await expect.poll(() => evidence.locator('[data-testid="lic-evidence-rule"]').innerText()).toMatch(/dalam satu jam setelah persetujuan, tidak mengubah status/);
    await evidence.getByLabel('Tambah URL').fill('https://github.com/IndoNLP/nusax/blob/main/LICENSE');
    await evidence.getByRole('button', { name: 'Tambah URL' }).click();
    await expect.poll(() => evidence.innerText()).toMatch(/github\.com\/IndoNLP\/nusax/);
    // The history says why in Bahasa Indonesia and names the evidence, not every stored field of it.
    const history = page.locator('[data-testid="lic-history"]');
    await expect.poll(() => history.innerText()).toMatch(/lisensi tetap disetujui — bukti ditambah oleh peninjau yang menyetujuinya, kurang dari satu jam kemudian/);
    await expect.poll(() => history.innerText()).toMatch(/bukti lisensi ditambah: https:\/\/github\.com\/IndoNLP\/nusax\/blob\/main\/LICENSE/);
    expect(await row('nusax').innerText()).toMatch(/Disetujui/);
    expect(await history.innerText()).not.toMatch(/sourceId|addedAt|evidenceId|after clearing|within an hour/);

    await evidence.getByRole('button', { name: 'Hapus' }).click();
    await expect.poll(() => row('nusax').innerText()).toMatch(/Kedaluwarsa/);
    await expect.poll(() => history.innerText()).toMatch(/lisensi perlu ditinjau ulang \(Status: Disetujui → Kedaluwarsa\) — bukti dihapus setelah disetujui/);
  });

  it('applies a bulk decision to the selected sources and records it in the audit log', async () => {
    await page.getByRole('checkbox', { name: 'talpco' }).check();
    await page.getByRole('checkbox', { name: 'web' }).check();
    const bulk = page.locator('[data-testid="lic-bulk"]');
    await expect.poll(() => bulk.innerText()).toMatch(/2 sumber dipilih/);
    await bulk.getByLabel('Lisensi disimpulkan (SPDX)').fill('cc-by-4.0');
    await bulk.getByLabel('Ubah status ke…').selectOption('in-review');
    await bulk.getByRole('button', { name: 'Terapkan' }).click();
    await expect.poll(() => bulk.innerText()).toMatch(/2 sumber diperbarui/);
    await expect.poll(() => row('web').innerText()).toMatch(/CC-BY-4\.0[\s\S]*Sedang ditinjau/);

    // Every decision is in the audit log, and the view shows it.
    await page.locator('[data-testid="lic-recent"] summary').click();
    await expect.poll(() => page.locator('[data-testid="lic-recent"]').innerText()).toMatch(/keputusan lisensi web \(Disimpulkan: — → CC-BY-4\.0, Status: Belum ditinjau → Sedang ditinjau/);
    expect(await page.locator('[data-testid="lic-recent"]').innerText()).not.toMatch(/license\.(set|stale|evidence)|after clearing/);

    // Filter by state.
    await page.getByRole('button', { name: 'Sedang ditinjau' }).click();
    await expect.poll(() => page.locator('[data-testid^="lic-row-"]').count()).toBe(2);

    const db = new Database(dbPath, { readonly: true });
    try {
      const actions = db.prepare(`SELECT action FROM audit_log WHERE entity = 'source' ORDER BY id`).all() as { action: string }[];
      expect(actions.map((a) => a.action)).toEqual([
        'license.set',
        'license.cleared-kept',
        'license.evidence.add',
        'license.stale',
        'license.evidence.remove',
        'license.set',
        'license.set',
      ]);
    } finally {
      db.close();
    }
  });

  it('after Ctrl+Z the open detail pane shows the decision as it is now, not the one undone', async () => {
    // The previous test left the list filtered to sources in review: show them all, so talpco stays listed once rejected.
    await page.getByRole('button', { name: 'Sedang ditinjau' }).click();
    await expect.poll(() => page.locator('[data-testid^="lic-row-"]').count()).toBe(3);
    await row('talpco').click();
    const detail = page.locator('[data-testid="lic-detail"]');
    await expect.poll(() => detail.locator('h2').innerText()).toMatch(/talpco/);
    const badge = detail.locator('.doc-body > p .lic-state');
    await expect.poll(() => badge.innerText()).toBe('Sedang ditinjau');
    await page.locator('[data-testid="lic-state-select"]').selectOption('rejected');
    await page.getByLabel('Catatan keputusan').fill('Sumber menyalin situs berita');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => row('talpco').innerText()).toMatch(/Ditolak/);
    await expect.poll(() => badge.innerText()).toBe('Ditolak');

    await detail.locator('h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => row('talpco').innerText()).toMatch(/Sedang ditinjau/);
    // The pane must not keep saying "rejected" for a source that is back in review (and may be cleared from there).
    await expect.poll(() => badge.innerText()).toBe('Sedang ditinjau');
    await expect.poll(() => page.locator('[data-testid="lic-history"]').innerText()).toMatch(/batal keputusan lisensi \(Status: Ditolak → Sedang ditinjau\)/);
    await expect.poll(() => detail.getByRole('status').allInnerTexts()).not.toContain('Tersimpan');
  });

  it('attaches a file as evidence with the keyboard alone', async () => {
    const evidence = page.locator('[data-testid="lic-evidence"]');
    await evidence.getByLabel('Tambah URL').focus();
    // From the URL box, Tab goes past the (disabled) add-URL button to the file button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lampirkan berkas');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles({ name: 'izin-tertulis.txt', mimeType: 'text/plain', buffer: Buffer.from('Izin tertulis dari pemilik situs.') });
    await expect.poll(() => evidence.innerText()).toMatch(/izin-tertulis\.txt/);
  });

  it('downloads a stored evidence file as the bytes that were attached, under its name', async () => {
    const evidence = page.locator('[data-testid="lic-evidence"]');
    const button = evidence.getByRole('button', { name: 'Unduh izin-tertulis.txt' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('izin-tertulis.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe('Izin tertulis dari pemilik situs.');
    // A download, not a page: the app stays where it was.
    expect(page.url()).not.toMatch(/^blob:/);
    expect(await evidence.getByRole('alert').count()).toBe(0);
  });

  it('keeps every column in view beside the detail pane, at the tests\' window size and at 1280×800', async () => {
    await row('web').click();
    await page.locator('[data-testid="lic-detail"]').waitFor();
    expect(await clippedColumns(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => clippedColumns(page)).toEqual([]);
    expect(await page.locator('[data-testid="lic-detail"]').isVisible()).toBe(true);
  });
});

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus } from '../helpers/corpus';
import { setLabel } from '../../electron/engine/labels/labels';
import { exportPack } from '../../electron/engine/labels/pack-export';
import { openCorpus } from '../../electron/engine/store/open';
import { startApp, type Served, type StartedApp } from './serve-helpers';

let app: StartedApp;
let served: Served;
let page: Page;
let dir: string;
let dbPath: string;
let budiPath: string;

/** Newest modification time of the files under a folder. */


async function docId(p: Page): Promise<number> {
  return Number(await p.locator('[data-testid="annotate-doc"]').getAttribute('data-doc-id'));
}

async function waitForDoc(p: Page, id: number): Promise<void> {
  await p.locator(`[data-testid="annotate-doc"][data-doc-id="${id}"]`).waitFor({ timeout: 15_000 });
}

/** Documents 1, 5, 9, 13, 17 are dropped as duplicates (d, 3); the rest kept (k). */
const dropped = (i: number) => i % 4 === 1;

describe('annotation end to end (kurasi serve + headless Chromium, keyboard only)', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: 25 }, (_, i) => ({ text: `Dokumen ${i + 1}: warga desa bercerita tentang pasar dan sawah pada musim hujan.`, externalId: `e${i + 1}` }));
    app = await startApp({
      name: 'annotate',
      seed: (folder) => {
        const seeded = seedCorpus(docs, join(folder, 'corpus.db'));
        seeded.db.close();
        // Budi's laptop: a copy of the same corpus (same corpus id), labelled offline later in the test.
        budiPath = join(folder, 'budi.db');
        copyFileSync(seeded.path, budiPath);
        return seeded.path;
      },
      width: 1400,
      screen: 'annotate',
      goto: false,
    });
    ({ served, page, dir, dbPath } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('asks who is labeling on first run, labels 20 documents with keys, undoes one, and keeps everything after a reload', async () => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(served.url);
    await page
      .locator('[data-testid="identity-prompt"]')
      .waitFor({ timeout: 20_000 })
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${problems.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
      });
    await page.keyboard.type('ani');
    await page.keyboard.press('Enter');
    await waitForDoc(page, 1);
    // One key per label is on screen.
    expect(await page.locator('[data-question="decision"] kbd').allInnerTexts()).toEqual(['k', 'd']);

    for (let i = 1; i <= 20; i++) {
      expect(await docId(page)).toBe(i);
      if (dropped(i)) {
        await page.keyboard.press('d');
        await page.keyboard.press('3');
      } else await page.keyboard.press('k');
      await page.keyboard.press('Enter');
      await waitForDoc(page, i + 1);
    }
    // s skips document 21 without a label; u undoes the last action (keep on document 20) and goes back to it.
    await page.keyboard.press('s');
    await waitForDoc(page, 22);
    await page.keyboard.press('u');
    await waitForDoc(page, 20);
    await expect.poll(() => page.locator('[data-testid="save-status"]').innerText()).toMatch(/Dibatalkan/);
    expect(await page.locator('[data-question="decision"] .option.selected').count()).toBe(0);
    // Shift+U redoes it, u undoes it again.
    await page.keyboard.press('Shift+U');
    await expect.poll(() => page.locator('[data-question="decision"] .option.selected').innerText()).toContain('Simpan');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[data-question="decision"] .option.selected').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="history"] li').first().innerText()).toMatch(/ani.*batal label.*— membatalkan #\d+/s);

    await page.reload();
    await waitForDoc(page, 20);
    await page.screenshot({ path: 'docs/screenshots/annotate.png' });
    expect(await page.locator('[data-testid="annotator"]').innerText()).toContain('ani');

    const db = new Database(dbPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT document_id AS doc, annotator, question, value, at FROM labels ORDER BY document_id, question').all() as {
        doc: number;
        annotator: string;
        question: string;
        value: string;
        at: string;
      }[];
      const expected: [number, string, string][] = [];
      for (let i = 1; i <= 19; i++) {
        expected.push([i, 'decision', dropped(i) ? '"drop"' : '"keep"']);
        if (dropped(i)) expected.push([i, 'drop_reason', '"duplicate"']);
      }
      expect(rows.map((r) => [r.doc, r.question, r.value])).toEqual(expected);
      for (const r of rows) {
        expect(r.annotator).toBe('ani');
        expect(Date.now() - Date.parse(r.at)).toBeLessThan(10 * 60_000);
      }
      const counts = db.prepare('SELECT id, label_count AS n FROM documents WHERE id IN (1, 2, 20, 21)').all();
      expect(counts).toEqual([{ id: 1, n: 2 }, { id: 2, n: 1 }, { id: 20, n: 0 }, { id: 21, n: 0 }]);
      const audit = db.prepare(`SELECT actor, action FROM audit_log WHERE entity = 'document' ORDER BY id`).all() as { actor: string; action: string }[];
      expect(audit.filter((a) => a.action === 'label.set')).toHaveLength(25);
      expect(audit.at(-1)).toEqual({ actor: 'ani', action: 'label.undo' });
      expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['ani']));
    } finally {
      db.close();
    }
  });

  it('shows the review screen with agreement and conflicts views', async () => {
    await page.locator('[data-nav="review"]').click();
    await page.locator('[data-testid="review-screen"]').waitFor();
    // The label-schema editor shows whole option values ("machine-translated"), not cut off by a narrow input.
    await page.locator('[data-tab="schema"]').click();
    const editor = page.locator('[data-testid="schema-editor"]');
    await editor.waitFor();
    const cut = () =>
      editor.locator('input').evaluateAll((inputs) =>
        (inputs as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth + 1 || i.getBoundingClientRect().right > window.innerWidth).map((i) => i.value),
      );
    expect(await editor.locator('input[value="machine-translated"]').count()).toBe(1);
    expect(await cut()).toEqual([]);
    await page.locator('[data-tab="agreement"]').click();
    // Computed by an agreement job; one annotator so far, so nothing to compare yet.
    await expect.poll(() => page.locator('[data-testid="review-screen"]').innerText(), { timeout: 20_000 }).toMatch(/Belum ada dokumen yang dilabeli oleh dua anotator/);
    await page.locator('[data-tab="conflicts"]').click();
    await expect.poll(() => page.locator('[data-testid="review-screen"]').innerText()).toMatch(/Tidak ada konflik/);
  });

  it('imports a pack from another laptop in the app, lists the conflicts, adjudicates one and shows agreement', async () => {
    const budi = openCorpus(budiPath);
    for (let id = 1; id <= 10; id++) setLabel(budi, 'budi', id, 'decision', 'keep');
    exportPack(budi, 'budi', join(dir, 'budi.kpack'), 'budi');
    budi.close();

    await page.locator('[data-tab="packs"]').click();
    await page.locator('[data-testid="packs-files"]').setInputFiles(join(dir, 'budi.kpack'));
    await page.locator('[data-testid="packs-import"]').click();
    // ani dropped documents 1, 5 and 9; budi kept them.
    await expect.poll(() => page.locator('[data-testid="packs-report"]').innerText(), { timeout: 20_000 }).toMatch(/Terimpor\. 3 konflik/);
    expect(await page.locator('[data-testid="packs-report"]').innerText()).toMatch(/budi.*10 diimpor/s);

    await page.locator('[data-tab="conflicts"]').click();
    await expect.poll(() => page.locator('[data-testid="conflict"]').count()).toBe(3);
    await page.screenshot({ path: 'docs/screenshots/annotate-conflicts.png' });
    const first = page.locator('[data-testid="conflict"]').first();
    expect(await first.innerText()).toMatch(/ani = Buang.*budi = Simpan/s);
    await first.locator('[data-testid="adjudicate-reason"]').fill('iklan berulang');
    await first.locator('[data-testid="adjudicate-save"]').click();
    await expect.poll(() => page.locator('[data-testid="conflict"]').count()).toBe(2);

    await page.locator('[data-tab="agreement"]').click();
    // By hand, 10 shared documents: raw 7/10; kappa: pe = 0.7·1 + 0.3·0 = 0.7 → (0.7 − 0.7)/(1 − 0.7) = 0;
    // alpha: n = 20 (17 keep, 3 drop), 3 disagreeing units × 2 ordered pairs → 1 − 19·6/(400 − 289 − 9) = −0.118.
    const row = page.locator('[data-testid="agreement-table"] tbody tr').first();
    await row.waitFor({ timeout: 20_000 });
    expect((await row.innerText()).split('\t').map((c) => c.trim())).toEqual(['Keputusan', 'ani, budi', '10', '0.700', '0.000', '-0.118']);

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT document_id, question, value, reason, adjudicator FROM adjudications').all()).toEqual([
        { document_id: 1, question: 'decision', value: '"drop"', reason: 'iklan berulang', adjudicator: 'ani' },
      ]);
    } finally {
      db.close();
    }
  });
});

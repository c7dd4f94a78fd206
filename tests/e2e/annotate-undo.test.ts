import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLabel } from '../../electron/engine/labels/labels';
import { setAnnotator } from '../../electron/engine/labels/settings';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;
let dbPath: string;

const texts = [
  'Warga desa menanam padi di sawah ketika musim hujan tiba setiap tahun.',
  'The farmers planted rice in the fields when the rainy season came every year.',
  'Pedagang di pasar pagi menjual sayur, ikan asin dan tempe goreng.',
  'Nelayan berangkat melaut sebelum subuh dan pulang membawa ikan tongkol.',
];

const doc = (p: Page) => p.locator('[data-testid="annotate-doc"]');
const docId = async (p: Page) => Number(await doc(p).getAttribute('data-doc-id'));
const status = (p: Page) => p.locator('[data-testid="save-status"]');
const toast = (p: Page) => p.locator('[data-testid="undo-toast"]');

function read<T>(sql: string): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const aniLabels = (id: number) =>
  read<{ question: string; value: string }>(`SELECT question, value FROM labels WHERE annotator = 'ani' AND document_id = ${id} ORDER BY question`).map(
    (r) => `${r.question}=${r.value}`,
  );
const adjudications = () => read<{ doc: number; value: string }>('SELECT document_id AS doc, value FROM adjudications ORDER BY document_id');

describe('undo on the annotation screen: one key, one step; adjudications too; names, not keys', () => {
  beforeAll(async () => {
    app = await startApp({
      name: 'annotate-undo',
      docs: texts.map((text, i) => ({ text, externalId: `u${i + 1}` })),
      // Budi and cici disagree on documents 3 and 4: two conflicts for ani, who also curates.
      prepare: (db) => {
        for (const id of [3, 4]) {
          setLabel(db, 'budi', id, 'decision', 'keep');
          setLabel(db, 'cici', id, 'decision', 'drop');
        }
        setAnnotator(db, 'ani');
      },
      width: 1366,
      screen: 'annotate',
    });
    ({ page, dbPath } = app);
    await doc(page)
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
      });
  }, 240_000);

  afterAll(() => app?.stop());

  it('undoes a reason key (decision and reason) with one u, redoes both, and names them as the schema does', async () => {
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expect.poll(() => docId(page)).toBe(2);
    // `2` is "Bahasa salah": it also answers "Buang".
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.option.selected').allInnerTexts()).toEqual([expect.stringMatching(/Buang/), expect.stringMatching(/Bahasa salah/)]);
    expect(aniLabels(2)).toEqual(['decision="drop"', 'drop_reason="wrong-language"']);

    await page.keyboard.press('u');
    await expect.poll(() => aniLabels(2)).toEqual([]);
    await expect.poll(() => page.locator('.option.selected').count()).toBe(0);
    await expect.poll(() => status(page).innerText()).toBe('Dibatalkan: label Keputusan, Alasan dibuang (dokumen 2)');
    // Document 1's keep was not part of it.
    expect(aniLabels(1)).toEqual(['decision="keep"']);

    await page.keyboard.press('Shift+U');
    await expect.poll(() => aniLabels(2)).toEqual(['decision="drop"', 'drop_reason="wrong-language"']);
    await expect.poll(() => status(page).innerText()).toBe('Diulangi: label Keputusan, Alasan dibuang (dokumen 2)');
    // The history pane names questions and options as the schema does (and each change is its own entry).
    const history = page.locator('[data-testid="history"] li');
    await expect.poll(() => history.first().innerText()).toMatch(/ulang label.*Alasan dibuang: ∅ → Alasan dibuang: Bahasa salah/s);
    expect(await page.locator('[data-testid="history"]').innerText()).not.toMatch(/drop_reason|wrong-language|\bdrop\b/);
    expect(await history.count()).toBe(6);
  });

  it('undoes an adjudication right after saving it, with Ctrl+Z in the conflicts view, and redoes it', async () => {
    await page.locator('[data-nav="review"]').click();
    await page.locator('[data-tab="conflicts"]').click();
    const conflicts = page.locator('[data-testid="conflict"]');
    await expect.poll(() => conflicts.count()).toBe(2);
    // Votes and choices read as the schema names them.
    expect(await conflicts.first().innerText()).toMatch(/Keputusan.*budi = Simpan.*cici = Buang/s);
    expect(await conflicts.first().locator('option').allInnerTexts()).toEqual(['Simpan', 'Buang']);
    await conflicts.first().locator('select').selectOption({ label: 'Buang' });
    await conflicts.first().locator('[data-testid="adjudicate-reason"]').fill('Iklan, bukan berita.');
    await page.keyboard.press('Enter');
    await expect.poll(() => conflicts.count()).toBe(1);
    expect(adjudications()).toEqual([{ doc: 3, value: '"drop"' }]);
    // The keyboard rests in the next conflict's choice; Ctrl+Z there takes the adjudication back.
    await expect.poll(() => conflicts.first().locator('select').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast(page).innerText()).toBe('Dibatalkan: adjudikasi Keputusan (dokumen 3)');
    expect(adjudications()).toEqual([]);
    await expect.poll(() => conflicts.count()).toBe(2);
    // Not ani's earlier label on another document.
    expect(aniLabels(2)).toEqual(['decision="drop"', 'drop_reason="wrong-language"']);

    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => toast(page).innerText()).toBe('Diulangi: adjudikasi Keputusan (dokumen 3)');
    expect(adjudications()).toEqual([{ doc: 3, value: '"drop"' }]);
    await expect.poll(() => conflicts.count()).toBe(1);
    expect(read<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = '3' AND actor = 'ani' ORDER BY id`).map((r) => r.action)).toEqual([
      'label.adjudicate',
      'label.adjudicate.undo',
      'label.adjudicate.redo',
    ]);
  });

  it('says the same in English', async () => {
    await page.getByRole('combobox', { name: 'Bahasa antarmuka', exact: true }).selectOption('en');
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast(page).innerText()).toBe('Undone: adjudication Decision (document 3)');
    await expect.poll(() => page.locator('[data-testid="conflict"]').first().innerText()).toMatch(/Decision.*budi = Keep.*cici = Drop/s);
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast(page).innerText()).toBe('Undone: label Decision, Reason for dropping (document 2)');
    expect(aniLabels(2)).toEqual([]);
  });

  it('takes a key by the new annotator’s answers after “Change” on the same document', async () => {
    await page.locator('[data-nav="annotate"]').click();
    await expect.poll(() => docId(page)).toBe(2);
    await page.keyboard.press('d');
    await expect.poll(() => aniLabels(2)).toEqual(['decision="drop"']);
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await page.locator('[data-testid="identity-name"]').fill('dewi');
    await page.keyboard.press('Enter');
    await expect.poll(() => docId(page)).toBe(2);
    // Dewi has answered nothing here: ani's "Drop" is not hers, so `2` answers both questions for her.
    await expect.poll(() => page.locator('.option.selected').count()).toBe(0);
    await page.keyboard.press('2');
    await expect
      .poll(() => read<{ question: string }>(`SELECT question FROM labels WHERE annotator = 'dewi' AND document_id = 2 ORDER BY question`).map((r) => r.question))
      .toEqual(['decision', 'drop_reason']);
  });
});

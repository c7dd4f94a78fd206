import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAnnotator, setSchema } from '../../electron/engine/labels/settings';
import { starterSchema } from '../../electron/engine/labels/starter-schema';
import { startApp, type Served, type StartedApp } from './serve-helpers';

let app: StartedApp;
let served: Served;
let page: Page;
let dbPath: string;

// An emoji before the phone number: the span is stored in code points (18–32), the browser counts UTF-16 (19–33).
const TEXT = 'Hubungi 😀 Budi di 0812-3456-7890 sebelum pasar tutup, katanya pada warga desa.';
const PHONE = '0812-3456-7890';

function spans(): { annotator: string; question: string; label: string; start: number; end: number; at: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT annotator, question, label, start, end, at FROM label_spans ORDER BY id').all() as ReturnType<typeof spans>;
  } finally {
    db.close();
  }
}

function auditActions(): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT actor, action FROM audit_log ORDER BY id').all() as { actor: string; action: string }[]).map((a) => `${a.actor} ${a.action}`);
  } finally {
    db.close();
  }
}

/** Selects the characters of `needle` in the annotation screen's document text, as a mouse drag would. */
async function select(p: Page, needle: string): Promise<void> {
  await p.evaluate((n) => {
    const box = document.querySelector('[data-testid="annotate-doc"] .doc-text');
    if (!box) throw new Error('no document text');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(n);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + n.length);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      return;
    }
    throw new Error(`'${n}' is not in the text`);
  }, needle);
}

describe('span labels end to end (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    app = await startApp({
      name: 'spans',
      docs: [{ text: TEXT, externalId: 's1' }, { text: 'Dokumen kedua tentang sawah dan musim hujan di desa.', externalId: 's2' }],
      prepare: (db) => {
        // A span question next to the starter schema; the annotator was chosen on an earlier run.
        setSchema(db, 'lead', {
          questions: [
            ...starterSchema.questions,
            {
              key: 'personal',
              kind: 'span',
              title: { id: 'Data pribadi', en: 'Personal data' },
              options: [
                { value: 'phone', title: { id: 'Nomor telepon', en: 'Phone number' }, hotkey: 'p' },
                { value: 'name', title: { id: 'Nama', en: 'Name' }, hotkey: 'n' },
              ],
            },
          ],
        });
        setAnnotator(db, 'sari');
      },
      width: 1400,
      screen: 'annotate',
      goto: false,
    });
    ({ served, page, dbPath } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('labels a selected character range from the keyboard, keeps it after a reload, and undoes / redoes it', async () => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(served.url);
    const doc = page.locator('[data-testid="annotate-doc"][data-doc-id="1"]');
    await doc.waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${problems.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
    });

    await select(page, PHONE);
    await page.keyboard.press('p');
    await expect.poll(() => doc.locator('mark.span-mark').allInnerTexts()).toEqual([PHONE]);
    const [saved] = spans();
    expect(saved).toMatchObject({ annotator: 'sari', question: 'personal', label: 'phone', start: 18, end: 32 });
    expect(Date.now() - Date.parse(saved?.at ?? '')).toBeLessThan(10 * 60_000);

    // A reload shows it again (spans do not take a document out of the queue), with who and when in the history.
    await page.reload();
    await doc.waitFor({ timeout: 20_000 });
    await expect.poll(() => doc.locator('mark.span-mark').allInnerTexts()).toEqual([PHONE]);
    const entry = page.locator('[data-testid="history"] li[data-action="span.add"]');
    await expect.poll(() => entry.innerText()).toMatch(/sari.*label rentang.*Data pribadi: Nomor telepon 18–32/s);
    expect(Date.now() - Date.parse((await entry.locator('time').getAttribute('datetime')) ?? '')).toBeLessThan(10 * 60_000);

    // u undoes the span; Ctrl+Shift+Z redoes it; Ctrl+Z undoes it again.
    await page.keyboard.press('u');
    await expect.poll(() => doc.locator('mark.span-mark').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="save-status"]').innerText()).toMatch(/Dibatalkan: label rentang Data pribadi \(dokumen 1\)/);
    expect(spans()).toEqual([]);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => doc.locator('mark.span-mark').allInnerTexts()).toEqual([PHONE]);
    expect(spans()).toHaveLength(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => doc.locator('mark.span-mark').count()).toBe(0);
    expect(spans()).toEqual([]);

    // On another screen, Ctrl+Y redoes it and a toast says what.
    await page.locator('[data-nav="browser"]').click();
    await page.locator('.dt').waitFor();
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').innerText()).toMatch(/Diulangi: label rentang Data pribadi \(dokumen 1\)/);
    expect(spans()).toHaveLength(1);
    await page.screenshot({ path: 'docs/screenshots/undo-toast.png' });

    // A language override in the document pane, undone with Ctrl+Z: the pane and its history follow.
    await page.locator('.dt-row[data-index="0"]').click();
    await page.keyboard.press('Enter');
    const pane = page.locator('[data-testid="doc-pane"][aria-label="Dokumen #1"]');
    await pane.waitFor();
    await pane.locator('[data-section="langid"] select').selectOption('jav');
    await pane.locator('[data-section="langid"] button', { hasText: 'Simpan' }).click();
    await expect.poll(() => pane.locator('[data-section="langid"] .chip.state-manual').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="undo-toast"]').innerText()).toMatch(/Dibatalkan: penetapan bahasa \(dokumen 1\)/);
    await expect.poll(() => pane.locator('[data-section="langid"] .chip.state-manual').count()).toBe(0);
    await expect.poll(() => pane.locator('[data-section="history"] li').first().innerText()).toMatch(/sari.*batal penetapan bahasa/s);
    expect(await pane.locator('[data-section="history"] li[data-action="span.add"]').count()).toBe(1);
    await page.screenshot({ path: 'docs/screenshots/undo-history.png' });

    expect(auditActions().filter((a) => /span\.|label\./.test(a))).toEqual(['sari span.add', 'sari label.undo', 'sari label.redo', 'sari label.undo', 'sari label.redo']);
    expect(problems).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSummary } from '../../electron/engine/langid/store';
import { LANGID_LANGUAGE_NAMES } from '../../shared/contract/langid';
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

/** 150 Indonesian documents, 2 Malay, 1 Javanese: Javanese is under 1% of the corpus. */
const MANY = [
  ...Array.from({ length: 150 }, (_, i) => ({ text: `Warga desa ${i} pergi ke pasar membeli sayur dan beras.`, externalId: `ind${i}` })),
  ...Array.from({ length: 2 }, (_, i) => ({ text: `Saya hendak pergi ke kedai runcit ${i} sekejap.`, externalId: `zlm${i}` })),
  { text: 'Aku arep lunga menyang pasar tuku sayuran.', externalId: 'jav0' },
];

describe('languages screen and the override at 1280×800', () => {
  let big: StartedApp;
  let p: Page;

  beforeAll(async () => {
    big = await startApp({
      name: 'langid-override',
      docs: MANY,
      prepare: (db) => {
        db.exec(`UPDATE documents SET lang = substr(external_id, 1, 3), lang_source = 'auto', lang_confidence = 0.9`);
        rebuildSummary(db);
      },
      width: 1280,
      screen: 'languages',
    });
    p = big.page;
    await p.setViewportSize({ width: 1280, height: 800 });
  }, 240_000);

  afterAll(() => big?.stop());

  it('shows a tiny share as <1%, explains the bar colours, and keeps the checkbox label clear of the button (id and en)', async () => {
    const chart = p.locator('[data-testid="langid-chart"]');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.locator('li[data-lang="jav"] [data-testid="langid-share"]').innerText()).toBe('1 · <1%');
    expect(await chart.locator('li[data-lang="ind"] [data-testid="langid-share"]').innerText()).toBe('150 · 98%');
    expect(await p.locator('[data-testid="langid-legend"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['home', 'other']);
    // The legend's swatches are the bars' colours.
    const colour = (sel: string) => p.locator(sel).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await colour('[data-testid="langid-legend"] li[data-group="other"] .swatch')).toBe(await colour('li[data-lang="zlm"] .bar'));
    expect(await colour('[data-testid="langid-legend"] li[data-group="home"] .swatch')).toBe(await colour('li[data-lang="ind"] .bar'));
    expect(await colour('li[data-lang="zlm"] .bar')).not.toBe(await colour('li[data-lang="ind"] .bar'));

    for (const ui of ['id', 'en'] as const) {
      await p.locator('[data-testid="lang-switch"]').selectOption(ui);
      const label = await p.locator('.langid-screen .actions label.check').boundingBox();
      const button = await p.locator('.langid-screen .actions button').first().boundingBox();
      expect(label && button, ui).toBeTruthy();
      if (!label || !button) continue;
      // On one line, with at least 8px between the end of the label and the button.
      expect(Math.abs(label.y + label.height / 2 - (button.y + button.height / 2)), ui).toBeLessThan(4);
      expect(button.x - (label.x + label.width), ui).toBeGreaterThanOrEqual(8);
    }
    expect(await p.locator('[data-testid="langid-legend"]').innerText()).toContain('Other languages (Malay, English, codes set by hand)');
    await p.locator('[data-testid="lang-switch"]').selectOption('id');
  });

  it('a custom code saved in the document pane shows in the select, Save stays off for it, and the filtered list drops the row', async () => {
    const docCount = () => p.locator('[data-testid="doc-count"]').innerText();
    await p.locator('[data-testid="langid-chart"] li[data-lang="ind"] button').click();
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^150 dokumen/);
    const first = p.locator('.dt-row[data-index="0"]:not(.skeleton)');
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toContain('Warga desa 0 ');
    // The chart's button is gone with its screen: the keyboard carries on in the table it opened.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).toBe('dt-scroll');
    await first.click();
    await p.keyboard.press('Enter');
    const section = p.locator('[data-testid="doc-pane"] [data-section="langid"]');
    await section.waitFor({ timeout: 15_000 });
    const select = section.getByRole('combobox', { name: 'Tetapkan bahasa' });
    const save = section.locator('.langid-override button').first();
    // The automatic label is selected; saving it confirms it as a manual decision.
    expect(await select.inputValue()).toBe('ind');
    expect(await save.innerText()).toBe('Konfirmasi');

    await select.selectOption('__other');
    expect(await save.isDisabled()).toBe(true);
    await section.getByRole('textbox', { name: 'Kode ISO 639-3 lain…' }).fill('NLD');
    expect(await save.innerText()).toBe('Simpan');
    await save.click();

    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe('nld');
    // Says how to take it back: the undo works from anywhere (Ctrl+Z) but was shown nowhere near the override.
    expect(await section.getByRole('status').innerText()).toBe('Bahasa disimpan dan dicatat di log audit. Ctrl+Z membatalkan.');
    expect(await select.locator('option:checked').innerText()).toBe('Lainnya: nld');
    expect(await save.isDisabled()).toBe(true);
    // One audit entry, in the pane's history.
    await expect.poll(() => p.locator('[data-testid="doc-pane"] [data-testid="history"] li[data-action="langid.override"]').count(), { timeout: 15_000 }).toBe(1);
    // The list filtered to Indonesian no longer holds the document: its first row is the next one.
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^149 dokumen/);
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toContain('Warga desa 1 ');

    // Another language enables Save; back to the saved code, it is off again.
    await select.selectOption('jav');
    expect(await save.isDisabled()).toBe(false);
    await select.selectOption('nld');
    expect(await save.isDisabled()).toBe(true);

    // Enter saves from the note box and from the code box, as the button would; not when the button is off.
    const history = p.locator('[data-testid="doc-pane"] [data-testid="history"] li[data-action="langid.override"]');
    const note = section.getByRole('textbox', { name: 'Catatan (opsional)' });
    await note.fill('tidak berubah');
    await note.press('Enter');
    await select.selectOption('jav');
    await note.fill('dicek penutur asli');
    await note.press('Enter');
    await expect.poll(() => history.count(), { timeout: 15_000 }).toBe(2);
    expect(await history.first().innerText()).toContain('dicek penutur asli');
    expect(await note.inputValue()).toBe('');
    // Focus left the text box for the saved message, so the Ctrl+Z it mentions works at once: back to nld.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await p.keyboard.press('Control+z');
    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe('nld');
    await select.selectOption('jav');
    await note.fill('dicek penutur asli');
    await note.press('Enter');
    // The pane shows the saved language (the select alone shows the choice before the save landed).
    await expect.poll(() => section.locator('.langid-section > p strong').innerText(), { timeout: 15_000 }).toBe('Jawa');
    await select.selectOption('__other');
    await section.getByRole('textbox', { name: 'Kode ISO 639-3 lain…' }).fill('nld');
    await section.getByRole('textbox', { name: 'Kode ISO 639-3 lain…' }).press('Enter');
    await expect.poll(() => history.count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe('nld');

    // Unfiltered, the document's row carries its new language chip.
    await p.locator('#filter-lang').selectOption('');
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^153 dokumen/);
    await expect.poll(() => first.locator('.lang-chip').innerText(), { timeout: 15_000 }).toBe('nld');
  });

  // Goes on from the test above, which set nld by hand on 'Warga desa 0'.
  it('the language filter offers every language the corpus holds: the code set by hand too, by its bare code', async () => {
    const docCount = () => p.locator('[data-testid="doc-count"]').innerText();
    const filter = p.locator('#filter-lang');
    // Offered before anyone selects it: the options come from the corpus's language summary, which the override changed.
    await expect.poll(() => filter.locator('option[value="nld"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await filter.locator('option[value="nld"]').innerText()).toBe('nld');
    expect(await filter.locator('option[value="zlm"]').innerText()).toBe('Melayu (zlm)');
    // The detector's languages in their usual order, then the corpus's other codes, then "not labelled".
    const values = await filter.locator('option').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(values).toEqual(['', ...Object.keys(LANGID_LANGUAGE_NAMES), 'nld', '-']);

    await filter.selectOption('nld');
    await expect.poll(docCount, { timeout: 15_000 }).toMatch(/^1 dokumen/);
    await expect.poll(() => p.locator('.dt-row[data-index="0"]:not(.skeleton)').innerText(), { timeout: 15_000 }).toContain('Warga desa 0 ');
    expect(await filter.locator('option:checked').innerText()).toBe('nld');

    // The languages screen's table names it once ("nld", not "nld nld"); a known language keeps its code beside it.
    await p.locator('nav [data-nav="languages"]').click();
    const table = p.locator('[data-testid="langid-table"]');
    await expect.poll(() => table.locator('tr[data-lang="nld"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await table.locator('tr[data-lang="nld"] td').first().innerText()).toBe('nld');
    expect(await table.locator('tr[data-lang="zlm"] td').first().innerText()).toBe('Melayu zlm');
  });
});

describe('languages screen: a detection run queued before the screen opened', () => {
  let queued: StartedApp;
  const unfed = new Set<string>();
  // An import reading a named pipe holds the job queue until the test writes to it: a langid job waits behind it and
  // sends no progress meanwhile. The pipe delivers (the import then fails: a pipe cannot be read twice) when fed.
  const blockQueue = async (name: string) => {
    const fifo = join(queued.dir, name);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    unfed.add(fifo);
    expect(await call('import.start', { paths: [fifo], format: 'jsonl' })).toMatchObject({ ok: true });
    return () => {
      // The import holds the server's shutdown too: afterAll feeds what a failed test left.
      if (!unfed.delete(fifo)) return;
      feedPipe(fifo);
    };
  };

  // Opening the pipe for writing waits for the import to open it for reading; the import may then give up on it
  // (a pipe cannot be read twice) before the line is written, which makes the write fail with EPIPE. Either way the
  // import has let go of the queue, which is all feeding is for.
  const feedPipe = (fifo: string) => {
    try {
      writeFileSync(fifo, '{"text":"Teks dari pipa."}\n');
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EPIPE')) throw e;
    }
  };

  beforeAll(async () => {
    queued = await startApp({
      name: 'langid-queued',
      docs: [{ text: 'Warga desa pergi ke pasar membeli sayur dan beras.', externalId: 'ind0' }],
      width: 1280,
      screen: 'languages',
      goto: false,
    });
  }, 240_000);

  afterAll(async () => {
    for (const fifo of unfed) feedPipe(fifo);
    await queued?.stop();
  });

  const call = async (method: string, input: unknown): Promise<unknown> => {
    const res = await fetch(`http://127.0.0.1:${queued.served.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kurasi-token': queued.served.token },
      body: JSON.stringify(input),
    });
    return res.json();
  };

  it('shows the waiting run and its cancel button instead of a second "Deteksi bahasa"', async () => {
    const feed = await blockQueue('pipa-1.jsonl');
    expect(await call('langid.start', { onlyMissing: false })).toMatchObject({ ok: true });

    const page = queued.page;
    await page.goto(queued.served.url);
    const actions = page.locator('.langid-screen .actions');
    await expect.poll(() => actions.getByRole('status').count(), { timeout: 15_000 }).toBe(1);
    expect(await actions.getByRole('status').innerText()).toBe('Menunggu giliran…');
    expect(await actions.getByRole('button', { name: 'Batalkan' }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: 'Deteksi bahasa' }).count()).toBe(0);
    // The empty corpus summary does not tell the curator to run what is already waiting.
    const empty = page.locator('.langid-screen .empty-state');
    expect(await empty.innerText()).toContain('Deteksi sedang berjalan');
    expect(await empty.innerText()).not.toContain('Jalankan deteksi');

    feed();
    await page.locator('[data-testid="langid-chart"]').waitFor({ timeout: 30_000 });
    await actions.getByRole('button', { name: 'Deteksi bahasa' }).waitFor({ timeout: 15_000 });
    expect(await actions.getByRole('status').count()).toBe(0);
  });

  it('a cancelled run says so on the screen and carries on from there with Lanjutkan', async () => {
    const feed = await blockQueue('pipa-2.jsonl');
    const started = await call('langid.start', { onlyMissing: false });
    expect(started).toMatchObject({ ok: true });
    const page = queued.page;
    await page.reload();
    const actions = page.locator('.langid-screen .actions');
    await actions.getByRole('button', { name: 'Batalkan' }).click();
    const stopped = page.locator('[data-testid="langid-stopped"]');
    await stopped.waitFor({ timeout: 15_000 });
    expect(await stopped.innerText()).toMatch(/^Deteksi bahasa #\d+ berhenti sebelum selesai \(0 dokumen sudah diperiksa\)\./);
    // Still there when the screen is opened again: the job list says so, not only the event seen here.
    await page.reload();
    await stopped.waitFor({ timeout: 15_000 });

    await stopped.getByRole('button', { name: 'Lanjutkan' }).click();
    await expect.poll(() => actions.getByRole('status').innerText(), { timeout: 15_000 }).toBe('Menunggu giliran…');
    expect(await stopped.count()).toBe(0);
    feed();
    await actions.getByRole('button', { name: 'Deteksi bahasa' }).waitFor({ timeout: 30_000 });
    expect(await stopped.count()).toBe(0);
  });
});

describe('document pane: why a document is und', () => {
  let app2: StartedApp;
  const DUTCH =
    'De regering heeft besloten dat de nieuwe wet op het onderwijs niet voor het einde van het jaar in werking zal treden. Het is nog niet duidelijk wanneer de kamer erover zal stemmen.';

  beforeAll(async () => {
    app2 = await startApp({
      name: 'langid-reason',
      docs: [
        { text: DUTCH, externalId: 'nl' },
        { text: 'ok', externalId: 'ok' },
        { text: 'wkwkwk', externalId: 'wkwk' },
        { text: 'Warga desa pergi ke pasar membeli sayur dan beras setiap pagi.', externalId: 'ind' },
      ],
      width: 1400,
      screen: 'languages',
    });
  }, 240_000);

  afterAll(() => app2?.stop());

  it('explains the rule instead of "keyakinan 0%" after a real detection run (id and en)', async () => {
    const p = app2.page;
    // The real detector, through the screen's own button: the stored reason is what the job wrote.
    await p.locator('.langid-screen .actions').getByRole('button', { name: 'Deteksi bahasa' }).click();
    await p.locator('[data-testid="langid-chart"] li[data-lang="und"]').waitFor({ timeout: 60_000 });
    await p.locator('nav [data-nav="browser"]').click();
    const section = p.locator('[data-testid="doc-pane"] [data-section="langid"]');
    const detected = section.locator('p').first();
    const open = async (text: string) => {
      const row = p.locator('.dt-row:not(.skeleton)').filter({ hasText: text }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('[data-testid="doc-pane"]').innerText(), { timeout: 15_000 }).toContain(text);
      await section.waitFor({ timeout: 15_000 });
    };

    await open('De regering');
    await expect.poll(() => detected.innerText(), { timeout: 15_000 }).toContain('Terdeteksi: Tak tentu · bahasa lain (mis. Belanda, Jerman, Tagalog)');
    expect(await detected.innerText()).not.toContain('keyakinan');
    // The pane's field line says the same, not "0%".
    expect(await p.locator('[data-testid="doc-pane"] .fields').innerText()).toContain('Tak tentu · bahasa lain (mis. Belanda, Jerman, Tagalog)');
    await p.locator('[data-testid="lang-switch"]').selectOption('en');
    await expect.poll(() => detected.innerText(), { timeout: 15_000 }).toContain('Detected: Undetermined · another language (e.g. Dutch, German, Tagalog)');
    await p.locator('[data-testid="lang-switch"]').selectOption('id');

    await open('wkwkwk');
    await expect.poll(() => detected.innerText(), { timeout: 15_000 }).toContain('Tak tentu · bukan teks (mis. wkwk, asdf)');
    expect(await detected.innerText()).not.toContain('keyakinan');

    await open('Warga desa');
    await expect.poll(() => detected.innerText(), { timeout: 15_000 }).toMatch(/^Terdeteksi: Indonesia · keyakinan [\d,]+%/);
  });
});

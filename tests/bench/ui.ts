// npm run bench:ui — the corpus browser on 1,000,000 documents: engine-side paging and search times, and what a
// user sees in headless Chromium against `kurasi serve` (first rows, jump to row 900,000). Medians of several runs.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { dispatch } from '../../electron/engine/api/dispatch';
import { openEngine } from '../../electron/engine/engine';
import { ensureBenchCorpus } from './ui-corpus';

const N = Number(process.env.BENCH_UI_DOCS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const ROW_HEIGHT = 30;
const JUMP_TO = Math.min(900_000, N - 50);
const DB = process.env.BENCH_UI_DB ?? join(tmpdir(), `kurasi-bench-ui-${N}.db`);
const log = (s: string) => process.stderr.write(`${s}\n`);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const median = (xs: number[]) => quantile(xs, 0.5);
const f = (x: number) => x.toFixed(1);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function engineSide() {
  const engine = openEngine({ dbPath: DB });
  const rows: { scenario: string; median: number; p95: number; max: number; n: number }[] = [];
  try {
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(engine, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const rand = (() => {
      let a = 7;
      return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const scenarios: [string, Record<string, unknown>][] = [
      ['id asc (default view)', { sort: { column: 'id', dir: 'asc' } }],
      ['id desc', { sort: { column: 'id', dir: 'desc' } }],
      ['sorted by length', { sort: { column: 'length', dir: 'desc' } }],
      ['sorted by language', { sort: { column: 'lang', dir: 'asc' } }],
      ['filter lang=jav', { filters: { lang: 'jav' } }],
      ['filter source + quality pass', { filters: { sourceId: 2, qualityPass: true } }],
      ['filter text "pasar"', { filters: { q: 'pasar' } }],
    ];
    for (const [name, extra] of scenarios) {
      const first = await call('documents.list', { offset: 0, limit: 100, ...extra });
      const total = (first as { total: number }).total;
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const offset = i === 0 ? Math.max(0, Math.min(total - 100, JUMP_TO)) : Math.floor(rand() * Math.max(1, total - 100));
        times.push(await timed(() => call('documents.list', { offset, limit: 100, ...extra })));
      }
      const cold = await (async () => {
        // A cold count: a new corpus version drops the cached totals.
        engine.db.prepare(`INSERT INTO meta(key, value) VALUES ('bench_touch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(Date.now()));
        return timed(() => call('documents.list', { offset: 0, limit: 100, ...extra }));
      })();
      rows.push({ scenario: `documents.list, ${name} (total ${total.toLocaleString('en')}; cold first page ${f(cold)} ms)`, median: median(times), p95: quantile(times, 0.95), max: Math.max(...times, cold), n: times.length + 1 });
      log(`  ${name}: median ${f(median(times))} ms, p95 ${f(quantile(times, 0.95))} ms, cold ${f(cold)} ms`);
    }
    const queries = ['pasar', 'kami', 'produk', 'rumah sakit', 'traveloka', 'jangan ragu', 'harga', 'makan*', 'sekolah', 'ana', 'tidak', 'pertanyaan lebih lanjut', 'kaki lima', 'bank', 'anak'];
    const searchTimes: number[] = [];
    for (let run = 0; run < 3; run++) for (const q of queries) searchTimes.push(await timed(() => call('search', { q, limit: 50 })));
    rows.push({ scenario: `search top 50 with snippets (${queries.length} queries × 3)`, median: median(searchTimes), p95: quantile(searchTimes, 0.95), max: Math.max(...searchTimes), n: searchTimes.length });
    log(`  search: median ${f(median(searchTimes))} ms, p95 ${f(quantile(searchTimes, 0.95))} ms`);
  } finally {
    await engine.close();
  }
  return rows;
}

async function browserSide() {
  const child = spawn(process.execPath, ['bin/kurasi.js', 'serve', '--db', DB], { env: { ...process.env, KURASI_TIMING: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const timings: { method: string; ms: number }[] = [];
  let errBuf = '';
  child.stderr.on('data', (d: Buffer) => {
    errBuf += d.toString();
    const lines = errBuf.split('\n');
    errBuf = lines.pop() ?? '';
    for (const l of lines) {
      const m = /^kurasi-timing (\S+) ([\d.]+)$/.exec(l);
      if (m) timings.push({ method: m[1] ?? '', ms: Number(m[2]) });
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Kurasi: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(out);
      if (m) resolve(m[1] ?? '');
    });
    child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const firstRows: number[] = [];
  const jumps: number[] = [];
  // Baselines measured in the same run on the same (shared, noisy) machine: a fresh context showing a trivial page,
  // and two animation frames after a one-row scroll (what any redraw costs here).
  const blankPages: number[] = [];
  const frames: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const blankContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const blank = await blankContext.newPage();
      const b0 = Date.now();
      await blank.setContent('<!doctype html><p>Kurasi</p>');
      await blank.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      blankPages.push(Date.now() - b0);
      await blankContext.close();

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator('.dt-row[data-index="0"]:not(.skeleton)').waitFor({ timeout: 30_000 });
      firstRows.push(Date.now() - t0);
      const jump = await page.evaluate(
        ([index, rowHeight]) =>
          new Promise<number>((resolve) => {
            const el = document.querySelector<HTMLElement>('[data-testid="dt-scroll"]');
            if (!el) return resolve(NaN);
            const start = performance.now();
            el.scrollTop = index * rowHeight;
            const check = () => {
              if (document.querySelector(`.dt-row[data-index="${index}"]:not(.skeleton)`)) {
                // Wait for the frame that paints it.
                requestAnimationFrame(() => resolve(performance.now() - start));
              } else requestAnimationFrame(check);
            };
            check();
          }),
        [JUMP_TO, ROW_HEIGHT] as const,
      );
      jumps.push(jump);
      frames.push(
        await page.evaluate(
          (rowHeight) =>
            new Promise<number>((resolve) => {
              const el = document.querySelector<HTMLElement>('[data-testid="dt-scroll"]');
              const start = performance.now();
              if (el) el.scrollTop += rowHeight;
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
            }),
          ROW_HEIGHT,
        ),
      );
      log(`  run ${run + 1}: first rows ${firstRows[run]} ms, jump to row ${JUMP_TO.toLocaleString('en')} ${f(jump)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  const paging = timings.filter((t) => t.method === 'documents.list').map((t) => t.ms);
  return { firstRows, jumps, paging, blankPages, frames };
}

log(`corpus: ${DB} (${N.toLocaleString('en')} documents)`);
const tBuild = performance.now();
ensureBenchCorpus(DB, N, log);
log(`corpus ready in ${f((performance.now() - tBuild) / 1000)} s`);
const engineRows = await engineSide();
const ui = await browserSide();

const out: string[] = [];
out.push(`Corpus: ${N.toLocaleString('en')} generated documents (sentences of the sample corpus recombined), Node ${process.version}, ${new Date().toISOString()}`);
out.push('');
out.push('| measure | median | p95 | max | n | target |');
out.push('|---|---|---|---|---|---|');
out.push(`| first rows visible after opening (Chromium, fresh context) | ${median(ui.firstRows)} ms | ${quantile(ui.firstRows, 0.95)} ms | ${Math.max(...ui.firstRows)} ms | ${ui.firstRows.length} | ≤ 1000 ms |`);
out.push(`| baseline: fresh context, trivial page drawn | ${median(ui.blankPages)} ms | ${quantile(ui.blankPages, 0.95)} ms | ${Math.max(...ui.blankPages)} ms | ${ui.blankPages.length} | — |`);
out.push(`| jump to row ${JUMP_TO.toLocaleString('en')}, rows drawn | ${f(median(ui.jumps))} ms | ${f(quantile(ui.jumps, 0.95))} ms | ${f(Math.max(...ui.jumps))} ms | ${ui.jumps.length} | ≤ 200 ms |`);
out.push(`| baseline: two frames after a one-row scroll | ${f(median(ui.frames))} ms | ${f(quantile(ui.frames, 0.95))} ms | ${f(Math.max(...ui.frames))} ms | ${ui.frames.length} | — |`);
out.push(`| documents.list in the serve process during the UI runs | ${f(median(ui.paging))} ms | ${f(quantile(ui.paging, 0.95))} ms | ${f(Math.max(...ui.paging))} ms | ${ui.paging.length} | each ≤ 50 ms |`);
for (const r of engineRows) out.push(`| ${r.scenario} | ${f(r.median)} ms | ${f(r.p95)} ms | ${f(r.max)} ms | ${r.n} | ${r.scenario.startsWith('search') ? 'p95 ≤ 100 ms' : 'each ≤ 50 ms'} |`);
out.push('');
out.push(`Ratios to the same-run baselines (medians): first rows ${f(median(ui.firstRows) / median(ui.blankPages))}× a trivial page; jump ${f(median(ui.jumps) / median(ui.frames))}× two frames.`);
process.stdout.write(out.join('\n') + '\n');

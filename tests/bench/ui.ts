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
      ['filter language + quality pass', { filters: { lang: 'jav', qualityPass: true } }],
      ['filter duplicate status + quality pass (no source or language)', { filters: { dupStatus: 'exact', qualityPass: true } }],
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

interface Timeline {
  /** From the page's navigation start (ms): the HTML received, the main script received, React's first commit,
   * row 0 in the DOM with data, and the frame after it (drawn). */
  html: number;
  script: number;
  firstRender: number;
  rowInDom: number;
  rowDrawn: number;
  /** documents.list requests the page sent before its first row was drawn (0 when the page came with it). */
  listRequests: number;
}

/** Runs in the page before its scripts (playwright init script): notes when the first render and row 0 appear. */
function recordTimeline(): void {
  const w = window as unknown as { __kurasiTimeline?: { firstRender?: number; rowInDom?: number; rowDrawn?: number } };
  const t: { firstRender?: number; rowInDom?: number; rowDrawn?: number } = {};
  w.__kurasiTimeline = t;
  const observer = new MutationObserver(() => {
    if (t.firstRender === undefined && document.getElementById('root')?.firstChild) t.firstRender = performance.now();
    if (t.rowInDom === undefined && document.querySelector('.dt-row[data-index="0"]:not(.skeleton)')) {
      t.rowInDom = performance.now();
      requestAnimationFrame(() => (t.rowDrawn = performance.now()));
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

async function readTimeline(): Promise<Timeline> {
  const w = window as unknown as { __kurasiTimeline?: { firstRender?: number; rowInDom?: number; rowDrawn?: number } };
  for (let i = 0; i < 100 && w.__kurasiTimeline?.rowDrawn === undefined; i++) await new Promise((r) => setTimeout(r, 10));
  const t = w.__kurasiTimeline ?? {};
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const script = resources.find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
  const rowInDom = t.rowInDom ?? NaN;
  return {
    html: nav?.responseEnd ?? NaN,
    script: script?.responseEnd ?? NaN,
    firstRender: t.firstRender ?? NaN,
    rowInDom,
    rowDrawn: t.rowDrawn ?? NaN,
    listRequests: resources.filter((r) => r.name.includes('/api/documents.list') && r.startTime < rowInDom).length,
  };
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
  const timeline: (Timeline & { outside: number })[] = [];
  const jumpParts: { drawn: number; skeleton: number; request: number; response: number }[] = [];
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
      await page.addInitScript(recordTimeline);
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator('.dt-row[data-index="0"]:not(.skeleton)').waitFor({ timeout: 30_000 });
      firstRows.push(Date.now() - t0);
      const tl = await page.evaluate(readTimeline);
      // What the page saw, from its navigation start; the rest of the outside figure is Chromium creating the
      // context's renderer and starting the navigation.
      timeline.push({ ...tl, outside: firstRows[run]! - tl.rowDrawn });
      const jump = await page.evaluate(
        ([index, rowHeight]) =>
          new Promise<{ drawn: number; skeleton: number; request: number; response: number }>((resolve) => {
            const el = document.querySelector<HTMLElement>('[data-testid="dt-scroll"]');
            if (!el) return resolve({ drawn: NaN, skeleton: NaN, request: NaN, response: NaN });
            // Past a few million pixels the table scales its scrollbar (data-scroll-scale real px per row px).
            const scale = Number(el.dataset.scrollScale ?? '1');
            const start = performance.now();
            let skeleton = NaN;
            el.scrollTop = index * rowHeight * scale;
            const check = () => {
              if (Number.isNaN(skeleton) && document.querySelector(`.dt-row[data-index="${index}"]`)) skeleton = performance.now() - start;
              if (document.querySelector(`.dt-row[data-index="${index}"]:not(.skeleton)`)) {
                // Wait for the frame that paints it.
                requestAnimationFrame(() => {
                  const lists = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/documents.list') && r.startTime >= start) as PerformanceResourceTiming[];
                  const firstList = lists[0];
                  resolve({
                    drawn: performance.now() - start,
                    skeleton,
                    request: firstList ? firstList.startTime - start : NaN,
                    response: lists.length ? Math.max(...lists.map((r) => r.responseEnd)) - start : NaN,
                  });
                });
              } else requestAnimationFrame(check);
            };
            check();
          }),
        [JUMP_TO, ROW_HEIGHT] as const,
      );
      jumps.push(jump.drawn);
      jumpParts.push(jump);
      frames.push(
        await page.evaluate(
          (rowHeight) =>
            new Promise<number>((resolve) => {
              const el = document.querySelector<HTMLElement>('[data-testid="dt-scroll"]');
              const start = performance.now();
              if (el) el.scrollTop += rowHeight * Number(el.dataset.scrollScale ?? '1');
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
            }),
          ROW_HEIGHT,
        ),
      );
      const tr = timeline[run]!;
      log(
        `  run ${run + 1}: first rows ${firstRows[run]} ms (outside the page ${f(tr.outside)}, html ${f(tr.html)}, script ${f(tr.script)}, first render ${f(tr.firstRender)}, row in DOM ${f(tr.rowInDom)}, drawn ${f(tr.rowDrawn)}; documents.list requests before it: ${tr.listRequests}), ` +
          `jump to row ${JUMP_TO.toLocaleString('en')} ${f(jump.drawn)} ms (request sent ${f(jump.request)}, skeleton ${f(jump.skeleton)}, answered ${f(jump.response)})`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  const paging = timings.filter((t) => t.method === 'documents.list').map((t) => t.ms);
  console.log(`  documents.list in the serve process, in order (ms): ${paging.map((ms) => ms.toFixed(1)).join(', ')}`);
  return { firstRows, jumps, paging, blankPages, frames, timeline, jumpParts };
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
const tlm = (k: keyof Timeline | 'outside') => f(median(ui.timeline.map((x) => x[k])));
out.push(`| … of which: outside the page (new context's renderer, navigation start) | ${tlm('outside')} ms | | | ${ui.timeline.length} | — |`);
out.push(`| … page: HTML received / main script received / first React commit | ${tlm('html')} / ${tlm('script')} / ${tlm('firstRender')} ms | | | ${ui.timeline.length} | — |`);
out.push(`| … page: row 0 in the DOM / drawn (next frame) | ${tlm('rowInDom')} / ${tlm('rowDrawn')} ms | | | ${ui.timeline.length} | — |`);
out.push(`| … documents.list requests sent before the first row (0: the page came with it) | ${median(ui.timeline.map((x) => x.listRequests))} | | | ${ui.timeline.length} | — |`);
out.push(`| baseline: fresh context, trivial page drawn | ${median(ui.blankPages)} ms | ${quantile(ui.blankPages, 0.95)} ms | ${Math.max(...ui.blankPages)} ms | ${ui.blankPages.length} | — |`);
out.push(`| jump to row ${JUMP_TO.toLocaleString('en')}, rows drawn | ${f(median(ui.jumps))} ms | ${f(quantile(ui.jumps, 0.95))} ms | ${f(Math.max(...ui.jumps))} ms | ${ui.jumps.length} | ≤ 200 ms |`);
const jpm = (k: 'request' | 'skeleton' | 'response') => f(median(ui.jumpParts.map((x) => x[k])));
out.push(`| … jump: request sent / skeleton rows in the DOM / last page answered | ${jpm('request')} / ${jpm('skeleton')} / ${jpm('response')} ms | | | ${ui.jumpParts.length} | — |`);
out.push(`| baseline: two frames after a one-row scroll | ${f(median(ui.frames))} ms | ${f(quantile(ui.frames, 0.95))} ms | ${f(Math.max(...ui.frames))} ms | ${ui.frames.length} | — |`);
out.push(`| documents.list in the serve process during the UI runs | ${f(median(ui.paging))} ms | ${f(quantile(ui.paging, 0.95))} ms | ${f(Math.max(...ui.paging))} ms | ${ui.paging.length} | each ≤ 50 ms |`);
for (const r of engineRows) out.push(`| ${r.scenario} | ${f(r.median)} ms | ${f(r.p95)} ms | ${f(r.max)} ms | ${r.n} | ${r.scenario.startsWith('search') ? 'p95 ≤ 100 ms' : 'each ≤ 50 ms'} |`);
out.push('');
out.push(`Ratios to the same-run baselines (medians): first rows ${f(median(ui.firstRows) / median(ui.blankPages))}× a trivial page; jump ${f(median(ui.jumps) / median(ui.frames))}× two frames.`);
process.stdout.write(out.join('\n') + '\n');

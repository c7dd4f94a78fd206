// npm run bench:quality-browse — quality signals in the corpus browser on 1,000,000 documents: documents.list
// with signal range filters, a failed-rule filter, sorting by a signal and the page's signal values, through the
// real API dispatch. Baselines measured in the same run: the unfiltered default view and the existing
// "source + quality pass" combined filter. Prints a markdown table for docs/benchmarks/pii-quality.md.
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/engine/api/dispatch';
import { openEngine } from '../../electron/engine/engine';
import { ensureQualityBenchCorpus } from './quality-browse-corpus';

const N = Number(process.env.BENCH_UI_DOCS ?? 1_000_000);
const PAGES = Number(process.env.BENCH_QB_PAGES ?? 30);
const UI_DB = process.env.BENCH_UI_DB ?? join(tmpdir(), `kurasi-bench-ui-${N}.db`);
const DB = process.env.BENCH_QB_DB ?? join(tmpdir(), `kurasi-bench-quality-${N}.db`);
const log = (s: string) => process.stderr.write(`${s}\n`);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const f = (x: number) => x.toFixed(1);

async function main() {
  ensureQualityBenchCorpus(UI_DB, DB, N, log);
  const engine = openEngine({ dbPath: DB });
  const call = async (input: unknown) => {
    const r = await dispatch(engine, 'documents.list', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { total: number };
  };
  const rand = (() => {
    let a = 11;
    return () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  })();
  const scenarios: [string, Record<string, unknown>][] = [
    ['baseline: id asc, no filter', {}],
    ['baseline: source + quality pass', { filters: { sourceId: 2, qualityPass: true } }],
    ['id asc + 3 signal columns (withSignals)', { withSignals: ['word_count', 'stopword_share', 'dup_line_share'] }],
    ['range word_count 20–40', { filters: { signals: { word_count: { min: 20, max: 40 } } } }],
    ['range word_count ≥ 30', { filters: { signals: { word_count: { min: 30 } } } }],
    ['range stopword_share ≥ 0.3', { filters: { signals: { stopword_share: { min: 0.3 } } } }],
    ['range digit_density ≥ 0.1 (selective)', { filters: { signals: { digit_density: { min: 0.1 } } } }],
    ['two ranges: word_count ≥ 30, stopword_share ≤ 0.2', { filters: { signals: { word_count: { min: 30 }, stopword_share: { max: 0.2 } } } }],
    ['failed rule = max-english', { filters: { qualityReason: 'max-english' } }],
    ['failed rule = min-words + word_count ≥ 4', { filters: { qualityReason: 'min-words', signals: { word_count: { min: 4 } } } }],
    ['lang = jav + word_count ≥ 30', { filters: { lang: 'jav', signals: { word_count: { min: 30 } } } }],
    ['sorted by word_count desc', { sort: { column: 'signal:word_count', dir: 'desc' } }],
    ['sorted by stopword_share, filter word_count ≥ 30', { sort: { column: 'signal:stopword_share', dir: 'asc' }, filters: { signals: { word_count: { min: 30 } } } }],
    ['sorted by stopword_share + lang = sun', { sort: { column: 'signal:stopword_share', dir: 'asc' }, filters: { lang: 'sun' } }],
  ];
  const rows: string[] = [];
  const load = loadavg()[0] ?? 0;
  for (const [name, extra] of scenarios) {
    const touch = () => engine.db.prepare(`INSERT INTO meta(key, value) VALUES ('bench_touch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(Date.now()));
    touch();
    let t = performance.now();
    const first = await call({ offset: 0, limit: 100, ...extra });
    const cold = performance.now() - t;
    const total = first.total;
    const times: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const offset = i === 0 ? Math.max(0, total - 100) : Math.floor(rand() * Math.max(1, total - 100));
      t = performance.now();
      await call({ offset, limit: 100, ...extra });
      times.push(performance.now() - t);
    }
    const line = `| ${name} | ${total.toLocaleString('en')} | ${f(cold)} | ${f(quantile(times, 0.5))} | ${f(quantile(times, 0.95))} | ${f(Math.max(...times))} | ${f(times[0] ?? NaN)} | ${quantile(times, 0.5) <= 50 ? 'met' : 'not met'} |`;
    rows.push(line);
    log(line);
  }
  await engine.close();
  console.log(`documents.list on ${N.toLocaleString('en')} documents, pages of 100 (${new Date().toISOString().slice(0, 16)} UTC, load average ${load.toFixed(1)} at start)\n`);
  console.log('| scenario | total | cold first page ms | median ms | p95 ms | max ms | last page ms | median ≤ 50 ms |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nEach scenario: a cold first page (after a write that drops cached counts), then the last page and ${PAGES - 1} random offsets.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

// npm run bench:export — export throughput on a corpus of 1,000,000 documents (~500 characters of real
// TALPCo sentences each, seeded straight through SQL), in the engine's own thread (runExport, as the job
// worker runs it). Baseline in the same run: a bare keyset scan of the same rows (id, source, text, lang) in
// the same batch size, doing nothing with them — the floor any export on SQLite pays.
// Options (env): BENCH_DOCS (default 1000000), BENCH_RUNS (default 3), BENCH_PER_DOC sentences per document
// (default 12), BENCH_FORMATS (default "jsonl.gz,parquet,csv": one run each after the jsonl runs), BENCH_DIR.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOptions, type ExportFormat } from '../../shared/contract/export';
import { runExport } from '../../electron/engine/export/run-export';
import { openCorpus, type Db } from '../../electron/engine/store/open';
import { bulkSeed } from '../unit/export/bulk';

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PER_DOC = Number(process.env.BENCH_PER_DOC ?? 12);
const FORMATS = (process.env.BENCH_FORMATS ?? 'jsonl.gz,parquet,csv').split(',').filter(Boolean) as ExportFormat[];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function scan(db: Db): number {
  const stmt = db.prepare('SELECT id, source_id, text, lang FROM documents WHERE id > ? ORDER BY id LIMIT 5000').raw(true);
  let last = 0;
  let n = 0;
  let chars = 0;
  for (;;) {
    const rows = stmt.all(last) as [number, number, string, string][];
    if (!rows.length) break;
    for (const r of rows) chars += r[2].length;
    n += rows.length;
    last = rows[rows.length - 1]![0];
  }
  if (chars === 0) throw new Error('empty corpus');
  return n;
}

async function exportOnce(db: Db, dir: string, format: ExportFormat, i: number) {
  const out = join(dir, `out-${format}-${i}`);
  let peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await runExport(db, exportOptions.parse({ out, format }), {
    actor: 'bench',
    progress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu);
  const cpuMs = (c.user + c.system) / 1000;
  const bytes = r.shards.reduce((a, s) => a + s.bytes, 0);
  rmSync(out, { recursive: true, force: true });
  return { ms, cpuMs, docs: r.documents, shards: r.shards.length, mb: bytes / 1e6, peakRssMb: peak / 1e6 };
}

async function main(): Promise<void> {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'kurasi-bench-export-'));
  const dbPath = join(dir, 'bench.db');
  try {
    let t = performance.now();
    // A BENCH_DIR kept from an earlier run with the same corpus is reused (seeding 1M documents takes a while).
    if (!existsSync(dbPath) || (openCorpus(dbPath).prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n !== DOCS) {
      rmSync(dbPath, { force: true });
      bulkSeed(dbPath, DOCS, PER_DOC);
    }
    const seedMs = performance.now() - t;
    const db = openCorpus(dbPath);
    const avgChars = (db.prepare('SELECT avg(char_count) AS a FROM documents').get() as { a: number }).a;
    console.log(`seeded ${DOCS.toLocaleString('en')} documents (avg ${avgChars.toFixed(0)} chars, db ${(statSync(dbPath).size / 1e6).toFixed(0)} MB) in ${(seedMs / 1000).toFixed(1)} s`);

    const scans: number[] = [];
    const scanCpu: number[] = [];
    const jsonl: Awaited<ReturnType<typeof exportOnce>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const cpu = process.cpuUsage();
      scan(db);
      scans.push(performance.now() - t);
      const c = process.cpuUsage(cpu);
      scanCpu.push((c.user + c.system) / 1000);
      jsonl.push(await exportOnce(db, dir, 'jsonl', i));
      console.log(`run ${i + 1}: scan ${(scans[i]! / 1000).toFixed(2)} s, jsonl export ${(jsonl[i]!.ms / 1000).toFixed(2)} s (${jsonl[i]!.shards} shards, ${jsonl[i]!.mb.toFixed(0)} MB)`);
    }
    const scanMs = median(scans);
    const jsonlMs = median(jsonl.map((r) => r.ms));
    const scanCpuMs = median(scanCpu);
    const jsonlCpuMs = median(jsonl.map((r) => r.cpuMs));
    const perSec = (ms: number) => Math.round((DOCS / ms) * 1000).toLocaleString('en');
    const rows: string[][] = [
      ['baseline: keyset scan only', (scanMs / 1000).toFixed(2), perSec(scanMs), '1.00', (scanCpuMs / 1000).toFixed(2), perSec(scanCpuMs), '-', '-'],
      [
        'export jsonl',
        (jsonlMs / 1000).toFixed(2),
        perSec(jsonlMs),
        (jsonlMs / scanMs).toFixed(2),
        (jsonlCpuMs / 1000).toFixed(2),
        perSec(jsonlCpuMs),
        jsonl[0]!.mb.toFixed(0),
        Math.max(...jsonl.map((r) => r.peakRssMb)).toFixed(0),
      ],
    ];
    for (const f of FORMATS) {
      const r = await exportOnce(db, dir, f, 0);
      console.log(`${f}: ${(r.ms / 1000).toFixed(2)} s (${r.shards} shards, ${r.mb.toFixed(0)} MB)`);
      rows.push([`export ${f} (1 run)`, (r.ms / 1000).toFixed(2), perSec(r.ms), (r.ms / scanMs).toFixed(2), (r.cpuMs / 1000).toFixed(2), perSec(r.cpuMs), r.mb.toFixed(0), r.peakRssMb.toFixed(0)]);
    }
    db.close();
    console.log(`\n${DOCS.toLocaleString('en')} documents, median of ${RUNS} runs for scan and jsonl\n`);
    console.log('| what | wall s | docs/s (wall) | × scan (wall) | CPU s | docs per CPU-second | output MB | peak RSS MB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    const rate = (DOCS / jsonlMs) * 1000;
    console.log(`\njsonl: ${Math.round(rate).toLocaleString('en')} docs/s wall, ${perSec(jsonlCpuMs)} per CPU-second — target 100,000 docs/s: ${rate >= 100_000 ? 'met' : 'NOT met'}`);
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  } finally {
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

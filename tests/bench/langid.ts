// npm run bench:langid — (1) sentence-length texts per second on one core: Kurasi's detector vs franc 6.2
// unrestricted and franc restricted with `only`, on the same held-out sentences in the same run (medians of
// BENCH_RUNS runs, ratios); (2) the real `langid` job on a BENCH_DOCS-document corpus (default 1,000,000
// sentence-length real documents) with BENCH_WORKERS workers (default 2), wall time per run and median.
// Options (env): BENCH_RUNS (default 5), BENCH_DOCS (default 1000000), BENCH_JOB_RUNS (default 3),
// BENCH_WORKERS (default 2), BENCH_DIR (default a temp folder), BENCH_SKIP_JOB=1.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { francAll } from 'franc';
import { openEngine } from '../../electron/engine/engine';
import { openCorpus } from '../../electron/engine/store/open';
import { ensureSource } from '../../electron/engine/corpus/sources';
import { hashText } from '../../electron/engine/import/hash';
import { countWords } from '../../shared/text/normalize';
import { LanguageDetector } from '../../electron/engine/langid/detector';
import { FRANC_ONLY } from '../../electron/engine/langid/languages';
import { evalTexts } from '../../scripts/langid/data';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const JOB_RUNS = Number(process.env.BENCH_JOB_RUNS ?? 3);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** CPU seconds (user + system) this process has used; on a shared, oversubscribed machine this measures work, not waiting. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

interface Rate {
  /** Texts per wall-clock second. */
  wall: number;
  /** Texts per CPU second of this (single-threaded) process: throughput per core. */
  cpu: number;
}

/** Texts per second of `fn` over `texts`, timing passes until at least `minMs` elapsed. */
function rate(texts: string[], fn: (t: string) => unknown, minMs = 1500): Rate {
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  let sink = 0;
  while (performance.now() - t0 < minMs) {
    for (const t of texts) {
      if (fn(t)) sink++;
      n++;
    }
  }
  if (sink < 0) console.log(sink);
  return { wall: n / ((performance.now() - t0) / 1000), cpu: n / Math.max(1e-6, cpuSeconds() - c0) };
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en');
}

async function jobBench(texts: string[]): Promise<void> {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'kurasi-bench-langid-'));
  const base = join(dir, 'base.db');
  if (existsSync(base)) {
    const probe = openCorpus(base, { readonly: true });
    const have = (probe.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    probe.close();
    if (have === DOCS) {
      console.log(`reusing the ${fmt(DOCS)}-document corpus in ${dir}`);
      return runJobs(dir, base);
    }
    rmSync(base, { force: true });
  }
  const t0 = performance.now();
  const db = openCorpus(base);
  const sourceId = ensureSource(db, 'bench', 'bench', undefined);
  const insert = db.prepare(
    'INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const hashes = texts.map((t) => hashText(t));
  const words = texts.map((t) => countWords(t));
  const BATCH = 50_000;
  for (let start = 0; start < DOCS; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(DOCS, start + BATCH); i++) {
        const k = i % texts.length;
        const t = texts[k] ?? '';
        insert.run(sourceId, `b${i}`, t, hashes[k] ?? '', t.length, words[k] ?? 0);
      }
    })();
  }
  db.prepare('UPDATE sources SET document_count = ?, char_count = (SELECT sum(char_count) FROM documents) WHERE id = ?').run(DOCS, sourceId);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(`built a ${fmt(DOCS)}-document corpus in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await runJobs(dir, base);
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

async function runJobs(dir: string, base: string): Promise<void> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < JOB_RUNS; r++) {
    const path = join(dir, `run${r}.db`);
    copyFileSync(base, path);
    const engine = openEngine({ dbPath: path, actor: 'bench' });
    const s = performance.now();
    const c0 = cpuSeconds();
    const job = await engine.jobs.wait(engine.jobs.start('langid', { workers: WORKERS }));
    const sec = (performance.now() - s) / 1000;
    // All threads of this process: the job thread, its pool workers, SQLite.
    const cpu = cpuSeconds() - c0;
    await engine.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    if (job.state !== 'done') throw new Error(`langid job ${job.state}: ${job.error ?? ''}`);
    times.push(sec);
    cpuTimes.push(cpu);
    console.log(
      `job run ${r + 1}: ${fmt(DOCS)} documents in ${sec.toFixed(1)} s wall (${fmt(DOCS / sec)} docs/s, ${WORKERS} workers); ` +
        `${cpu.toFixed(1)} CPU s in all threads, i.e. ${(cpu / WORKERS).toFixed(1)} s if ${WORKERS} cores were ours alone`,
    );
  }
  const m = median(times);
  const mc = median(cpuTimes) / WORKERS;
  console.log(`langid job, ${fmt(DOCS)} documents, ${WORKERS} workers: median ${m.toFixed(1)} s wall over ${JOB_RUNS} runs (goal <= 60 s): ${m <= 60 ? 'met' : 'NOT met'}`);
  console.log(`  CPU-time estimate for ${WORKERS} dedicated cores: ${mc.toFixed(1)} s (${mc <= 60 ? 'within' : 'over'} the goal)`);
}

async function main(): Promise<void> {
  const texts = evalTexts().sentences.map((t) => t.text);
  const meanLen = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`${texts.length} held-out sentences (NusaX valid + TALPCo held-out), mean ${meanLen.toFixed(0)} characters; ${RUNS} runs each`);
  const det = LanguageDetector.load();
  const only = [...FRANC_ONLY];
  const ours: Rate[] = [];
  const francFull: Rate[] = [];
  const francOnly: Rate[] = [];
  for (let r = 0; r < RUNS; r++) {
    ours.push(rate(texts, (t) => det.detect(t)));
    francFull.push(rate(texts, (t) => francAll(t)));
    francOnly.push(rate(texts, (t) => francAll(t, { only })));
  }
  const f = median(francFull.map((x) => x.wall));
  const fc = median(francFull.map((x) => x.cpu));
  console.log('| detector | texts per wall second (median) | texts per CPU second (median) | wall runs | ratio vs unrestricted franc (wall / CPU) |');
  console.log('|---|---|---|---|---|');
  const row = (name: string, xs: Rate[]) => {
    const w = median(xs.map((x) => x.wall));
    const c = median(xs.map((x) => x.cpu));
    console.log(`| ${name} | ${fmt(w)} | ${fmt(c)} | ${xs.map((x) => fmt(x.wall)).join(', ')} | ${(w / f).toFixed(1)}× / ${(c / fc).toFixed(1)}× |`);
    return c;
  };
  const oc = row('Kurasi langid', ours);
  row('franc 6.2 `only` (10 langs)', francOnly);
  row('franc 6.2 unrestricted', francFull);
  console.log(`goal >= 20,000 texts/s per core (per CPU second): ${oc >= 20_000 ? 'met' : 'NOT met'}`);
  if (process.env.BENCH_SKIP_JOB !== '1') await jobBench(texts);
}

await main();

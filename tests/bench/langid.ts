// npm run bench:langid — (1) sentence-length texts per second on one core: Kurasi's detector vs franc 6.2
// unrestricted and franc restricted with `only`, on the same held-out sentences in the same run (medians of
// BENCH_RUNS runs, ratios); (2) the real `langid` job on a BENCH_DOCS-document corpus (default 1,000,000
// sentence-length real documents) with BENCH_WORKERS workers (default 2), wall time per run and median.
// Options (env): BENCH_RUNS (default 5), BENCH_DOCS (default 1000000), BENCH_JOB_RUNS (default 3),
// BENCH_WORKERS (default 2), BENCH_DIR (default a temp folder), BENCH_SKIP_JOB=1.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Texts per second of `fn` over `texts`, timing passes until at least `minMs` elapsed. */
function rate(texts: string[], fn: (t: string) => unknown, minMs = 1500): number {
  let n = 0;
  const t0 = performance.now();
  let sink = 0;
  while (performance.now() - t0 < minMs) {
    for (const t of texts) {
      if (fn(t)) sink++;
      n++;
    }
  }
  if (sink < 0) console.log(sink);
  return n / ((performance.now() - t0) / 1000);
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en');
}

async function jobBench(texts: string[]): Promise<void> {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'kurasi-bench-langid-'));
  const base = join(dir, 'base.db');
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
  const times: number[] = [];
  for (let r = 0; r < JOB_RUNS; r++) {
    const path = join(dir, `run${r}.db`);
    copyFileSync(base, path);
    const engine = openEngine({ dbPath: path, actor: 'bench' });
    const s = performance.now();
    const job = await engine.jobs.wait(engine.jobs.start('langid', { workers: WORKERS }));
    const sec = (performance.now() - s) / 1000;
    await engine.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    if (job.state !== 'done') throw new Error(`langid job ${job.state}: ${job.error ?? ''}`);
    times.push(sec);
    console.log(`job run ${r + 1}: ${fmt(DOCS)} documents in ${sec.toFixed(1)} s (${fmt(DOCS / sec)} docs/s, ${WORKERS} workers)`);
  }
  const m = median(times);
  console.log(`langid job, ${fmt(DOCS)} documents, ${WORKERS} workers: median ${m.toFixed(1)} s over ${JOB_RUNS} runs (goal <= 60 s): ${m <= 60 ? 'met' : 'NOT met'}`);
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const texts = evalTexts().sentences.map((t) => t.text);
  const meanLen = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`${texts.length} held-out sentences (NusaX valid + TALPCo held-out), mean ${meanLen.toFixed(0)} characters; ${RUNS} runs each`);
  const det = LanguageDetector.load();
  const only = [...FRANC_ONLY];
  const ours: number[] = [];
  const francFull: number[] = [];
  const francOnly: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    ours.push(rate(texts, (t) => det.detect(t)));
    francFull.push(rate(texts, (t) => francAll(t)));
    francOnly.push(rate(texts, (t) => francAll(t, { only })));
  }
  const o = median(ours);
  const f = median(francFull);
  const fo = median(francOnly);
  console.log('| detector | texts/s per core (median) | runs | ratio vs unrestricted franc |');
  console.log('|---|---|---|---|');
  console.log(`| Kurasi langid | ${fmt(o)} | ${ours.map(fmt).join(', ')} | ${(o / f).toFixed(1)}× |`);
  console.log(`| franc 6.2 \`only\` (10 langs) | ${fmt(fo)} | ${francOnly.map(fmt).join(', ')} | ${(fo / f).toFixed(1)}× |`);
  console.log(`| franc 6.2 unrestricted | ${fmt(f)} | ${francFull.map(fmt).join(', ')} | 1.0× |`);
  console.log(`goal >= 20,000 texts/s per core: ${o >= 20_000 ? 'met' : 'NOT met'}`);
  if (process.env.BENCH_SKIP_JOB !== '1') await jobBench(texts);
}

await main();

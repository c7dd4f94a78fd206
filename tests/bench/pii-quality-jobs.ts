// Job throughput of pii and quality on a real SQLite corpus (npm run bench:pii-quality-jobs; needs npm run build:node).
// 20,000 documents: NusaWrites paragraphs, repeated with distinct ids. Each job runs with 1 and 2 pool workers,
// RUNS times, on a fresh copy of the corpus; medians reported. Baseline (same run): a single-threaded
// `SELECT text` scan of all documents, i.e. what reading the corpus alone costs.
import { copyFileSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../../electron/engine/engine';
import { ensureSource } from '../../electron/engine/corpus/sources';
import { openCorpus } from '../../electron/engine/store/open';
import { csvColumn, NUSA_WRITES_VALID, repoRoot } from '../eval/pii-quality-data';

const RUNS = Number(process.env.RUNS ?? 3);
const N = Number(process.env.DOCS ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'kurasi-bench-pq-'));
const seed = join(dir, 'seed.db');
const paragraphs = NUSA_WRITES_VALID.flatMap((f) => csvColumn(`nusa-writes/${f}`, 'text'));
{
  const db = openCorpus(seed);
  const sid = ensureSource(db, 'bench', 'bench', undefined);
  const ins = db.prepare('INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const t = paragraphs[i % paragraphs.length]!;
      ins.run(sid, `b${i}`, t, `h${i}`, t.length, t.split(/\s+/).length);
    }
  })();
  db.close();
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runJob(kind: string, workers: number): Promise<number> {
  const path = join(dir, `run-${kind}-${workers}-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(seed, path);
  const e = openEngine({ dbPath: path });
  const t0 = performance.now();
  const job = await e.jobs.wait(e.jobs.start(kind, { workers }));
  const ms = performance.now() - t0;
  await e.close();
  if (job.state !== 'done') throw new Error(`${kind}: ${job.state} ${job.error}`);
  return ms;
}

const rows: string[] = [];
const scan: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const db = openCorpus(seed, { readonly: true });
  const t0 = performance.now();
  let chars = 0;
  for (const row of db.prepare('SELECT text FROM documents').iterate() as Iterable<{ text: string }>) chars += row.text.length;
  scan.push(performance.now() - t0);
  db.close();
  if (chars === 0) throw new Error('empty');
}
const base = median(scan);
rows.push(`| baseline: SELECT text scan | — | ${base.toFixed(0)} | ${((N / base) * 1000).toFixed(0)} | 1.0× | ${scan.map((x) => x.toFixed(0)).join(', ')} |`);
for (const kind of ['pii', 'quality']) {
  for (const workers of [1, 2]) {
    const xs: number[] = [];
    for (let r = 0; r < RUNS; r++) xs.push(await runJob(kind, workers));
    const ms = median(xs);
    rows.push(`| ${kind} job | ${workers} | ${ms.toFixed(0)} | ${((N / ms) * 1000).toFixed(0)} | ${(ms / base).toFixed(1)}× | ${xs.map((x) => x.toFixed(0)).join(', ')} |`);
  }
}
rmSync(dir, { recursive: true, force: true });
const table = ['| pass | workers | median ms | docs/s | vs baseline | all runs (ms) |', '|---|---|---|---|---|---|', ...rows].join('\n');
console.log(table);
appendFileSync(
  join(repoRoot, 'docs', 'benchmarks', 'pii-quality.md'),
  `\n## Jobs on a corpus file\n\n\`npm run bench:pii-quality-jobs\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${N.toLocaleString('en')} NusaWrites paragraphs in a real
SQLite corpus, each job from start to done (worker start-up, reads, writes, summary), ${RUNS} runs, fresh copy each run.
Two cores shared with other engineers' work, so 2 workers rarely get two free cores.\n\n${table}\n`,
);

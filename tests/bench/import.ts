// npm run bench:import — 1,000,000 ~500-byte Indonesian-like documents imported from JSONL and from CSV by
// Kurasi (the real `import` job, in a child process whose peak RSS is read from /proc), next to the sqlite3
// shell doing the same work (.import of the rows into the same table + FTS5 'rebuild') in the same run.
// Options (env): KURASI_DATA (default ../shared/data), BENCH_DOCS (default 1000000), BENCH_RUNS (default 3), BENCH_DIR (default a temp folder),
// BENCH_NO_BULK=0 to skip the extra row that imports the JSONL with bulk-load mode off.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../../electron/engine/engine';
import { openCorpus } from '../../electron/engine/store/open';
import { parseCsvText } from '../../electron/engine/import/read-csv';
import { projectRoot } from '../../electron/engine/paths';
import { BUILDING_SEARCH_INDEX, REBUILDING_INDEXES, SAVING } from '../../electron/engine/import/import-job';

const DATA = process.env.KURASI_DATA ?? join(projectRoot(), '..', 'shared', 'data');

interface Phase {
  /** Parsing and inserting the rows (Kurasi: until the job reports the index rebuild or the FTS build). */
  docsMs: number;
  /** Time in the transactions that insert the rows (Kurasi: the job thread's INSERT + COMMIT; shell: INSERT … SELECT). */
  insertMs: number;
  /** Building again the indexes a bulk load dropped (0 when they were kept up to date during the inserts). */
  indexMs: number;
  ftsMs: number;
  /** Kurasi: the job's one WAL checkpoint at its end (commits don't checkpoint during an import). Shell: 0 (its checkpoints fall inside its phases). */
  ckptMs: number;
  totalMs: number;
  peakRssMb: number;
  dbMb: number;
  imported: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function wordList(): Promise<string[]> {
  const words = new Set<string>();
  const add = (t: string) => {
    for (const w of t.split(/\s+/u)) if (w.length > 0 && w.length < 20) words.add(w);
  };
  const rows = await parseCsvText(readFileSync(join(DATA, 'nusax-mt', 'train.csv'), 'utf8'), ',');
  const col = rows[0]!.indexOf('indonesian');
  for (const r of rows.slice(1)) add(r[col] ?? '');
  for (const line of readFileSync(join(DATA, 'talpco', 'ind.txt'), 'utf8').split('\n')) add(line.split('\t')[1] ?? '');
  return [...words];
}

/** Deterministic documents: words drawn with a fixed-seed generator until ~500 bytes. */
async function generate(dir: string, n: number): Promise<{ jsonl: string; csv: string }> {
  const words = await wordList();
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const jsonl = join(dir, 'docs.jsonl');
  const csv = join(dir, 'docs.csv');
  const j = createWriteStream(jsonl);
  const c = createWriteStream(csv);
  c.write('id,text,topic\n');
  const topics = ['berita', 'wiki', 'forum', 'sastra'];
  let jb: string[] = [];
  let cb: string[] = [];
  for (let i = 1; i <= n; i++) {
    let t = '';
    while (t.length < 480) t += (t ? ' ' : '') + words[Math.floor(rand() * words.length)];
    const topic = topics[i % 4]!;
    jb.push(JSON.stringify({ id: `d${i}`, text: t, topic }));
    cb.push(`d${i},"${t.replaceAll('"', '""')}",${topic}`);
    if (jb.length === 5000 || i === n) {
      j.write(jb.join('\n') + '\n');
      c.write(cb.join('\n') + '\n');
      jb = [];
      cb = [];
      // Check each stream when its turn comes: awaiting a 'drain' that already fired would wait forever.
      if (j.writableNeedDrain) await once(j, 'drain');
      if (c.writableNeedDrain) await once(c, 'drain');
    }
  }
  j.end();
  c.end();
  await Promise.all([once(j, 'finish'), once(c, 'finish')]);
  return { jsonl, csv };
}

/** Runs a command, sampling its peak RSS (VmHWM) from /proc while it lives. */
async function runMeasured(
  cmd: string,
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; peakRssMb: number; stdout: string; code: number | null }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  let peakKb = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // exited between samples
    }
  };
  const timer = setInterval(sample, 50);
  child.stdin.end(input ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  return { ms: performance.now() - t0, peakRssMb: peakKb / 1024, stdout, code };
}

function dbSizeMb(path: string): number {
  let s = 0;
  for (const ext of ['', '-wal', '-shm']) if (existsSync(path + ext)) s += statSync(path + ext).size;
  return s / 1024 / 1024;
}

/** Child mode: run the real import job through the engine and report when the FTS phase began. */
async function child(db: string, file: string): Promise<void> {
  const engine = openEngine({ dbPath: db, actor: 'bench' });
  const t0 = performance.now();
  let indexAt = 0;
  let ftsAt = 0;
  let savingAt = 0;
  const id = engine.jobs.start('import', { paths: [file], source: 'bench', idField: 'id' });
  engine.events.on('job-progress', (p) => {
    if (p.jobId !== id) return;
    if (p.message === REBUILDING_INDEXES && indexAt === 0 && ftsAt === 0) indexAt = performance.now();
    if (p.message === BUILDING_SEARCH_INDEX && ftsAt === 0) ftsAt = performance.now();
    if (p.message === SAVING && savingAt === 0) savingAt = performance.now();
  });
  const job = await engine.jobs.wait(id);
  const end = performance.now();
  await engine.close();
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.error}`);
  const result = job.result as { imported: number; phases?: { insertMs: number } };
  const imported = result.imported;
  const insertMs = result.phases?.insertMs ?? 0;
  const ftsStart = ftsAt || end;
  const rowsEnd = indexAt || ftsStart;
  const ftsEnd = savingAt || end;
  process.stdout.write(JSON.stringify({ docsMs: rowsEnd - t0, insertMs, indexMs: ftsStart - rowsEnd, ftsMs: ftsEnd - ftsStart, ckptMs: end - ftsEnd, imported }) + '\n');
}

async function kurasiRun(dir: string, file: string, tag: string, env: NodeJS.ProcessEnv = process.env): Promise<Phase> {
  const db = join(dir, `kurasi-${tag}.db`);
  for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
  openCorpus(db).close();
  const r = await runMeasured(process.execPath, [fileURLToPath(import.meta.url), '--child', db, file], undefined, env);
  if (r.code !== 0) throw new Error(`kurasi child failed (${r.code})`);
  const o = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { docsMs: number; insertMs: number; indexMs: number; ftsMs: number; ckptMs: number; imported: number };
  const size = dbSizeMb(db);
  for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
  return { docsMs: o.docsMs, insertMs: o.insertMs, indexMs: o.indexMs, ftsMs: o.ftsMs, ckptMs: o.ckptMs, totalMs: r.ms, peakRssMb: r.peakRssMb, dbMb: size, imported: o.imported };
}

async function shellRun(dir: string, csv: string): Promise<Phase> {
  const db = join(dir, 'shell.db');
  for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
  // The same schema (tables, indexes, FTS5 table) as a Kurasi corpus.
  const c = openCorpus(db);
  c.prepare(`INSERT INTO sources(name, created_at) VALUES ('bench', '')`).run();
  c.close();
  const rows = `PRAGMA synchronous=NORMAL;
CREATE TEMP TABLE staging(id TEXT, text TEXT, topic TEXT);
.import --csv --skip 1 ${csv} staging
.timer on
BEGIN;
INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, metadata)
  SELECT 1, id, text, lower(hex(substr(sha3(text, 256), 1, 16))), length(text), 0, json_object('topic', topic) FROM staging;
COMMIT;
`;
  const a = await runMeasured('/usr/bin/sqlite3', [db], rows);
  if (a.code !== 0) throw new Error('sqlite3 .import failed');
  const b = await runMeasured('/usr/bin/sqlite3', [db], `PRAGMA synchronous=NORMAL;\nINSERT INTO documents_fts(documents_fts) VALUES ('rebuild');\n`);
  const n = Number(spawnSync('/usr/bin/sqlite3', [db, 'SELECT count(*) FROM documents']).stdout.toString().trim());
  const size = dbSizeMb(db);
  for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
  // .timer prints "Run Time: real <s> …" after BEGIN, the INSERT and COMMIT.
  const insertMs = [...a.stdout.matchAll(/Run Time: real ([\d.]+)/gu)].reduce((t, m) => t + Number(m[1]) * 1000, 0);
  return { docsMs: a.ms, insertMs, indexMs: 0, ftsMs: b.ms, ckptMs: 0, totalMs: a.ms + b.ms, peakRssMb: Math.max(a.peakRssMb, b.peakRssMb), dbMb: size, imported: n };
}

interface Summary {
  name: string;
  docs: number;
  docsMs: number;
  insertMs: number;
  indexMs: number;
  ftsMs: number;
  ckptMs: number;
  totalMs: number;
  rssMb: number;
  dbMb: number;
  runs: string;
}

function summarize(name: string, runs: Phase[]): Summary {
  return {
    name,
    docs: median(runs.map((r) => r.imported)),
    docsMs: median(runs.map((r) => r.docsMs)),
    insertMs: median(runs.map((r) => r.insertMs)),
    indexMs: median(runs.map((r) => r.indexMs)),
    ftsMs: median(runs.map((r) => r.ftsMs)),
    ckptMs: median(runs.map((r) => r.ckptMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    rssMb: median(runs.map((r) => r.peakRssMb)),
    dbMb: median(runs.map((r) => r.dbMb)),
    runs: runs.map((r) => (r.totalMs / 1000).toFixed(1)).join(', '),
  };
}

const int = (x: number) => Math.round(x).toLocaleString('en');
const sec = (ms: number) => (ms / 1000).toFixed(1);

function row(s: Summary, base: Summary): string {
  return `| ${s.name} | ${int(s.docs)} | ${sec(s.docsMs)} | ${int(s.docs / (s.docsMs / 1000))} | ${sec(s.insertMs)} | ${int(s.docs / (s.insertMs / 1000))} | ${sec(s.indexMs)} | ${sec(s.ftsMs)} | ${sec(s.ckptMs)} | ${sec(s.totalMs)} | ${int(s.docs / (s.totalMs / 1000))} | ${int(s.rssMb)} | ${int(s.dbMb)} | ${(s.totalMs / base.totalMs).toFixed(2)}× | ${s.runs} |`;
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_DOCS ?? 1_000_000);
  const reps = Number(process.env.BENCH_RUNS ?? 3);
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'kurasi-bench-import-'));
  console.log(`generating ${n.toLocaleString('en')} documents in ${dir} …`);
  const { jsonl, csv } = await generate(dir, n);
  console.log(`JSONL ${(statSync(jsonl).size / 1e6).toFixed(0)} MB, CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB; ${reps} run(s) each`);
  const loadBefore = loadAverage();
  const compare = process.env.BENCH_NO_BULK !== '0';
  const kn: Phase[] = [];
  const shell: Phase[] = [];
  const kj: Phase[] = [];
  const kc: Phase[] = [];
  for (let i = 0; i < reps; i++) {
    // Interleaved, so a noisy neighbour slows all three alike.
    shell.push(await shellRun(dir, csv));
    console.log(`  run ${i + 1}: sqlite3 shell ${(shell.at(-1)!.totalMs / 1000).toFixed(1)} s`);
    kj.push(await kurasiRun(dir, jsonl, 'jsonl'));
    console.log(`  run ${i + 1}: kurasi JSONL ${(kj.at(-1)!.totalMs / 1000).toFixed(1)} s`);
    kc.push(await kurasiRun(dir, csv, 'csv'));
    console.log(`  run ${i + 1}: kurasi CSV ${(kc.at(-1)!.totalMs / 1000).toFixed(1)} s`);
    if (compare) {
      // The same JSONL import with bulk-load mode off (every index kept up to date during the inserts).
      kn.push(await kurasiRun(dir, jsonl, 'jsonl-nobulk', { ...process.env, KURASI_IMPORT_BULK_BYTES: String(Number.MAX_SAFE_INTEGER) }));
      console.log(`  run ${i + 1}: kurasi JSONL, bulk mode off ${(kn.at(-1)!.totalMs / 1000).toFixed(1)} s`);
    }
  }
  const loadAfter = loadAverage();
  const base = summarize('sqlite3 shell (.import CSV + rebuild)', shell);
  const all = [base, summarize('kurasi JSONL', kj), summarize('kurasi CSV', kc)];
  if (compare) all.push(summarize('kurasi JSONL, bulk mode off', kn));
  console.log(`\n${n.toLocaleString('en')} documents, ${reps} run(s), medians; load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after`);
  console.log('"rows s" = parsing + inserting the rows with the indexes the import keeps (shell: .import + INSERT … SELECT with every index);');
  console.log('"insert s" = time inside the transactions that insert the rows (Kurasi: INSERT + COMMIT on the job thread, parsing runs alongside in');
  console.log('another thread; shell: BEGIN + INSERT … SELECT + COMMIT); "index s" = building again the indexes a bulk load dropped;');
  console.log('"checkpoint s" = Kurasi\'s one WAL checkpoint at the end of the job (no checkpoint per commit during an import);');
  console.log('"end-to-end docs/s" = docs / total s.\n');
  console.log('| import | docs | rows s | docs/s into documents (rows phase) | insert s | docs/s in insert transactions | index s | FTS s | checkpoint s | total s | end-to-end docs/s | peak RSS MB | DB MB | vs sqlite3 shell | runs (total s) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of all) console.log(row(s, base));
  const scale = 1_000_000 / n;
  console.log('\n| goal | JSONL | CSV |');
  console.log('|---|---|---|');
  const [, j, c] = all as [Summary, Summary, Summary];
  const yes = (ok: boolean) => (ok ? 'met' : '**not met**');
  const rate = (x: Summary) => x.docs / (x.docsMs / 1000);
  console.log(`| ≥ 150,000 docs/s into documents (rows phase: parse + insert) | ${int(rate(j))} (${yes(rate(j) >= 150_000)}) | ${int(rate(c))} (${yes(rate(c) >= 150_000)}) |`);
  const irate = (x: Summary) => x.docs / (x.insertMs / 1000);
  console.log(`| ≥ 150,000 docs/s into documents (insert transactions only) | ${int(irate(j))} (${yes(irate(j) >= 150_000)}) | ${int(irate(c))} (${yes(irate(c) >= 150_000)}) |`);
  const ratio = (x: Summary) => x.totalMs / base.totalMs;
  console.log(`| whole import ≤ 1.5× sqlite3 shell | ${ratio(j).toFixed(2)}× (${yes(ratio(j) <= 1.5)}) | ${ratio(c).toFixed(2)}× (${yes(ratio(c) <= 1.5)}) |`);
  const fts = (x: Summary) => (x.ftsMs * scale) / 1000;
  console.log(`| FTS ≤ 45 s for 1M docs${n === 1_000_000 ? '' : ' (scaled linearly)'} | ${fts(j).toFixed(1)} s (${yes(fts(j) <= 45)}) | ${fts(c).toFixed(1)} s (${yes(fts(c) <= 45)}) |`);
  console.log(`| peak RSS ≤ 300 MB | ${int(j.rssMb)} MB (${yes(j.rssMb <= 300)}) | ${int(c.rssMb)} MB (${yes(c.rssMb <= 300)}) |`);
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();

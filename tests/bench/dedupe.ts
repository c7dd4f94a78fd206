// npm run bench:dedupe — 1,000,000 generated ~500-byte documents (words drawn from real NusaWrites text),
// 10 % exact copies (case/whitespace changed) and 10 % near copies (1–3 words edited) of earlier ones,
// deduplicated exact + near by the real dedupe code (runDedupe, worker pool) in a child process per run,
// so each run's peak RSS is its own. Prints docs/s and the ratio against a one-worker run in the same run.
// Options (env): BENCH_DOCS (default 1000000), BENCH_RUNS (default 3), BENCH_WORKERS (default 2), BENCH_DIR, BENCH_OUT (report file).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedupeParams } from '../../shared/contract/dedupe';
import { runDedupe } from '../../electron/engine/dedupe/run';
import { openCorpus } from '../../electron/engine/store/open';
import { ensureSource } from '../../electron/engine/corpus/sources';
import { projectRoot } from '../../electron/engine/paths';

const DATA = process.env.KURASI_DATA ?? join(projectRoot(), '..', 'shared', 'data');

interface RunOut {
  ms: number;
  /** CPU seconds of the whole process (main thread + pool workers): what the run costs without other load. */
  cpuS: number;
  peakRssMb: number;
  clusters: number;
  duplicates: number;
  exactClusters: number;
  nearClusters: number;
  verifications: number;
  /** Seconds from the start at which each phase (the job's progress message) began, plus 'end'. */
  phases: Record<string, number>;
  /** CPU seconds of the whole process (all threads) at the start of each phase: on a loaded machine the
   * difference between two phases is what that phase cost, whatever the wall clock says. */
  phaseCpu: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function child(dbPath: string, workers: number): Promise<void> {
  const db = openCorpus(dbPath);
  // Every timed run starts from a never-deduplicated corpus (as a first run would).
  db.exec(`DELETE FROM dedupe_members; DELETE FROM dedupe_clusters; DELETE FROM dedupe_chunks; DELETE FROM meta WHERE key LIKE 'dedupe.%';
    UPDATE documents SET dup_status = NULL, dup_cluster = NULL WHERE dup_status IS NOT NULL;`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const phaseCpu: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const cpuNow = () => {
    const c = process.cpuUsage(cpu0);
    return (c.user + c.system) / 1e6;
  };
  const r = await runDedupe(db, dbPath, dedupeParams.parse({ full: true, workers }), {
    signal: new AbortController().signal,
    throwIfCancelled: () => {},
    progress: (_d, _t, message) => {
      if (message && phases[message] === undefined) {
        phases[message] = (performance.now() - t0) / 1000;
        phaseCpu[message] = cpuNow();
      }
    },
    jobId: null,
  });
  const ms = performance.now() - t0;
  phases.end = ms / 1000;
  phaseCpu.end = cpuNow();
  db.close();
  const ru = process.resourceUsage();
  const out: RunOut = {
    ms,
    cpuS: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    clusters: r.clusters,
    duplicates: r.duplicates,
    exactClusters: r.exactClusters,
    nearClusters: r.nearClusters,
    verifications: r.verifications,
    phases,
    phaseCpu,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** "fingerprinting 0.3 → verifying 18.2 → …" (seconds from the start of the run). */
function phaseLine(r: RunOut): string {
  return Object.entries(r.phases)
    .sort((a, b) => a[1] - b[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)} s (cpu ${(r.phaseCpu[k] ?? 0).toFixed(1)})`)
    .join(' → ');
}

const PHASE_NAMES: Record<string, string> = {
  start: 'start: read stored fingerprints, list documents',
  fingerprinting: 'fingerprinting (pool): exact key, shingles, MinHash, band keys; chunks stored',
  clustering: 'exact groups, LSH buckets, candidate pairs',
  verifying: 'true Jaccard of candidates (pool), bounded-linkage joins, overrides, keep rule',
  writing: 'the one write: clusters, members, documents.dup_status',
};

/** One row per phase: its wall and CPU seconds (differences between consecutive phase starts). */
function phaseRows(a: RunOut, b: RunOut): string[] {
  const spans = (r: RunOut) => {
    const order = Object.entries(r.phases).sort((x, y) => x[1] - y[1]);
    const out = new Map<string, [number, number]>();
    let prev: [string, number, number] = ['start', 0, 0];
    for (const [k, v] of order) {
      out.set(prev[0], [v - prev[1], (r.phaseCpu[k] ?? 0) - prev[2]]);
      prev = [k, v, r.phaseCpu[k] ?? 0];
    }
    return out;
  };
  const sa = spans(a);
  const sb = spans(b);
  return Object.keys(PHASE_NAMES).map((k) => {
    const x = sa.get(k) ?? [0, 0];
    const y = sb.get(k) ?? [0, 0];
    return `| ${PHASE_NAMES[k]} | ${x[0].toFixed(1)} s | ${x[1].toFixed(1)} s | ${y[0].toFixed(1)} s | ${y[1].toFixed(1)} s |`;
  });
}

function vocabulary(): string[] {
  const words = new Set<string>();
  for (const f of ['paragraph-mad-train.csv', 'paragraph-bug-train.csv']) {
    for (const w of readFileSync(join(DATA, 'nusa-writes', f), 'utf8').split(/[^\p{L}]+/u)) if (w.length > 1) words.add(w.toLowerCase());
  }
  return [...words];
}

function generate(dbPath: string, n: number): { exact: number; near: number } {
  const vocab = vocabulary();
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const word = () => vocab[Math.floor(rand() * vocab.length)]!;
  const db = openCorpus(dbPath);
  const src = ensureSource(db, 'bench', 'generated', undefined);
  const ins = db.prepare('INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (?, ?, ?, ?, ?, ?)');
  // Recent originals to copy from (a ring, so memory stays small).
  const ring: string[] = [];
  let exact = 0;
  let near = 0;
  const batch = 20_000;
  for (let start = 0; start < n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const r = rand();
        let text: string;
        if (r < 0.1 && ring.length > 0) {
          const o = ring[Math.floor(rand() * ring.length)]!;
          text = rand() < 0.5 ? o.toUpperCase() : `  ${o.replace(/ /g, '  ')}\n`;
          exact++;
        } else if (r < 0.2 && ring.length > 0) {
          const w = ring[Math.floor(rand() * ring.length)]!.split(' ');
          const edits = 1 + Math.floor(rand() * 3);
          for (let e = 0; e < edits; e++) w[Math.floor(rand() * w.length)] = word();
          text = w.join(' ');
          near++;
        } else {
          const parts: string[] = [];
          let len = 0;
          while (len < 490) {
            const w = word();
            parts.push(w);
            len += w.length + 1;
          }
          text = parts.join(' ');
          if (ring.length < 5000) ring.push(text);
          else ring[Math.floor(rand() * ring.length)] = text;
        }
        ins.run(src, `g${i}`, text, String(i), text.length, text.split(' ').length);
      }
    })();
  }
  db.close();
  return { exact, near };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, Number(process.argv[4]));
  const n = Number(process.env.BENCH_DOCS ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const workers = Number(process.env.BENCH_WORKERS ?? 2);
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'kurasi-bench-dedupe-'));
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'bench.db');
  const self = fileURLToPath(import.meta.url);
  let planted = { exact: 0, near: 0 };
  if (!existsSync(dbPath)) {
    const t = performance.now();
    planted = generate(dbPath, n);
    console.log(`generated ${n} documents (${planted.exact} exact copies, ${planted.near} near copies) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const one = (w: number): RunOut => {
    const p = spawnSync(process.execPath, [self, '--child', dbPath, String(w)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) throw new Error(`bench child failed: ${p.stderr}`);
    return JSON.parse(p.stdout.trim().split('\n').pop()!) as RunOut;
  };
  if (runs < 1) return;
  const multi: RunOut[] = [];
  const single: RunOut[] = [];
  for (let r = 0; r < runs; r++) {
    // Interleaved so machine noise hits both alike.
    multi.push(one(workers));
    console.log(`run ${r + 1}: ${workers} workers ${(multi[r]!.ms / 1000).toFixed(1)} s, peak RSS ${multi[r]!.peakRssMb.toFixed(0)} MB, phases ${phaseLine(multi[r]!)}`);
    single.push(one(1));
    console.log(`run ${r + 1}: 1 worker  ${(single[r]!.ms / 1000).toFixed(1)} s, peak RSS ${single[r]!.peakRssMb.toFixed(0)} MB, phases ${phaseLine(single[r]!)}`);
  }
  const mMs = median(multi.map((x) => x.ms));
  const sMs = median(single.map((x) => x.ms));
  const last = multi[multi.length - 1]!;
  const lines = [
    '# Dedupe benchmark',
    '',
    `Generated by \`npm run bench:dedupe\` on ${new Date().toISOString()} (Node ${process.version}, shared 2-core machine — other engineers' jobs were running, so numbers are noisy).`,
    '',
    `${n.toLocaleString('en')} generated documents of ~500 bytes (words from NusaWrites train text), about 10 % exact copies (case/whitespace changed) and 10 % near copies (1–3 words replaced) of earlier documents.`,
    'Each run is a full run (`full: true`: every fingerprint recomputed) of the real dedupe code in its own child process: worker-pool fingerprinting from SQLite, fingerprints stored, LSH bucketing, candidate verification by true Jaccard, bounded-linkage clustering, keep rule and the final cluster transaction.',
    '',
    '| setting | median wall | docs/s | median CPU (all threads) | peak RSS (max of runs) | runs (wall) |',
    '|---|---|---|---|---|---|',
    `| ${workers} workers | ${(mMs / 1000).toFixed(1)} s | ${Math.round((n / mMs) * 1000).toLocaleString('en')} | ${median(multi.map((x) => x.cpuS)).toFixed(1)} s | ${Math.max(...multi.map((x) => x.peakRssMb)).toFixed(0)} MB | ${multi.map((x) => (x.ms / 1000).toFixed(1)).join(', ')} s |`,
    `| 1 worker | ${(sMs / 1000).toFixed(1)} s | ${Math.round((n / sMs) * 1000).toLocaleString('en')} | ${median(single.map((x) => x.cpuS)).toFixed(1)} s | ${Math.max(...single.map((x) => x.peakRssMb)).toFixed(0)} MB | ${single.map((x) => (x.ms / 1000).toFixed(1)).join(', ')} s |`,
    '',
    `| goal | ≤ 30 s | ≥ ${Math.round(n / 30).toLocaleString('en')} | — | ≤ 1,024 MB | |`,
    '',
    `Where the time goes (last run of each setting; a phase starts at the job's progress message; CPU = all threads, so on a loaded machine it is the better guide):`,
    '',
    `| phase | ${workers} workers wall | ${workers} workers CPU | 1 worker wall | 1 worker CPU |`,
    '|---|---|---|---|---|',
    ...phaseRows(multi[multi.length - 1]!, single[single.length - 1]!),
    '',
    `Speed-up ${workers} workers vs 1 worker (same run): **${(sMs / mMs).toFixed(2)}×**. Goal: ≤ 30 s wall on 2 cores, ≤ 1 GB peak RSS.`,
    `Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores.`,
    '',
    `Result: ${last.clusters.toLocaleString('en')} clusters (${last.exactClusters.toLocaleString('en')} exact, ${last.nearClusters.toLocaleString('en')} near), ${last.duplicates.toLocaleString('en')} documents marked duplicate, ${last.verifications.toLocaleString('en')} candidate verifications.`,
    '',
  ];
  console.log(lines.join('\n'));
  writeFileSync(process.env.BENCH_OUT ?? join(projectRoot(), 'docs', 'benchmarks', 'dedupe.md'), lines.join('\n'));
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

await main();

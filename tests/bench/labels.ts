// npm run bench:labels — annotation on a BENCH_DOCS-document corpus (default 1,000,000): queue.next with each
// filter (none, source, language, duplicate cluster, seeded random sample) after the annotator has labelled
// BENCH_LABELLED documents (default 20,000) at the front of the queue, and labels.set (write + audit + undo
// entry). Every call goes through the real API dispatch on a real SQLite file. Baseline measured in the same
// run: documents.get (a primary-key read through the same dispatch). Medians and p95 over BENCH_CALLS calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/engine/api/dispatch';
import { openEngine } from '../../electron/engine/engine';
import { openCorpus } from '../../electron/engine/store/open';
import { ensureSource } from '../../electron/engine/corpus/sources';
import type { Input } from '../../shared/contract';
import { labelStats } from '../../electron/engine/labels/stats';
import { appendAudit } from '../../electron/engine/store/audit';
import { undo } from '../../electron/engine/audit/undo';

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const LABELLED = Number(process.env.BENCH_LABELLED ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

const dir = mkdtempSync(join(tmpdir(), 'kurasi-bench-labels-'));
const path = join(dir, 'corpus.db');
try {
  const t0 = performance.now();
  const db = openCorpus(path);
  const sources = [ensureSource(db, 'berita', 'bench', undefined), ensureSource(db, 'forum', 'bench', undefined), ensureSource(db, 'wiki', 'bench', undefined)];
  const langs = ['ind', 'ind', 'ind', 'ind', 'jav', 'sun', 'min', 'eng'];
  const insert = db.prepare(
    'INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, lang, dup_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const text = `Dokumen ${i} tentang pasar, sekolah dan cuaca hari ini di kota ${i % 977}.`;
      insert.run(sources[i % 3], `b${i}`, text, (i.toString(16) + '0'.repeat(32)).slice(0, 32), text.length, 12, langs[i % langs.length], i % 50 === 0 ? i % 1000 : null);
    }
  });
  for (let i = 0; i < DOCS; i += 50_000) batch(i, Math.min(DOCS, i + 50_000));
  db.close();
  const buildMs = performance.now() - t0;

  const engine = openEngine({ dbPath: path, actor: 'bench' });
  await dispatch(engine, 'annotators.set', { name: 'ani' });
  // The annotator has already labelled the first LABELLED documents: the queue has to walk past them.
  engine.db.transaction(() => {
    const ins = engine.db.prepare(`INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, 'ani', 'decision', '"keep"', ?)`);
    const at = new Date().toISOString();
    for (let id = 1; id <= LABELLED; id++) ins.run(id, at);
  })();

  const time = async (name: string, input: () => unknown): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const arg = input();
      const s = performance.now();
      const r = await dispatch(engine, name, arg);
      out.push(performance.now() - s);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }
    return out;
  };
  const rnd = (n: number) => 1 + Math.floor(Math.random() * n);
  const rows: [string, number[]][] = [];
  rows.push(['baseline documents.get (PK read)', await time('documents.get', () => ({ id: rnd(DOCS) }))]);
  const q = (filter: Input<'queue.next'>['filter'], cursor: () => number) => () => ({ filter, cursor: cursor() });
  rows.push(['queue.next, no filter, from start (walks past labelled)', await time('queue.next', q({}, () => 0))]);
  rows.push(['queue.next, no filter, random cursor', await time('queue.next', q({}, () => rnd(DOCS)))]);
  rows.push(['queue.next, source', await time('queue.next', q({ sourceId: sources[1] }, () => rnd(DOCS)))]);
  rows.push(["queue.next, language 'eng' (1/8)", await time('queue.next', q({ lang: 'eng' }, () => rnd(DOCS)))]);
  rows.push(['queue.next, duplicate cluster (1 in 1,000 docs, its first 20 labelled)', await time('queue.next', q({ dupCluster: 500 }, () => 0))]);
  rows.push(['queue.next, random sample seed 7', await time('queue.next', q({ seed: 7 }, () => rnd(DOCS - 10)))]);
  rows.push(["queue.next, random sample seed 7 + language 'sun'", await time('queue.next', q({ seed: 7, lang: 'sun' }, () => rnd(DOCS - 10)))]);
  let n = 0;
  rows.push(['labels.set (write + audit + undo entry)', await time('labels.set', () => ({ documentId: LABELLED + 1 + n++, question: 'decision', value: 'drop' }))]);
  rows.push(['audit.undo', await time('audit.undo', () => ({}))]);
  rows.push(['labels.forDocument', await time('labels.forDocument', () => ({ documentId: rnd(LABELLED) }))]);
  // A busy curator's log: 2,000 duplicate decisions (their entries name documents in JSON, scanned per history).
  engine.db.transaction(() => {
    for (let i = 0; i < 2000; i++)
      appendAudit(engine.db, { actor: 'ani', action: 'dedupe.keep', entity: 'dedupe-cluster', entityId: i, before: [{ documentId: i * 7, clusterId: i }], after: { documentIds: [i * 7] } });
  })();
  rows.push(['audit.history (labelled document; 2,000 duplicate decisions in the log)', await time('audit.history', () => ({ documentId: rnd(LABELLED) }))]);
  rows.push(['documents.setLanguage (override + audit + undo entry)', await time('documents.setLanguage', () => ({ id: rnd(DOCS), lang: 'jav' }))]);
  // Overrides are the engine actor's; in the app that is the OS user, whose stack is the annotator's. Here the
  // actor is 'bench', so its own stack is undone directly (and every call must undo something).
  const undoTimes: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const s = performance.now();
    const r = undo(engine.db, 'bench');
    undoTimes.push(performance.now() - s);
    if (r.kind !== 'langid') throw new Error(`audit.undo of an override undid ${r.kind ?? 'nothing'}`);
  }
  rows.push(['audit.undo of a language override (engine function)', undoTimes]);
  // Team work at this size: a second annotator on the same documents (1 in 10 answers differ), then the
  // engine-thread calls that grow with the number of labels (not with the corpus).
  engine.db.transaction(() => {
    const ins = engine.db.prepare(`INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, 'budi', 'decision', ?, ?)`);
    const at = new Date().toISOString();
    for (let id = 1; id <= LABELLED; id++) ins.run(id, id % 10 === 0 ? '"drop"' : '"keep"', at);
  })();
  const packPath = join(dir, 'budi.kpack');
  /** Wall time of a job started through the API (worker start-up included), and the engine-thread part. */
  const viaJob = async (name: string, input: unknown, runs = 5): Promise<[number[], number[]]> => {
    const wall: number[] = [];
    const thread: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const r = await dispatch(engine, name, input);
      thread.push(performance.now() - s);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      const job = await engine.jobs.wait((r.value as { jobId: number }).jobId);
      wall.push(performance.now() - s);
      if (job.state !== 'done') throw new Error(`${name}: ${job.state} ${job.error ?? ''}`);
    }
    return [wall, thread];
  };
  const once = async (name: string, input: unknown, runs = 5): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const r = await dispatch(engine, name, input);
      out.push(performance.now() - s);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }
    return out;
  };
  const [exWall, exThread] = await viaJob('labels.export', { out: packPath, annotator: 'budi' });
  rows.push([`labels.export job, ${LABELLED.toLocaleString('en')} labels (wall)`, exWall]);
  rows.push(['labels.export (engine thread: start the job)', exThread]);
  const [imWall] = await viaJob('labels.import', { paths: [packPath] });
  rows.push(['labels.import job of that pack, all unchanged (wall)', imWall]);
  // The same pack into a corpus that does not have these labels yet (the curator's first merge).
  const imNew: number[] = [];
  for (let i = 0; i < 5; i++) {
    engine.db.prepare(`DELETE FROM labels WHERE annotator = 'budi'`).run();
    const [w] = await viaJob('labels.import', { paths: [packPath] }, 1);
    imNew.push(w[0] ?? 0);
  }
  rows.push([`labels.import job, ${LABELLED.toLocaleString('en')} new labels (wall)`, imNew]);
  const [agWall] = await viaJob('agreement.compute', {});
  rows.push([`agreement job, ${(2 * LABELLED).toLocaleString('en')} labels (wall)`, agWall]);
  rows.push(['labels.conflicts (first page + total, engine thread)', await once('labels.conflicts', {})]);
  const statsTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    labelStats(engine.db);
    statsTimes.push(performance.now() - s);
  }
  rows.push(['labels section of corpus.stats (engine thread)', statsTimes]);
  await engine.close();

  const base = stats(rows[0]?.[1] ?? [1]).median;
  console.log(`corpus: ${DOCS.toLocaleString('en')} documents (built in ${(buildMs / 1000).toFixed(1)} s), ${LABELLED.toLocaleString('en')} labelled by the annotator, ${CALLS} calls each\n`);
  console.log('| call | median ms | p95 ms | max ms | median / baseline |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, xs] of rows) {
    const s = stats(xs);
    console.log(`| ${name} | ${s.median.toFixed(3)} | ${s.p95.toFixed(3)} | ${s.max.toFixed(3)} | ${(s.median / base).toFixed(1)}× |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Label pack import in-process (no worker start-up), `npm run bench:labels-pack`. A corpus of BENCH_DOCS
// documents, BENCH_LABELS labels by two annotators; one annotator's pack is exported, then imported into copies
// of a corpus without them ("new") and again ("unchanged"). Baseline in the same run: reading and checking the
// pack alone (gunzip + JSON + schema + checksum), the floor of any import.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../../electron/engine/store/open';
import { ensureSource } from '../../electron/engine/corpus/sources';
import { exportPack } from '../../electron/engine/labels/pack-export';
import { importPacks, readPack } from '../../electron/engine/labels/pack-import';
import { getMeta } from '../../electron/engine/store/open';

const DOCS = Number(process.env.BENCH_DOCS ?? 200_000);
const LABELS = Number(process.env.BENCH_LABELS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const dir = mkdtempSync(join(tmpdir(), 'kurasi-bench-pack-'));
try {
  const path = join(dir, 'corpus.db');
  const db = openCorpus(path);
  const sources = [ensureSource(db, 'berita', 'bench', undefined), ensureSource(db, 'forum', 'bench', undefined)];
  const insert = db.prepare('INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < DOCS; i++) {
      const text = `Dokumen ${i} tentang pasar, sekolah dan cuaca hari ini di kota ${i % 977}.`;
      insert.run(sources[i % 2], `b${i}`, text, (i.toString(16) + '0'.repeat(32)).slice(0, 32), text.length, 12);
    }
  })();
  db.transaction(() => {
    const at = new Date().toISOString();
    const ins = db.prepare(`INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, ?, 'decision', ?, ?)`);
    for (let id = 1; id <= LABELS; id++) {
      ins.run(id, 'budi', id % 10 === 0 ? '"drop"' : '"keep"', at);
      ins.run(id, 'ani', '"keep"', at);
    }
  })();
  const pack = join(dir, 'budi.kpack');
  exportPack(db, 'budi', pack, 'bench');
  const corpusId = getMeta(db, 'corpus_id') ?? '';
  db.prepare(`DELETE FROM labels WHERE annotator = 'budi'`).run();
  db.close();

  const read: number[] = [];
  const fresh: number[] = [];
  const same: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let s = performance.now();
    if (!('pack' in readPack(pack, corpusId))) throw new Error('pack refused');
    read.push(performance.now() - s);
    const copy = join(dir, `run${i}.db`);
    copyFileSync(path, copy);
    const c = openCorpus(copy);
    s = performance.now();
    const a = importPacks(c, [pack], 'bench', false);
    fresh.push(performance.now() - s);
    s = performance.now();
    const b = importPacks(c, [pack], 'bench', false);
    same.push(performance.now() - s);
    if (a.packs[0]?.imported !== LABELS || b.packs[0]?.unchanged !== LABELS) throw new Error('unexpected import result');
    c.close();
    rmSync(copy);
  }
  const base = median(read);
  console.log(`${DOCS.toLocaleString('en')} documents, pack of ${LABELS.toLocaleString('en')} labels, ${RUNS} runs, medians\n`);
  console.log('| step | median ms | per label µs | median / baseline |');
  console.log('|---|---:|---:|---:|');
  for (const [name, xs] of [
    ['baseline: read + check the pack (gunzip, JSON, schema, checksum)', read],
    ['import, all labels new (one transaction)', fresh],
    ['import again, all unchanged', same],
  ] as const) {
    const m = median(xs);
    console.log(`| ${name} | ${m.toFixed(0)} | ${((m * 1000) / LABELS).toFixed(1)} | ${(m / base).toFixed(1)}× |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

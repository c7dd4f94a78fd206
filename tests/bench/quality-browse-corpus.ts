import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { applyRules, DEFAULT_RULES } from '../../electron/engine/quality/rules';
import { computeSignals, SIGNAL_NAMES } from '../../electron/engine/quality/signals';
import { writeSignals, type PackedSignals } from '../../electron/engine/quality/store';
import { refreshPlannerStatistics } from '../../electron/engine/store/statistics';
import { getMeta, openCorpus, setMeta } from '../../electron/engine/store/open';
import { ensureBenchCorpus } from './ui-corpus';

/**
 * The browser bench corpus (tests/bench/ui-corpus.ts) copied once, with real quality signals computed for
 * every document (the same functions the quality job runs, here in one thread) and written through the
 * job's own store code, so reasons and the browser indexes are exactly what a real run leaves behind.
 */
export function ensureQualityBenchCorpus(uiPath: string, path: string, n: number, log: (s: string) => void): void {
  if (existsSync(path)) {
    const db = openCorpus(path);
    const done = getMeta(db, 'bench_quality_docs') === String(n);
    db.close();
    if (done) return;
  }
  ensureBenchCorpus(uiPath, n, log);
  const tmp = `${path}.building`;
  for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true });
  log('  copying the browser bench corpus…');
  copyFileSync(uiPath, tmp);
  const db = openCorpus(tmp);
  db.pragma('synchronous = OFF');
  const read = db.prepare('SELECT id, text FROM documents WHERE id > ? ORDER BY id LIMIT ?');
  let last = 0;
  let done = 0;
  for (;;) {
    const rows = read.all(last, 20_000) as { id: number; text: string }[];
    if (rows.length === 0) break;
    const packed: PackedSignals = { ids: [], values: [], reasons: [], pass: [] };
    for (const r of rows) {
      const v = applyRules(computeSignals(r.text), DEFAULT_RULES);
      packed.ids.push(r.id);
      for (const k of SIGNAL_NAMES) packed.values.push(v.signals[k]);
      packed.reasons.push(JSON.stringify(v.reasons));
      packed.pass.push(v.pass ? 1 : 0);
    }
    db.transaction(() => writeSignals(db, packed))();
    last = rows[rows.length - 1]?.id ?? last;
    done += rows.length;
    if (done % 100_000 === 0) log(`  signals ${done.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  refreshPlannerStatistics(db);
  setMeta(db, 'bench_quality_docs', String(n));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, path);
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
}

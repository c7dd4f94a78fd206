import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { refreshPlannerStatistics } from '../../electron/engine/store/statistics';
import { resourcePath } from '../../electron/engine/paths';
import { syncFullTextIndex } from '../../electron/engine/store/fts';
import { getMeta, openCorpus, setMeta } from '../../electron/engine/store/open';

/** A deterministic pseudo-random generator, so every run benchmarks the same corpus. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds (once, then reuses) a corpus of `n` documents made by recombining sentences of the bundled sample
 * corpus (real Indonesian and regional-language text), inserted straight with SQL, then full-text indexed.
 */
export function ensureBenchCorpus(path: string, n: number, log: (s: string) => void): void {
  if (existsSync(path)) {
    const db = openCorpus(path);
    const done = getMeta(db, 'bench_ui_docs') === String(n);
    db.close();
    if (done) return;
  }
  const tmp = `${path}.building`;
  for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true });
  const sentences = readFileSync(resourcePath('sample', 'sample.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const rand = mulberry32(42);
  const db = openCorpus(tmp);
  db.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const sourceNames = ['berita-daerah', 'media-sosial', 'wikipedia-id', 'forum-diskusi', 'transkrip-radio'];
  sourceNames.forEach((s, i) =>
    db.prepare(`INSERT INTO sources(name, origin, declared_license, created_at, review_state) VALUES (?, 'bench', ?, ?, ?)`).run(s, i % 2 ? 'CC-BY-4.0' : 'CC-BY-SA-4.0', now, i === 0 ? 'cleared' : 'unreviewed'),
  );
  const langs = ['ind', 'jav', 'sun', 'min', 'bug', 'ban', 'ace', null];
  const dups = ['unique', 'unique', 'unique', 'exact', 'near', null];
  const insert = db.prepare(
    `INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, lang, lang_confidence, dup_status, label_count, pii_count, quality_pass)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const batch = 50_000;
  for (let start = 0; start < n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const k = 1 + Math.floor(rand() * 3);
        const parts: string[] = [];
        for (let j = 0; j < k; j++) parts.push(sentences[Math.floor(rand() * sentences.length)] ?? '');
        const text = `${parts.join(' ')} (${i})`;
        const lang = langs[Math.floor(rand() * langs.length)] ?? null;
        insert.run(
          1 + (i % sourceNames.length),
          `doc-${i}`,
          text,
          `h${i.toString(16).padStart(31, '0')}`,
          text.length,
          text.split(/\s+/).length,
          lang,
          lang ? 0.5 + rand() / 2 : null,
          dups[Math.floor(rand() * dups.length)] ?? null,
          rand() < 0.05 ? 1 + Math.floor(rand() * 3) : 0,
          rand() < 0.1 ? Math.floor(rand() * 4) : 0,
          rand() < 0.8 ? 1 : 0,
        );
      }
    })();
    log(`  generated ${Math.min(n, start + batch).toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  db.exec(`UPDATE sources SET document_count = (SELECT count(*) FROM documents WHERE source_id = sources.id)`);
  log('  building the full-text index…');
  syncFullTextIndex(db);
  log('  planner statistics…');
  refreshPlannerStatistics(db);
  setMeta(db, 'bench_ui_docs', String(n));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, path);
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
}

// Seeds a large corpus straight through SQL (one INSERT … SELECT), for the SIGKILL test and the benchmark.
// Texts are real sentences from the shared data, three per document, plus the document number.
import { readFileSync } from 'node:fs';
import { openCorpus } from '../../../electron/engine/store/open';

export function realSentences(dataDir = '/work/shared/data'): string[] {
  const out: string[] = [];
  for (const lang of ['ind', 'jav']) {
    for (const l of readFileSync(`${dataDir}/talpco/${lang}.txt`, 'utf8').split('\n')) if (l.includes('\t')) out.push(l.slice(l.indexOf('\t') + 1).trim());
  }
  return out;
}

/** `perDoc` sentences per document: 3 give ~125 characters, 12 give ~500. */
export function bulkSeed(path: string, n: number, perDoc = 3, sentences = realSentences()): void {
  const joins = Array.from({ length: perDoc }, (_, j) => `JOIN s s${j} ON s${j}.i = (x * ${2 * j + 1} + ${j * j}) % @k`).join(' ');
  const concat = Array.from({ length: perDoc }, (_, j) => `s${j}.t`).join(" || ' ' || ");
  const db = openCorpus(path);
  try {
    db.transaction(() => {
      const now = '2026-01-01T00:00:00.000Z';
      db.prepare(`INSERT INTO sources(name, origin, concluded_license, review_state, created_at) VALUES
        ('talpco', 'https://github.com/matbahasa/TALPCo', 'CC-BY-4.0', 'cleared', ?),
        ('nusax', 'https://github.com/IndoNLP/nusax', 'CC-BY-SA-4.0', 'cleared', ?)`).run(now, now);
      db.exec('CREATE TEMP TABLE s(i INTEGER PRIMARY KEY, t TEXT NOT NULL)');
      const ins = db.prepare('INSERT INTO s(i, t) VALUES (?, ?)');
      sentences.forEach((t, i) => ins.run(i, t));
      db.prepare(
        `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < @n)
         INSERT INTO documents(id, source_id, external_id, text, text_hash, char_count, word_count, lang)
         SELECT x, 1 + (x % 5 = 0), 'doc-' || x, t, printf('%032x', x), length(t), 3 + (length(t) / 6), CASE WHEN x % 7 = 0 THEN 'jav' ELSE 'ind' END
         FROM (SELECT x, ${concat} || ' (' || x || ')' AS t FROM c ${joins})`,
      ).run({ n, k: sentences.length });
      db.exec(`UPDATE sources SET document_count = (SELECT count(*) FROM documents WHERE source_id = sources.id)`);
      db.exec('DROP TABLE s');
    })();
  } finally {
    db.close();
  }
}

import { describe, expect, it } from 'vitest';
import { docStats } from '../../../electron/engine/import/doc-stats';
import type { PreparedDocs } from '../../../electron/engine/import/prepare-protocol';
import { DocumentWriter } from '../../../electron/engine/import/writer';
import { openCorpus, type Db } from '../../../electron/engine/store/open';
import { tempDbPath } from '../../helpers/temp';

/** A prepared batch as the prepare worker sends it; every third document's hash is left to the writer. */
function batch(docs: { line: number; id: string | null; text: string }[]): PreparedDocs {
  const b: PreparedDocs = { line: new Float64Array(docs.length), text: [], id: [], metadata: [], hash: [], chars: new Float64Array(docs.length), words: new Float64Array(docs.length) };
  docs.forEach((d, i) => {
    b.line[i] = d.line;
    b.text.push(d.text);
    b.id.push(d.id);
    b.metadata.push(i % 2 ? JSON.stringify({ i }) : null);
    if (i % 3 === 2) b.hash.push(null);
    else {
      const st = docStats(d.text);
      b.hash.push(st.hash);
      b.chars[i] = st.chars;
      b.words[i] = st.words;
    }
  });
  return b;
}

function setup(): { db: Db; writer: DocumentWriter } {
  const db = openCorpus(tempDbPath());
  const sourceId = Number(db.prepare(`INSERT INTO sources(name, created_at) VALUES ('s', 'now')`).run().lastInsertRowid);
  const jobId = Number(db.prepare(`INSERT INTO jobs(kind, state, params, created_at) VALUES ('import', 'running', '{}', 'now')`).run().lastInsertRowid);
  return { db, writer: new DocumentWriter(db, sourceId, jobId) };
}

const doc = (n: number, text = `Dokumen ${n} tentang kota ${n % 7}.`) => ({ line: n, id: `d${n}`, text });

describe('the writer takes several prepared batches per transaction', () => {
  it('writes rows in order across batch boundaries, 32 per statement, and falls back row by row at a conflict', () => {
    const { db, writer } = setup();
    // Batch sizes that put 32-row statements across boundaries; one batch carries no documents (only rejects, say).
    const sizes = [5, 40, 1, 0, 30, 17, 64, 3];
    let n = 0;
    const first: number[] = [];
    for (const size of sizes) {
      const docs = Array.from({ length: size }, () => doc(++n));
      first.push(...docs.map((d) => d.line));
      writer.addDocs('a.jsonl', batch(docs));
    }
    expect(writer.pending).toBe(n);
    writer.flush(() => {});
    expect(writer.totals).toEqual({ imported: n, skipped: 0, rejected: 0 });
    const rows = db.prepare('SELECT external_id, text, text_hash, char_count, word_count, metadata FROM documents ORDER BY id').all() as {
      external_id: string; text: string; text_hash: string; char_count: number; word_count: number; metadata: string | null;
    }[];
    expect(rows.map((r) => r.external_id)).toEqual(first.map((k) => `d${k}`));
    for (const r of rows) {
      const st = docStats(r.text);
      expect([r.external_id, r.text_hash, r.char_count, r.word_count]).toEqual([r.external_id, st.hash, st.chars, st.words]);
    }
    expect(rows.filter((r) => r.metadata !== null).length).toBeGreaterThan(50);

    // Second transaction: new rows, a row already present (same text: skipped) right after a batch boundary, an id
    // reused with another text (a reject naming its file and line), and a document without an id (named file:line).
    const before = n;
    writer.addDocs('b.jsonl', batch([doc(++n), doc(++n), doc(++n)]));
    writer.addDocs('b.jsonl', batch([doc(7), ...Array.from({ length: 40 }, () => doc(++n)), { line: 900, id: 'd9', text: 'Teks lain.' }]));
    writer.addDocs('b.jsonl', batch([{ line: 901, id: null, text: 'Tanpa id.' }]));
    writer.flush(() => {});
    expect(writer.totals).toEqual({ imported: n + 1, skipped: 1, rejected: 1 });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(n + 1);
    expect(db.prepare(`SELECT count(*) FROM documents WHERE external_id LIKE 'd%' AND CAST(substr(external_id, 2) AS INTEGER) > ?`).pluck().get(before)).toBe(n - before);
    expect(db.prepare(`SELECT external_id FROM documents ORDER BY id DESC LIMIT 1`).pluck().get()).toBe('b.jsonl:901');
    expect(db.prepare('SELECT file, line, reason FROM rejects').all()).toEqual([{ file: 'b.jsonl', line: 900, reason: "duplicate id 'd9' (already used in this source by a different text)" }]);
    expect(db.prepare('SELECT document_count, char_count = (SELECT sum(char_count) FROM documents) AS c FROM sources').get()).toEqual({ document_count: n + 1, c: 1 });
    db.close();
  });
});

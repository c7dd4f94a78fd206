import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread } from './helpers';

// The writer inserts full chunks of 32 rows per statement and falls back to row-by-row INSERT OR IGNORE when a chunk
// hits an existing (source, id): these files are large enough for chunks, with the conflicts in their middle.
function writeJsonl(path: string, ids: number[], suffix = ''): void {
  writeFileSync(path, ids.map((i) => JSON.stringify({ id: `d${i}`, text: `Dokumen nomor ${i} tentang kota ${i % 97}${suffix}.` })).join('\n') + '\n');
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

describe('multi-row inserts', () => {
  it('imports chunked rows with the same counts and rows as row by row, and tells skipped and duplicate ids apart', async () => {
    const dir = tempDir();
    const path = tempDbPath();
    const a = join(dir, 'a.jsonl');
    writeJsonl(a, range(1, 1000));
    const first = await importInThread(path, { paths: [a], source: 's', idField: 'id' });
    expect(first.result).toMatchObject({ imported: 1000, skipped: 0, rejected: 0 });
    // Overlaps the first file (same texts: skipped), brings new rows, and repeats an id with another text inside a chunk.
    const b = join(dir, 'b.jsonl');
    const lines = [...range(990, 1100).map((i) => JSON.stringify({ id: `d${i}`, text: `Dokumen nomor ${i} tentang kota ${i % 97}.` }))];
    lines.splice(70, 0, JSON.stringify({ id: 'd1050', text: 'Teks lain dengan id yang sama.' }));
    writeFileSync(b, lines.join('\n') + '\n');
    const second = await importInThread(path, { paths: [b], source: 's', idField: 'id' });
    expect(second.result).toMatchObject({ imported: 100, skipped: 11, rejected: 1 });
    expect(second.result.rejects[0]?.reason).toMatch(/^duplicate id 'd1050'/);
    // Two chunks go in whole, the third meets an id already present (d1, same text) and is redone row by row.
    const c = join(dir, 'c.jsonl');
    writeJsonl(c, [...range(2001, 2080), 1, ...range(2081, 2100)]);
    const third = await importInThread(path, { paths: [c], source: 's', idField: 'id' });
    expect(third.result).toMatchObject({ imported: 100, skipped: 1, rejected: 0 });
    const db = openCorpus(path);
    const rows = docs(db);
    expect(rows.length).toBe(1200);
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(1200);
    expect(rows.find((r) => r.external_id === 'd1050')?.text).toBe('Dokumen nomor 1050 tentang kota 80.');
    const sums = db.prepare('SELECT sum(char_count) AS c, sum(word_count) AS w, count(*) AS n FROM documents').get();
    expect(db.prepare('SELECT char_count AS c, word_count AS w, document_count AS n FROM sources').get()).toEqual(sums);
    expect(db.prepare('SELECT count(*) FROM documents WHERE text_hash IS NULL OR length(text_hash) != 32').pluck().get()).toBe(0);
    db.close();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread, NOT_GZIP } from './helpers';

/** A folder with a real .gz, a plain file and a "*.gz" that is plain text (a mislabelled download). */
function folder(): string {
  const dir = join(tempDir(), 'unduhan');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.jsonl'), '{"text":"Kemarin saya pergi ke pasar."}\n');
  writeFileSync(join(dir, 'b.jsonl.gz'), '{"text":"Ini teks biasa, bukan gzip."}\n{"text":"Baris kedua juga teks biasa."}\n');
  writeFileSync(join(dir, 'c.jsonl.gz'), gzipSync('{"text":"Ini benar-benar gzip."}\n'));
  return dir;
}

describe('a file named .gz that is not gzip data', () => {
  it('is rejected as a whole, by its name, and the other files of the import go in', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [folder()], source: 'unduhan' });
    expect(run.error).toBeNull();
    expect(run.state).toBe('done');
    expect(run.result).toMatchObject({ files: 3, imported: 2, rejected: 1, rejects: [{ file: 'b.jsonl.gz', line: null, reason: NOT_GZIP }] });
    const db = openCorpus(path);
    // Not read as plain text: neither of its lines became a document.
    expect(docs(db).map((d) => d.text)).toEqual(['Kemarin saya pergi ke pasar.', 'Ini benar-benar gzip.']);
    expect(db.prepare('SELECT file, line, reason, excerpt FROM rejects').all()).toEqual([
      { file: 'b.jsonl.gz', line: null, reason: NOT_GZIP, excerpt: '{"text":"Ini teks biasa, bukan gzip."} {"text":"Baris kedua juga teks biasa."}' },
    ]);
    expect(db.prepare('SELECT document_count, reject_count FROM sources').get()).toEqual({ document_count: 2, reject_count: 1 });
    db.close();
  });

  it('kurasi import names the file and the reason, and exits 0 with the rest imported', async () => {
    const r = await runKurasi(['import', folder(), '--db', tempDbPath(), '--source', 'unduhan']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`imported 2 documents into 'unduhan' (0 already present, 1 rejected)\n  rejected b.jsonl.gz: ${NOT_GZIP}\n`);
  }, 60_000);

  it('an empty file named .gz is not gzip data either', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kosong.txt.gz'), '');
    writeFileSync(join(dir, 'isi.txt'), 'Satu dokumen.\n');
    const run = await importInThread(tempDbPath(), { paths: [join(dir, 'kosong.txt.gz'), join(dir, 'isi.txt')] });
    expect(run.result).toMatchObject({ imported: 1, rejects: [{ file: 'kosong.txt.gz', line: null, reason: NOT_GZIP }] });
  });
});

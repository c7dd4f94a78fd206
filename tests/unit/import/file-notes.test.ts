import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread } from './helpers';

beforeAll(() => {
  execSync('npm run build:node --silent');
});

/** A folder with one good file, files with nothing in them, and files the folder walk does not read. */
function folder(): string {
  const dir = join(tempDir(), 'kiriman');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.jsonl'), '{"text":"Kemarin saya pergi ke pasar."}\n');
  writeFileSync(join(dir, 'kosong.csv'), '');
  writeFileSync(join(dir, 'kosong.jsonl'), '');
  writeFileSync(join(dir, 'kosong.txt'), '');
  writeFileSync(join(dir, 'spasi.txt'), '\n  \n\n');
  writeFileSync(join(dir, 'sub', 'judul.csv'), 'text,sumber\n');
  writeFileSync(join(dir, 'sub', 'nol.jsonl.gz'), gzipSync(''));
  // Rejects only: not empty, its reject says what is in it.
  writeFileSync(join(dir, 'rusak.jsonl'), '{"text":"Baik."}\n{"text": 5}\n');
  writeFileSync(join(dir, 'z.bin'), 'Teks dalam berkas .bin.\n');
  writeFileSync(join(dir, 'sub', 'catatan.md'), '# Catatan\n');
  writeFileSync(join(dir, '.tersembunyi'), 'tidak dihitung\n');
  return dir;
}

// spasi.txt is not among them: a whole-file .txt of blank lines is one document, rejected as 'empty text'.
const EMPTY = ['kosong.csv', 'kosong.jsonl', 'kosong.txt', 'sub/judul.csv', 'sub/nol.jsonl.gz'];

describe('files the import says something about as a whole', () => {
  it('names the files that held nothing to import and the files in the folders it did not read', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [folder()], source: 'kiriman' });
    expect(run.state).toBe('done');
    expect(run.result).toMatchObject({
      files: 8,
      imported: 2,
      rejected: 2,
      emptyFiles: { count: EMPTY.length, names: EMPTY },
      ignoredFiles: { count: 2, names: ['sub/catatan.md', 'z.bin'] },
    });
    const db = openCorpus(path);
    // Which files are read does not change: the .bin stays out of a folder import.
    expect(docs(db).map((d) => d.external_id)).toEqual(['a.jsonl:1', 'rusak.jsonl:1']);
    db.close();
    // Imported again: the empty files are still named (as already read), nothing else changes.
    const again = await importInThread(path, { paths: [folder()], source: 'kiriman' });
    expect(again.result).toMatchObject({ imported: 0, skipped: 2, emptyFiles: { count: EMPTY.length, names: EMPTY }, ignoredFiles: { count: 2 } });
  });

  it('a file named on its own is read whatever its extension, and nothing is said about it', async () => {
    const dir = folder();
    const run = await importInThread(tempDbPath(), { paths: [join(dir, 'z.bin'), join(dir, 'a.jsonl')] });
    expect(run.result).toMatchObject({ imported: 2, emptyFiles: { count: 0, names: [] }, ignoredFiles: { count: 0, names: [] } });
  });

  it('caps the names at 20 and keeps the count', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'isi.txt'), 'Satu dokumen.\n');
    for (let i = 10; i < 45; i++) {
      writeFileSync(join(dir, `foto-${i}.jpg`), 'x');
      writeFileSync(join(dir, `kosong-${i}.txt`), '');
    }
    const run = await importInThread(tempDbPath(), { paths: [dir] });
    expect(run.result.ignoredFiles).toEqual({ count: 35, names: Array.from({ length: 20 }, (_, i) => `foto-${i + 10}.jpg`) });
    expect(run.result.emptyFiles).toEqual({ count: 35, names: Array.from({ length: 20 }, (_, i) => `kosong-${i + 10}.txt`) });
  });

  it('a folder with no file it reads says which files it left out', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.bin'), 'x');
    writeFileSync(join(dir, 'b.docx'), 'x');
    const run = await importInThread(tempDbPath(), { paths: [dir] });
    expect(run.state).toBe('failed');
    expect(run.error).toBe(`${dir}: no files to import (.csv, .tsv, .jsonl, .txt, optionally .gz); not read: a.bin, b.docx`);
  });

  it('kurasi import prints them as notes, and --json carries them', async () => {
    const dir = folder();
    const r = await runKurasi(['import', dir, '--db', tempDbPath(), '--source', 'kiriman']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  note:'))).toEqual([
      `  note: nothing to import in 5 files (empty, or only blank lines or a header row): ${EMPTY.join(', ')}`,
      '  note: 2 files in the folders not read (unknown extension; a file named on its own is read anyway): sub/catatan.md, z.bin',
    ]);
    const j = await runKurasi(['import', dir, '--db', tempDbPath(), '--source', 'kiriman', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ emptyFiles: { count: 5, names: EMPTY }, ignoredFiles: { count: 2, names: ['sub/catatan.md', 'z.bin'] } });
    // One empty file named on its own: "imported 0" is not the whole story.
    const one = await runKurasi(['import', join(dir, 'kosong.txt'), '--db', tempDbPath()]);
    expect(one.stdout).toBe(
      "imported 0 documents into 'kosong' (0 already present, 0 rejected)\n  note: nothing to import in 1 file (empty, or only blank lines or a header row): kosong.txt\n",
    );
  }, 60_000);
});

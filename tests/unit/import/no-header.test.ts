import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOptions } from '../../../shared/contract/import';
import { openCorpus } from '../../../electron/engine/store/open';
import { runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread } from './helpers';

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

// No header row: the first line is a record like the others.
const TSV = 'b-1\tKemarin saya pergi ke pasar.\tberita\nb-2\tHari ini hujan deras sekali.\topini\nb-3\tbaris rusak\n';

describe('CSV/TSV without a header row', () => {
  it('imports every row, columns by 1-based number, the other columns as metadata column_<n>', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [file('berita.tsv', TSV)], header: false, textColumn: 2, idColumn: 1 });
    expect(run.error).toBeNull();
    expect(run.result).toMatchObject({
      imported: 2,
      rejected: 1,
      rejects: [{ file: 'berita.tsv', line: 3, reason: 'malformed row: 2 fields, the first row has 3' }],
    });
    const db = openCorpus(path);
    expect(docs(db).map((d) => [d.external_id, d.text, d.metadata])).toEqual([
      ['b-1', 'Kemarin saya pergi ke pasar.', '{"column_3":"berita"}'],
      ['b-2', 'Hari ini hujan deras sekali.', '{"column_3":"opini"}'],
    ]);
    db.close();
  });

  it('a single-column CSV needs no column number; ids are <file>:<line> from line 1', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [file('kalimat.csv', 'Satu kalimat.\n"Dua, dengan koma."\n')], header: false });
    expect(run.result).toMatchObject({ imported: 2, rejected: 0 });
    const db = openCorpus(path);
    expect(docs(db).map((d) => [d.external_id, d.text, d.metadata])).toEqual([
      ['kalimat.csv:1', 'Satu kalimat.', null],
      ['kalimat.csv:2', 'Dua, dengan koma.', null],
    ]);
    db.close();
  });

  it('fails before writing anything when the text column is missing or beyond the last column', async () => {
    const tsv = file('berita.tsv', TSV);
    const none = await importInThread(tempDbPath(), { paths: [tsv], header: false });
    expect([none.state, none.error]).toEqual(['failed', 'berita.tsv: no header row: choose the text column by number with --text-column (the first row has 3 columns)']);
    const beyond = await importInThread(tempDbPath(), { paths: [tsv], header: false, textColumn: 4 });
    expect(beyond.error).toBe('berita.tsv: no text column 4 (the first row has 3 columns)');
  });

  it('the contract refuses column numbers for files with a header row, and ones below 1', () => {
    const issues = (input: unknown) => {
      const r = importOptions.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues({ paths: ['a.csv'], header: false, textColumn: 2, idColumn: 1 })).toEqual([]);
    expect(issues({ paths: ['a.csv'], textColumn: 2 })).toEqual([['textColumn', 'a column number is only for CSV/TSV files without a header row (header: false)']]);
    expect(issues({ paths: ['a.csv'], header: false, textColumn: 0 })).toHaveLength(1);
    expect(issues({ paths: ['a.csv'], header: false, textColumn: 2, idColumn: 2 })).toEqual([['idColumn', 'the id column cannot be the text column']]);
    expect(importOptions.parse({ paths: ['a.csv'] }).header).toBe(true);
  });

  it('kurasi import --no-header --text-column N --id-column N; a column number without --no-header is bad usage', async () => {
    const tsv = file('berita.tsv', TSV);
    const db = tempDbPath();
    const r = await runKurasi(['import', tsv, '--db', db, '--no-header', '--text-column', '2', '--id-column', '1', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, rejected: 1 });
    const c = openCorpus(db);
    expect(docs(c).map((d) => d.external_id)).toEqual(['b-1', 'b-2']);
    c.close();

    const bad = await runKurasi(['import', tsv, '--db', tempDbPath(), '--text-column', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kurasi import: --text-column numbers the columns of CSV\/TSV files without a header row: add --no-header/);
    const zero = await runKurasi(['import', tsv, '--db', tempDbPath(), '--no-header', '--text-column', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--text-column must be an integer from 1 to/);
  }, 60_000);

  it('reads a file again when it is imported once more without a header (not skipped as already done)', async () => {
    const path = tempDbPath();
    const csv = file('data.csv', 'text\nSatu kalimat.\n');
    expect((await importInThread(path, { paths: [csv], source: 's' })).result).toMatchObject({ imported: 1 });
    // Without a header the first line is a document too; a re-import read the old way would skip the whole file.
    expect((await importInThread(path, { paths: [csv], source: 's', header: false })).result).toMatchObject({ imported: 1, skipped: 1 });
    const db = openCorpus(path);
    expect(docs(db).map((d) => [d.external_id, d.text])).toEqual([
      ['data.csv:2', 'Satu kalimat.'],
      ['data.csv:1', 'text'],
    ]);
    db.close();
  });
});

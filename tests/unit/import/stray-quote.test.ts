import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread } from './helpers';

/**
 * A quote that opens a field and never closes is one broken row. The rows after it are the file's own rows and
 * must be imported (or rejected one by one), never folded silently into that one reject: a curator checks
 * imported + rejected against the number of rows in the file.
 */
async function importText(name: string, content: string | Buffer, extra: Record<string, unknown> = {}) {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  const path = tempDbPath();
  const run = await importInThread(path, { paths: [file], ...extra });
  const db = openCorpus(path);
  const rows = docs(db);
  const rejectRows = db.prepare('SELECT line, reason, excerpt FROM rejects ORDER BY line').all() as {
    line: number;
    reason: string;
    excerpt: string;
  }[];
  db.close();
  return { run, rows, rejectRows };
}

describe('an unterminated quote rejects its own row and no other', () => {
  it('at the end of a CSV with a BOM and CRLF line ends: the rows after it are imported', async () => {
    const csv =
      '\uFEFFid,text,note\r\n' +
      '1,"Kalimat pertama, dengan koma.",a\r\n' +
      '2,"Dia berkata ""halo"" kepada saya.",b\r\n' +
      '3,"Baris\r\nganda di dalam kutipan",c\r\n' +
      '4,"kutipan tidak ditutup,d\r\n' +
      '5,Kalimat kelima yang normal,e\r\n' +
      '6,Kalimat keenam yang normal,f\r\n';
    const { run, rows, rejectRows } = await importText('awkward.csv', csv);
    expect(run.state).toBe('done');
    expect(rows.map((r) => [r.external_id, r.text])).toEqual([
      ['awkward.csv:2', 'Kalimat pertama, dengan koma.'],
      ['awkward.csv:3', 'Dia berkata "halo" kepada saya.'],
      ['awkward.csv:4', 'Baris\nganda di dalam kutipan'],
      ['awkward.csv:7', 'Kalimat kelima yang normal'],
      ['awkward.csv:8', 'Kalimat keenam yang normal'],
    ]);
    expect(rejectRows).toEqual([
      { line: 6, reason: 'unterminated quoted field', excerpt: '4,"kutipan tidak ditutup,d' },
    ]);
    expect({ imported: run.result.imported, rejected: run.result.rejected }).toEqual({
      imported: 5,
      rejected: 1,
    });
  });

  it('in a TSV, a row after the broken one that is itself malformed is rejected on its own line', async () => {
    const tsv = 'id\ttext\n1\tSatu\n2\t"terbuka\n3\tTiga\n4\tempat\tlebih\n5\tLima\n';
    const { rows, rejectRows } = await importText('a.tsv', tsv);
    expect(rows.map((r) => r.text)).toEqual(['Satu', 'Tiga', 'Lima']);
    expect(rejectRows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'unterminated quoted field'],
      [5, 'malformed row: 3 fields, the header has 2'],
    ]);
  });

  it('over the record limit: the rows it swallowed are read again as rows, across line blocks', async () => {
    // Far more than the quote's byte cap (2 × maxRecordBytes + 64 KiB) and than one block of lines.
    const n = 30_000;
    const lines = ['id,text', '0,"stray quote that never closes'];
    for (let i = 1; i <= n; i++) lines.push(`${i},Dokumen nomor ${i}`);
    const { run, rows, rejectRows } = await importText('big.csv', lines.join('\n') + '\n', {
      maxRecordBytes: 200,
    });
    expect(run.state).toBe('done');
    expect(rejectRows.map((r) => [r.line, r.reason])).toEqual([
      [2, 'record is over the limit of 200 bytes (unterminated quote?)'],
    ]);
    expect(rows.length).toBe(n);
    expect(rows[0]).toMatchObject({ external_id: 'big.csv:3', text: 'Dokumen nomor 1' });
    expect(rows[n - 1]).toMatchObject({ external_id: `big.csv:${n + 2}`, text: `Dokumen nomor ${n}` });
  });

  it('a file without a header row: the first record may be the broken one', async () => {
    const { rows, rejectRows } = await importText('rows.csv', '"satu tanpa tutup,a\ndua,b\ntiga,c\n', {
      header: false,
      textColumn: 1,
    });
    expect(rows.map((r) => r.text)).toEqual(['dua', 'tiga']);
    expect(rejectRows.map((r) => [r.line, r.reason])).toEqual([[1, 'unterminated quoted field']]);
  });

  it('a header row with an unterminated quote is still the one reject (no later row becomes the header)', async () => {
    const { rows, rejectRows } = await importText('header.csv', 'id,"text\n1,satu\n2,dua\n');
    expect(rows).toEqual([]);
    expect(rejectRows.map((r) => [r.line, r.reason])).toEqual([[1, 'unterminated quoted field']]);
  });
});

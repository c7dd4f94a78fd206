import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath } from '../../helpers/temp';
import { docs, fixture, importInThread } from './helpers';

describe('import formats', () => {
  it('imports JSONL: text field, id field, other fields as metadata, blank lines ignored', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('good.jsonl')], idField: 'id', source: 'berita', license: 'CC-BY-4.0' });
    expect(run.state).toBe('done');
    expect(run.result).toMatchObject({ source: 'berita', files: 1, imported: 3, skipped: 0, rejected: 0 });
    const db = openCorpus(path);
    const rows = docs(db);
    expect(rows.map((r) => r.external_id)).toEqual(['a1', 'a2', 'a3']);
    expect(JSON.parse(rows[0]!.metadata!)).toEqual({ lang: 'id', tags: ['x'] });
    expect(rows[2]!.metadata).toBeNull();
    expect(rows[0]).toMatchObject({ text: 'Saya suka membaca buku di perpustakaan.', char_count: 39, word_count: 6 });
    const src = db.prepare('SELECT name, declared_license, document_count, char_count, word_count, imported_at FROM sources').get() as Record<string, unknown>;
    expect(src).toMatchObject({ name: 'berita', declared_license: 'CC-BY-4.0', document_count: 3 });
    expect(src.char_count).toBe(rows.reduce((s, r) => s + r.char_count, 0));
    expect(src.word_count).toBe(rows.reduce((s, r) => s + r.word_count, 0));
    expect(src.imported_at).toEqual(expect.any(String));
    // The full-text index is brought up to date after the rows.
    expect(db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'jembatan'`).pluck().get()).toBe(1);
    db.close();
  });

  it('imports CSV with a BOM, CRLF line ends, quoted newlines and doubled quotes; chosen text, id and metadata columns', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('good.csv')], textField: 'teks', idField: 'kode', metadataFields: ['sumber'] });
    expect(run.result).toMatchObject({ imported: 3, rejected: 0 });
    const db = openCorpus(path);
    const rows = docs(db);
    expect(rows.map((r) => r.external_id)).toEqual(['c1', 'c2', 'c3']);
    expect(rows[0]!.text).toBe('Baris pertama\nbaris kedua');
    expect(rows[1]!.text).toBe('Dia berkata "halo", lalu pergi.');
    expect(JSON.parse(rows[2]!.metadata!)).toEqual({ sumber: 'wiki' });
    db.close();
  });

  it('generates stable ids <file>:<line> when no id column is chosen (line of the record start)', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [fixture('good.csv')], textField: 'teks' });
    const db = openCorpus(path);
    expect(docs(db).map((r) => r.external_id)).toEqual(['good.csv:2', 'good.csv:4', 'good.csv:5']);
    expect(JSON.parse(docs(db)[0]!.metadata!)).toEqual({ kode: 'c1', sumber: 'berita' });
    db.close();
  });

  it('imports TSV', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('good.tsv')], idField: 'id' });
    expect(run.result).toMatchObject({ imported: 2, rejected: 0 });
    const db = openCorpus(path);
    expect(docs(db).map((r) => [r.external_id, r.text, r.metadata])).toEqual([
      ['t1', 'Selamat pagi semuanya', '{"label":"sapaan"}'],
      ['t2', 'Terima kasih banyak', '{"label":"sopan"}'],
    ]);
    db.close();
  });

  it('imports plain text per file, per line and per blank-line paragraph', async () => {
    const perFile = tempDbPath();
    await importInThread(perFile, { paths: [fixture('paragraphs.txt')], txtMode: 'file' });
    let db = openCorpus(perFile);
    expect(docs(db).map((r) => r.external_id)).toEqual(['paragraphs.txt:1']);
    expect(docs(db)[0]!.text).toMatch(/^Paragraf pertama baris satu\.\n.*lanjutan\.$/su);
    db.close();

    const perLine = tempDbPath();
    await importInThread(perLine, { paths: [fixture('paragraphs.txt')], txtMode: 'line' });
    db = openCorpus(perLine);
    expect(docs(db).map((r) => r.external_id)).toEqual(['paragraphs.txt:1', 'paragraphs.txt:2', 'paragraphs.txt:5', 'paragraphs.txt:7', 'paragraphs.txt:8']);
    db.close();

    const perParagraph = tempDbPath();
    await importInThread(perParagraph, { paths: [fixture('paragraphs.txt')], txtMode: 'paragraph' });
    db = openCorpus(perParagraph);
    expect(docs(db).map((r) => [r.external_id, r.text])).toEqual([
      ['paragraphs.txt:1', 'Paragraf pertama baris satu.\nParagraf pertama baris dua.'],
      ['paragraphs.txt:5', 'Paragraf kedua.'],
      ['paragraphs.txt:7', 'Paragraf ketiga,\nlanjutan.'],
    ]);
    db.close();
  });

  it('reads gzipped JSONL and CSV; ids do not depend on the .gz suffix', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('good.jsonl.gz'), fixture('good.csv.gz')], source: 'gz' });
    expect(run.result).toMatchObject({ files: 2, imported: 4, rejected: 0 });
    const db = openCorpus(path);
    expect(docs(db).map((r) => [r.external_id, r.text])).toEqual([
      ['good.jsonl:1', 'Satu dari gzip.'],
      ['good.jsonl:2', 'Dua dari gzip.'],
      ['good.csv:2', 'Satu'],
      ['good.csv:3', 'Dua, tiga'],
    ]);
    db.close();
  });

  it('walks folders recursively in a fixed order, taking only known extensions (and .gz of them)', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('folder')] });
    expect(run.result).toMatchObject({ source: 'folder', files: 4, imported: 5 });
    const db = openCorpus(path);
    expect(docs(db).map((r) => r.external_id)).toEqual(['a.jsonl:1', 'b.txt:1', 'sub/c.csv:2', 'sub/d.jsonl:1', 'sub/d.jsonl:2']);
    db.close();
  });

  it('sniffs the format of a file with an unknown extension', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('noext.data')] });
    expect(run.result).toMatchObject({ imported: 2 });
    const db = openCorpus(path);
    expect(docs(db)[0]!.text).toBe('Format dikenali dari isinya.');
    db.close();
  });
});

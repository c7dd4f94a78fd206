import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { describeImportReason } from '../../../renderer/src/features/import/reasons';
import { checkText, noTextFieldReason } from '../../../electron/engine/import/items';
import { GZIP_CUT_REASON, NOT_GZIP_REASON, gzipDamagedReason } from '../../../electron/engine/import/byte-stream';

const id = (key: string, vars?: Record<string, string | number>) => translate('id', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('import reasons in the UI language', () => {
  it('translates the reasons the engine writes, keeping their details', () => {
    expect(describeImportReason(id, checkText('   ', 1000) ?? '')).toBe('teks kosong');
    expect(describeImportReason(id, 'malformed row: 2 fields, the header has 3')).toBe('baris rusak: 2 kolom, padahal header punya 3');
    expect(describeImportReason(id, "duplicate id 't.csv:2' (already used in this source by a different text)")).toBe(
      "id ganda 't.csv:2' (sudah dipakai di sumber ini untuk teks lain)",
    );
    expect(describeImportReason(id, 'record is over the limit of 1,000,000 bytes')).toBe('melebihi batas 1,000,000 bita per dokumen');
    // A job error names its file first; the GUI user is pointed at the dialog's field, not a CLI flag.
    const noText = describeImportReason(id, `data/berita.jsonl: ${noTextFieldReason(undefined, ['judul', 'isi'])}`);
    expect(noText).toMatch(/^data\/berita\.jsonl: tidak ada kolom teks \(dicari: .*; kolom yang ada: 'judul', 'isi'\); pilih satu di “Kolom teks”$/);
    expect(noText).not.toContain('--text-field');
    expect(describeImportReason(en, 'x.csv: cannot read (ENOENT)')).toBe('x.csv: no such file or folder');
    expect(describeImportReason(id, 'C:\\data\\a.csv: binary data, not UTF-8 text')).toBe('C:\\data\\a.csv: data biner, bukan teks UTF-8');
    // A file name that itself holds ": ".
    expect(describeImportReason(id, 'arsip: lama/x.csv: cannot read (ENOENT)')).toBe('arsip: lama/x.csv: berkas atau folder tidak ada');
  });

  it('translates the reasons of a file named .gz that is not gzip and of CSV/TSV without a header row', () => {
    expect(describeImportReason(id, `b.jsonl.gz: ${NOT_GZIP_REASON}`)).toBe(
      'b.jsonl.gz: bukan data gzip (nama berkasnya berakhiran .gz, tetapi isinya tidak diawali bita gzip 1f 8b)',
    );
    expect(describeImportReason(en, NOT_GZIP_REASON)).toBe(NOT_GZIP_REASON);
    expect(describeImportReason(id, 'malformed row: 2 fields, the first row has 3')).toBe('baris rusak: 2 kolom, padahal baris pertama punya 3');
    const noColumn = 'berita.tsv: no header row: choose the text column by number with --text-column (the first row has 3 columns)';
    expect(describeImportReason(id, noColumn)).toBe('berita.tsv: tanpa baris header: isi nomor kolom teks di “Nomor kolom teks” (baris pertama punya 3 kolom)');
    expect(describeImportReason(en, noColumn)).not.toContain('--text-column');
    expect(describeImportReason(id, 'x.csv: no text column 4 (the first row has 3 columns)')).toBe('x.csv: tidak ada kolom teks nomor 4 (baris pertama hanya punya 3 kolom)');
    expect(describeImportReason(en, 'x.csv: no id column 9 (the first row has 1 column)')).toBe('x.csv: no id column 9 (the first row has only 1)');
  });

  it('translates the reject of a cut-off or damaged .gz and the error of a folder with no file it reads', () => {
    expect(describeImportReason(id, GZIP_CUT_REASON)).toBe(
      'data gzip terpotong (berkas berakhir di tengah data terkompresinya): rekaman yang selesai sebelum baris ini sudah diimpor, sisa berkas hilang',
    );
    expect(describeImportReason(en, GZIP_CUT_REASON)).toBe(GZIP_CUT_REASON);
    expect(describeImportReason(id, gzipDamagedReason('invalid block type'))).toBe(
      'data gzip rusak (invalid block type): rekaman yang selesai sebelum baris ini sudah diimpor, sisa berkas tidak dapat dibaca',
    );
    expect(describeImportReason(id, '/data/unduhan: no files to import (.csv, .tsv, .jsonl, .txt, optionally .gz); not read: a.bin, b (1).docx, … (+3)')).toBe(
      '/data/unduhan: tidak ada berkas untuk diimpor (.csv, .tsv, .jsonl, .txt, boleh .gz); tidak dibaca karena ekstensinya tidak dikenal: a.bin, b (1).docx, … (+3)',
    );
    expect(describeImportReason(id, '/data/kosong: no files to import (.csv, .tsv, .jsonl, .txt, optionally .gz)')).toBe(
      '/data/kosong: tidak ada berkas untuk diimpor (.csv, .tsv, .jsonl, .txt, boleh .gz)',
    );
  });

  it('leaves text it does not know as it is', () => {
    expect(describeImportReason(id, 'something new: the engine said this')).toBe('something new: the engine said this');
  });

  it('says how many fields there are when it cannot list them all', () => {
    const many = Array.from({ length: 20 }, (_, i) => `k${i}`);
    expect(noTextFieldReason('teks', many)).toMatch(/'k11', … \(20 in all\)\)$/);
  });
});

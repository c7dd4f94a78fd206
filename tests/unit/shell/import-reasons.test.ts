import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { describeImportReason } from '../../../renderer/src/features/import/reasons';
import { checkText, noTextFieldReason } from '../../../electron/engine/import/items';

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

  it('leaves text it does not know as it is', () => {
    expect(describeImportReason(id, 'something new: the engine said this')).toBe('something new: the engine said this');
  });

  it('says how many fields there are when it cannot list them all', () => {
    const many = Array.from({ length: 20 }, (_, i) => `k${i}`);
    expect(noTextFieldReason('teks', many)).toMatch(/'k11', … \(20 in all\)\)$/);
  });
});

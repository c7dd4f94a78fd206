import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { describeImportReason } from '../../../renderer/src/features/import/reasons';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { fixture, importInThread } from '../import/helpers';

const id = (key: string, vars?: Record<string, string | number>) => translate('id', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);

/** The error a failed import job records (what the job row and the import dialog show), from a real run. */
async function jobError(paths: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const run = await importInThread(tempDbPath(), { paths, ...extra });
  expect(run.state).toBe('failed');
  return run.error ?? '';
}

/** The reject reasons of a real run that finished. */
async function rejectReasons(paths: string[], extra: Record<string, unknown> = {}): Promise<string[]> {
  const run = await importInThread(tempDbPath(), { paths, ...extra });
  expect(run.state).toBe('done');
  return run.result.rejects.map((r) => r.reason);
}

function file(name: string, content: string | Buffer): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

describe('what a failed import says reaches the Indonesian UI in Indonesian', () => {
  it('whole-file failures: not JSON lines, a malformed or undecodable header, a missing id column', async () => {
    const notJson = await jobError([fixture('bad', 'not-json.jsonl')]);
    expect(describeImportReason(id, notJson)).toMatch(
      /^not-json\.jsonl: bukan JSON Lines \(baris 1: JSON rusak: /,
    );

    const header = await jobError([fixture('good.jsonl')], { format: 'csv' });
    expect(describeImportReason(id, header)).toMatch(/^good\.jsonl: baris header rusak \(/);

    const undecodable = await jobError([
      file(
        'h.csv',
        Buffer.concat([Buffer.from('id,te'), Buffer.from([0xff, 0xfe]), Buffer.from('xt\n1,satu\n')]),
      ),
    ]);
    expect(describeImportReason(id, undecodable)).toBe('h.csv: baris header bukan UTF-8 yang sah');

    const noId = await jobError([fixture('good.csv')], { idField: 'nomor', textField: 'teks' });
    expect(describeImportReason(id, noId)).toBe("good.csv: tidak ada kolom id 'nomor' di baris header");

    const noText = await jobError([file('x.jsonl', '{"judul":"a"}\n')]);
    expect(describeImportReason(id, noText)).toMatch(/^x\.jsonl: baris 1: tidak ada kolom teks \(/);

    // The English UI reads the same facts in English, without the CLI's flags.
    expect(describeImportReason(en, header)).toMatch(/^good\.jsonl: malformed header row \(/);
    expect(describeImportReason(en, notJson)).toMatch(
      /^not-json\.jsonl: not JSON lines \(line 1: malformed JSON: /,
    );
  });

  it('reject reasons: a text over the limit, a quote past the record limit, a stray quote inside a row, a cut-off .gz', async () => {
    const [tooBig] = await rejectReasons([fixture('bad', 'oversized.jsonl')], { maxRecordBytes: 200 });
    expect(describeImportReason(id, tooBig ?? '')).toBe('320 bita, melebihi batas 200 bita per dokumen');

    const rows = [
      'id,text',
      '1,"tidak pernah ditutup',
      ...Array.from({ length: 10_000 }, (_, i) => `${i + 2},baris ${i + 2}`),
    ];
    const [quote] = await rejectReasons([file('q.csv', rows.join('\n') + '\n')], { maxRecordBytes: 100 });
    expect(describeImportReason(id, quote ?? '')).toBe(
      'melebihi batas 100 bita per dokumen (tanda kutip tidak ditutup?)',
    );

    const stray = await rejectReasons([file('s.csv', 'id,text\n1,ok\n2,"a"b"\n3,ok\n')]);
    expect(stray).toHaveLength(1);
    expect(describeImportReason(id, stray[0] ?? '')).toMatch(/^baris rusak/);

    const [cut] = await rejectReasons([fixture('bad', 'truncated.jsonl.gz')]);
    expect(describeImportReason(id, cut ?? '')).toMatch(/^data gzip terpotong \(berkas berakhir di tengah data terkompresinya\): rekaman yang selesai sebelum baris ini sudah diimpor/);
  });
});

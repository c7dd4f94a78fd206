import { describe, expect, it } from 'vitest';
import { runKurasi } from '../../helpers/cli';

describe('kurasi pii / kurasi quality on stdin', () => {
  it('writes one JSON object per input line, in order, for plain and JSONL lines', async () => {
    const input = ['NIK saya 3174051203900001', '{"text":"surel budi@contoh.id","id":7}', '', 'tidak ada apa-apa'].join('\n') + '\n';
    const r = await runKurasi(['pii'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { findings: { type: string; start: number; end: number; confidence: number }[]; redacted: string });
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ findings: [{ type: 'NIK', start: 9, end: 25, confidence: 0.99 }], redacted: 'NIK saya <NIK>' });
    expect(out[1]?.redacted).toBe('surel <EMAIL>');
    expect(out[2]).toEqual({ findings: [], redacted: '' });
    expect(out[3]?.findings).toEqual([]);
  });

  it('quality writes pass, reasons and signals per line', async () => {
    const input = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n{"text":"Ini adalah kalimat yang cukup panjang dan wajar untuk diuji."}\n';
    const r = await runKurasi(['quality'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { pass: boolean; reasons: string[]; signals: Record<string, number> });
    expect(out).toHaveLength(2);
    expect(out[0]?.pass).toBe(false);
    expect(out[0]?.reasons).toContain('no-lorem-ipsum');
    expect(out[1]?.pass).toBe(true);
    expect(out[1]?.signals.word_count).toBe(10);
  });

  it('rejects a bad --min-confidence with exit 2', async () => {
    const r = await runKurasi(['pii', '--min-confidence', '3']);
    expect(r.code).toBe(2);
  });
});

describe('kurasi pii / kurasi quality --db', () => {
  it('runs both jobs on a corpus file and reports JSON', async () => {
    const { seedCorpus } = await import('../../helpers/corpus');
    const { path, db } = seedCorpus([
      { text: 'NIK saya 3174051203900001, telepon 0812-3456-7890.' },
      { text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' },
      { text: 'Pemerintah daerah berencana membangun jalan baru yang menghubungkan dua kecamatan di wilayah selatan.' },
    ]);
    db.close();
    const pii = await runKurasi(['pii', '--db', path, '--json']);
    expect(pii.code).toBe(0);
    expect(JSON.parse(pii.stdout)).toMatchObject({ scanned: 3, withPii: 1 });
    const quality = await runKurasi(['quality', '--db', path, '--json']);
    expect(quality.code).toBe(0);
    expect(JSON.parse(quality.stdout)).toMatchObject({ processed: 3, pass: 1, fail: 2 });
    const missing = await runKurasi(['pii', '--db', path + '.nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});

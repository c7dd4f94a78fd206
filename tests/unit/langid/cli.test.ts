import { describe, expect, it } from 'vitest';
import { runKurasi } from '../../helpers/cli';
import { seedCorpus } from '../../helpers/corpus';

describe('kurasi detect / langid', () => {
  it('detect writes one JSON object per input line, in order (plain lines and JSONL)', async () => {
    const input = [
      'Saya sangat kecewa dengan pelayanan restoran ini.',
      JSON.stringify({ text: 'The food was delicious and the staff were very friendly.', id: 7 }),
      '',
      'Aku seneng banget karo pelayanane, panganane enak lan regane murah.',
      '{not json',
    ].join('\n');
    const r = await runKurasi(['detect'], { input });
    // The last line starts a JSON record that is cut short: it gets an "error" and the exit code says so.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/line 5: starts with "\{" but is not valid JSON/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { lang: string; confidence: number; alternatives: unknown[] });
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.lang)).toEqual(['ind', 'eng', 'und', 'jav', 'und']);
    expect(Object.keys(lines[4] ?? {})).toEqual(['lang', 'confidence', 'alternatives', 'error']);
    for (const l of lines.slice(0, 4)) {
      expect(Object.keys(l)).toEqual(['lang', 'confidence', 'alternatives']);
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
    const bad = await runKurasi(['detect', '--alternatives', 'x']);
    expect(bad.code).toBe(2);
  });

  it('langid labels a corpus and stats shows the languages', async () => {
    const { path, db } = seedCorpus([
      { text: 'Saya sangat kecewa dengan pelayanan restoran ini, makanannya datang terlambat.' },
      { text: 'The food was delicious and the staff were very friendly.' },
    ]);
    db.close();
    const r = await runKurasi(['langid', '--db', path, '--workers', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ labelled: 2, workers: 1 });
    const s = await runKurasi(['stats', '--db', path, '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ sections: { languages: { labelled: 2, byLanguage: { ind: 1, eng: 1 } } } });
    expect((await runKurasi(['langid', '--db', path, '--workers', '0'])).code).toBe(2);
    expect((await runKurasi(['langid'])).code).toBe(2);
  });
});

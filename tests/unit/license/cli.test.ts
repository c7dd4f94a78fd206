import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runKurasi } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { licenseCorpus } from './corpus';

function corpusFile(): string {
  const { path, db } = licenseCorpus({ nusax: 4, talpco: 2 });
  db.close();
  return path;
}

describe('kurasi license', () => {
  it('sets a concluded licence, state and evidence, and lists it', async () => {
    const db = corpusFile();
    const letter = join(tempDir(), 'izin.txt');
    writeFileSync(letter, 'izin tertulis');
    const set = await runKurasi([
      'license', 'set', '--db', db, '--source', 'nusax', '--concluded', 'CC BY-SA 4.0', '--state', 'cleared',
      '--evidence', 'https://github.com/IndoNLP/nusax/blob/main/LICENSE', '--evidence', letter, '--note', 'LICENSE in repo', '--actor', 'ayu', '--json',
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const row = JSON.parse(set.stdout) as { concludedLicense: string; reviewState: string; reviewer: string; evidenceCount: number };
    expect(row).toMatchObject({ concludedLicense: 'CC-BY-SA-4.0', reviewState: 'cleared', reviewer: 'ayu', evidenceCount: 2 });

    const list = await runKurasi(['license', 'list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    const out = JSON.parse(list.stdout) as { sources: { name: string; reviewState: string }[]; summary: { commercialClearedShare: number } };
    expect(out.sources.map((s) => [s.name, s.reviewState])).toEqual([
      ['nusax', 'cleared'],
      ['talpco', 'unreviewed'],
    ]);
    expect(out.summary.commercialClearedShare).toBeCloseTo(4 / 6);

    const text = await runKurasi(['license', 'list', '--db', db]);
    expect(text.stdout).toMatch(/nusax\s+4\s+-\s+CC-BY-SA-4\.0\s+commercial SA\s+cleared\s+ayu\s+0d/);
    expect(text.stdout).toMatch(/4 of 6 documents \(66\.7%\) are cleared for commercial use/);

    const show = await runKurasi(['license', 'show', '--db', db, '--source', 'nusax', '--json']);
    const shown = JSON.parse(show.stdout) as { evidence: { kind: string; sha256: string | null }[]; history: { action: string; note: string | null }[] };
    expect(shown.evidence.map((e) => e.kind)).toEqual(['url', 'file']);
    expect(shown.evidence[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shown.history.find((h) => h.action === 'license.set')?.note).toBe('LICENSE in repo');

    const cleared = await runKurasi(['license', 'list', '--db', db, '--state', 'unreviewed', '--json']);
    expect((JSON.parse(cleared.stdout) as { sources: { name: string }[] }).sources.map((s) => s.name)).toEqual(['talpco']);
  });

  it('fails with a one-line reason on a refused decision, and exits 2 on bad usage', async () => {
    const db = corpusFile();
    const noLicence = await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--state', 'cleared']);
    expect(noLicence.code).toBe(1);
    expect(noLicence.stderr.trim().split('\n')).toHaveLength(1);
    expect(noLicence.stderr).toMatch(/concluded SPDX licence/);
    const guess = await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--concluded', 'GPL']);
    expect(guess.code).toBe(1);
    expect(guess.stderr).toMatch(/did you mean/);
    const badState = await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--state', 'approved']);
    expect(badState.code).toBe(2);
    const noSource = await runKurasi(['license', 'set', '--db', db]);
    expect(noSource.code).toBe(2);
    const help = await runKurasi(['license', 'set', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--concluded/);
    const missing = await runKurasi(['license', 'list', '--db', join(tempDir(), 'none.db')]);
    expect(missing.code).toBe(1);
  });
});

describe('kurasi license ref', () => {
  it('declares what site terms allow, and the list uses it', async () => {
    const db = corpusFile();
    await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--concluded', 'LicenseRef-talpco-terms', '--state', 'cleared']);
    let list = JSON.parse((await runKurasi(['license', 'list', '--db', db, '--json'])).stdout) as { sources: { name: string; flags: { use: string } }[] };
    expect(list.sources.find((s) => s.name === 'talpco')?.flags.use).toBe('unknown');
    const ref = await runKurasi(['license', 'ref', '--db', db, '--ref', 'LicenseRef-talpco-terms', '--use', 'commercial', '--attribution']);
    expect(ref.code, ref.stderr).toBe(0);
    expect(ref.stdout.trim()).toBe('LicenseRef-talpco-terms: commercial BY');
    list = JSON.parse((await runKurasi(['license', 'list', '--db', db, '--json'])).stdout) as typeof list;
    expect(list.sources.find((s) => s.name === 'talpco')?.flags.use).toBe('commercial');
    expect((await runKurasi(['license', 'ref', '--db', db, '--ref', 'MIT', '--use', 'commercial'])).code).toBe(2);
    expect((await runKurasi(['license', 'ref', '--db', db, '--ref', 'LicenseRef-x', '--use', 'free'])).code).toBe(2);
  });
});

describe('kurasi stats', () => {
  it('shows licence counts', async () => {
    const db = corpusFile();
    await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--concluded', 'CC-BY-4.0', '--state', 'cleared']);
    const r = await runKurasi(['stats', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse(r.stdout) as { sections: { licenses: unknown } };
    expect(stats.sections.licenses).toMatchObject({
      sourcesByState: { cleared: 1, unreviewed: 1 },
      documentsByUse: { commercial: 2, unknown: 4 },
      clearedDocuments: 2,
      commercialClearedShare: 0.3333,
    });
  });
});

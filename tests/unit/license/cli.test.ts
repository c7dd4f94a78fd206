import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('kurasi license set --evidence … --note', () => {
  it('keeps the note on the evidence and in the audit log, and `license show` prints it', async () => {
    const db = corpusFile();
    const letter = join(tempDir(), 'izin-redaksi.txt');
    writeFileSync(letter, 'Redaksi mengizinkan pemakaian teks.');
    const set = await runKurasi(['license', 'set', '--db', db, '--source', 'talpco', '--evidence', letter, '--note', 'surel dari redaksi, 3 Mei', '--actor', 'ayu']);
    expect(set.code, set.stderr).toBe(0);
    const shown = JSON.parse((await runKurasi(['license', 'show', '--db', db, '--source', 'talpco', '--json'])).stdout) as {
      evidence: { fileName: string; note: string | null }[];
      history: { action: string; note: string | null }[];
    };
    expect(shown.evidence).toMatchObject([{ fileName: 'izin-redaksi.txt', note: 'surel dari redaksi, 3 Mei' }]);
    expect(shown.history.map((h) => [h.action, h.note])).toEqual([['license.evidence.add', 'surel dari redaksi, 3 Mei']]);
    const text = await runKurasi(['license', 'show', '--db', db, '--source', 'talpco']);
    expect(text.stdout).toMatch(/#\d+ file izin-redaksi\.txt sha256:[0-9a-f]{64} — surel dari redaksi, 3 Mei \(ayu, /);
  });
});

describe('kurasi license evidence', () => {
  it('writes a stored evidence file out, refuses to replace a file unless --force, and refuses non-file items', async () => {
    const db = corpusFile();
    const dir = tempDir();
    const letter = join(dir, 'izin.bin');
    const bytes = Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x0a, 0x25]);
    writeFileSync(letter, bytes);
    await runKurasi(['license', 'set', '--db', db, '--source', 'nusax', '--evidence', letter, '--evidence', 'https://contoh.id/izin']);
    const shown = JSON.parse((await runKurasi(['license', 'show', '--db', db, '--source', 'nusax', '--json'])).stdout) as {
      evidence: { id: number; kind: string; sha256: string | null }[];
    };
    const [file, url] = shown.evidence;
    expect([file!.kind, url!.kind]).toEqual(['file', 'url']);
    const text = await runKurasi(['license', 'show', '--db', db, '--source', 'nusax']);
    expect(text.stdout).toContain(`kurasi license evidence --db ${db} --id ${file!.id} --out`);

    const out = join(tempDir(), 'keluar.bin');
    const saved = await runKurasi(['license', 'evidence', '--db', db, '--id', String(file!.id), '--out', out, '--json']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(JSON.parse(saved.stdout)).toEqual({ id: file!.id, fileName: 'izin.bin', path: out, size: bytes.length, sha256: file!.sha256 });

    // An existing file stays as it is without --force; with it, it is replaced.
    writeFileSync(out, 'milik orang lain');
    const refused = await runKurasi(['license', 'evidence', '--db', db, '--id', String(file!.id), '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('milik orang lain');
    const forced = await runKurasi(['license', 'evidence', '--db', db, '--id', String(file!.id), '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(forced.stdout).toContain(`sha256:${file!.sha256}`);

    // A folder gets the file under its stored name; no temp file is left behind.
    const folder = tempDir();
    expect((await runKurasi(['license', 'evidence', '--db', db, '--id', String(file!.id), '--out', folder])).code).toBe(0);
    expect(readFileSync(join(folder, 'izin.bin')).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['izin.bin']);

    const notFile = await runKurasi(['license', 'evidence', '--db', db, '--id', String(url!.id), '--out', join(folder, 'x')]);
    expect([notFile.code, notFile.stderr.trim()]).toEqual([1, expect.stringMatching(/evidence \d+ is not a file/)]);
    expect((await runKurasi(['license', 'evidence', '--db', db, '--id', 'abc', '--out', join(folder, 'x')])).code).toBe(2);
    expect((await runKurasi(['license', 'evidence', '--db', db, '--id', String(file!.id)])).code).toBe(2);
    expect(readdirSync(folder)).toEqual(['izin.bin']);
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

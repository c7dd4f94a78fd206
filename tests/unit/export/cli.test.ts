import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runKurasi } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { seedSources, standardSpecs } from './fixture';
import { jsonlRecords, manifest } from './read';

function corpus(): string {
  const { path, db } = seedSources(standardSpecs());
  db.close();
  return path;
}

describe('kurasi export', () => {
  it('--preview --json prints counts per language and licence and writes nothing', async () => {
    const db = corpus();
    const out = tempDir();
    const r = await runKurasi(['export', '--db', db, '--out', join(out, 'x'), '--preview', '--json', '--lang', 'ind,jav']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { included: { documents: number }; byLanguage: Record<string, { documents: number }>; byLicense: Record<string, unknown>; excluded: Record<string, number> };
    expect(Object.keys(p.byLanguage).sort()).toEqual(['ind', 'jav']);
    expect(p.byLanguage.jav!.documents).toBe(30);
    expect(Object.keys(p.byLicense)).toContain('CC-BY-SA-4.0');
    expect(p.excluded.language).toBe(20);
    expect(existsSync(join(out, 'x'))).toBe(false);
  }, 120_000);

  it('exports with --json, writing shards, manifest, card and attribution list', async () => {
    const db = corpus();
    const out = join(tempDir(), 'release');
    // Sources imported from local files: the published card names the files, not the curator's folders.
    const raw = new Database(db);
    raw.prepare(`UPDATE sources SET origin = '/home/ayu/rahasia/' || name || '.jsonl'`).run();
    raw.close();
    const r = await runKurasi(['export', '--db', db, '--out', out, '--format', 'parquet', '--license', 'commercial', '--max-docs', '20', '--meta', 'external_id', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { documents: number; shards: { file: string }[]; excluded: Record<string, number> };
    expect(res.excluded['not-commercial']).toBe(10);
    const m = manifest(out);
    expect(m.documents).toBe(res.documents);
    expect(m.shards.map((s) => s.file)).toEqual(res.shards.map((s) => s.file));
    expect(m.options).toMatchObject({ format: 'parquet', license: 'commercial', maxDocs: 20, meta: ['external_id'] });
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card.startsWith('---\nlicense:\n')).toBe(true);
    expect(card).toMatch(/language:\n- id\n- jv\n/);
    expect(card).toContain('size_categories:\n- n<1K');
    expect(card).toContain('## Attribution');
    const attribution = readFileSync(join(out, 'attribution.csv'), 'utf8');
    expect(attribution.split('\n')[0]).toBe('source,origin,license,terms_url,documents');
    expect(attribution).toMatch(/\.jsonl,/);
    expect(`${card}${attribution}`).not.toContain('/home/ayu');
  }, 120_000);

  it('an export that nothing passes still succeeds, but says so on stderr', async () => {
    const db = corpus();
    const r = await runKurasi(['export', '--db', db, '--out', join(tempDir(), 'kosong'), '--lang', 'sun', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 0 });
    expect(r.stderr).toMatch(/^kurasi export: warning: no document passed the filters \(left out: .*\d+ language/);
  }, 120_000);

  it('--lang zsm, MSA or ms selects the Malay documents (stored as zlm), in the preview and the export', async () => {
    const db = corpus();
    for (const lang of ['zsm', 'MSA', ' ms ,zlm']) {
      const r = await runKurasi(['export', '--db', db, '--preview', '--json', '--lang', lang]);
      expect(r.stderr, lang).toBe('');
      expect(r.code).toBe(0);
      const p = JSON.parse(r.stdout) as { byLanguage: Record<string, { documents: number }>; warnings: string[] };
      expect(p.byLanguage, lang).toEqual({ zlm: { documents: 10, characters: expect.any(Number) } });
      expect(p.warnings).toEqual([]);
    }
    const out = join(tempDir(), 'melayu');
    const r = await runKurasi(['export', '--db', db, '--out', out, '--lang', 'zsm', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 10 });
    const m = manifest(out);
    expect(m.options).toMatchObject({ langs: ['zlm'] });
    expect(m.shards.flatMap((s) => jsonlRecords(out, s)).map((rec) => rec.lang)).toEqual(Array(10).fill('zlm'));
  }, 120_000);

  it('a malformed --lang is bad usage naming the flag; a code no document has is warned about on stderr', async () => {
    const db = corpus();
    const bad = await runKurasi(['export', '--db', db, '--preview', '--lang', 'ind,xx-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kurasi export: --lang 'xx-1' is not an ISO 639-3 language code/);
    const empty = await runKurasi(['export', '--db', db, '--preview', '--lang', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^kurasi export: --lang has an empty code/);

    const known = 'known: eng, ind, jav, zlm';
    const preview = await runKurasi(['export', '--db', db, '--preview', '--lang', 'ind,NLD']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^documents to export: 90 /);
    expect(preview.stderr).toBe(`kurasi export: warning: no documents have language nld; ${known}\n`);
    const exported = await runKurasi(['export', '--db', db, '--out', join(tempDir(), 'x'), '--lang', 'nld', '--json']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`kurasi export: warning: no documents have language nld; ${known}\n`);
  }, 120_000);

  it('bad usage exits 2 with a reason; a missing corpus exits 1', async () => {
    const db = corpus();
    const out = tempDir();
    for (const args of [
      ['export', '--db', db],
      ['export', '--db', db, '--out', out, '--format', 'xml'],
      ['export', '--db', db, '--out', out, '--label', 'topic'],
      ['export', '--db', db, '--out', out, '--max-docs', 'many'],
      ['export', '--db', db, '--out', out, '--license', 'free'],
    ]) {
      const r = await runKurasi(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^kurasi export: /);
    }
    const missing = await runKurasi(['export', '--db', join(out, 'nope.db'), '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such corpus file/);
    const help = await runKurasi(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--redact-pii');
  }, 240_000);
});

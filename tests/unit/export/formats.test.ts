import { describe, expect, it } from 'vitest';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { exportOptions, type ExportFormat, type ExportOptionsInput } from '../../../shared/contract/export';
import { runExport } from '../../../electron/engine/export/run-export';
import type { Db } from '../../../electron/engine/store/open';
import { seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';
import { nusax, talpco } from './fixture';
import { allRecords, jsonlRecords, manifest, sha256, tree, type Rec } from './read';

function seed(): Db {
  const texts = [...talpco('ind', 60), ...talpco('jav', 30), ...nusax(20)];
  // a text with quotes, commas, a newline and non-ASCII, to exercise CSV quoting and UTF-8 sizes
  texts.push('Dia bilang, "Sampai jumpa besok!"\nLalu pergi ke Yogyakarta — naik kereta.');
  const { db } = seedCorpus(
    texts.map((text, i) => ({
      text,
      source: i % 3 === 0 ? 'sumber-a' : 'sumber-b',
      externalId: `ext-${i}`,
      metadata: { topic: i % 2 ? 'umum' : 'berita', rank: i, nested: { a: i } },
    })),
  );
  db.exec(`UPDATE sources SET concluded_license = CASE name WHEN 'sumber-a' THEN 'CC-BY-4.0' ELSE 'CC-BY-SA-4.0' END, review_state = 'cleared'`);
  db.exec(`UPDATE documents SET lang = 'ind'`);
  return db;
}

async function exportTo(db: Db, opts: Partial<ExportOptionsInput>, out = tempDir()) {
  const result = await runExport(db, exportOptions.parse({ out, ...opts }), { actor: 'tester' });
  return { out, result };
}

const META = ['external_id', 'word_count', 'topic', 'rank', 'nested'];

function csvRows(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on('data', (r: Record<string, string>) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** The records of any format, as jsonl would hold them (CSV and Parquet carry metadata as text). */
async function readBack(out: string, format: ExportFormat): Promise<Rec[]> {
  const recs: Rec[] = [];
  for (const shard of manifest(out).shards) {
    const path = join(out, shard.file);
    if (format === 'jsonl' || format === 'jsonl.gz') recs.push(...jsonlRecords(out, shard));
    else if (format === 'csv') {
      const { readFileSync } = await import('node:fs');
      for (const r of await csvRows(readFileSync(path, 'utf8'))) recs.push({ ...r, id: Number(r.id) } as Rec);
    } else {
      const file = await asyncBufferFromFile(path);
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      for (const r of rows) recs.push({ ...r, id: Number(r.id as bigint) } as Rec);
    }
  }
  return recs;
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

describe('export formats', () => {
  for (const format of ['jsonl', 'jsonl.gz', 'csv', 'parquet'] as const) {
    it(`${format}: two exports are byte-identical, the manifest hashes match, and the records read back`, async () => {
      const db = seed();
      const opts = { format, maxDocs: 25, meta: META };
      const a = await exportTo(db, opts);
      const b = await exportTo(db, opts);
      const ta = tree(a.out);
      const tb = tree(b.out);
      expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
      for (const [name, bytes] of ta) expect(bytes.equals(tb.get(name)!), name).toBe(true);

      const m = manifest(a.out);
      expect(m.shards.length).toBeGreaterThan(2);
      for (const s of m.shards) {
        expect(sha256(join(a.out, s.file))).toBe(s.sha256);
        expect(statSync(join(a.out, s.file)).size).toBe(s.bytes);
        expect(s.documents).toBeLessThanOrEqual(25);
      }
      for (const f of m.files) expect(sha256(join(a.out, f.file))).toBe(f.sha256);
      expect([...ta.keys()].some((k) => k.endsWith('.partial') || k.startsWith('.kurasi'))).toBe(false);

      const reference = format === 'jsonl' ? null : allRecords((await exportTo(db, { ...opts, format: 'jsonl' })).out).map((r) => r.rec);
      const got = await readBack(a.out, format);
      expect(got.length).toBe(m.documents);
      if (reference) {
        const norm = (r: Rec) => ({ id: r.id, text: r.text, source: r.source, lang: r.lang, license: r.license, ...Object.fromEntries(META.map((k) => [k, format === 'jsonl.gz' ? r[k] : asText(r[k])])) });
        expect(got.map(norm)).toEqual(reference.map(norm));
      } else {
        const first = got.find((r) => r.external_id === 'ext-1')!;
        expect(first).toMatchObject({ source: 'sumber-b', lang: 'ind', license: 'CC-BY-SA-4.0', topic: 'umum', rank: 1, nested: { a: 1 } });
        expect(got.some((r) => r.text.includes('"Sampai jumpa besok!"\nLalu'))).toBe(true);
      }
      if (format === 'parquet') {
        const meta = await parquetMetadataAsync(await asyncBufferFromFile(join(a.out, m.shards[0]!.file)));
        expect(meta.key_value_metadata?.find((kv) => kv.key === 'license')?.value).toBe(m.shards[0]!.license);
        expect(meta.created_by).toBe(`kurasi ${m.kurasiVersion}`);
      }
      db.close();
    });
  }

  it("SQLite's JSON quoting (fast path) writes exactly what JSON.stringify would", async () => {
    const tricky = ['tab\there, "kutip", \\ garis miring / dan \u0001\u001f kontrol', 'baris\r\nbaru \u2028 \u2029 emoji 😀🇮🇩 é ñ', 'ﾃｽﾄ \u007f del', 'biasa saja'];
    const { db } = seedCorpus(tricky.map((text, i) => ({ text, source: 's', externalId: `t${i}` })));
    db.exec(`UPDATE sources SET concluded_license = 'CC0-1.0', review_state = 'cleared'`);
    const fast = await exportTo(db, {});
    const js = await exportTo(db, { redactPii: true });
    const file = manifest(fast.out).shards[0]!.file;
    const a = tree(fast.out).get(file)!;
    expect(a.equals(tree(js.out).get(file)!)).toBe(true);
    const lines = a.toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Rec).text)).toEqual(tricky);
    lines.forEach((l, i) => expect(l).toBe(JSON.stringify({ id: i + 1, text: tricky[i], source: 's', lang: 'und', license: 'CC0-1.0' })));
    db.close();
  });

  it('closes a shard before it would exceed --max-bytes of JSON lines', async () => {
    const db = seed();
    const { out } = await exportTo(db, { maxBytes: 2000 });
    const m = manifest(out);
    expect(m.shards.length).toBeGreaterThan(3);
    for (const s of m.shards) expect(s.bytes).toBeLessThanOrEqual(2000);
    db.close();
  });

  it('a re-run keeps complete shards, redoes missing or damaged ones and ends byte-identical', async () => {
    const db = seed();
    const opts = { format: 'jsonl.gz' as const, maxDocs: 10 };
    const { out } = await exportTo(db, opts);
    const before = tree(out);
    const m = manifest(out);
    const family = m.shards.filter((s) => s.shardKey === 'commercial');
    rmSync(join(out, family[2]!.file));
    writeFileSync(join(out, m.shards.at(-1)!.file), 'garbage');
    writeFileSync(join(out, 'data', 'commercial', 'part-00009.jsonl.gz.partial'), 'left by a killed run');
    const again = await exportTo(db, opts, out);
    const expectedKept = 2 + (m.shards.length - family.length - 1);
    expect(again.result.resumedShards).toBe(expectedKept);
    const after = tree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(bytes.equals(after.get(name)!), name).toBe(true);
    db.close();
  });

  it('refuses to mix an export of another corpus state into the same folder', async () => {
    const db = seed();
    const { out } = await exportTo(db, {});
    db.exec(`UPDATE documents SET dup_status = 'duplicate' WHERE id = 1`);
    await expect(exportTo(db, {}, out)).rejects.toThrow(/another state of the corpus/);
    await expect(exportTo(db, { format: 'csv' }, out)).rejects.toThrow(/other options/);
    const foreign = tempDir();
    writeFileSync(join(foreign, 'README.md'), 'my own notes');
    await expect(exportTo(db, {}, foreign)).rejects.toThrow(/holds no Kurasi export/);
    db.close();
  });
});

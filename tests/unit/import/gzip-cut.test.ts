import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GZIP_CUT_REASON, GzipDataError, gzipDamagedReason, readFileBytes } from '../../../electron/engine/import/byte-stream';
import { openCorpus } from '../../../electron/engine/store/open';
import { runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, fixture, importInThread } from './helpers';

beforeAll(() => {
  // The CLI and the prepare worker run from dist/.
  execSync('npm run build:node --silent');
});
afterEach(() => {
  delete process.env.KURASI_IMPORT_WORKER_BYTES;
});

/** What a cut-off gzip file still gives: the whole lines before the cut, and the number of the line it stops in. */
function beforeCut(gz: Buffer): { lines: string[]; cutLine: number; partial: string } {
  const text = gunzipSync(gz, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  const lines = text.split('\n');
  const partial = lines.pop() ?? '';
  return { lines, cutLine: lines.length + 1, partial };
}

function jsonl(n: number): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ text: `Kalimat nomor ${i + 1} tentang sawah dan ${'hujan '.repeat(i % 7)}di desa.` }) + '\n').join('');
}

/** A folder as a curator downloads it: two good files and one .gz whose download stopped part-way. */
function folder(): { dir: string; cut: ReturnType<typeof beforeCut> } {
  const dir = join(tempDir(), 'unduhan');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.jsonl'), '{"text":"Kemarin saya pergi ke pasar."}\n');
  const gz = readFileSync(fixture('bad', 'truncated.jsonl.gz'));
  writeFileSync(join(dir, 'b.jsonl.gz'), gz);
  writeFileSync(join(dir, 'c.txt'), 'Hari ini hujan.\n');
  return { dir, cut: beforeCut(gz) };
}

describe('reading a cut-off .gz', () => {
  it('gives every byte zlib decompressed before the cut, however slowly the reader takes them, then GzipDataError', async () => {
    const gz = gzipSync(jsonl(120_000));
    const file = join(tempDir(), 'besar.jsonl.gz');
    writeFileSync(file, gz.subarray(0, gz.length - 1000));
    const expected = gunzipSync(gz.subarray(0, gz.length - 1000), { finishFlush: constants.Z_SYNC_FLUSH });
    const got: Buffer[] = [];
    let error: unknown = null;
    try {
      for await (const chunk of readFileBytes(file, { read: 0 })) {
        got.push(chunk);
        // A reader busy with the previous chunk (the writer's transaction): zlib must not drop what it holds meanwhile.
        await new Promise((r) => setTimeout(r, 5));
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GzipDataError);
    expect((error as GzipDataError).truncated).toBe(true);
    expect(Buffer.concat(got).equals(expected)).toBe(true);
  });
});

describe('a .gz file cut off part-way (a download that did not finish)', () => {
  for (const where of ['thread', 'worker'] as const) {
    it(`keeps the records before the cut, rejects the file at the cut by its name on disk, and imports the other files (${where})`, async () => {
      if (where === 'worker') process.env.KURASI_IMPORT_WORKER_BYTES = '0';
      const { dir, cut } = folder();
      expect(cut.lines.length).toBeGreaterThan(1000);
      const path = tempDbPath();
      const run = await importInThread(path, { paths: [dir], source: 'unduhan' });
      expect(run.error).toBeNull();
      expect(run.state).toBe('done');
      expect(run.result).toMatchObject({
        files: 3,
        imported: cut.lines.length + 2,
        rejected: 1,
        rejects: [{ file: 'b.jsonl.gz', line: cut.cutLine, reason: GZIP_CUT_REASON }],
      });
      const db = openCorpus(path);
      const stored = docs(db);
      expect(stored[0]!.text).toBe('Kemarin saya pergi ke pasar.');
      expect(stored.slice(1, -1).map((d) => d.text)).toEqual(cut.lines.map((l) => (JSON.parse(l) as { text: string }).text));
      // Ids keep the name without .gz, like every other record of a .gz file.
      expect(stored[1]!.external_id).toBe('b.jsonl:1');
      expect(stored.at(-1)!.text).toBe('Hari ini hujan.');
      expect(db.prepare('SELECT file, line, reason, excerpt FROM rejects').all()).toEqual([
        { file: 'b.jsonl.gz', line: cut.cutLine, reason: GZIP_CUT_REASON, excerpt: cut.partial },
      ]);
      expect(db.prepare('SELECT document_count, reject_count FROM sources').get()).toEqual({ document_count: cut.lines.length + 2, reject_count: 1 });
      db.close();
    });
  }

  it('drops a record still open at the cut instead of storing it cut short (whole-file txt, multi-line CSV field)', async () => {
    const dir = tempDir();
    const txt = gzipSync('Paragraf pertama dari satu dokumen panjang.\n'.repeat(3000));
    writeFileSync(join(dir, 'buku.txt.gz'), txt.subarray(0, Math.floor(txt.length / 2)));
    const rows = ['text,nomor'];
    // Every 500th row has a quoted text of 40 lines ("yang" on its first line only).
    const field = (i: number) => [`"baris ${i} yang`, ...Array.from({ length: 39 }, (_, k) => `sambungan ${i}-${k}, dengan koma`)].join('\n') + `",${i}`;
    for (let i = 1; i <= 2000; i++) rows.push(i % 500 === 0 ? field(i) : `baris ${i},${i}`);
    const csv = gzipSync(rows.join('\n') + '\n');
    // Cut inside the quoted field of row 1500: some of its lines arrive, its end does not.
    const full = gunzipSync(csv).toString();
    let cutAt = 0;
    for (let k = 100; k < csv.length; k++) {
      const got = beforeCut(csv.subarray(0, k)).lines.join('\n');
      if (got.includes('sambungan 1500-5,') && !got.includes('sambungan 1500-38,')) {
        cutAt = k;
        break;
      }
    }
    expect(cutAt).toBeGreaterThan(0);
    writeFileSync(join(dir, 'tabel.csv.gz'), csv.subarray(0, cutAt));
    const cut = beforeCut(csv.subarray(0, cutAt));
    expect(full.startsWith(cut.lines.join('\n'))).toBe(true);

    const path = tempDbPath();
    const run = await importInThread(path, { paths: [dir], source: 'potong' });
    expect(run.state).toBe('done');
    const db = openCorpus(path);
    const texts = docs(db).map((d) => d.text);
    // The whole-file document never ended: nothing of it is stored, the reject says where the data stops.
    expect(texts.some((t) => t.startsWith('Paragraf pertama'))).toBe(false);
    // The CSV rows up to the open field are in; the open field is neither a row nor rows of its own.
    expect(texts.at(-1)).toBe('baris 1499');
    expect(texts.filter((t) => t.includes('yang'))).toEqual([field(500), field(1000)].map((f) => f.slice(1, f.lastIndexOf('"'))));
    expect(texts.some((t) => t.includes('sambungan 1500-'))).toBe(false);
    expect(run.result.rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['buku.txt.gz', beforeCut(txt.subarray(0, Math.floor(txt.length / 2))).cutLine, GZIP_CUT_REASON],
      ['tabel.csv.gz', cut.cutLine, GZIP_CUT_REASON],
    ]);
    db.close();
  });

  it('is skipped when imported again as it is, and the complete download brings the rest', async () => {
    const dir = tempDir();
    const gz = gzipSync(jsonl(3000));
    const file = join(dir, 'berita.jsonl.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const cut = beforeCut(gz.subarray(0, Math.floor(gz.length * 0.6)));
    const path = tempDbPath();
    const first = await importInThread(path, { paths: [file], source: 'berita' });
    expect(first.result).toMatchObject({ imported: cut.lines.length, rejected: 1 });
    const same = await importInThread(path, { paths: [file], source: 'berita' });
    expect(same.result).toMatchObject({ imported: 0, skipped: cut.lines.length, rejected: 0 });
    writeFileSync(file, gz);
    const whole = await importInThread(path, { paths: [file], source: 'berita' });
    expect(whole.result).toMatchObject({ imported: 3000 - cut.lines.length, skipped: cut.lines.length, rejected: 0 });
    const db = openCorpus(path);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(3000);
    db.close();
  });

  it('damaged gzip data: the records before the damage are kept, the reject gives zlib’s reason, the hash is the whole file’s', async () => {
    const dir = tempDir();
    // A whole first member, then a second one whose deflate data starts with a block of the reserved type 3.
    const header = gzipSync('x').subarray(0, 10);
    const gz = Buffer.concat([gzipSync(jsonl(40_000)), header, Buffer.from([0x07, 0x00, 0x00, 0x00])]);
    const file = join(dir, 'rusak.jsonl.gz');
    writeFileSync(file, gz);
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [file, fixture('good.jsonl')], source: 'rusak' });
    expect(run.state).toBe('done');
    expect(run.result.rejects).toEqual([{ file: 'rusak.jsonl.gz', line: expect.any(Number), reason: gzipDamagedReason('invalid block type') }]);
    const db = openCorpus(path);
    // zlib gives nothing of the output it was writing when it failed (at most its 1 MB buffer): the lines before are in.
    const kept = db.prepare("SELECT count(*) FROM documents WHERE external_id LIKE 'rusak.jsonl:%'").pluck().get() as number;
    expect(kept).toBeGreaterThan(20_000);
    expect(kept).toBeLessThanOrEqual(40_000);
    expect(run.result.rejects[0]!.line).toBe(kept + 1);
    expect(db.prepare("SELECT count(*) FROM documents WHERE external_id LIKE 'good.jsonl:%'").pluck().get()).toBe(3);
    expect(db.prepare('SELECT sha256 FROM import_files WHERE path = ?').pluck().get(file)).toBe(createHash('sha256').update(gz).digest('hex'));
    db.close();
  });

  it('kurasi import names the file with .gz and the line, and exits 0 with the rest imported', async () => {
    const { dir, cut } = folder();
    const r = await runKurasi(['import', dir, '--db', tempDbPath(), '--source', 'unduhan']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`imported ${cut.lines.length + 2} documents into 'unduhan' (0 already present, 1 rejected)\n  rejected b.jsonl.gz:${cut.cutLine}: ${GZIP_CUT_REASON}\n`);
  }, 60_000);
});

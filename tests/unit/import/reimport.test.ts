import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, fixture, importInThread } from './helpers';

function writeJsonl(path: string, n: number): void {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(JSON.stringify({ id: `d${i}`, text: `Dokumen nomor ${i} tentang kota ${i % 97} dan desa ${i % 13}.` }));
  writeFileSync(path, lines.join('\n') + '\n');
}

describe('re-import and resume', () => {
  it('re-importing the same files into the same source adds nothing (skipped quickly by their SHA-256)', async () => {
    const path = tempDbPath();
    const params = { paths: [fixture('folder'), fixture('bad', 'malformed.jsonl')], source: 's' };
    const first = await importInThread(path, params);
    expect(first.result).toMatchObject({ imported: 7, skipped: 0, rejected: 2 });
    const db = openCorpus(path);
    const before = docs(db);
    const second = await importInThread(path, params);
    expect(second.result).toMatchObject({ imported: 0, skipped: 7, rejected: 0 });
    expect(docs(db)).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM import_files WHERE job_id = ? AND state = 'skipped'`).pluck().get(second.jobId)).toBe(5);
    expect(db.prepare('SELECT document_count, reject_count FROM sources').get()).toEqual({ document_count: 7, reject_count: 2 });
    expect(db.prepare('SELECT count(*) FROM rejects').pluck().get()).toBe(2);
    db.close();
  });

  it('a file that grew is read again: old records are skipped as present, new ones added', async () => {
    const dir = tempDir();
    const file = join(dir, 'tumbuh.jsonl');
    copyFileSync(fixture('good.jsonl'), file);
    const path = tempDbPath();
    await importInThread(path, { paths: [file] });
    appendFileSync(file, '{"text":"Baris tambahan yang baru."}\n');
    const again = await importInThread(path, { paths: [file] });
    expect(again.result).toMatchObject({ imported: 1, skipped: 3 });
    const db = openCorpus(path);
    expect(docs(db).map((r) => r.external_id)).toEqual(['tumbuh.jsonl:1', 'tumbuh.jsonl:2', 'tumbuh.jsonl:4', 'tumbuh.jsonl:5']);
    db.close();
  });

  it('the same file read another way (another txt mode) is read again, not skipped as already present', async () => {
    const fresh = await importInThread(tempDbPath(), { paths: [fixture('paragraphs.txt')], txtMode: 'paragraph' });
    const paragraphs = fresh.result as { imported: number };
    expect(paragraphs.imported).toBeGreaterThan(1);
    const path = tempDbPath();
    const whole = await importInThread(path, { paths: [fixture('paragraphs.txt')], source: 's' });
    expect(whole.result).toMatchObject({ imported: 1, skipped: 0 });
    const again = await importInThread(path, { paths: [fixture('paragraphs.txt')], source: 's', txtMode: 'paragraph' });
    // The first paragraph has the whole file's id (paragraphs.txt:1) with another text: a reject, said as such.
    const r = again.result as { imported: number; skipped: number; rejected: number; rejects: { reason: string }[] };
    expect([r.imported, r.skipped, r.rejected]).toEqual([paragraphs.imported - 1, 0, 1]);
    expect(r.rejects[0]?.reason).toMatch(/duplicate id/);
    const same = await importInThread(path, { paths: [fixture('paragraphs.txt')], source: 's', txtMode: 'paragraph' });
    expect(same.result).toMatchObject({ imported: 0, skipped: paragraphs.imported - 1 });
    const db = openCorpus(path);
    expect(db.prepare(`SELECT count(*) FROM import_files WHERE job_id = ? AND state = 'skipped'`).pluck().get(same.jobId)).toBe(1);
    db.close();
  });

  it('two files with the same name in one import get ids that tell them apart (and none is lost)', async () => {
    const dir = tempDir();
    for (const year of ['2023', '2024']) {
      mkdirSync(join(dir, year));
      writeFileSync(join(dir, year, 'berita.csv'), `text\nBerita pertama tahun ${year}.\nBerita kedua tahun ${year}.\n`);
    }
    writeFileSync(join(dir, 'lain.csv'), 'text\nSatu berita lain.\n');
    const path = tempDbPath();
    const params = { paths: [join(dir, '2023'), join(dir, '2024'), join(dir, 'lain.csv')], source: 's' };
    const first = await importInThread(path, params);
    expect(first.result).toMatchObject({ imported: 5, rejected: 0 });
    const db = openCorpus(path);
    expect(docs(db).map((r) => r.external_id)).toEqual(['2023/berita.csv:2', '2023/berita.csv:3', '2024/berita.csv:2', '2024/berita.csv:3', 'lain.csv:2']);
    db.close();
    const again = await importInThread(path, params);
    expect(again.result).toMatchObject({ imported: 0, skipped: 5, rejected: 0 });
  });

  it('an import that changes a source\'s declared licence says so in the audit log (and a cleared source goes stale)', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [fixture('good.jsonl')], source: 's', license: 'CC-BY-4.0' });
    const db = openCorpus(path);
    db.prepare(`UPDATE sources SET concluded_license = 'CC-BY-4.0', review_state = 'cleared'`).run();
    db.close();
    await importInThread(path, { paths: [fixture('paragraphs.txt')], source: 's', license: 'CC-BY-NC-4.0' });
    const after = openCorpus(path);
    const entries = after.prepare(`SELECT action, before, after FROM audit_log WHERE entity = 'source' AND action LIKE 'license.%' ORDER BY id`).all();
    expect(entries).toEqual([
      { action: 'license.declared', before: '{"declaredLicense":"CC-BY-4.0"}', after: '{"declaredLicense":"CC-BY-NC-4.0"}' },
      expect.objectContaining({ action: 'license.stale' }),
    ]);
    expect(after.prepare('SELECT declared_license, review_state FROM sources').get()).toEqual({ declared_license: 'CC-BY-NC-4.0', review_state: 'stale' });
    after.close();
  });

  it('the same file into another source is imported again there', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [fixture('good.jsonl')], source: 'a' });
    const other = await importInThread(path, { paths: [fixture('good.jsonl')], source: 'b' });
    expect(other.result).toMatchObject({ imported: 3, skipped: 0 });
  });

  it('a cancelled job keeps whole batches; resuming it finishes from its checkpoint without duplicates', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.jsonl');
    writeJsonl(file, 25_000);
    const path = tempDbPath();
    const ac = new AbortController();
    const cancelled = await importInThread(path, { paths: [file] }, ac.signal, undefined, (m) => {
      if (m.type === 'progress' && m.done > 0) ac.abort();
    });
    expect(cancelled.state).toBe('cancelled');
    const db = openCorpus(path);
    const partial = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(25_000);
    expect(db.prepare('SELECT document_count FROM sources').pluck().get()).toBe(partial);

    const resumed = await importInThread(path, { paths: [file] }, new AbortController().signal, cancelled.jobId);
    expect(resumed.state).toBe('done');
    expect(resumed.result).toMatchObject({ imported: 25_000, skipped: 0, rejected: 0 });
    expect(db.prepare('SELECT count(*), count(DISTINCT external_id) FROM documents').raw().get()).toEqual([25_000, 25_000]);
    expect(db.prepare('SELECT document_count FROM sources').pluck().get()).toBe(25_000);
    expect(db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'dokumen'`).pluck().get()).toBe(25_000);

    // A fresh job over the same file afterwards finds everything present.
    const rerun = await importInThread(path, { paths: [file] });
    expect(rerun.result).toMatchObject({ imported: 0, skipped: 25_000 });
    db.close();
  });

  it('a new job after an interrupted one completes it and reports the earlier rows as already present', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.jsonl');
    writeJsonl(file, 22_000);
    appendFileSync(file, '{"text":""}\n');
    const path = tempDbPath();
    const ac = new AbortController();
    await importInThread(path, { paths: [file] }, ac.signal, undefined, (m) => {
      if (m.type === 'progress' && m.done > 0) ac.abort();
    });
    const db = openCorpus(path);
    // Pretend the process died: the file's row is still 'running', as after a SIGKILL.
    db.prepare(`UPDATE import_files SET state = 'running'`).run();
    const partial = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const rerun = await importInThread(path, { paths: [file] });
    expect(rerun.result).toMatchObject({ imported: 22_000 - partial, skipped: partial, rejected: 1 });
    expect(db.prepare('SELECT count(*), count(DISTINCT external_id) FROM documents').raw().get()).toEqual([22_000, 22_000]);
    expect(db.prepare('SELECT count(*) FROM rejects').pluck().get()).toBe(1);
    expect(db.prepare('SELECT document_count, reject_count FROM sources').raw().get()).toEqual([22_000, 1]);
    db.close();
  });
});

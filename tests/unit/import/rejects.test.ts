import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, fixture, importInThread, lateFailure, lateFailureError, snapshot } from './helpers';

async function importBad(name: string, extra: Record<string, unknown> = {}) {
  const path = tempDbPath();
  const run = await importInThread(path, { paths: [fixture('bad', name)], ...extra });
  const db = openCorpus(path);
  const texts = docs(db).map((r) => r.text);
  const stored = db.prepare('SELECT job_id, file, line, reason, excerpt FROM rejects ORDER BY id').all() as { job_id: number; file: string; line: number; reason: string; excerpt: string }[];
  const counts = db.prepare('SELECT document_count, reject_count FROM sources').get() as { document_count: number; reject_count: number };
  db.close();
  return { run, texts, stored, counts };
}

describe('bad input is rejected with file and line, and the rest imports', () => {
  it('malformed JSON lines and non-objects', async () => {
    const { run, texts, stored, counts } = await importBad('malformed.jsonl');
    expect(run.state).toBe('done');
    expect(texts).toEqual(['Baik satu.', 'Baik dua.']);
    expect(run.result.rejects).toEqual([
      { file: 'malformed.jsonl', line: 2, reason: expect.stringMatching(/^malformed JSON/) },
      { file: 'malformed.jsonl', line: 4, reason: 'not a JSON object' },
    ]);
    expect(stored[0]).toMatchObject({ job_id: run.jobId, file: 'malformed.jsonl', line: 2, excerpt: '{"text": "tidak ditutup' });
    expect(counts).toEqual({ document_count: 2, reject_count: 2 });
  });

  it('malformed CSV rows: wrong field count and a stray quote', async () => {
    const { run, texts } = await importBad('malformed.csv');
    expect(texts).toEqual(['Baik satu', 'Baik dua']);
    expect(run.result.rejects).toEqual([
      { file: 'malformed.csv', line: 3, reason: 'malformed row: 4 fields, the header has 2' },
      { file: 'malformed.csv', line: 4, reason: expect.stringMatching(/^malformed row/) },
    ]);
  });

  it('an unterminated quoted field is reported at the line it starts; the row after it still imports', async () => {
    const { run, texts } = await importBad('unterminated.csv');
    expect(texts).toEqual(['Baik satu', 'apa saja']);
    expect(run.result.rejects).toEqual([{ file: 'unterminated.csv', line: 3, reason: 'unterminated quoted field' }]);
  });

  it('invalid UTF-8 is detected (not silently replaced) in JSONL, CSV and TXT', async () => {
    for (const [name, extra] of [['invalid-utf8.jsonl', {}], ['invalid-utf8.csv', {}], ['invalid-utf8.txt', { txtMode: 'line' }]] as const) {
      const { run, texts } = await importBad(name, extra);
      expect(texts).toEqual(name.endsWith('.jsonl') ? ['Baik satu.', 'Baik dua.'] : ['Baik satu', 'Baik dua']);
      expect(run.result.rejects).toEqual([{ file: name, line: name.endsWith('.csv') ? 3 : 2, reason: 'invalid UTF-8' }]);
      expect(texts.join('')).not.toContain('\uFFFD');
    }
  });

  it('a whole-file TXT document with invalid UTF-8 names the bad line', async () => {
    const { run, texts } = await importBad('invalid-utf8.txt', { txtMode: 'file' });
    expect(texts).toEqual([]);
    expect(run.result.rejects).toEqual([{ file: 'invalid-utf8.txt', line: 1, reason: 'invalid UTF-8 at line 2' }]);
  });

  it('empty and whitespace-only texts', async () => {
    const j = await importBad('empty-text.jsonl');
    expect(j.texts).toEqual(['Baik satu.', 'Baik dua.']);
    expect(j.run.result.rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'empty text'], [3, 'empty text']]);
    const c = await importBad('empty-text.csv');
    expect(c.texts).toEqual(['Baik satu', 'Baik dua']);
    expect(c.run.result.rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'empty text'], [4, 'empty text']]);
  });

  it('a record over maxRecordBytes', async () => {
    const { run, texts } = await importBad('oversized.jsonl', { maxRecordBytes: 200 });
    expect(texts).toEqual(['Baik satu.', 'Baik dua.']);
    expect(run.result.rejects).toEqual([{ file: 'oversized.jsonl', line: 2, reason: 'record is 320 bytes, over the limit of 200' }]);
  });

  it('a duplicate id within a source with a different text', async () => {
    const { run, texts } = await importBad('duplicate-id.jsonl', { idField: 'id' });
    expect(texts).toEqual(['Yang pertama.', 'Yang lain.']);
    expect(run.result.rejects).toEqual([{ file: 'duplicate-id.jsonl', line: 3, reason: expect.stringMatching(/^duplicate id 'x'/) }]);
  });
});

describe('a file that cannot be parsed at all fails the job and leaves the corpus unchanged', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['no-text-column.csv', {}, /no-text-column\.csv: no text field .*'judul', 'isi'/],
    ['no-text-column.csv', { textField: 'label' }, /no-text-column\.csv: no text field 'label'/],
    ['binary.jsonl', {}, /binary\.jsonl: binary data/],
    ['not-json.jsonl', {}, /not-json\.jsonl: not JSON lines \(line 1: malformed JSON/],
    ['does-not-exist.jsonl', {}, /does-not-exist\.jsonl: cannot read \(ENOENT\)/],
  ];
  for (const [name, extra, message] of cases) {
    it(`${name} ${JSON.stringify(extra)}`, async () => {
      const path = tempDbPath();
      // A good import first: it must survive the failed one untouched.
      await importInThread(path, { paths: [fixture('good.jsonl')], source: 'same' });
      const db = openCorpus(path);
      const before = snapshot(db);
      const run = await importInThread(path, { paths: [fixture('good.tsv'), fixture('bad', name)], source: 'same', ...extra });
      expect(run.state).toBe('failed');
      expect(run.error).toMatch(message);
      expect(snapshot(db)).toBe(before);
      db.close();
    });
  }

  it('a failure in a later file takes back the earlier files of the same job, including a new source', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('good.csv'), lateFailure(tempDir())], textField: 'teks', format: 'auto' });
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(lateFailureError());
    const db = openCorpus(path);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
    db.close();
  });
});

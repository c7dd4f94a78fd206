import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { listAudit } from '../../../electron/engine/store/audit';
import { redactDocument } from '../../../electron/engine/pii/store';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const WITH_PII = 'Atas nama Siti, NIK 3174055203900002, HP 0812-3456-7890. Nomor pesanan 3174051203900001 sudah dikirim.';
const BARE = 'Data: Budi, 3174051203900001, Surabaya.';

function docs(n: number): SeedDoc[] {
  return Array.from({ length: n }, (_, i) => ({
    text: i % 3 === 0 ? WITH_PII : i % 3 === 1 ? `Dokumen biasa nomor ${i} tanpa data pribadi.` : `Surel ${i}: orang${i}@contoh.co.id`,
    externalId: `d${i}`,
  }));
}

/** Calls a method through the API boundary and returns its typed value (throws on an error result). */
describe('pii job', () => {
  it('stores findings and counts, survives cancel + resume, and keeps decisions across re-runs', async () => {
    const { path, db } = seedCorpus(docs(3000));
    db.close();
    engine = openEngine({ dbPath: path, actor: 'annotator' });
    const e = engine;
    const id = e.jobs.start('pii', { workers: 2, batchSize: 50 });
    await new Promise<void>((resolve) => {
      const off = e.events.on('job-progress', (p) => {
        if (p.jobId === id && p.done > 0) {
          off();
          e.jobs.cancel(id);
          resolve();
        }
      });
    });
    const cancelled = await e.jobs.wait(id);
    expect(cancelled.state).toBe('cancelled');
    const scanned = (e.db.prepare('SELECT count(*) AS n FROM documents WHERE pii_count IS NOT NULL').get() as { n: number }).n;
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThan(3000);
    e.jobs.resume(id);
    const done = await e.jobs.wait(id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ scanned: 3000, withPii: 2000 });

    const summary = await call(e, 'pii.summary', {});
    expect(Object.fromEntries(summary.types.map((t) => [t.type, t.findings]))).toEqual({ NIK: 1000, PHONE: 1000, EMAIL: 1000 });

    const f = await call(e, 'pii.findings', { documentId: 1 });
    expect(f.findings.map((x) => [x.type, WITH_PII.slice(x.start, x.end), x.decision])).toEqual([
      ['NIK', '3174055203900002', null],
      ['PHONE', '0812-3456-7890', null],
    ]);

    // Dismiss the phone number, confirm a span the detector missed (the order number, typed as NIK for the test).
    const phone = f.findings[1]!;
    const d1 = await call(e, 'pii.decide', { documentId: 1, type: 'PHONE', start: phone.start, end: phone.end, decision: 'dismissed', note: 'nomor kantor' });
    expect(d1.piiCount).toBe(1);
    const s = WITH_PII.indexOf('3174051203900001');
    const d2 = await call(e, 'pii.decide', { documentId: 1, type: 'NIK', start: s, end: s + 16, decision: 'confirmed' });
    expect(d2.piiCount).toBe(2);
    const audit = listAudit(e.db, 'document', 1);
    expect(audit.map((a) => a.action).sort()).toEqual(['pii.confirm', 'pii.dismiss']);
    expect(audit.find((a) => a.action === 'pii.dismiss')).toMatchObject({ actor: 'annotator', note: 'nomor kantor' });

    // A fresh run rewrites findings but not decisions.
    const again = e.jobs.start('pii', { workers: 1 });
    expect((await e.jobs.wait(again)).state).toBe('done');
    const after = await call(e, 'pii.findings', { documentId: 1 });
    expect(after.findings.map((x) => [x.type, x.decision, x.confidence === null])).toEqual([
      ['NIK', null, false],
      ['PHONE', 'dismissed', false],
      ['NIK', 'confirmed', true],
    ]);
    expect((e.db.prepare('SELECT pii_count FROM documents WHERE id = 1').get() as { pii_count: number }).pii_count).toBe(2);

    // Export's redaction: confirmed + high-confidence, minus dismissed.
    const red = redactDocument(e.db, 1, WITH_PII);
    expect(red.text).toBe('Atas nama Siti, NIK <NIK>, HP 0812-3456-7890. Nomor pesanan <NIK> sudah dikirim.');
    expect(red.counts).toEqual({ NIK: 2 });
    expect(red.changed).toBe(true);
    expect(redactDocument(e.db, 2, docs(3)[1]!.text).changed).toBe(false);
  });

  it('lists the documents of one kind in the browser: as many as the summary counts', async () => {
    const { path, db } = seedCorpus(docs(30));
    db.close();
    const e = (engine = openEngine({ dbPath: path, actor: 'test' }));
    expect((await e.jobs.wait(e.jobs.start('pii', { workers: 1 }))).state).toBe('done');
    const summary = await call(e, 'pii.summary', {});
    const emails = summary.types.find((r) => r.type === 'EMAIL')!;
    const page = await call(e, 'documents.list', { limit: 500, filters: { piiType: 'EMAIL' } });
    expect(page.total).toBe(emails.documents);
    expect(page.rows.map((r) => r.externalId)).toEqual(Array.from({ length: 10 }, (_, i) => `d${i * 3 + 2}`));
    // With another filter, and a kind nothing was found of.
    expect((await call(e, 'documents.list', { filters: { piiType: 'NIK', piiMin: 2 } })).total).toBe(10);
    expect((await call(e, 'documents.list', { filters: { piiType: 'PASSPORT' } })).total).toBe(0);
    expect((await dispatch(e, 'documents.list', { filters: { piiType: 'SHOE_SIZE' } })).ok).toBe(false);
  });

  it('rejects bad decisions at the boundary and redacts unscanned documents on the fly', async () => {
    const { path, db } = seedCorpus([{ text: BARE }, { text: 'NIK 3174055203900002' }]);
    db.close();
    engine = openEngine({ dbPath: path, actor: 't' });
    const bad = await dispatch(engine, 'pii.decide', { documentId: 1, type: 'NIK', start: 5, end: 500, decision: 'confirmed' });
    expect(bad.ok).toBe(false);
    const wrongType = await dispatch(engine, 'pii.decide', { documentId: 1, type: 'SSN', start: 0, end: 3, decision: 'confirmed' });
    expect(wrongType.ok).toBe(false);
    const missing = await dispatch(engine, 'pii.findings', { documentId: 99 });
    expect(missing.ok).toBe(false);
    expect(redactDocument(engine.db, 2, 'NIK 3174055203900002').text).toBe('NIK <NIK>');
    const detect = await call(engine, 'pii.detect', { text: 'hubungi 081234567890' });
    expect(detect.redacted).toBe('hubungi <PHONE>');
  });
});

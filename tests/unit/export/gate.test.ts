import { describe, expect, it } from 'vitest';
import { exportOptions, type ExportOptionsInput } from '../../../shared/contract/export';
import { combineLicenses } from '../../../shared/license';
import { runExport } from '../../../electron/engine/export/run-export';
import { previewExport } from '../../../electron/engine/export/select';
import type { Db } from '../../../electron/engine/store/open';
import { tempDir } from '../../helpers/temp';
import { seedSources, standardSpecs, talpco } from './fixture';
import { allRecords, manifest } from './read';

function exportNow(db: Db, opts: Partial<ExportOptionsInput> = {}) {
  const out = tempDir();
  const o = exportOptions.parse({ out, ...opts });
  return runExport(db, o, { actor: 'tester' }).then((result) => ({ out, result, records: allRecords(out).map((r) => r.rec), shards: manifest(out).shards }));
}

const sourcesOf = (records: { source: string }[]) => [...new Set(records.map((r) => r.source))].sort();

describe('export gate', () => {
  it('exports only cleared sources by default and says why the rest stayed out', async () => {
    const { db, ids } = seedSources(standardSpecs());
    const { records, result } = await exportNow(db);
    expect(sourcesOf(records)).toEqual(['apache-src', 'nc-src', 'nd-src', 'nusax', 'odbl-src', 'talpco-ind', 'talpco-jav']);
    expect(result.excluded).toEqual({ 'not-cleared': 20, stale: 10, rejected: 10 });
    const cleared = ['apache-src', 'nc-src', 'nd-src', 'nusax', 'odbl-src', 'talpco-ind', 'talpco-jav'].reduce((a, s) => a + ids.get(s)!.length, 0);
    expect(result.documents).toBe(cleared);
    expect(records).toHaveLength(cleared);
    // records are in id order within each shard
    for (const s of manifest(result.out).shards) {
      const recs = allRecords(result.out).filter((r) => r.shard.file === s.file).map((r) => r.rec.id);
      expect(recs).toEqual([...recs].sort((a, b) => a - b));
      expect([recs[0], recs.at(-1), recs.length]).toEqual([s.firstId, s.lastId, s.documents]);
    }
    db.close();
  });

  it('lets an override reason through unreviewed, stale and unlicensed sources (recorded in the audit log), never rejected ones', async () => {
    const { db } = seedSources(standardSpecs());
    const { records, result } = await exportNow(db, { overrideReason: 'pilot training run, review pending (ticket 42)' });
    const got = sourcesOf(records);
    expect(got).toContain('pending');
    expect(got).toContain('stale-src');
    expect(got).toContain('no-licence');
    expect(got).not.toContain('rejected-src');
    expect(result.excluded).toEqual({ rejected: 10 });
    // a source without a concluded licence is never commercial: its own shard family, licence NOASSERTION
    const unlicensed = records.filter((r) => r.source === 'no-licence');
    expect(new Set(unlicensed.map((r) => r.license))).toEqual(new Set(['NOASSERTION']));
    const audit = db.prepare(`SELECT a.entity_id, a.note, a.actor, s.name FROM audit_log a JOIN sources s ON s.id = CAST(a.entity_id AS INTEGER) WHERE a.action = 'export.override' ORDER BY s.name`).all() as {
      note: string;
      actor: string;
      name: string;
    }[];
    expect(audit.map((a) => a.name)).toEqual(['no-licence', 'pending', 'stale-src']);
    expect(audit.every((a) => a.note === 'pilot training run, review pending (ticket 42)' && a.actor === 'tester')).toBe(true);
    const card = manifest(result.out);
    expect(card.shards.some((s) => s.shardKey === 'unknown')).toBe(true);
    db.close();
  });

  it('a commercial export refuses non-commercial and unknown licences, even with an override', async () => {
    const { db } = seedSources(standardSpecs());
    const { records, result } = await exportNow(db, { license: 'commercial', overrideReason: 'needed' });
    expect(records.every((r) => !['nc-src', 'no-licence', 'rejected-src'].includes(r.source))).toBe(true);
    expect(result.excluded['not-commercial']).toBe(10);
    expect(result.excluded['no-licence']).toBe(10);
    expect(new Set(records.map((r) => r.license))).not.toContain('CC-BY-NC-4.0');
    db.close();
  });

  it('leaves no-derivatives documents out of an export that changes text, and redacts personal data', async () => {
    const specs = standardSpecs();
    specs.push({
      name: 'forum',
      concluded: 'CC-BY-4.0',
      state: 'cleared',
      lang: 'ind',
      texts: ['Hubungi Budi di 0812-3456-7890 atau budi.santoso@example.co.id untuk info lowongan.', ...talpco('ind', 3, 700)],
    });
    const { db } = seedSources(specs);
    const plain = await exportNow(db);
    expect(sourcesOf(plain.records)).toContain('nd-src');
    const red = await exportNow(db, { redactPii: true });
    expect(sourcesOf(red.records)).not.toContain('nd-src');
    expect(red.result.excluded['no-derivatives']).toBe(10);
    const forum = red.records.find((r) => r.source === 'forum' && r.text.startsWith('Hubungi'))!;
    expect(forum.text).toBe('Hubungi Budi di <PHONE> atau <EMAIL> untuk info lowongan.');
    expect((manifest(red.out) as unknown as { piiRedactions: Record<string, number> }).piiRedactions).toEqual({ EMAIL: 1, PHONE: 1 });
    expect(red.shards.find((s) => s.shardKey === 'commercial')!.redactions).toEqual({ EMAIL: 1, PHONE: 1 });

    // a reviewer's dismissal (PII feature) is honoured: that span stays
    const start = forum.text.indexOf('<EMAIL>') - '<PHONE>'.length + '0812-3456-7890'.length;
    const original = 'Hubungi Budi di 0812-3456-7890 atau budi.santoso@example.co.id untuk info lowongan.';
    expect(original.slice(start, start + 'budi.santoso@example.co.id'.length)).toBe('budi.santoso@example.co.id');
    db.prepare(`INSERT INTO pii_decisions(document_id, start, end, type, decision, actor, decided_at) VALUES (?, ?, ?, 'EMAIL', 'dismissed', 'lead', '2026-01-01')`).run(
      forum.id,
      start,
      start + 'budi.santoso@example.co.id'.length,
    );
    const again = await exportNow(db, { redactPii: true });
    expect(again.records.find((r) => r.id === forum.id)!.text).toBe('Hubungi Budi di <PHONE> atau budi.santoso@example.co.id untuk info lowongan.');
    db.close();
  });

  it('never mixes use classes or share-alike families in a shard; a shard licence is the combination of its documents', async () => {
    const { db } = seedSources(standardSpecs());
    const { out, shards } = await exportNow(db, { overrideReason: 'mixing test' });
    expect(new Set(shards.map((s) => s.shardKey))).toEqual(
      new Set(['commercial', 'commercial_nd', 'commercial_sa-cc-by-sa-4.0', 'commercial_sa-odbl-1.0', 'non-commercial', 'unknown']),
    );
    const byShard = new Map<string, string[]>();
    for (const { shard, rec } of allRecords(out)) byShard.set(shard.file, [...(byShard.get(shard.file) ?? []), rec.license]);
    for (const s of shards) {
      const combined = combineLicenses(byShard.get(s.file) ?? []);
      expect(s.license).toBe(combined.expression);
      expect(combined.conflicts).toEqual([]);
      const uses = new Set((byShard.get(s.file) ?? []).map((l) => combineLicenses([l]).use));
      expect(uses.size).toBe(1);
    }
    expect(shards.find((s) => s.shardKey === 'commercial')!.license).toBe('Apache-2.0 AND CC-BY-4.0');
    expect(shards.find((s) => s.shardKey === 'unknown')!.license).toBe('NOASSERTION');
    db.close();
  });

  it('a document-level licence replaces its source licence and moves it to the right shard family', async () => {
    const { db, ids } = seedSources(standardSpecs());
    const docId = ids.get('talpco-ind')![3]!;
    db.prepare(`INSERT INTO document_licenses(document_id, concluded_license, set_by, set_at) VALUES (?, 'CC-BY-NC-SA-4.0', 'lead', '2026-01-01T00:00:00Z')`).run(docId);
    const preview = previewExport(db, exportOptions.parse({ out: '.' }));
    const { records, shards, result } = await exportNow(db);
    const rec = records.find((r) => r.id === docId)!;
    expect(rec.license).toBe('CC-BY-NC-SA-4.0');
    const shard = shards.find((s) => s.shardKey === 'non-commercial_sa-cc-by-nc-sa-4.0')!;
    expect(shard).toBeDefined();
    expect([shard.firstId, shard.lastId, shard.documents]).toEqual([docId, docId, 1]);
    expect(preview.byLicense['CC-BY-NC-SA-4.0']!.documents).toBe(1);
    expect(preview.included.documents).toBe(result.documents);
    db.close();
  });

  it('filters by language, duplicates, quality and labels', async () => {
    const { db, ids } = seedSources(standardSpecs());
    const jav = await exportNow(db, { langs: ['jav'] });
    expect(sourcesOf(jav.records)).toEqual(['talpco-jav']);
    expect(jav.result.excluded.language).toBeGreaterThan(0);

    const ind = ids.get('talpco-ind')!;
    db.prepare(`UPDATE documents SET dup_status = 'duplicate' WHERE id IN (?, ?)`).run(ind[0], ind[1]);
    db.prepare(`UPDATE documents SET dup_status = 'kept' WHERE id = ?`).run(ind[2]);
    const dedup = await exportNow(db);
    expect(dedup.records.some((r) => r.id === ind[0] || r.id === ind[1])).toBe(false);
    expect(dedup.records.some((r) => r.id === ind[2])).toBe(true);
    expect(dedup.result.excluded.duplicate).toBe(2);
    const withDups = await exportNow(db, { dedupe: 'all' });
    expect(withDups.records.some((r) => r.id === ind[0])).toBe(true);

    db.prepare(`UPDATE documents SET quality_pass = CASE WHEN id % 2 = 0 THEN 1 ELSE 0 END`).run();
    const q = await exportNow(db, { quality: 'pass', dedupe: 'all' });
    expect(q.records.length).toBeGreaterThan(0);
    expect(q.records.every((r) => r.id % 2 === 0)).toBe(true);

    const lab = db.prepare(`INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, ?, 'topic', ?, '2026-01-01')`);
    lab.run(ind[5], 'ani', JSON.stringify('news'));
    lab.run(ind[6], 'ani', JSON.stringify(['news', 'sport']));
    lab.run(ind[7], 'ani', JSON.stringify('sport'));
    // an adjudication overrides annotators
    lab.run(ind[8], 'ani', JSON.stringify('news'));
    db.prepare(`INSERT INTO adjudications(document_id, question, value, reason, adjudicator, at) VALUES (?, 'topic', ?, 'r', 'lead', '2026-01-02')`).run(ind[8], JSON.stringify('sport'));
    const labelled = await exportNow(db, { labels: [{ question: 'topic', value: 'news' }] });
    expect(labelled.records.map((r) => r.id).sort((a, b) => a - b)).toEqual([ind[5], ind[6]]);
    expect(labelled.result.excluded.label).toBeGreaterThan(0);
    db.close();
  });

  it('the preview counts exactly what the export writes, per language and licence', async () => {
    const { db } = seedSources(standardSpecs());
    const opts = { overrideReason: 'count check', redactPii: true };
    const p = previewExport(db, exportOptions.parse({ out: '.', ...opts }));
    const { records } = await exportNow(db, opts);
    const count = (key: (r: (typeof records)[number]) => string) => {
      const m: Record<string, number> = {};
      for (const r of records) m[key(r)] = (m[key(r)] ?? 0) + 1;
      return m;
    };
    expect(Object.fromEntries(Object.entries(p.byLanguage).map(([k, v]) => [k, v.documents]))).toEqual(count((r) => r.lang));
    expect(Object.fromEntries(Object.entries(p.byLicense).map(([k, v]) => [k, v.documents]))).toEqual(count((r) => r.license));
    expect(p.overriddenSources).toEqual(['no-licence', 'pending', 'stale-src']);
    db.close();
  });
});

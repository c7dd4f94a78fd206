import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../electron/engine/labels/agreement';
import { adjudicate, listConflicts } from '../../../electron/engine/labels/conflicts';
import { setLabel } from '../../../electron/engine/labels/labels';
import { exportPack } from '../../../electron/engine/labels/pack-export';
import { importPacks } from '../../../electron/engine/labels/pack-import';
import { setSchema } from '../../../electron/engine/labels/settings';
import type { Db } from '../../../electron/engine/store/open';
import type { LabelSchema } from '../../../shared/contract/labels';
import { tempDir } from '../../helpers/temp';
import { docs, labelCorpus, laptops, open } from './helpers';

const schema: LabelSchema = {
  questions: [
    { key: 'decision', kind: 'single', title: { id: 'Keputusan', en: 'Decision' }, options: [
      { value: 'keep', title: { id: 'Simpan', en: 'Keep' }, hotkey: 'k' },
      { value: 'drop', title: { id: 'Buang', en: 'Drop' }, hotkey: 'd' },
    ] },
    { key: 'quality', kind: 'rating', title: { id: 'Mutu', en: 'Quality' }, options: [] },
    { key: 'pii', kind: 'span', title: { id: 'Data pribadi', en: 'Personal data' }, options: [{ value: 'name', title: { id: 'Nama', en: 'Name' }, hotkey: 'n' }] },
  ],
};

/** A corpus of n documents with the test schema, copied to each annotator's laptop. */
function team(n: number, names: string[]) {
  const { path, db } = labelCorpus(docs(n));
  setSchema(db, 'curator', schema);
  db.close();
  return { curator: path, laptops: laptops(path, names) };
}

/** Labels on one laptop, exported as that annotator's pack. */
function labelAndExport(dbPath: string, annotator: string, answers: Record<string, (string | number | null)[]>, out: string): void {
  const db = open(dbPath);
  try {
    for (const [question, values] of Object.entries(answers))
      values.forEach((v, i) => {
        if (v !== null) setLabel(db, annotator, i + 1, question, v);
      });
    exportPack(db, annotator, out, annotator);
  } finally {
    db.close();
  }
}

const snapshot = (db: Db) => JSON.stringify([db.prepare('SELECT * FROM labels ORDER BY id').all(), db.prepare('SELECT * FROM label_spans ORDER BY id').all(), db.prepare('SELECT id, label_count FROM documents ORDER BY id').all()]);

describe('label packs', () => {
  it('merges two annotators with planted disagreements; kappa and alpha match the worked example', () => {
    const t = team(10, ['ani', 'budi']);
    const dir = tempDir();
    // Krippendorff (2011) two-coder binary data, 0 = keep, 1 = drop: 4 planted disagreements (docs 1, 3, 6, 9).
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0].map((x) => (x ? 'drop' : 'keep'));
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0].map((x) => (x ? 'drop' : 'keep'));
    labelAndExport(t.laptops.ani as string, 'ani', { decision: A }, join(dir, 'ani.kpack'));
    labelAndExport(t.laptops.budi as string, 'budi', { decision: B }, join(dir, 'budi.kpack'));
    const db = open(t.curator);
    const report = importPacks(db, [join(dir, 'ani.kpack'), join(dir, 'budi.kpack')], 'curator', false);
    expect(report.committed).toBe(true);
    expect(report.packs.map((p) => [p.annotator, p.imported, p.refused])).toEqual([['ani', 10, null], ['budi', 10, null]]);
    expect(report.conflicts).toBe(4);
    const conflicts = listConflicts(db, 0, 50);
    expect(conflicts.rows.map((c) => c.documentId)).toEqual([1, 3, 6, 9]);
    expect(conflicts.rows[0]?.votes).toMatchObject([{ annotator: 'ani', value: 'keep' }, { annotator: 'budi', value: 'drop' }]);
    const decision = computeAgreement(db).find((q) => q.question === 'decision');
    expect(decision).toMatchObject({ annotators: ['ani', 'budi'], items: 10 });
    expect(decision?.rawAgreement).toBeCloseTo(0.6, 10);
    expect(decision?.cohensKappa).toBeCloseTo(0.04 / 0.44, 10); // po 0.6, pe 0.2·0.4 + 0.8·0.6 = 0.56
    expect(decision?.krippendorffAlpha).toBeCloseTo(0.095, 3);
    // Adjudication records the final answer with its reason; the conflict leaves the list.
    adjudicate(db, 'curator', 1, 'decision', 'drop', 'mengandung iklan');
    expect(listConflicts(db, 0, 50).total).toBe(3);
    const audit = db.prepare(`SELECT actor, note, after FROM audit_log WHERE action = 'label.adjudicate'`).get();
    expect(audit).toMatchObject({ actor: 'curator', note: 'mengandung iklan' });
    // Importing the same packs again changes nothing.
    const before = snapshot(db);
    const again = importPacks(db, [join(dir, 'ani.kpack'), join(dir, 'budi.kpack')], 'curator', false);
    expect(again.packs.map((p) => [p.imported, p.unchanged])).toEqual([[0, 10], [0, 10]]);
    expect(snapshot(db)).toBe(before);
    expect((db.prepare('SELECT label_count FROM documents WHERE id = 1').get() as { label_count: number }).label_count).toBe(2);
    db.close();
  });

  it('merges three and four annotators: planted disagreement on decisions, Krippendorff’s 4-observer ratings', () => {
    const t = team(12, ['ani', 'budi', 'citra', 'dewi']);
    const dir = tempDir();
    // Decision: docs 1–4, one planted disagreement (citra drops doc 2). Alpha by hand: 1 − 11·2/(2·8·4) = 0.65625.
    const decision = {
      ani: ['keep', 'keep', 'drop', 'keep'],
      budi: ['keep', 'keep', 'drop', 'keep'],
      citra: ['keep', 'drop', 'drop', 'keep'],
    };
    // Quality ratings 1–5: Krippendorff (2011) reliability data, 4 observers × 12 units with missing values; alpha = 0.743.
    const quality = {
      ani: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      budi: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      citra: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      dewi: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    };
    const packs: string[] = [];
    for (const name of ['ani', 'budi', 'citra', 'dewi'] as const) {
      const out = join(dir, `${name}.kpack`);
      labelAndExport(t.laptops[name] as string, name, { ...(name === 'dewi' ? {} : { decision: decision[name] }), quality: quality[name] }, out);
      packs.push(out);
    }
    const db = open(t.curator);
    const report = importPacks(db, packs, 'curator', false);
    expect(report.committed).toBe(true);
    const agreement = computeAgreement(db);
    const d = agreement.find((q) => q.question === 'decision');
    expect(d).toMatchObject({ annotators: ['ani', 'budi', 'citra'], items: 4, cohensKappa: null });
    expect(d?.krippendorffAlpha).toBeCloseTo(0.65625, 10);
    expect(d?.rawAgreement).toBeCloseTo(10 / 12, 10);
    const q = agreement.find((x) => x.question === 'quality');
    expect(q?.annotators).toHaveLength(4);
    expect(q?.items).toBe(11);
    expect(q?.krippendorffAlpha).toBeCloseTo(1 - (39 * 8) / 1216, 10);
    expect(q?.krippendorffAlpha).toBeCloseTo(0.743, 3);
    // Conflicts: decision on doc 2; quality on units 2, 6, 8.
    expect(listConflicts(db, 0, 50).rows.map((c) => `${c.documentId}:${c.question}`)).toEqual(['2:decision', '2:quality', '6:quality', '8:quality']);
    db.close();
  });

  it('refuses packs from another corpus, corrupted or truncated packs: nothing in the corpus changes', () => {
    const t = team(5, ['ani', 'budi']);
    const dir = tempDir();
    labelAndExport(t.laptops.ani as string, 'ani', { decision: ['keep', 'drop', 'keep', 'keep', 'drop'] }, join(dir, 'ani.kpack'));
    labelAndExport(t.laptops.budi as string, 'budi', { decision: ['keep', 'keep', 'keep', 'keep', 'drop'] }, join(dir, 'budi.kpack'));
    // The same documents imported separately elsewhere: another corpus id.
    const other = labelCorpus(docs(5));
    setSchema(other.db, 'x', schema);
    setLabel(other.db, 'eka', 1, 'decision', 'drop');
    exportPack(other.db, 'eka', join(dir, 'other.kpack'), 'eka');
    other.db.close();
    const good = readFileSync(join(dir, 'budi.kpack'));
    writeFileSync(join(dir, 'truncated.kpack'), good.subarray(0, Math.floor(good.length / 2)));
    const tampered = JSON.parse(gunzipSync(good).toString('utf8')) as { labels: { value: string }[] };
    (tampered.labels[0] as { value: string }).value = 'drop';
    writeFileSync(join(dir, 'tampered.kpack'), gzipSync(JSON.stringify(tampered)));
    writeFileSync(join(dir, 'garbage.kpack'), 'bukan paket label');

    const db = open(t.curator);
    setLabel(db, 'curator', 3, 'decision', 'keep');
    const before = snapshot(db);
    const cases: [string, RegExp][] = [
      ['other.kpack', /another corpus/],
      ['truncated.kpack', /corrupted or truncated/],
      ['tampered.kpack', /checksum/],
      ['garbage.kpack', /corrupted or truncated/],
      ['missing.kpack', /cannot read/],
    ];
    for (const [file, why] of cases) {
      const r = importPacks(db, [join(dir, 'ani.kpack'), join(dir, file)], 'curator', false);
      expect(r.committed).toBe(false);
      expect(r.packs[0]?.refused).toBeNull();
      expect(r.packs[1]?.refused).toMatch(why);
      expect(snapshot(db)).toBe(before);
    }
    expect((db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'labels.import'`).get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('imports a pack with unknown labels partly, with a report; --strict refuses it and changes nothing', () => {
    const t = team(4, ['ani']);
    const dir = tempDir();
    const lap = open(t.laptops.ani as string);
    // ani's laptop has an extra question and option the curator's schema does not know.
    setSchema(lap, 'ani', { questions: [
      ...schema.questions.map((q) => (q.key === 'decision' ? { ...q, options: [...q.options, { value: 'maybe', title: { id: 'Mungkin', en: 'Maybe' } }] } : q)),
      { key: 'topic', kind: 'single', title: { id: 'Topik', en: 'Topic' }, options: [{ value: 'news', title: { id: 'Berita', en: 'News' } }] },
    ] });
    setLabel(lap, 'ani', 1, 'decision', 'keep');
    setLabel(lap, 'ani', 2, 'decision', 'maybe');
    setLabel(lap, 'ani', 3, 'topic', 'news');
    // A document only on ani's laptop.
    lap.prepare(`INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count) VALUES (1, 'baru', 'teks baru', '0123456789abcdef0123456789abcdef', 9, 2)`).run();
    setLabel(lap, 'ani', 5, 'decision', 'drop');
    exportPack(lap, 'ani', join(dir, 'ani.kpack'), 'ani');
    lap.close();

    const db = open(t.curator);
    const before = snapshot(db);
    const strict = importPacks(db, [join(dir, 'ani.kpack')], 'curator', true);
    expect(strict.committed).toBe(false);
    expect(strict.packs[0]?.refused).toMatch(/strict/);
    expect(snapshot(db)).toBe(before);

    const r = importPacks(db, [join(dir, 'ani.kpack')], 'curator', false);
    expect(r.committed).toBe(true);
    expect(r.packs[0]).toMatchObject({ imported: 1, unknownLabels: 2, unknownDocuments: 1 });
    expect(r.packs[0]?.problems.join('\n')).toMatch(/'maybe' is not an option of 'decision'/);
    expect(r.packs[0]?.problems.join('\n')).toMatch(/unknown question 'topic'/);
    expect(r.packs[0]?.problems.join('\n')).toMatch(/unknown document test\/baru/);
    expect(db.prepare('SELECT document_id, annotator, value FROM labels').all()).toEqual([{ document_id: 1, annotator: 'ani', value: '"keep"' }]);
    db.close();
  });

  it('carries spans and keeps the newer of two versions of the same label', () => {
    const t = team(3, ['ani']);
    const dir = tempDir();
    const lap = open(t.laptops.ani as string);
    setLabel(lap, 'ani', 1, 'decision', 'keep');
    exportPack(lap, 'ani', join(dir, 'v1.kpack'), 'ani');
    setLabel(lap, 'ani', 1, 'decision', 'drop');
    lap.prepare(`INSERT INTO label_spans(document_id, annotator, question, label, start, end, at) VALUES (1, 'ani', 'pii', 'name', 0, 7, ?)`).run(new Date().toISOString());
    exportPack(lap, 'ani', join(dir, 'v2.kpack'), 'ani');
    lap.close();
    const db = open(t.curator);
    importPacks(db, [join(dir, 'v2.kpack')], 'curator', false);
    const r = importPacks(db, [join(dir, 'v1.kpack')], 'curator', false);
    expect(r.packs[0]).toMatchObject({ imported: 0, unchanged: 1 });
    expect(db.prepare('SELECT value FROM labels WHERE document_id = 1').get()).toEqual({ value: '"drop"' });
    expect(db.prepare('SELECT label, start, end FROM label_spans').all()).toEqual([{ label: 'name', start: 0, end: 7 }]);
    expect((db.prepare('SELECT label_count FROM documents WHERE id = 1').get() as { label_count: number }).label_count).toBe(2);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { makePermutation } from '../../../electron/engine/labels/permute';
import { nextDocument } from '../../../electron/engine/labels/queue';
import { setLabel } from '../../../electron/engine/labels/labels';
import { labelCorpus } from './helpers';

describe('seeded permutation', () => {
  it('is a permutation of 0..n-1, the same for the same seed and different for another', () => {
    for (const n of [1, 2, 7, 64, 1000, 4099]) {
      const p = makePermutation(n, 42);
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(p(i));
      expect(seen.size).toBe(n);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(n - 1);
    }
    const a = makePermutation(1000, 7);
    const b = makePermutation(1000, 7);
    const c = makePermutation(1000, 8);
    const first = (f: (i: number) => number) => Array.from({ length: 20 }, (_, i) => f(i));
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    expect(first(a)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('annotation queue', () => {
  const corpus = () =>
    labelCorpus(
      Array.from({ length: 30 }, (_, i) => ({ text: `teks ${i + 1} untuk antrean`, source: i % 3 === 0 ? 'berita' : 'forum', externalId: `q${i + 1}` })),
    );

  it('walks unlabelled documents in id order by source, language and duplicate cluster; skip = ask with the cursor', () => {
    const { db } = corpus();
    db.exec(`UPDATE documents SET lang = CASE WHEN id % 2 = 0 THEN 'ind' ELSE 'jav' END, dup_cluster = CASE WHEN id IN (5, 9, 17) THEN 5 ELSE NULL END`);
    let r = nextDocument(db, 'ani', {}, 0);
    expect(r.document?.id).toBe(1);
    setLabel(db, 'ani', 1, 'decision', 'keep');
    r = nextDocument(db, 'ani', {}, 0);
    expect(r.document?.id).toBe(2);
    r = nextDocument(db, 'ani', {}, r.cursor); // skip 2
    expect(r.document?.id).toBe(3);
    expect(nextDocument(db, 'budi', {}, 0).document?.id).toBe(1); // budi has not labelled doc 1
    const berita = db.prepare(`SELECT id FROM sources WHERE name = 'berita'`).get() as { id: number };
    const ids = (filter: Parameters<typeof nextDocument>[2]) => {
      const out: number[] = [];
      let c = 0;
      for (;;) {
        const x = nextDocument(db, 'ani', filter, c);
        if (!x.document) return out;
        out.push(x.document.id);
        c = x.cursor;
      }
    };
    expect(ids({ sourceId: berita.id })).toEqual([4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(ids({ lang: 'ind' }).slice(0, 3)).toEqual([2, 4, 6]);
    expect(ids({ dupCluster: 5 })).toEqual([5, 9, 17]);
    expect(ids({ dupCluster: 5, lang: 'jav' })).toEqual([5, 9, 17]);
    db.close();
  });

  it('skips runs of labelled documents (with gaps, several answers per document, and filters)', () => {
    const { db } = corpus();
    for (let id = 1; id <= 20; id++) {
      if (id === 4 || id === 11) continue;
      setLabel(db, 'ani', id, 'decision', 'drop');
      if (id % 2) setLabel(db, 'ani', id, 'drop_reason', 'spam-seo');
    }
    db.prepare('DELETE FROM documents WHERE id = 22').run();
    const walk = (filter: Parameters<typeof nextDocument>[2]) => {
      const out: number[] = [];
      let c = 0;
      for (;;) {
        const x = nextDocument(db, 'ani', filter, c);
        if (!x.document && !x.more) return out;
        if (x.document) out.push(x.document.id);
        c = x.cursor;
      }
    };
    expect(walk({})).toEqual([4, 11, 21, 23, 24, 25, 26, 27, 28, 29, 30]);
    const berita = (db.prepare(`SELECT id FROM sources WHERE name = 'berita'`).get() as { id: number }).id;
    expect(walk({ sourceId: berita })).toEqual([4, 25, 28]);
    expect(nextDocument(db, 'ani', {}, 4).document?.id).toBe(11);
    db.close();
  });

  it('skips labelled runs longer than one index batch', () => {
    const { db } = labelCorpus(Array.from({ length: 3100 }, (_, i) => ({ text: `teks panjang ${i + 1}`, externalId: `r${i + 1}` })));
    const ins = db.prepare(`INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, 'ani', ?, '"keep"', 'x')`);
    db.transaction(() => {
      for (let id = 1; id <= 3000; id++) {
        if (id === 2500) continue;
        ins.run(id, 'decision');
        if (id % 3 === 0) ins.run(id, 'drop_reason');
      }
    })();
    let r = nextDocument(db, 'ani', {}, 0);
    while (!r.document && r.more) r = nextDocument(db, 'ani', {}, r.cursor);
    expect(r.document?.id).toBe(2500);
    r = nextDocument(db, 'ani', {}, r.cursor);
    while (!r.document && r.more) r = nextDocument(db, 'ani', {}, r.cursor);
    expect(r.document?.id).toBe(3001);
    db.close();
  });

  it('a fixed seed gives every annotator the same random order, covering each document once', () => {
    const { db } = corpus();
    const order = (who: string, seed: number) => {
      const out: number[] = [];
      let c = 0;
      for (;;) {
        const x = nextDocument(db, who, { seed }, c);
        if (!x.document && !x.more) return out;
        if (x.document) out.push(x.document.id);
        c = x.cursor;
      }
    };
    const a = order('ani', 11);
    expect(a).toEqual(order('budi', 11));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(a).not.toEqual([...a].sort((x, y) => x - y));
    expect(order('ani', 12)).not.toEqual(a);
    // Labelled documents drop out of the annotator's sample only.
    setLabel(db, 'ani', a[0] as number, 'decision', 'keep');
    expect(order('ani', 11)).toEqual(a.slice(1));
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { documentListInput } from '../../../shared/contract/browse';
import { listDocuments } from '../../../electron/engine/browse/list';
import { highlightDocument, searchDocuments } from '../../../electron/engine/browse/search';
import { splitMarked, toFtsQuery, HIT_CLOSE, HIT_OPEN } from '../../../electron/engine/browse/fts-query';
import { syncFullTextIndex } from '../../../electron/engine/store/fts';
import { seedCorpus } from '../../helpers/corpus';

const words = ['saya', 'kamu', 'pasar', 'buku', 'rumah', 'sekolah', 'makan', 'nasi', 'pergi', 'membaca'];
function corpus(n: number) {
  const docs = Array.from({ length: n }, (_, i) => ({
    text: `${words[i % 10]} ${words[(i * 3) % 10]} ${words[(i * 7) % 10]} dokumen nomor ${i}` + ' x'.repeat(i % 13),
    source: i % 3 === 0 ? 'berita' : 'media-sosial',
  }));
  const seeded = seedCorpus(docs);
  syncFullTextIndex(seeded.db);
  return seeded;
}

const input = (i: Record<string, unknown>) => documentListInput.parse(i);

describe('documents.list', () => {
  it('pages in id order: the dense fast path matches an ordinary scan, both directions', () => {
    const { db } = corpus(250);
    const page = listDocuments(db, input({ offset: 100, limit: 50 }));
    expect(page.total).toBe(250);
    expect(page.rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => 101 + i));
    const desc = listDocuments(db, input({ offset: 0, limit: 3, sort: { column: 'id', dir: 'desc' } }));
    expect(desc.rows.map((r) => r.id)).toEqual([250, 249, 248]);
    const last = listDocuments(db, input({ offset: 240, limit: 50 }));
    expect(last.rows).toHaveLength(10);
    expect(listDocuments(db, input({ offset: 250, limit: 50 })).rows).toEqual([]);
    // A gap (deleted row) turns the fast path off; paging must still be right.
    db.prepare('DELETE FROM documents WHERE id = 5').run();
    const gap = listDocuments(db, input({ offset: 0, limit: 6 }));
    expect(gap.total).toBe(249);
    expect(gap.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('sorts and filters in SQLite', () => {
    const { db } = corpus(120);
    db.prepare(`UPDATE documents SET lang = CASE WHEN id % 2 = 0 THEN 'ind' ELSE 'jav' END, quality_pass = id % 5 = 0, label_count = id % 4 = 0, pii_count = id % 7`).run();
    const byLength = listDocuments(db, input({ limit: 120, sort: { column: 'length', dir: 'desc' } })).rows;
    const lengths = byLength.map((r) => r.charCount);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    const jav = listDocuments(db, input({ limit: 500, filters: { lang: 'jav' } }));
    expect(jav.total).toBe(60);
    expect(jav.rows.every((r) => r.lang === 'jav')).toBe(true);
    const combo = listDocuments(db, input({ limit: 500, filters: { lang: 'ind', qualityPass: true, hasLabels: true } }));
    expect(combo.rows.map((r) => r.id)).toEqual([20, 40, 60, 80, 100, 120]);
    const pii = listDocuments(db, input({ limit: 500, filters: { piiMin: 6 } }));
    expect(pii.rows.every((r) => (r.piiCount ?? 0) >= 6)).toBe(true);
    const src = listDocuments(db, input({ limit: 500, filters: { sourceId: 1 } }));
    expect(src.rows.every((r) => r.sourceName === 'berita')).toBe(true);
    expect(src.total).toBe(40);
    const q = listDocuments(db, input({ limit: 500, filters: { q: 'pasar' } }));
    expect(q.total).toBeGreaterThan(0);
    expect(q.rows.every((r) => r.preview.includes('pasar'))).toBe(true);
  });

  it('sees new documents written by another connection (counts are not stale)', () => {
    const { db, path } = corpus(10);
    expect(listDocuments(db, input({})).total).toBe(10);
    const other = seedCorpus([{ text: 'dokumen baru' }], path);
    other.db.close();
    expect(listDocuments(db, input({})).total).toBe(11);
  });
});

describe('search', () => {
  it('returns top hits with highlighted snippets and a total', () => {
    const { db } = corpus(300);
    const r = searchDocuments(db, 'pasar', 50);
    expect(r.hits.length).toBe(50);
    expect(r.total).toBeGreaterThanOrEqual(50);
    for (const h of r.hits) expect(h.snippet.some((p) => p.hit && p.text.toLowerCase() === 'pasar')).toBe(true);
    const both = searchDocuments(db, 'pasar buku', 10);
    for (const h of both.hits) {
      const hits = h.snippet.filter((p) => p.hit).map((p) => p.text);
      expect(hits).toEqual(expect.arrayContaining(['pasar', 'buku']));
    }
    expect(searchDocuments(db, 'tidakadasamasekali', 10)).toMatchObject({ hits: [], total: 0 });
  });

  it('never fails on FTS syntax in user input', () => {
    const { db } = corpus(20);
    for (const q of ['"', 'AND OR NOT', 'pas*', '(buku', 'NEAR(a b)', 'a:b', '***', "ma'af", '-pasar']) {
      expect(() => searchDocuments(db, q, 5)).not.toThrow();
    }
    expect(searchDocuments(db, 'pas*', 5).hits.length).toBeGreaterThan(0);
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('AND "x"')).toBe('"AND" "x"');
  });

  it('highlights a whole document; plain text when the query does not match', () => {
    const { db, ids } = corpus(5);
    const id = ids[2] ?? 0;
    const h = highlightDocument(db, id, 'dokumen');
    expect(h.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['dokumen']);
    expect(h.parts.map((p) => p.text).join('')).toBe((db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text);
    expect(highlightDocument(db, id, 'zzz').parts).toHaveLength(1);
    expect(() => highlightDocument(db, 9999, '')).toThrow(/not found/);
    expect(splitMarked(`a${HIT_OPEN}b${HIT_CLOSE}c`)).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: true },
      { text: 'c', hit: false },
    ]);
  });
});

describe('prefix search highlighting', () => {
  it('marks prefix matches like FTS5 (case and diacritics folded) and windows the snippet', async () => {
    const { markText, queryTerms } = await import('../../../electron/engine/browse/fts-query');
    const terms = queryTerms('"makan"* "Kopi"');
    const parts = markText('Saya MAKANAN enak, minum kopi dan makan.', terms);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['MAKANAN', 'kopi', 'makan']);
    expect(parts.map((p) => p.text).join('')).toBe('Saya MAKANAN enak, minum kopi dan makan.');
    const long = Array.from({ length: 100 }, (_, i) => (i === 60 ? 'makanan' : `kata${i}`)).join(' ');
    const snip = markText(long, terms, 24);
    expect(snip[0]?.text).toBe('…');
    expect(snip.at(-1)?.text).toBe('…');
    expect(snip.some((p) => p.hit && p.text === 'makanan')).toBe(true);
    expect(markText('Kafé', queryTerms('"kafe"')).filter((p) => p.hit).map((p) => p.text)).toEqual(['Kafé']);
  });

  it('search and highlight use it for prefix queries', () => {
    const { db, ids } = corpus(50);
    const r = searchDocuments(db, 'memb*', 10);
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) expect(h.snippet.some((p) => p.hit && p.text.startsWith('memb'))).toBe(true);
    const id = r.hits[0]?.id ?? ids[0] ?? 0;
    expect(highlightDocument(db, id, 'memb*').parts.some((p) => p.hit && p.text === 'membaca')).toBe(true);
  });
});

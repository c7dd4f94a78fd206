import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docStats } from '../../../electron/engine/import/doc-stats';
import type { FromPrepare } from '../../../electron/engine/import/prepare-protocol';
import { prepareFile } from '../../../electron/engine/import/prepare-run';

const dir = mkdtempSync(join(tmpdir(), 'kurasi-share-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = ['Saya makan nasi goreng.', '  spasi  ganda\tdan tab ', 'Café naïve — “kutipan” 𝔘𝔫𝔦', "it's a well-known fact", 'Ａｂｃ full width', 'akhir'];

interface Doc {
  text: string;
  hash: string | null;
  chars: number;
  words: number;
}

async function prepared(share: number): Promise<Doc[]> {
  const file = join(dir, 'docs.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 5_000; i++) lines.push(JSON.stringify({ id: `d${i}`, text: `${texts[i % texts.length]} ${i}` }));
  writeFileSync(file, lines.join('\n') + '\n');
  const docs: Doc[] = [];
  await prepareFile(
    { path: file, format: 'jsonl', reader: { name: 'docs.jsonl', textField: 'text', idField: 'id', metadataFields: undefined, maxRecordBytes: 1 << 20 }, txtMode: 'file', lineCap: 1 << 20, resumeAfter: 0 },
    (m: FromPrepare) => {
      if (m.type === 'batch') for (let i = 0; i < m.docs.text.length; i++) docs.push({ text: m.docs.text[i]!, hash: m.docs.hash[i]!, chars: m.docs.chars[i]!, words: m.docs.words[i]! });
    },
    async () => {},
    () => share,
  );
  return docs;
}

describe('prepare worker hands part of the hashing and counting to the writer', () => {
  it('leaves the given share to the writer, and the writer computes exactly what the worker would have', async () => {
    const all = await prepared(0);
    const half = await prepared(0.5);
    expect(all.every((d) => d.hash !== null)).toBe(true);
    const left = half.filter((d) => d.hash === null).length;
    expect(left).toBeGreaterThan(2_400);
    expect(left).toBeLessThan(2_600);
    expect(half.map((d) => d.text)).toEqual(all.map((d) => d.text));
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      const h = half[i]!;
      const st = h.hash === null ? docStats(h.text) : { hash: h.hash, chars: h.chars, words: h.words };
      expect(st).toEqual({ hash: a.hash, chars: a.chars, words: a.words });
    }
    expect((await prepared(1)).every((d) => d.hash === null)).toBe(true);
  });
});

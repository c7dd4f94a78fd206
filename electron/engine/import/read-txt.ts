import type { LineBlock } from './lines';
import { UnreadableFileError, checkText, excerpt, looksBinary, type Item, type ReaderOptions } from './items';

export type TxtMode = 'file' | 'line' | 'paragraph';

interface Pending {
  line: number;
  parts: string[];
  bytes: number;
  invalidAt: number | null;
  oversized: boolean;
}

/** Plain text: the whole file, each line, or each blank-line-separated paragraph is one document. */
export async function* readTxt(blocks: AsyncIterable<LineBlock>, o: ReaderOptions, mode: TxtMode): AsyncGenerator<Item[]> {
  let first = true;
  let pending: Pending | null = null;
  const finish = (p: Pending, items: Item[]) => {
    const text = p.parts.join('\n');
    if (p.oversized) items.push({ kind: 'reject', line: p.line, reason: `record is over the limit of ${o.maxRecordBytes.toLocaleString('en')} bytes`, excerpt: excerpt(text) });
    else if (p.invalidAt !== null) {
      const reason = p.invalidAt === p.line && p.parts.length === 1 ? 'invalid UTF-8' : `invalid UTF-8 at line ${p.invalidAt}`;
      items.push({ kind: 'reject', line: p.line, reason, excerpt: excerpt(text) });
    }
    else {
      const bad = checkText(text, o.maxRecordBytes);
      if (bad) items.push({ kind: 'reject', line: p.line, reason: bad, excerpt: excerpt(text) });
      else items.push({ kind: 'doc', line: p.line, text, id: null, metadata: null });
    }
  };
  for await (const b of blocks) {
    if (first && looksBinary(b.lines, b.invalid)) throw new UnreadableFileError(o.name, 'binary data, not UTF-8 text');
    first = false;
    const items: Item[] = [];
    for (let i = 0; i < b.lines.length; i++) {
      const raw = b.lines[i]!;
      const line = b.first + i;
      const blank = raw.trim() === '';
      if (mode === 'line') {
        if (blank && !b.oversized?.has(i)) continue;
        finish({ line, parts: [raw], bytes: 0, invalidAt: b.invalid?.has(i) ? line : null, oversized: b.oversized?.has(i) ?? false }, items);
        continue;
      }
      if (mode === 'paragraph' && blank) {
        if (pending) finish(pending, items);
        pending = null;
        continue;
      }
      pending ??= { line, parts: [], bytes: 0, invalidAt: null, oversized: false };
      if (b.invalid?.has(i)) pending.invalidAt ??= line;
      if (b.oversized?.has(i)) pending.oversized = true;
      // Stop collecting once over the cap: the record is rejected anyway and memory stays bounded.
      if (!pending.oversized) {
        pending.bytes += raw.length + 1;
        if (pending.bytes > o.maxRecordBytes && Buffer.byteLength(pending.parts.join('\n') + raw) > o.maxRecordBytes) {
          pending.oversized = true;
          pending.parts = [pending.parts[0] ?? raw];
        } else pending.parts.push(raw);
      }
    }
    yield items;
  }
  if (pending) {
    // A whole-file document: trailing blank lines are not part of it.
    while (pending.parts.length > 1 && pending.parts.at(-1)!.trim() === '') pending.parts.pop();
    const items: Item[] = [];
    finish(pending, items);
    yield items;
  }
}

import { isUtf8 } from 'node:buffer';
import { GzipDataError } from './byte-stream';

/** A run of complete lines. Line numbers are 1-based; `\r\n` and `\n` both end a line (the `\r` is dropped). */
export interface LineBlock {
  first: number;
  lines: string[];
  /** Indexes (into `lines`) of lines that are not valid UTF-8; their text was decoded with replacement characters. */
  invalid: Set<number> | null;
  /** Indexes of lines cut short because they were longer than the line cap (their text is only the start). */
  oversized: Set<number> | null;
}

/**
 * The bytes broke off with a GzipDataError: every line before `line` was yielded whole; `partial` is what arrived of
 * line `line` itself (empty when the break fell right after a newline). Not yielded: a line cut short is not a record.
 */
export class LinesCutError extends Error {
  constructor(
    readonly gzip: GzipDataError,
    readonly line: number,
    readonly partial: string,
  ) {
    super(gzip.message);
    this.name = 'LinesCutError';
  }
}

const NL = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function dropCr(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
}

function decodeLines(buf: Buffer, first: number, oversizedFirst: boolean): LineBlock {
  let invalid: Set<number> | null = null;
  let lines: string[];
  if (isUtf8(buf)) {
    lines = buf.toString('utf8').split('\n');
  } else {
    // Only blocks that fail the fast whole-block check pay for finding which lines are bad.
    lines = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NL, start);
      const end = nl === -1 ? buf.length : nl;
      const line = buf.subarray(start, end);
      if (!isUtf8(line)) (invalid ??= new Set()).add(lines.length);
      lines.push(line.toString('utf8'));
      if (nl === -1) break;
      start = nl + 1;
    }
  }
  dropCr(lines);
  return { first, lines, invalid, oversized: oversizedFirst ? new Set([0]) : null };
}

/**
 * Splits a byte stream into blocks of whole lines without ever holding more than one chunk plus one line.
 * A line longer than `maxLineBytes` is cut: its first `maxLineBytes` bytes are kept, flagged oversized, and the
 * rest is skipped up to the next newline, so one runaway line cannot exhaust memory. A leading BOM is dropped.
 */
export async function* lineBlocks(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<LineBlock> {
  let carry: Buffer | null = null;
  let lineNo = 1;
  let atStart = true;
  let skipping = false; // inside the discarded tail of an oversized line
  let cutHead: Buffer | null = null; // the kept start of the oversized line
  try {
    for await (const chunk0 of chunks) {
      let chunk = chunk0;
      if (chunk.length === 0) continue;
      if (atStart) {
        atStart = false;
        if (chunk.length >= 3 && chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
        if (chunk.length === 0) continue;
      }
      const lastNl = chunk.lastIndexOf(NL);
      if (skipping) {
        const nl = chunk.indexOf(NL);
        if (nl === -1) continue;
        skipping = false;
        yield decodeLines(cutHead!, lineNo, true);
        cutHead = null;
        lineNo++;
        chunk = chunk.subarray(nl + 1);
        if (chunk.length === 0) continue;
        const rest = chunk.lastIndexOf(NL);
        if (rest === -1) {
          carry = Buffer.from(chunk);
          continue;
        }
        yield* emit(chunk.subarray(0, rest));
        carry = rest + 1 < chunk.length ? Buffer.from(chunk.subarray(rest + 1)) : null;
        continue;
      }
      if (lastNl === -1) {
        carry = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
        if (carry.length > maxLineBytes) {
          cutHead = Buffer.from(carry.subarray(0, maxLineBytes));
          carry = null;
          skipping = true;
        }
        continue;
      }
      const body = carry ? Buffer.concat([carry, chunk.subarray(0, lastNl)]) : chunk.subarray(0, lastNl);
      carry = lastNl + 1 < chunk.length ? Buffer.from(chunk.subarray(lastNl + 1)) : null;
      yield* emit(body);
    }
  } catch (e) {
    if (!(e instanceof GzipDataError)) throw e;
    const partial = skipping ? cutHead : carry;
    // Only its start: it becomes a reject's excerpt, and a line being skipped may be megabytes long.
    throw new LinesCutError(e, lineNo, partial ? partial.subarray(0, 1024).toString('utf8') : '');
  }
  if (skipping && cutHead) yield decodeLines(cutHead, lineNo, true);
  else if (carry && carry.length > 0) yield* emit(carry);

  function* emit(body: Buffer): Generator<LineBlock> {
    const block = decodeLines(body, lineNo, false);
    // A long line that arrived whole inside one chunk is flagged here rather than cut.
    for (let i = 0; i < block.lines.length; i++) {
      if (block.lines[i]!.length > maxLineBytes && Buffer.byteLength(block.lines[i]!) > maxLineBytes) {
        (block.oversized ??= new Set()).add(i);
        block.lines[i] = block.lines[i]!.slice(0, maxLineBytes);
      }
    }
    lineNo += block.lines.length;
    yield block;
  }
}

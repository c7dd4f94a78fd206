import { createHash } from 'node:crypto';
import { readFileBytes, sha256File, type ByteCounter } from './byte-stream';
import { docStats } from './doc-stats';
import { UnreadableFileError, excerpt, type Item, type ReaderOptions } from './items';
import { LinesCutError, lineBlocks, type LineBlock } from './lines';
import type { FromPrepare, PreparedDocs, PreparedReject, PrepareTask } from './prepare-protocol';
import { readCsv } from './read-csv';
import { readJsonl } from './read-jsonl';
import { readTxt, type TxtMode } from './read-txt';
import type { ConcreteFormat } from './files';

export function readItems(blocks: AsyncIterable<LineBlock>, format: ConcreteFormat, ro: ReaderOptions, txtMode: TxtMode): AsyncGenerator<Item[]> {
  switch (format) {
    case 'jsonl':
      return readJsonl(blocks, ro);
    case 'csv':
      return readCsv(blocks, ro, ',');
    case 'tsv':
      return readCsv(blocks, ro, '\t');
    case 'txt':
      return readTxt(blocks, ro, txtMode);
  }
}

const MESSAGE_ROWS = 2_000;

/**
 * The prepare side of the import pipeline: reads and parses a file and computes each document's hash and counts,
 * sending batches to the writer. `waitForRoom` holds it back so that at most a couple of batches are in flight.
 * `writerShare` (0..1, read once per batch) is the share of documents whose hash and counts are left to the
 * writer (a null hash in PreparedDocs), so that both threads stay busy; without it, everything is computed here.
 */
export async function prepareFile(
  task: PrepareTask,
  send: (m: FromPrepare) => void,
  waitForRoom: () => Promise<void>,
  writerShare: () => number = () => 0,
): Promise<void> {
  const counter: ByteCounter = { read: 0 };
  const sha = createHash('sha256');
  let docs = new DocColumns();
  let rejects: PreparedReject[] = [];
  let lastLine = task.resumeAfter;
  // Error diffusion: over a batch, a `share` fraction of the documents is left to the writer, evenly spread.
  let share = writerShare();
  let owed = 0;
  let cut: PreparedReject | null = null;
  try {
    try {
      for await (const items of readItems(lineBlocks(readFileBytes(task.path, counter, sha), task.lineCap), task.format, task.reader, task.txtMode)) {
        for (const it of items) {
          if (it.line !== null && it.line <= task.resumeAfter) continue;
          if (it.line !== null && it.line > lastLine) lastLine = it.line;
          if (it.kind === 'reject') rejects.push({ line: it.line, reason: it.reason, excerpt: it.excerpt });
          else {
            owed += share;
            if (owed >= 1) {
              owed -= 1;
              docs.push(it.line, it.text, it.id, it.metadata, null, 0, 0);
            } else {
              const st = docStats(it.text);
              docs.push(it.line, it.text, it.id, it.metadata, st.hash, st.chars, st.words);
            }
          }
        }
        if (docs.length + rejects.length >= MESSAGE_ROWS) {
          send({ type: 'batch', docs: docs.seal(), rejects, bytesRead: counter.read, lastLine });
          docs = new DocColumns();
          rejects = [];
          await waitForRoom();
          share = writerShare();
        }
      }
    } catch (e) {
      // The readers let it through, dropping the record they had open (it may go on past the break): what they
      // yielded before ended before it. The lines past the break cannot be read, so this is where the file stops.
      if (!(e instanceof LinesCutError)) throw e;
      cut = { line: e.line, reason: e.gzip.reason, excerpt: excerpt(e.partial.replace(/\uFFFD+$/u, '')) };
    }
    if (docs.length + rejects.length > 0) send({ type: 'batch', docs: docs.seal(), rejects, bytesRead: counter.read, lastLine });
    // Damaged data stops the read before the end of the file: its hash (skipping it when imported again) is of all of it.
    send({ type: 'end', sha256: cut ? await sha256File(task.path) : sha.digest('hex'), bytesRead: counter.read, cut });
  } catch (e) {
    const unreadable = e instanceof UnreadableFileError;
    const message = e instanceof Error ? e.message : String(e);
    send({ type: 'error', message, unreadable });
  }
}

/** Collects one batch's documents field by field (see PreparedDocs). */
class DocColumns {
  private readonly lines: number[] = [];
  private readonly texts: string[] = [];
  private readonly ids: (string | null)[] = [];
  private readonly metadata: (string | null)[] = [];
  private readonly hashes: (string | null)[] = [];
  private readonly chars: number[] = [];
  private readonly words: number[] = [];

  get length(): number {
    return this.texts.length;
  }

  push(line: number, text: string, id: string | null, metadata: string | null, hash: string | null, chars: number, words: number): void {
    this.lines.push(line);
    this.texts.push(text);
    this.ids.push(id);
    this.metadata.push(metadata);
    this.hashes.push(hash);
    this.chars.push(chars);
    this.words.push(words);
  }

  seal(): PreparedDocs {
    return {
      line: Float64Array.from(this.lines),
      text: this.texts,
      id: this.ids,
      metadata: this.metadata,
      hash: this.hashes,
      chars: Float64Array.from(this.chars),
      words: Float64Array.from(this.words),
    };
  }
}

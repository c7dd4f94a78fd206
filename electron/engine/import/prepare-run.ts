import { createHash } from 'node:crypto';
import { readFileBytes, type ByteCounter } from './byte-stream';
import { hashNormalizedText, hashText } from './hash';
import { UnreadableFileError, type Item, type ReaderOptions } from './items';
import { lineBlocks, type LineBlock } from './lines';
import type { FromPrepare, PreparedDoc, PreparedReject, PrepareTask } from './prepare-protocol';
import { readCsv } from './read-csv';
import { readJsonl } from './read-jsonl';
import { readTxt, type TxtMode } from './read-txt';
import type { ConcreteFormat } from './files';
import { countChars, normalAsciiWordCount, wordCount } from './text-stats';

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
 */
export async function prepareFile(task: PrepareTask, send: (m: FromPrepare) => void, waitForRoom: () => Promise<void>): Promise<void> {
  const counter: ByteCounter = { read: 0 };
  const sha = createHash('sha256');
  let docs: PreparedDoc[] = [];
  let rejects: PreparedReject[] = [];
  let lastLine = task.resumeAfter;
  try {
    for await (const items of readItems(lineBlocks(readFileBytes(task.path, counter, sha), task.lineCap), task.format, task.reader, task.txtMode)) {
      for (const it of items) {
        if (it.line !== null && it.line <= task.resumeAfter) continue;
        if (it.line !== null && it.line > lastLine) lastLine = it.line;
        if (it.kind === 'reject') rejects.push({ line: it.line, reason: it.reason, excerpt: it.excerpt });
        else {
          const t = it.text;
          const w = normalAsciiWordCount(t);
          docs.push(
            w >= 0
              ? { line: it.line, text: t, id: it.id, metadata: it.metadata, hash: hashNormalizedText(t), chars: t.length, words: w }
              : { line: it.line, text: t, id: it.id, metadata: it.metadata, hash: hashText(t), chars: countChars(t), words: wordCount(t) },
          );
        }
      }
      if (docs.length + rejects.length >= MESSAGE_ROWS) {
        send({ type: 'batch', docs, rejects, bytesRead: counter.read, lastLine });
        docs = [];
        rejects = [];
        await waitForRoom();
      }
    }
    if (docs.length + rejects.length > 0) send({ type: 'batch', docs, rejects, bytesRead: counter.read, lastLine });
    send({ type: 'end', sha256: sha.digest('hex'), bytesRead: counter.read });
  } catch (e) {
    const unreadable = e instanceof UnreadableFileError;
    const message = e instanceof Error ? e.message : String(e);
    send({ type: 'error', message, unreadable });
  }
}

import type { ConcreteFormat } from './files';
import type { ReaderOptions } from './items';
import type { TxtMode } from './read-txt';

/** What the prepare worker reads: one file, from the start, skipping records up to `resumeAfter`. */
export interface PrepareTask {
  path: string;
  format: ConcreteFormat;
  reader: ReaderOptions;
  txtMode: TxtMode;
  lineCap: number;
  resumeAfter: number;
}

/**
 * A batch of documents, one array per field (index i of every array is document i): a batch crosses threads by
 * structured clone, and arrays of strings and typed arrays clone several times faster than one object per
 * document. `hash[i]` null means the prepare worker left document i's hash and counts to the writer thread (it
 * hands over part of that work when the writer would otherwise wait for it); its `chars`/`words` are then 0.
 */
export interface PreparedDocs {
  line: Float64Array;
  text: string[];
  id: (string | null)[];
  metadata: (string | null)[];
  hash: (string | null)[];
  chars: Float64Array;
  words: Float64Array;
}

export interface PreparedReject {
  line: number | null;
  reason: string;
  excerpt: string;
}

export type FromPrepare =
  | { type: 'batch'; docs: PreparedDocs; rejects: PreparedReject[]; bytesRead: number; lastLine: number }
  /**
   * `cut`: the file's gzip data broke off or was damaged (byte-stream.ts GzipDataError); the records that ended before
   * it were sent, and this is the reject at the line where it happened. Named by the writer as the file is on disk.
   */
  | { type: 'end'; sha256: string; bytesRead: number; cut: PreparedReject | null }
  | { type: 'error'; message: string; unreadable: boolean };

export type ToPrepare = { type: 'ack' };

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
 * A document with everything computed but its row id — or, when `hash` is null, left for the writer thread to
 * hash and count (the prepare worker hands over part of that work when the writer would otherwise wait for it).
 */
export interface PreparedDoc {
  line: number;
  text: string;
  id: string | null;
  metadata: string | null;
  hash: string | null;
  chars: number;
  words: number;
}

export interface PreparedReject {
  line: number | null;
  reason: string;
  excerpt: string;
}

export type FromPrepare =
  | { type: 'batch'; docs: PreparedDoc[]; rejects: PreparedReject[]; bytesRead: number; lastLine: number }
  | { type: 'end'; sha256: string; bytesRead: number }
  | { type: 'error'; message: string; unreadable: boolean };

export type ToPrepare = { type: 'ack' };

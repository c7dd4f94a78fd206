import type { DedupeConfig } from './pipeline';

export interface SignWorkerData {
  dbPath: string;
  config: DedupeConfig;
}

/** ids: the (ascending) documents to fingerprint. */
export type SignRequest = { type: 'ids'; seq: number; ids: Float64Array } | { type: 'close' };

export type SignBatch =
  | {
      type: 'batch';
      seq: number;
      ids: Float64Array;
      exact: Uint32Array;
      shingles: Uint32Array;
      keys: Uint32Array;
      /** char_count, source_id per document. */
      info: Uint32Array;
    }
  | { type: 'error'; seq: number; message: string };

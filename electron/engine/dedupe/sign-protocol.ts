import type { DedupeConfig } from './pipeline';

export interface SignWorkerData {
  dbPath: string;
  config: DedupeConfig;
}

/** ids: the (ascending) documents to fingerprint; pairs: document id pairs whose true Jaccard to check. */
export type SignRequest = { type: 'ids'; seq: number; ids: Float64Array } | { type: 'verify'; seq: number; pairs: Float64Array };

export type SignReply =
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
  /** jaccard[i]: true shingle Jaccard of pair i. */
  | { type: 'verified'; seq: number; pairs: Float64Array; jaccard: Float32Array }
  | { type: 'error'; seq: number; message: string };

export type SignBatch = Extract<SignReply, { type: 'batch' }>;

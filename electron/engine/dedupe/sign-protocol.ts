import type { DedupeConfig } from './pipeline';

export interface SignWorkerData {
  dbPath: string;
  config: DedupeConfig;
}

export type SignRequest = { type: 'range'; seq: number; fromId: number; toId: number } | { type: 'close' };

export type SignBatch =
  | { type: 'batch'; seq: number; ids: Float64Array; exact: Uint32Array; shingles: Uint32Array; keys: Uint32Array }
  | { type: 'error'; seq: number; message: string };

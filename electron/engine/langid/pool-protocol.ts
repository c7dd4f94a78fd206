/** Messages between the langid job and its pool of `langid.worker` threads. */
import type { UndReason } from './detector.js';
import { LANGID_LANGUAGES, type DetectedLang } from './languages.js';

/** Language index used in packed results: the model languages, then `und`. */
export const PACKED_LANGS: readonly DetectedLang[] = [...LANGID_LANGUAGES, 'und'];

/** Reason index used in packed results: 0 = none, then the rules of `und` answers. */
export const PACKED_REASONS: readonly (UndReason | null)[] = [null, 'foreign', 'short', 'junk'];

export interface PoolInit {
  dbPath: string;
}

/** Label the documents with lo < id <= hi (manual overrides are skipped). */
export interface RangeRequest {
  type: 'range';
  seq: number;
  lo: number;
  hi: number;
  onlyMissing: boolean;
}

export interface RangeResult {
  type: 'result';
  seq: number;
  ids: Float64Array<ArrayBuffer>;
  langs: Uint8Array<ArrayBuffer>;
  conf: Float32Array<ArrayBuffer>;
  mixed: Uint8Array<ArrayBuffer>;
  /** Index in PACKED_REASONS: why the answer is `und`, when a rule decided. */
  reasons: Uint8Array<ArrayBuffer>;
  /** Per-paragraph shares of multi-paragraph documents: [documentId, langIndex, share, paragraphs, confidence]. */
  shares: Array<[number, number, number, number, number]>;
}

export type FromPoolWorker = { type: 'ready' } | RangeResult | { type: 'error'; seq: number; message: string };

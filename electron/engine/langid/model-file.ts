/**
 * The trained model file: gzip( "KLID1\n" + u32 header length + header JSON + int8 weights ).
 * Weights are a dense [bucket][class] matrix over hashed features, quantized to int8 with one
 * scale, which keeps the shipped file small (most buckets are zero and compress away).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PairModelHeader } from './ind-zlm.js';

const MAGIC = 'KLID1\n';
export const MODEL_FILE_NAME = 'langid-ngram.bin';

export interface ModelHeader {
  version: 1;
  languages: string[];
  bits: number;
  /** Dequantization scale: weight = int8 * scale. */
  scale: number;
  bias: number[];
  /** Softmax temperature fitted on a held-out slice of the training data. */
  temperature: number;
  /** How much franc's (restricted) score adds to a class logit when the n-gram model is unsure. */
  francWeight: number;
  /** Below this n-gram top probability franc is consulted. */
  francBelow: number;
  /**
   * Indonesian and Malay share most of their words; their pairwise logit difference is multiplied by
   * this (fitted on calibration data) so the split between the two is not over-confident.
   */
  indZlmScale?: number;
  /**
   * The Indonesian-vs-Malay discriminator: marker words (or two-word phrases) of each; every hit adds
   * `weight` to that language's (temperature-scaled) logit when the model's answer is one of the two.
   */
  lexicon?: {
    zlm: string[];
    ind: string[];
    weight: number;
    /** Weaker markers (words both standards know but one clearly prefers), counted apart with `pair.kLean`. */
    lean?: { zlm: string[]; ind: string[] };
    /**
     * Words only one of two large word lists has (the Tesseract Indonesian and Malay lists), counted apart with
     * `pair.kWordlist`; `source` names where the lists came from.
     */
    wordlist?: { zlm: string[]; ind: string[]; source: string };
  };
  /**
   * The stacked Indonesian-vs-Malay discriminator (ind-zlm.ts). When present it replaces the
   * `lexicon.weight` / `indZlmScale` rule; its binary weights follow the main weights in the file.
   */
  pair?: PairModelHeader;
  /** Below this final top probability the answer is `und`. */
  undBelow: number;
  trainedOn: string[];
  createdBy: string;
}

export interface LoadedModel {
  header: ModelHeader;
  weights: Float32Array;
  /** The binary Indonesian-vs-Malay model's weights (when `header.pair` is set). */
  pairWeights?: Float32Array;
}

export function writeModel(path: string, header: ModelHeader, weights: Int8Array, pairWeights?: Int8Array): void {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length, 0);
  const parts = [Buffer.from(MAGIC, 'latin1'), len, head, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)];
  if (pairWeights) parts.push(Buffer.from(pairWeights.buffer, pairWeights.byteOffset, pairWeights.byteLength));
  const body = Buffer.concat(parts);
  writeFileSync(path, gzipSync(body, { level: 9 }));
}

export function readModel(path: string): LoadedModel {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error(`not a langid model: ${path}`);
  const headLen = raw.readUInt32LE(MAGIC.length);
  const headStart = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(headStart, headStart + headLen).toString('utf8')) as ModelHeader;
  const q = new Int8Array(raw.buffer, raw.byteOffset + headStart + headLen, raw.length - headStart - headLen);
  const main = (1 << header.bits) * header.languages.length;
  // bits 0: a stacked discriminator without a binary word model (markers and the main logit only).
  const pair = header.pair && header.pair.bits > 0 ? 1 << header.pair.bits : 0;
  if (q.length !== main + pair) throw new Error(`langid model ${path}: ${q.length} weights, expected ${main + pair}`);
  const weights = new Float32Array(main);
  for (let i = 0; i < main; i++) weights[i] = (q[i] ?? 0) * header.scale;
  if (!header.pair || pair === 0) return { header, weights };
  const pairWeights = new Float32Array(pair);
  for (let i = 0; i < pair; i++) pairWeights[i] = (q[main + i] ?? 0) * header.pair.scale;
  return { header, weights, pairWeights };
}

/**
 * Finds resources/models/<file> from wherever this code runs: sources (tsx, vitest), the dist/
 * bundle (CLI, workers) or a packaged app (process.resourcesPath). KURASI_LANGID_MODEL overrides.
 */
export function findModelPath(file = MODEL_FILE_NAME): string {
  const override = process.env.KURASI_LANGID_MODEL;
  if (override) return override;
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is not a file URL (unusual bundling): fall back to cwd below.
  }
  starts.push(process.cwd());
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) starts.push(resourcesPath);
  for (const start of starts) {
    let dir = resolve(start);
    for (let up = 0; up < 6; up++) {
      for (const candidate of [join(dir, 'resources', 'models', file), join(dir, 'models', file)]) {
        if (existsSync(candidate)) return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`langid model ${file} not found (looked under resources/models from ${starts.join(', ')})`);
}

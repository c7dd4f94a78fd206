import { createHash } from 'node:crypto';
import { z } from 'zod';
import { labelSchema, labelValue } from '../../../shared/contract/labels';

/** Every label is keyed by the document's content hash (its identity everywhere) and its external id. */
const docKey = { hash: z.string().regex(/^[0-9a-f]{32}$/), externalId: z.string(), source: z.string() };

export const packBody = z.object({
  format: z.literal('kurasi-label-pack'),
  version: z.literal(1),
  corpusId: z.string().min(1),
  annotator: z.string().min(1),
  exportedAt: z.string(),
  schema: labelSchema,
  labels: z.array(z.object({ ...docKey, question: z.string(), value: labelValue, at: z.string() })),
  spans: z.array(z.object({ ...docKey, question: z.string(), label: z.string(), start: z.number().int().min(0), end: z.number().int().min(1), at: z.string() })),
});
export type PackBody = z.infer<typeof packBody>;

export const packFile = packBody.extend({ checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/) });
export type PackFile = z.infer<typeof packFile>;

/** JSON with object keys sorted at every level, so the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the body in canonical JSON, so any edit or lost byte is caught. */
export function packChecksum(body: PackBody): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(body)).digest('hex');
}

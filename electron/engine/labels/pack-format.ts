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
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  });
}

/** SHA-256 over the body in canonical JSON, so any edit or lost byte is caught. */
export function packChecksum(body: PackBody): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(body)).digest('hex');
}

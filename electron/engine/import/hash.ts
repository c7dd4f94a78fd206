import { createHash } from 'node:crypto';
import { normalizeText } from '../../../shared/text/normalize';

/**
 * A document's identity: the first 128 bits of SHA-256 over its normalized text, as hex. Label packs and
 * exact-duplicate detection key on it, so it must never change for the same text.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 32);
}

import * as crypto from 'node:crypto';
import { normalizeText } from '../../../shared/text/normalize';

// Printable ASCII with single inner spaces is already normalized (NFC is the identity on ASCII and there is no
// whitespace to fold), so the common case skips normalizeText's two full passes over the text.
const NEEDS_NORMALIZING = /[^\x20-\x7e]| {2}|^ | $/u;

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

function sha256Hex(s: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', s, 'hex') : crypto.createHash('sha256').update(s).digest('hex');
}

/**
 * A document's identity: the first 128 bits of SHA-256 over its normalized text, as hex. Label packs and
 * exact-duplicate detection key on it, so it must never change for the same text.
 */
export function hashText(text: string): string {
  return sha256Hex(NEEDS_NORMALIZING.test(text) ? normalizeText(text) : text).slice(0, 32);
}

/** hashText for a text known to be normalized already (see normalAsciiWordCount). */
export function hashNormalizedText(text: string): string {
  return sha256Hex(text).slice(0, 32);
}

/** hashNormalizedText given the text's UTF-8 bytes (the same hash: SHA-256 hashes a string as its UTF-8 bytes). */
export function hashNormalizedBytes(bytes: Uint8Array): string {
  return sha256Hex(bytes).slice(0, 32);
}

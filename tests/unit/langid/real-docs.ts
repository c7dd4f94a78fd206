import { evalTexts } from '../../../scripts/langid/data';
import type { SeedDoc } from '../../helpers/corpus';

/** Real held-out sentences, repeated (with distinct ids) to reach `n` documents. */
export function realDocs(n: number): SeedDoc[] {
  const s = evalTexts().sentences;
  return Array.from({ length: n }, (_, i) => ({ text: s[i % s.length]?.text ?? '', externalId: `d${i}` }));
}

// Reads Creative Commons licence names written out in words, in English or Bahasa Indonesia:
// "Creative Commons Attribution Share Alike 4.0", "CC BY-NC-SA 4.0 International",
// "Lisensi Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional".
import { canonicalSpdxId } from './spdx';

const phrases: Array<[RegExp, string]> = [
  [/\bcreative commons\b/g, ' cc '],
  [/\bshare ?alike\b/g, ' sa '],
  [/\bberbagi ?serupa\b/g, ' sa '],
  [/\bnon ?commercial\b/g, ' nc '],
  [/\bnon ?komersial\b/g, ' nc '],
  [/\bno ?derivatives?\b/g, ' nd '],
  [/\bno ?derivs\b/g, ' nd '],
  [/\btanpa ?turunan\b/g, ' nd '],
];
const elements: Record<string, 'BY' | 'NC' | 'ND' | 'SA'> = {
  by: 'BY', attribution: 'BY', atribusi: 'BY',
  nc: 'NC', nd: 'ND', sa: 'SA',
};
// Words that carry no licence meaning in these names.
const filler = new Set(['license', 'licence', 'lisensi', 'international', 'internasional', 'unported', 'generic', 'v', 'version', 'versi', 'the', 'cc']);

/** The SPDX id of a Creative Commons name in words, or null when the text is not (only) such a name. */
export function parseCreativeCommonsName(text: string): string | null {
  let s = ` ${text.toLowerCase().replace(/[-_/,:()]+/g, ' ')} `;
  if (!/\b(cc|creative commons|cc0)\b/.test(s)) return null;
  for (const [re, rep] of phrases) s = s.replace(re, rep);
  const words = s.split(/\s+/).filter(Boolean);
  const found = new Set<string>();
  let version: string | null = null;
  let zero = false;
  let igo = false;
  for (const w of words) {
    const el = elements[w];
    if (el) found.add(el);
    else if (/^v?\d+(\.\d+)?$/.test(w)) {
      const v = w.replace(/^v/, '');
      version = v.includes('.') ? v : `${v}.0`;
    } else if (w === 'cc0' || w === 'zero') zero = true;
    else if (w === 'igo') igo = true;
    else if (!filler.has(w)) return null;
  }
  if (zero) return found.size === 0 ? 'CC0-1.0' : null;
  if (!version || !found.has('BY')) return null;
  const parts = ['BY', 'NC', 'ND', 'SA'].filter((p) => found.has(p));
  return canonicalSpdxId(`CC-${parts.join('-')}-${version}${igo ? '-IGO' : ''}`);
}

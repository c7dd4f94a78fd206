import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Long real paragraphs (Sundanese NusaWrites validation split) for hand-checkable duplicate fixtures. */
export function realParagraphs(min = 60): string[] {
  const csv = readFileSync(join(process.cwd(), '..', 'shared', 'data', 'nusa-writes', 'paragraph-sun-valid.csv'), 'utf8');
  return [...csv.matchAll(/^\d+,"((?:[^"]|"")+)"/gm)].map((m) => m[1]!.replace(/""/g, '"')).filter((t) => t.split(' ').length > min);
}

/** The paragraph with one word replaced (still ≥ 0.8 word-5-gram Jaccard for a paragraph over 60 words). */
export function oneWordChanged(p: string, at = 10): string {
  const w = p.split(' ');
  w[at] = 'GANTI';
  return w.join(' ');
}

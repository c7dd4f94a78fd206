/**
 * Indonesian and Malay word lists from Tesseract's language data (tessdata_fast, Apache-2.0, Debian packages
 * tesseract-ocr-ind and tesseract-ocr-msa), reduced to the words that only one of the two lists has. Each list
 * holds the ~75,000 commonest words of web text in its language, so a word the Malay list has and the
 * Indonesian list lacks is a Malay spelling or word (universiti, kahwin, teksi, seluar) and the other way round.
 * These are independent of every corpus in ../shared/data; cv-wordlist.ts decides on the training data
 * whether and how much they help.
 *
 * Regenerates scripts/langid/wordlists/tesseract-{ind,zlm}-only.txt.gz (committed, so training does not need
 * the packages):
 *
 *   apt-get install -y tesseract-ocr tesseract-ocr-ind tesseract-ocr-msa
 *   npx tsx scripts/langid/tesseract-wordlists.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isEntryScript } from './entry.js';

export const WORDLIST_DIR = 'scripts/langid/wordlists';
const TESSDATA = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

/** Lower-cased words of one traineddata file's LSTM word list. */
function tesseractWords(code: string, work: string): Set<string> {
  const dir = TESSDATA.find((d) => existsSync(join(d, `${code}.traineddata`)));
  if (!dir) throw new Error(`${code}.traineddata not found: apt-get install -y tesseract-ocr tesseract-ocr-${code}`);
  const prefix = join(work, `${code}.`);
  execFileSync('combine_tessdata', ['-u', join(dir, `${code}.traineddata`), prefix], { stdio: 'ignore' });
  const out = join(work, `${code}.words`);
  execFileSync('dawg2wordlist', [`${prefix}lstm-unicharset`, `${prefix}lstm-word-dawg`, out], { stdio: 'ignore' });
  const words = new Set<string>();
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    const w = line.trim().toLowerCase();
    // Letters (and inner hyphens) only: numbers, abbreviations with dots and stray symbols say nothing about the language.
    if (/^\p{L}{2,}(?:-\p{L}+)?$/u.test(w)) words.add(w);
  }
  return words;
}

function only(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((w) => !b.has(w)).sort();
}

/** The committed lists: words only the Indonesian list has, and words only the Malay list has. */
export function loadWordlists(dir = WORDLIST_DIR): { ind: string[]; zlm: string[] } {
  const read = (lang: string): string[] =>
    gunzipSync(readFileSync(join(dir, `tesseract-${lang}-only.txt.gz`)))
      .toString('utf8')
      .split('\n')
      .filter((w) => w.length > 0);
  return { ind: read('ind'), zlm: read('zlm') };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'kurasi-tess-'));
  try {
    const ind = tesseractWords('ind', work);
    const msa = tesseractWords('msa', work);
    mkdirSync(WORDLIST_DIR, { recursive: true });
    for (const [lang, words] of [['ind', only(ind, msa)], ['zlm', only(msa, ind)]] as const) {
      // mtime 0 in the gzip header keeps the file byte-identical between runs.
      writeFileSync(join(WORDLIST_DIR, `tesseract-${lang}-only.txt.gz`), gzipSync(`${words.join('\n')}\n`, { level: 9 }));
      console.log(`${lang}: ${words.length} words only in its list`);
    }
    console.log(`lists: ind ${ind.size}, msa ${msa.size}, both ${[...ind].filter((w) => msa.has(w)).length}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isEntryScript('tesseract-wordlists.ts')) main();

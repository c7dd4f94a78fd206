// Real text from ../shared/data for the PII and quality evaluations (CSV and TSV readers, seeded randomness).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = process.env.KURASI_DATA ?? join(repoRoot, '..', 'shared', 'data');

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A named column of a CSV file with a header row. */
export function csvColumn(file: string, column: string): string[] {
  const rows = parseCsv(readFileSync(join(dataDir, file), 'utf8'));
  const header = rows[0] ?? [];
  const idx = header.indexOf(column);
  if (idx < 0) throw new Error(`${file}: no column ${column}`);
  return rows.slice(1).map((r) => r[idx] ?? '').filter((t) => t.trim().length > 0);
}

/** TALPCo lines are `id<TAB>sentence`. */
export function talpco(lang: string): string[] {
  const path = join(dataDir, 'talpco', `${lang}.txt`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[1] ?? '')
    .filter((t) => t.trim().length > 0);
}

export const NUSAX_COLUMNS = ['indonesian', 'acehnese', 'banjarese', 'english', 'madurese', 'ngaju', 'sundanese', 'balinese', 'buginese', 'javanese', 'minangkabau', 'toba_batak'];
export const NUSA_WRITES_TRAIN = ['paragraph-bug-train.csv', 'paragraph-mad-train.csv'];
export const NUSA_WRITES_VALID = ['paragraph-bug-valid.csv', 'paragraph-jav-valid.csv', 'paragraph-mad-valid.csv', 'paragraph-min-valid.csv', 'paragraph-sun-valid.csv'];

/** Every real text in ../shared/data (all splits present, all languages). */
export function allRealTexts(): { name: string; texts: string[] }[] {
  const out: { name: string; texts: string[] }[] = [];
  for (const split of ['train', 'valid']) {
    for (const col of NUSAX_COLUMNS) out.push({ name: `nusax-mt/${split}/${col}`, texts: csvColumn(`nusax-mt/${split}.csv`, col) });
  }
  for (const f of [...NUSA_WRITES_TRAIN, ...NUSA_WRITES_VALID]) out.push({ name: `nusa-writes/${f}`, texts: csvColumn(`nusa-writes/${f}`, 'text') });
  for (const l of ['ind', 'zsm', 'jav', 'eng']) out.push({ name: `talpco/${l}`, texts: talpco(l) });
  return out;
}

/** Deterministic randomness (mulberry32) so every run evaluates the same planted set. */
export function seededRandom(seed: number): { rand: () => number; pick: <T>(a: readonly T[]) => T; int: (lo: number, hi: number) => number } {
  let s = seed | 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    rand,
    pick: <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!,
    int: (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1)),
  };
}

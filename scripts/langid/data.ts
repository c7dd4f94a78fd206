/**
 * Loads the language-ID training and evaluation texts from ../shared/data (see its README).
 * Train: NusaX-MT train.csv, TALPCo lines 1-800 (TALPCo has no split), NusaWrites *-train.csv.
 * Eval:  NusaX-MT valid.csv, TALPCo lines 801-1000, NusaWrites *-valid.csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LabelledText {
  lang: string;
  text: string;
  source: string;
  /** Parallel group (NusaX row, TALPCo line) so cross-validation keeps translations in one fold. */
  group?: number;
}

export const TALPCO_TRAIN_LINES = 800;

const NUSAX_COLUMNS: Record<string, string> = {
  indonesian: 'ind',
  acehnese: 'ace',
  banjarese: 'bjn',
  english: 'eng',
  madurese: 'mad',
  sundanese: 'sun',
  balinese: 'ban',
  buginese: 'bug',
  javanese: 'jav',
  minangkabau: 'min',
};

const TALPCO_FILES: Record<string, string> = { ind: 'ind', zsm: 'zlm', jav: 'jav', eng: 'eng' };

export function dataDir(): string {
  const candidates = [process.env.KURASI_SHARED_DATA, resolve('../shared/data'), '/work/shared/data'];
  for (const c of candidates) if (c && existsSync(join(c, 'README.md'))) return c;
  throw new Error('shared data folder not found (set KURASI_SHARED_DATA)');
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function nusax(split: 'train' | 'valid'): LabelledText[] {
  const rows = parseCsv(readFileSync(join(dataDir(), 'nusax-mt', `${split}.csv`), 'utf8'));
  const head = rows[0] ?? [];
  const out: LabelledText[] = [];
  rows.slice(1).forEach((r, row) => {
    head.forEach((col, i) => {
      const lang = NUSAX_COLUMNS[col];
      const text = (r[i] ?? '').trim();
      if (lang && text) out.push({ lang, text, source: `nusax-${split}`, group: row });
    });
  });
  return out;
}

function talpco(part: 'train' | 'heldout'): LabelledText[] {
  const out: LabelledText[] = [];
  for (const [file, lang] of Object.entries(TALPCO_FILES)) {
    const lines = readFileSync(join(dataDir(), 'talpco', `${file}.txt`), 'utf8').split('\n').filter((l) => l.trim());
    const slice = part === 'train' ? lines.slice(0, TALPCO_TRAIN_LINES) : lines.slice(TALPCO_TRAIN_LINES);
    slice.forEach((l, line) => {
      const text = l.slice(l.indexOf('\t') + 1).trim();
      if (text) out.push({ lang, text, source: `talpco-${part}`, group: line });
    });
  }
  return out;
}

function nusaWrites(split: 'train' | 'valid'): LabelledText[] {
  const out: LabelledText[] = [];
  for (const lang of ['bug', 'mad', 'jav', 'min', 'sun']) {
    const p = join(dataDir(), 'nusa-writes', `paragraph-${lang}-${split}.csv`);
    if (!existsSync(p)) continue;
    const rows = parseCsv(readFileSync(p, 'utf8'));
    const ti = (rows[0] ?? []).indexOf('text');
    for (const r of rows.slice(1)) {
      const text = (r[ti] ?? '').trim();
      if (text) out.push({ lang, text, source: `nusawrites-${split}` });
    }
  }
  return out;
}

/** Sentence-ish pieces of a paragraph (split after . ! ? followed by space). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function trainingTexts(): { sentences: LabelledText[]; paragraphs: LabelledText[] } {
  return { sentences: [...nusax('train'), ...talpco('train')], paragraphs: nusaWrites('train') };
}

export interface EvalSets {
  /** Held-out sentences: NusaX valid + TALPCo lines 801-1000. */
  sentences: LabelledText[];
  /** Short sentences only (TALPCo held-out, ~40 characters), the hard case for ind vs zlm. */
  short: LabelledText[];
  /** NusaWrites valid paragraphs (real), plus 4-sentence pseudo-paragraphs built from held-out sentences for languages NusaWrites lacks. */
  paragraphs: LabelledText[];
}

export function evalTexts(): EvalSets {
  const nx = nusax('valid');
  const tp = talpco('heldout');
  const real = nusaWrites('valid');
  const haveReal = new Set(real.map((p) => p.lang));
  const pseudo: LabelledText[] = [];
  for (const set of [nx, tp]) {
    const byLang = new Map<string, LabelledText[]>();
    for (const t of set) byLang.set(t.lang, [...(byLang.get(t.lang) ?? []), t]);
    for (const [lang, items] of byLang) {
      if (haveReal.has(lang)) continue;
      for (let i = 0; i + 4 <= items.length; i += 4) {
        pseudo.push({ lang, text: items.slice(i, i + 4).map((t) => t.text).join(' '), source: `pseudo-${items[0]?.source ?? ''}` });
      }
    }
  }
  return { sentences: [...nx, ...tp], short: tp, paragraphs: [...real, ...pseudo] };
}

import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { ImportFormat } from '../../../shared/contract/import';

export type ConcreteFormat = Exclude<ImportFormat, 'auto'>;

export interface ImportFile {
  /** Absolute path. */
  path: string;
  /** The name used in generated ids and reject reports: relative to the folder given, or the base name. */
  name: string;
  size: number;
  /** From the extension (or the format option); null means sniff the content. */
  format: ConcreteFormat | null;
}

const EXTENSIONS: Record<string, ConcreteFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  txt: 'txt',
  text: 'txt',
};

/** A file name without `.gz`, so `a.jsonl` and `a.jsonl.gz` give the same generated ids. */
export function stripGz(name: string): string {
  return name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name;
}

export function formatFromName(name: string): ConcreteFormat | null {
  const ext = stripGz(name).split('.').pop()?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? null;
}

/**
 * Expands the given paths into the files to import, folders recursively in a fixed (code point) order so
 * repeated imports meet the files, and therefore generate ids, identically. Inside folders only files with a
 * known extension are taken; a file named explicitly is always taken (its format is sniffed if unknown).
 * The files left out that way go into `ignored` (named relative to their folder), so the import can say so.
 */
export function listImportFiles(paths: string[], format: ImportFormat, ignored: string[] = []): ImportFile[] {
  const out: ImportFile[] = [];
  const forced = format === 'auto' ? null : format;
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new Error(`${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    if (st.isDirectory()) {
      walk(abs, abs, out, forced, ignored);
    } else {
      out.push({ path: abs, name: stripGz(basename(abs)), size: st.size, format: forced ?? formatFromName(abs) });
    }
  }
  return qualifyClashingNames(out);
}

/**
 * Two files of one import with the same name (`2023/train.csv` and `2024/train.csv` given as two folders) would
 * generate the same ids and reject each other's rows as duplicates: such names get as many parent folders as it
 * takes to tell them apart. Names that do not clash stay as they were, so earlier imports keep their ids.
 */
function qualifyClashingNames(files: ImportFile[]): ImportFile[] {
  const byName = new Map<string, ImportFile[]>();
  for (const f of files) {
    const group = byName.get(f.name);
    if (group) group.push(f);
    else byName.set(f.name, [f]);
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const parts = group.map((f) => f.path.split(/[\\/]/).filter(Boolean));
    const longest = Math.max(...parts.map((p) => p.length));
    let names: string[] = [];
    // The same path given twice stays the same name: the longest tail is as far as it goes.
    for (let take = group[0]!.name.split('/').length + 1; take <= longest; take++) {
      names = parts.map((p) => stripGz(p.slice(-take).join('/')));
      if (new Set(names).size === names.length) break;
    }
    group.forEach((f, i) => (f.name = names[i] ?? f.name));
  }
  return files;
}

function walk(root: string, dir: string, out: ImportFile[], forced: ConcreteFormat | null, ignored: string[]): void {
  const names = readdirSync(dir).filter((n) => !n.startsWith('.'));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) walk(root, p, out, forced, ignored);
    else if (st.isFile()) {
      const fmt = formatFromName(n);
      const rel = relative(root, p).split('\\').join('/');
      if (!fmt) {
        ignored.push(rel);
        continue;
      }
      out.push({ path: p, name: stripGz(rel), size: st.size, format: forced ?? fmt });
    }
  }
}

/** Guesses the format of a file with an unknown extension from its first lines. */
export function sniffFormat(firstLines: string[]): ConcreteFormat {
  const first = firstLines.find((l) => l.trim() !== '') ?? '';
  const t = first.trimStart();
  if (t.startsWith('{')) return 'jsonl';
  if (first.includes('\t')) return 'tsv';
  if (first.includes(',') && firstLines.filter((l) => l.includes(',')).length >= Math.min(2, firstLines.length)) return 'csv';
  return 'txt';
}

/**
 * Parallel Indonesian/Malay text from Mozilla's localizations of Firefox ESR and Thunderbird (MPL-2.0, Debian
 * packages firefox-esr-l10n-{id,ms} and thunderbird-l10n-{id,ms}): the same interface string in both languages,
 * matched by file and message id. TALPCo gives only 800 Malay training lines; these give about twelve thousand
 * pairs written by translators, so the Indonesian/Malay discriminator sees far more of the words in which the two
 * standards differ (tiada / tidak ada, sila / silakan, berlaku / terjadi, semasa / saat). The domain is software,
 * so cv-ind-zlm.ts judges on TALPCo training folds whether it helps everyday sentences.
 *
 * Regenerates scripts/langid/l10n/mozilla-id-ms.tsv.gz (committed with its licence, so training needs no packages):
 *
 *   npx tsx scripts/langid/mozilla-l10n.ts   (runs apt-get download; needs dpkg-deb and unzip)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LanguageDetector } from '../../electron/engine/langid/detector.js';
import { isEntryScript } from './entry.js';

export const L10N_FILE = 'scripts/langid/l10n/mozilla-id-ms.tsv.gz';
const PACKAGES = ['firefox-esr-l10n', 'thunderbird-l10n'];

/** Fluent: `id = value`, `.attr = value`, indented continuation lines. */
function parseFtl(src: string): Map<string, string> {
  const out = new Map<string, string>();
  let msg: string | null = null;
  let cur: string | null = null;
  for (const line of src.split('\n')) {
    if (line.trim() === '') {
      cur = null;
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^(-?[A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) {
      msg = cur = m[1] ?? null;
      if (cur) out.set(cur, m[2] ?? '');
      continue;
    }
    const a = /^\s+\.([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (a && msg) {
      cur = `${msg}.${a[1] ?? ''}`;
      out.set(cur, a[2] ?? '');
      continue;
    }
    if (/^\s/.test(line) && cur) out.set(cur, `${out.get(cur) ?? ''} ${line.trim()}`);
  }
  return out;
}

function parseProperties(src: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m?.[1]) out.set(m[1], m[2] ?? '');
  }
  return out;
}

function parseDtd(src: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of src.matchAll(/<!ENTITY\s+([\w.-]+)\s+"([^"]*)"\s*>/g)) if (m[1]) out.set(m[1], m[2] ?? '');
  return out;
}

const PARSERS: Record<string, (src: string) => Map<string, string>> = { '.ftl': parseFtl, '.properties': parseProperties, '.dtd': parseDtd };

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every string of one unpacked language pack, keyed by its file (locale folder neutralized) and message id. */
function strings(root: string, locale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of walk(root)) {
    const parse = PARSERS[extname(p)];
    if (!parse) continue;
    const file = relative(root, p).split('/').map((s) => (s === locale ? 'LOCALE' : s)).join('/');
    for (const [k, v] of parse(readFileSync(p, 'utf8'))) out.set(`${file}::${k}`, v);
  }
  return out;
}

/** Placeables, markup, entities, printf slots and escapes out; whitespace folded. */
export function cleanString(s: string): string {
  return s
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[\w.-]+;/g, ' ')
    .replace(/%\d*\$?[sSdu@]/g, ' ')
    .replace(/\\[nt]|\\u[0-9a-fA-F]{4}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(s: string): number {
  return (s.match(/\p{L}{2,}/gu) ?? []).length;
}

function unpack(pkg: string, work: string): string {
  execFileSync('apt-get', ['download', pkg], { cwd: work, stdio: 'ignore' });
  const deb = readdirSync(work).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg} gave no .deb`);
  const root = join(work, pkg);
  execFileSync('dpkg-deb', ['-x', join(work, deb), root]);
  const xpi = walk(root).find((p) => p.endsWith('.xpi'));
  if (!xpi) throw new Error(`${pkg}: no language pack (.xpi) inside`);
  const out = join(work, `${pkg}-xpi`);
  mkdirSync(out);
  execFileSync('unzip', ['-q', '-o', xpi, '-d', out]);
  return out;
}

/** The committed pairs: [Indonesian, Malay]. */
export function loadL10nPairs(file = L10N_FILE): Array<[string, string]> {
  if (!existsSync(file)) throw new Error(`${file} missing: run npx tsx scripts/langid/mozilla-l10n.ts`);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [ind = '', zlm = ''] = l.split('\t');
      return [ind, zlm];
    });
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'kurasi-l10n-'));
  try {
    const seen = new Set<string>();
    // Untranslated strings left in English (mostly on the Malay side) would teach that English is Malay.
    const detector = LanguageDetector.load();
    const malayish = (t: string): boolean => {
      // Only English is refused: short interface strings are often unsure between the Malay-family languages.
      return detector.detect(t, { alternatives: 0 }).lang !== 'eng';
    };
    let english = 0;
    const rows: string[] = [];
    for (const pkg of PACKAGES) {
      const ind = strings(unpack(`${pkg}-id`, work), 'id');
      const zlm = strings(unpack(`${pkg}-ms`, work), 'ms');
      let kept = 0;
      for (const [key, v] of ind) {
        const m = zlm.get(key);
        if (m === undefined) continue;
        const a = cleanString(v);
        const b = cleanString(m);
        // Identical strings teach nothing about the difference; one- or no-word strings are mostly product names.
        if (a === b || words(a) < 2 || words(b) < 2 || a.includes('\t') || b.includes('\t')) continue;
        const k = `${a}\t${b}`;
        if (seen.has(k)) continue;
        if (!malayish(a) || !malayish(b)) {
          english++;
          continue;
        }
        seen.add(k);
        rows.push(k);
        kept++;
      }
      console.log(`${pkg}: ${ind.size} Indonesian strings, ${zlm.size} Malay, ${kept} pairs kept`);
    }
    rows.sort();
    mkdirSync('scripts/langid/l10n', { recursive: true });
    writeFileSync(L10N_FILE, gzipSync(`${rows.join('\n')}\n`, { level: 9 }));
    console.log(`${rows.length} pairs -> ${L10N_FILE} (${english} left out: one side detected as English)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isEntryScript('mozilla-l10n.ts')) main();

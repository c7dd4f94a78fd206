/**
 * More parallel Indonesian/Malay interface text, from three permissively licensed localizations, in the same form
 * as mozilla-l10n.ts gives Mozilla's (one `Indonesian<TAB>Malay` pair per line, the same message in both languages):
 *
 * - chromium: Chromium's id and ms locale packs (Debian chromium-l10n; English from chromium-common), BSD-3-Clause,
 *   paired by resource id;
 * - cldr: Unicode CLDR JSON (npm cldr-*-full), Unicode-3.0: emoji names and keywords, language/territory/script
 *   names, unit, currency and calendar words, paired by JSON path. Date and number format patterns are left out
 *   (they are skeletons such as `EEEE, d MMMM y`, not words), and so is cldr-annotations-derived-full, whose
 *   skin-tone variants would add thousands of near-copies of one emoji name;
 * - openui5: SAP OpenUI5 message bundles (npm @openui5/*), Apache-2.0, paired by bundle and message key.
 *
 * Every source is cleaned and filtered the way mozilla-l10n.ts does it, so the files can be mixed: placeholders,
 * markup and ICU plural syntax out; pairs that are identical, under two words each, equal to the English string of
 * the same message, or detected as English are left out. Versions are pinned here, so a rerun against the same
 * mirror (and the same language-ID model) writes identical bytes.
 *
 * Regenerates scripts/langid/l10n/{chromium,cldr,openui5}-id-ms.tsv.gz (committed with their licences):
 *
 *   npx tsx scripts/langid/ui-l10n.ts [chromium|cldr|openui5 ...]   (runs apt-get download and npm pack; needs
 *   dpkg-deb and tar)
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LanguageDetector } from '../../electron/engine/langid/detector.js';
import { cleanString, loadL10nPairs } from './mozilla-l10n.js';
import { isEntryScript } from './entry.js';

export const UI_L10N_SOURCES = ['chromium', 'cldr', 'openui5'] as const;
export type UiL10nSource = (typeof UI_L10N_SOURCES)[number];

export function uiL10nFile(source: UiL10nSource): string {
  return `scripts/langid/l10n/${source}-id-ms.tsv.gz`;
}

/** The committed pairs of one source: [Indonesian, Malay]. */
export function loadUiL10nPairs(source: UiL10nSource): Array<[string, string]> {
  const file = uiL10nFile(source);
  if (!existsSync(file)) throw new Error(`${file} missing: run npx tsx scripts/langid/ui-l10n.ts ${source}`);
  return loadL10nPairs(file);
}

// Debian keeps only the newest security build on its mirrors; when this one is gone, update the pin (and the README).
const CHROMIUM_VERSION = '156.0.8078.114-1~deb12u1';
const CLDR_VERSION = '48.2.0';
const CLDR_PACKAGES = [
  'cldr-annotations-full',
  'cldr-dates-full',
  'cldr-localenames-full',
  'cldr-misc-full',
  'cldr-numbers-full',
  'cldr-units-full',
];
/** Every @openui5 library with Indonesian and Malay message bundles, at its newest version on npm when pinned. */
const OPENUI5_PACKAGES: Record<string, string> = {
  'sap.f': '1.152.0',
  'sap.m': '1.152.0',
  'sap.tnt': '1.152.0',
  'sap.ui.codeeditor': '1.152.0',
  'sap.ui.commons': '1.152.0',
  'sap.ui.core': '1.152.0',
  'sap.ui.documentation': '1.141.1',
  'sap.ui.dt': '1.152.0',
  'sap.ui.fl': '1.152.0',
  'sap.ui.integration': '1.150.0',
  'sap.ui.layout': '1.152.0',
  'sap.ui.mdc': '1.152.0',
  'sap.ui.rta': '1.146.0',
  'sap.ui.table': '1.152.0',
  'sap.ui.unified': '1.152.0',
  'sap.ui.ux3': '1.146.0',
  'sap.ui.webc.fiori': '1.120.12',
  'sap.ui.webc.main': '1.120.12',
  'sap.uxap': '1.152.0',
};

/** One message per key in each language; a key means the same message in all three maps. */
export interface Messages {
  ind: Map<string, string>;
  zlm: Map<string, string>;
  eng: Map<string, string>;
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const ICU_HEAD = /\{\s*[\w.]+\s*,\s*(?:plural|selectordinal|select)\s*,/y;
const ICU_CASE = /\s*(?:offset:\d+\s+)?([^\s{}]+)\s*\{/y;

/**
 * ICU plural/select messages keep only their `other` branch (the general wording) with `#` (the number) dropped;
 * removing the braces alone would leave the selector syntax in the text.
 */
export function resolveIcu(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    ICU_HEAD.lastIndex = i;
    if (s[i] === '{' && ICU_HEAD.test(s)) {
      const cases = new Map<string, string>();
      let j = ICU_HEAD.lastIndex;
      let ok = false;
      for (;;) {
        while (j < s.length && /\s/.test(s[j] ?? '')) j++;
        if (s[j] === '}') {
          ok = cases.size > 0;
          j++;
          break;
        }
        ICU_CASE.lastIndex = j;
        const m = ICU_CASE.exec(s);
        if (!m?.[1]) break;
        const close = closingBrace(s, ICU_CASE.lastIndex - 1);
        if (close < 0) break;
        cases.set(m[1], s.slice(ICU_CASE.lastIndex, close));
        j = close + 1;
      }
      if (ok) {
        const body = cases.get('other') ?? [...cases.values()].at(-1) ?? '';
        out += ` ${resolveIcu(body).replace(/#/g, ' ')} `;
        i = j;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return out;
}

/**
 * cleanString (mozilla-l10n.ts) after the placeholder styles these sources add: ICU plurals, `{{x}}`, `${x}`,
 * `%{x}`, `$1`, numeric character references and menu mnemonics (`&Buka`, `&&` for a literal ampersand), and
 * links (Markdown ones keep their text), which are the same in both languages.
 */
export function cleanUiString(s: string): string {
  return cleanString(
    resolveIcu(s)
      .replace(/\[([^\]]*)\]\s*\(\s*https?:[^)]*\)/g, '$1')
      .replace(/\bhttps?:\/\/[^\s)\]}"'<>]+/g, ' ')
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\$\{[^}]*\}/g, ' ')
      .replace(/%\{[^}]*\}/g, ' ')
      .replace(/%\d+\$[sdif]/g, ' ')
      .replace(/\$\d+/g, ' ')
      .replace(/&(?:#\d+|#x[0-9a-fA-F]+|[\w.-]+);/g, ' ')
      .replace(/&(&|(?=\p{L}))/gu, '$1'),
  );
}

function words(s: string): number {
  return (s.match(/\p{L}{2,}/gu) ?? []).length;
}

export interface PairStats {
  common: number;
  identical: number;
  sameAsEnglish: number;
  short: number;
  duplicate: number;
  english: number;
  kept: number;
}

/** Pairs one source's messages into sorted, distinct `Indonesian<TAB>Malay` lines. */
export function pairMessages(
  msgs: Messages,
  isEnglish: (text: string) => boolean,
  minWords = 2,
): { rows: string[]; stats: PairStats } {
  const stats: PairStats = {
    common: 0,
    identical: 0,
    sameAsEnglish: 0,
    short: 0,
    duplicate: 0,
    english: 0,
    kept: 0,
  };
  const seen = new Set<string>();
  for (const [key, rawInd] of msgs.ind) {
    const rawZlm = msgs.zlm.get(key);
    if (rawZlm === undefined) continue;
    stats.common++;
    const a = cleanUiString(rawInd);
    const b = cleanUiString(rawZlm);
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    // A difference of case only teaches nothing about the two standards.
    if (la === lb) {
      stats.identical++;
      continue;
    }
    const rawEng = msgs.eng.get(key);
    const e = rawEng === undefined ? undefined : cleanUiString(rawEng).toLowerCase();
    // Left untranslated on one side: that side is English, not Indonesian or Malay.
    if (e !== undefined && (e === la || e === lb)) {
      stats.sameAsEnglish++;
      continue;
    }
    // Interface strings of one word are mostly names, codes and abbreviations (mozilla-l10n.ts leaves them out too);
    // CLDR's are dictionary words (mobil / kereta, Kamis / Khamis), so it passes minWords 1.
    if (words(a) < minWords || words(b) < minWords) {
      stats.short++;
      continue;
    }
    const line = `${a}\t${b}`;
    if (seen.has(line)) {
      stats.duplicate++;
      continue;
    }
    if (isEnglish(a) || isEnglish(b)) {
      stats.english++;
      continue;
    }
    seen.add(line);
  }
  const rows = [...seen].sort();
  stats.kept = rows.length;
  return { rows, stats };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = err instanceof Error && 'stderr' in err ? String(err.stderr) : '';
    throw new Error(`${cmd} ${args.join(' ')} failed: ${stderr.trim() || String(err)}`);
  }
}

/** Downloads one pinned Debian package and unpacks it; returns the unpacked root. */
function debPackage(pkg: string, version: string, work: string): string {
  const dir = join(work, `deb-${pkg}`);
  mkdirSync(dir);
  try {
    run('apt-get', ['download', `${pkg}=${version}`], dir);
  } catch (err) {
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\n(if ${version} has left the mirror, update CHROMIUM_VERSION in ui-l10n.ts)`,
    );
  }
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg}=${version} gave no .deb`);
  const root = join(dir, 'root');
  run('dpkg-deb', ['-x', join(dir, deb), root], dir);
  return root;
}

/** `npm pack`s one pinned package and unpacks it; returns its `package/` folder. */
function npmPackage(name: string, version: string, work: string): string {
  const dir = join(work, `npm-${name.replace(/[@/]/g, '_')}`);
  mkdirSync(dir);
  run('npm', ['pack', `${name}@${version}`, '--silent'], dir);
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${name}@${version} gave no tarball`);
  run('tar', ['-xzf', tgz], dir);
  return join(dir, 'package');
}

/** Text resources of a Chromium .pak (format 5), by resource id. */
export function readPak(buf: Buffer): Map<number, string> {
  const version = buf.readUInt32LE(0);
  if (version !== 5) throw new Error(`unsupported .pak format ${version}`);
  const utf16 = buf.readUInt8(4) === 2;
  const count = buf.readUInt16LE(8);
  const aliases = buf.readUInt16LE(10);
  const entry = (i: number): { id: number; offset: number } => ({
    id: buf.readUInt16LE(12 + 6 * i),
    offset: buf.readUInt32LE(14 + 6 * i),
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts: Array<string | null> = [];
  const out = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const { id, offset } = entry(i);
    const data = buf.subarray(offset, entry(i + 1).offset);
    let text: string | null;
    try {
      text = utf16 ? data.toString('utf16le') : decoder.decode(data);
    } catch {
      text = null;
    }
    // Some locale resources are compressed HTML or other binary data, not strings.
    if (text !== null && [...text].some((c) => c.charCodeAt(0) < 9 || c === '\uFFFD')) text = null;
    texts.push(text);
    if (text !== null) out.set(id, text);
  }
  const aliasBase = 12 + 6 * (count + 1);
  for (let j = 0; j < aliases; j++) {
    const id = buf.readUInt16LE(aliasBase + 4 * j);
    const text = texts[buf.readUInt16LE(aliasBase + 4 * j + 2)];
    if (text !== null && text !== undefined) out.set(id, text);
  }
  return out;
}

function chromium(work: string): Messages {
  const l10n = join(debPackage('chromium-l10n', CHROMIUM_VERSION, work), 'usr/lib/chromium/locales');
  const common = join(debPackage('chromium-common', CHROMIUM_VERSION, work), 'usr/lib/chromium/locales');
  // Resource ids are shared by all locale packs of one build, which is why both packages are pinned to the same one.
  const load = (file: string): Map<string, string> =>
    new Map([...readPak(readFileSync(file))].map(([id, s]) => [String(id), s]));
  return {
    ind: load(join(l10n, 'id.pak')),
    zlm: load(join(l10n, 'ms.pak')),
    eng: load(join(common, 'en-US.pak')),
  };
}

/** Path segments of CLDR data that are machine patterns or character inventories rather than words. */
const CLDR_SKIP =
  /^(?:identity|characters|delimiters|layout|posix|contextTransforms|defaultNumberingSystem|otherNumberingSystems|minimumGroupingDigits|symbols.*|.*Formats(?:-.*)?|hourFormat|gmt\w*Format|fallbackFormat|durationUnit.*|miscPatterns.*|unitPrefixPattern)$/;

/** Leaf strings of one CLDR JSON file by path; arrays of strings (emoji keywords) become one `a | b | c` string. */
function cldrLeaves(node: unknown, path: string[], out: Map<string, string>): void {
  if (typeof node === 'string') out.set(path.join('/'), node);
  else if (Array.isArray(node)) {
    if (node.every((v) => typeof v === 'string')) out.set(path.join('/'), node.join(' | '));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!CLDR_SKIP.test(k)) cldrLeaves(v, [...path, k], out);
  }
}

function cldrFile(file: string, locale: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (json === null || typeof json !== 'object') return out;
  // { main: { id: {...} } } or { annotations: {...} }: the locale segment goes, so paths match across locales.
  for (const [top, body] of Object.entries(json)) {
    const inner =
      body !== null && typeof body === 'object'
        ? Object.entries(body).find(([k]) => k === locale)?.[1]
        : undefined;
    cldrLeaves(inner ?? body, [top], out);
  }
  return out;
}

function cldr(work: string): Messages {
  const msgs: Messages = { ind: new Map(), zlm: new Map(), eng: new Map() };
  for (const pkg of CLDR_PACKAGES) {
    const root = npmPackage(pkg, CLDR_VERSION, work);
    for (const section of ['main', 'annotations']) {
      const idDir = join(root, section, 'id');
      if (!existsSync(idDir)) continue;
      for (const file of readdirSync(idDir).sort()) {
        const prefix = `${pkg}/${section}/${file}`;
        for (const [lang, locale] of [
          ['ind', 'id'],
          ['zlm', 'ms'],
          ['eng', 'en'],
        ] as const) {
          for (const [k, v] of cldrFile(join(root, section, locale, file), locale))
            msgs[lang].set(`${prefix}:${k}`, v);
        }
      }
    }
  }
  return msgs;
}

/** Java .properties (UTF-8 or ISO-8859-1 with \u escapes), as UI5 message bundles are written. */
export function parseJavaProperties(buf: Buffer): Map<string, string> {
  let src: string;
  try {
    src = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    src = buf.toString('latin1');
  }
  const unescape = (s: string): string =>
    s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
      return e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
    });
  const out = new Map<string, string>();
  const lines = src.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the value on the next line.
    while ((/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1 && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^\s+/, '');
    }
    const m = /^((?:\\.|[^\\=:\s])+)\s*[=:]?\s*(.*)$/.exec(line);
    if (m?.[1]) out.set(unescape(m[1]), unescape(m[2] ?? ''));
  }
  return out;
}

function openui5(work: string): Messages {
  const msgs: Messages = { ind: new Map(), zlm: new Map(), eng: new Map() };
  for (const [lib, version] of Object.entries(OPENUI5_PACKAGES)) {
    const root = npmPackage(`@openui5/${lib}`, version, work);
    for (const file of walk(root)) {
      // Bundled third-party components carry their own licences; only OpenUI5's own bundles are taken.
      if (!file.endsWith('_id.properties') || file.includes('/thirdparty/')) continue;
      const base = file.slice(0, -'_id.properties'.length);
      if (!existsSync(`${base}_ms.properties`)) continue;
      // The bundle without a language suffix is the developers' English.
      const engFile = [`${base}.properties`, `${base}_en.properties`].find((f) => existsSync(f));
      const prefix = `${lib}/${relative(root, base)}`;
      const files = [
        ['ind', file],
        ['zlm', `${base}_ms.properties`],
        ['eng', engFile],
      ] as const;
      for (const [lang, f] of files) {
        if (f === undefined) continue;
        // UI5 message formatting writes a literal apostrophe as ''.
        for (const [k, v] of parseJavaProperties(readFileSync(f)))
          msgs[lang].set(`${prefix}:${k}`, v.replace(/''/g, "'"));
      }
    }
  }
  return msgs;
}

const SOURCES: Record<UiL10nSource, (work: string) => Messages> = { chromium, cldr, openui5 };
const MIN_WORDS: Record<UiL10nSource, number> = { chromium: 2, cldr: 1, openui5: 2 };

function isSource(s: string): s is UiL10nSource {
  return UI_L10N_SOURCES.some((x) => x === s);
}

function main(): void {
  const args = process.argv.slice(2);
  const bad = args.filter((a) => !isSource(a));
  if (bad.length)
    throw new Error(`unknown source(s) ${bad.join(', ')}; choose from ${UI_L10N_SOURCES.join(', ')}`);
  const wanted = args.filter(isSource);
  const detector = LanguageDetector.load();
  // Only English is refused: short interface strings are often unsure between the Malay-family languages.
  const isEnglish = (t: string): boolean => {
    const r = detector.detect(t, { alternatives: 1 });
    return r.lang === 'eng' || (r.reason === 'foreign' && r.alternatives[0]?.lang === 'eng');
  };
  mkdirSync('scripts/langid/l10n', { recursive: true });
  for (const source of wanted.length ? wanted : UI_L10N_SOURCES) {
    const work = mkdtempSync(join(tmpdir(), `kurasi-ui-l10n-${source}-`));
    try {
      const msgs = SOURCES[source](work);
      const { rows, stats } = pairMessages(msgs, isEnglish, MIN_WORDS[source]);
      const file = uiL10nFile(source);
      // Node's gzip header carries no file name and a zero timestamp, so equal rows give equal bytes.
      writeFileSync(file, gzipSync(`${rows.join('\n')}\n`, { level: 9 }));
      console.log(
        `${source}: ${msgs.ind.size} Indonesian strings, ${msgs.zlm.size} Malay, ${stats.common} in both; left out ` +
          `${stats.identical} identical, ${stats.sameAsEnglish} equal to English, ${stats.short} under ${MIN_WORDS[source]} word(s), ` +
          `${stats.duplicate} duplicates, ${stats.english} detected as English; ${stats.kept} pairs -> ${file}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

if (isEntryScript('ui-l10n.ts')) main();

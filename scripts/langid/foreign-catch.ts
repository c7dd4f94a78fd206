/**
 * How much text of the eight other Latin-script languages the detector answers `und` (`foreign`) for, and how
 * often that rule fires on the training texts of our own eleven languages (docs/langid.md, "foreign").
 *
 * The foreign text is the interface messages of Debian's own translations: the gettext catalogues installed under
 * /usr/share/locale (whatever packages this machine has; Tagalog is `tl` and `fil`, Portuguese `pt` and `pt_BR`).
 * Each translated message is cleaned (printf and brace placeholders, markup, accelerator marks and escapes out),
 * messages identical to their English original or under 20 letters are left out, duplicates once; at most 1,500
 * per language, evenly spaced through the catalogues (sorted by path, messages in file order). Reported for all of
 * them and for those of at least 12 words (closer to prose). Debian's Indonesian and Malay messages, chosen the
 * same way, show how often the rule fires on the same kind of text in our own languages.
 *
 *   npx tsx scripts/langid/foreign-catch.ts
 *
 * Only the training texts (trainingTexts()) are read from ../shared/data; the validation splits are not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageDetector, type Detection } from '../../electron/engine/langid/detector.js';
import { trainingTexts } from './data.js';
import { isEntryScript } from './entry.js';

const LOCALE_DIR = '/usr/share/locale';
const MIN_LETTERS = 20;
const MAX_MESSAGES = 1500;
const PROSE_WORDS = 12;

/** franc code → gettext locale folders. */
const LOCALES: Record<string, string[]> = {
  nld: ['nl'],
  deu: ['de'],
  spa: ['es'],
  fra: ['fr'],
  por: ['pt', 'pt_BR'],
  ita: ['it'],
  tgl: ['tl', 'fil'],
  vie: ['vi'],
};

/** Translated strings of a binary gettext catalogue (.mo), in file order; the first plural form of each. */
export function readMo(buf: Buffer): Array<{ msgid: string; msgstr: string }> {
  const magic = buf.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && magic !== 0xde120495) throw new Error('not a gettext .mo file');
  const u32 = (at: number): number => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(8);
  const origTable = u32(12);
  const transTable = u32(16);
  const str = (table: number, i: number): string => {
    const len = u32(table + i * 8);
    const off = u32(table + i * 8 + 4);
    return buf.toString('utf8', off, off + len);
  };
  const out: Array<{ msgid: string; msgstr: string }> = [];
  for (let i = 0; i < count; i++) {
    const id = str(origTable, i);
    if (id === '') continue; // the catalogue header
    const ctx = id.indexOf('\u0004');
    const msgid = (ctx >= 0 ? id.slice(ctx + 1) : id).split('\0')[0] ?? '';
    const msgstr = str(transTable, i).split('\0')[0] ?? '';
    if (msgstr) out.push({ msgid, msgstr });
  }
  return out;
}

/** A message as text a person would read: no placeholders, markup, accelerators or escapes. */
export function cleanMessage(s: string): string {
  return s
    .replace(
      /%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]/gu,
      ' ',
    )
    .replace(/\$\{[^}]*\}|\{[^{}]*\}/gu, ' ')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\\[ntr]/gu, ' ')
    .replace(/(^|[\s(])[_&](?=\p{L})/gu, '$1')
    .replace(/(\p{L})_(?=\p{L})/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

const letterCount = (s: string): number => (s.match(/\p{L}/gu) ?? []).length;
const wordCount = (s: string): number => (s.match(/\p{L}+/gu) ?? []).length;

/** The messages of one language, as described at the top. */
export function localeMessages(folders: string[]): string[] {
  const files: string[] = [];
  for (const f of folders) {
    const dir = join(LOCALE_DIR, f, 'LC_MESSAGES');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.mo')) files.push(join(dir, name));
  }
  const seen = new Set<string>();
  const all: string[] = [];
  for (const file of files) {
    for (const { msgid, msgstr } of readMo(readFileSync(file))) {
      const text = cleanMessage(msgstr);
      if (text === cleanMessage(msgid) || letterCount(text) < MIN_LETTERS || seen.has(text)) continue;
      seen.add(text);
      all.push(text);
    }
  }
  if (all.length <= MAX_MESSAGES) return all;
  const step = all.length / MAX_MESSAGES;
  return Array.from({ length: MAX_MESSAGES }, (_, i) => all[Math.floor(i * step)] ?? '');
}

const pct = (k: number, n: number): string => (n ? `${Math.round((100 * k) / n)}% (${k})` : '–');

function main(): void {
  const det = LanguageDetector.load();
  const isForeign = (d: Detection): boolean => d.reason === 'foreign';
  console.log('| language | messages | caught | messages of ≥ 12 words | caught |');
  console.log('|---|---|---|---|---|');
  for (const [lang, folders] of Object.entries(LOCALES)) {
    const msgs = localeMessages(folders);
    let caught = 0;
    let prose = 0;
    let proseCaught = 0;
    for (const m of msgs) {
      const hit = isForeign(det.detect(m));
      if (hit) caught++;
      if (wordCount(m) >= PROSE_WORDS) {
        prose++;
        if (hit) proseCaught++;
      }
    }
    console.log(
      `| ${lang} | ${msgs.length} | ${pct(caught, msgs.length)} | ${prose} | ${pct(proseCaught, prose)} |`,
    );
  }
  // The same kind of text in two of our languages: how often the rule fires where it must not.
  for (const [lang, folder] of [
    ['ind', 'id'],
    ['zlm', 'ms'],
  ]) {
    const msgs = localeMessages([folder ?? '']);
    const fired = msgs.filter((m) => isForeign(det.detect(m))).length;
    console.log(`| ${lang} (ours) | ${msgs.length} | ${pct(fired, msgs.length)} | | |`);
  }
  const { sentences, paragraphs } = trainingTexts();
  const fired = new Map<string, string[]>();
  for (const t of [...sentences, ...paragraphs]) {
    if (!isForeign(det.detect(t.text))) continue;
    fired.set(t.lang, [...(fired.get(t.lang) ?? []), t.text]);
  }
  const total = [...fired.values()].reduce((s, xs) => s + xs.length, 0);
  console.log(
    `\ntraining texts of our languages answered foreign: ${total} of ${sentences.length + paragraphs.length}`,
  );
  for (const [lang, texts] of fired) for (const t of texts) console.log(`  ${lang}: ${t.slice(0, 120)}`);
}

if (isEntryScript('foreign-catch.ts')) main();

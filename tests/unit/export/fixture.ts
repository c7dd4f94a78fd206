// A small corpus of real Indonesian and regional-language sentences spread over sources with different
// licences and review states, to test what the export gate lets through.
import { readFileSync } from 'node:fs';
import { seedCorpus, type SeedDoc } from '../../helpers/corpus';
import type { Db } from '../../../electron/engine/store/open';

const DATA = '/work/shared/data';

export function talpco(lang: 'ind' | 'jav' | 'zsm' | 'eng', n: number, offset = 0): string[] {
  return readFileSync(`${DATA}/talpco/${lang}.txt`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(offset, offset + n)
    .map((l) => l.slice(l.indexOf('\t') + 1));
}

/** The Indonesian column of NusaX-MT train. */
export function nusax(n: number, offset = 0): string[] {
  const lines = readFileSync(`${DATA}/nusax-mt/train.csv`, 'utf8').split('\n').slice(1, 1 + offset + n * 2);
  const out: string[] = [];
  for (const l of lines) {
    // column 1 is unquoted in this file for most rows; keep the simple ones
    const m = /^\d+,([^",]+[^,]*?),/.exec(l);
    if (m) out.push(m[1]!);
  }
  return out.slice(offset, offset + n);
}

export interface SourceSpec {
  name: string;
  concluded: string | null;
  state: 'unreviewed' | 'in-review' | 'needs-discussion' | 'cleared' | 'rejected' | 'stale';
  texts: string[];
  lang?: string;
  origin?: string;
}

/** Seeds documents and sets each source's licence decision the way the licensing feature stores it. */
export function seedSources(specs: SourceSpec[], path?: string): { path: string; db: Db; ids: Map<string, number[]> } {
  const docs: SeedDoc[] = [];
  for (const s of specs) s.texts.forEach((text, i) => docs.push({ text, source: s.name, externalId: `${s.name}-${i}` }));
  const { path: p, db } = seedCorpus(docs, path);
  const ids = new Map<string, number[]>();
  for (const s of specs) {
    db.prepare('UPDATE sources SET concluded_license = ?, review_state = ?, origin = ? WHERE name = ?').run(s.concluded, s.state, s.origin ?? `https://example.org/${s.name}`, s.name);
    const rows = db.prepare('SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.name = ? ORDER BY d.id').all(s.name) as { id: number }[];
    ids.set(s.name, rows.map((r) => r.id));
    if (s.lang) db.prepare('UPDATE documents SET lang = ? WHERE source_id = (SELECT id FROM sources WHERE name = ?)').run(s.lang, s.name);
  }
  return { path: p, db, ids };
}

/** The standard mix: every gate rule has something to refuse. */
export function standardSpecs(): SourceSpec[] {
  return [
    { name: 'talpco-ind', concluded: 'CC-BY-4.0', state: 'cleared', texts: talpco('ind', 40), lang: 'ind' },
    { name: 'talpco-jav', concluded: 'CC-BY-4.0', state: 'cleared', texts: talpco('jav', 30), lang: 'jav' },
    { name: 'apache-src', concluded: 'Apache-2.0', state: 'cleared', texts: talpco('ind', 10, 100), lang: 'ind' },
    { name: 'nusax', concluded: 'CC-BY-SA-4.0', state: 'cleared', texts: nusax(30), lang: 'ind' },
    { name: 'odbl-src', concluded: 'ODbL-1.0', state: 'cleared', texts: talpco('ind', 10, 200), lang: 'ind' },
    { name: 'nd-src', concluded: 'CC-BY-ND-4.0', state: 'cleared', texts: talpco('ind', 10, 300), lang: 'ind' },
    { name: 'nc-src', concluded: 'CC-BY-NC-4.0', state: 'cleared', texts: talpco('zsm', 10), lang: 'zlm' },
    { name: 'pending', concluded: 'CC-BY-4.0', state: 'unreviewed', texts: talpco('ind', 10, 400), lang: 'ind' },
    { name: 'stale-src', concluded: 'CC-BY-4.0', state: 'stale', texts: talpco('ind', 10, 500), lang: 'ind' },
    { name: 'rejected-src', concluded: 'CC-BY-4.0', state: 'rejected', texts: talpco('ind', 10, 600), lang: 'ind' },
    { name: 'no-licence', concluded: null, state: 'unreviewed', texts: talpco('eng', 10), lang: 'eng' },
  ];
}

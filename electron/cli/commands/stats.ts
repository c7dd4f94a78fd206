import { corpusStats } from '../../engine/corpus/stats';
import { requireString, writeJson, type CliCommand } from '../command';
import { openCorpusToRead } from '../read-corpus';

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'counts of documents, sources, rejects and what later steps found',
  usage: 'kurasi stats --db <file> [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const db = openCorpusToRead(requireString(values, 'db'));
    try {
      const s = corpusStats(db);
      if (values.json) writeJson(io, s);
      else {
        io.stdout.write(`documents  ${s.documents.toLocaleString('en')}\n`);
        io.stdout.write(`sources    ${s.sources.toLocaleString('en')}\n`);
        io.stdout.write(`rejects    ${s.rejects.toLocaleString('en')}\n`);
        io.stdout.write(`characters ${s.characters.toLocaleString('en')}\nwords      ${s.words.toLocaleString('en')}\n`);
        for (const [name, section] of Object.entries(s.sections)) io.stdout.write(`${name.padEnd(10)} ${readable(section)}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

/** A section for people: "labelled 3,002, unlabelled 4, byLanguage (ind 1,177, zlm 313)"; --json has the exact shape. */
function readable(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : String(Math.round(v * 1000) / 1000);
  if (Array.isArray(v)) return v.length ? v.map(readable).join('; ') : 'none';
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (!entries.length) return 'none';
    return entries.map(([k, x]) => (x !== null && typeof x === 'object' ? `${k} (${readable(x)})` : `${k} ${readable(x)}`)).join(', ');
  }
  return String(v);
}

import { assessQuality } from '../../engine/quality';
import { stringOpt, type CliCommand } from '../command';
import { readTextLines, writeLine } from './text-lines';
import { runQualityDbCommand } from './quality-db';

export const qualityCommand: CliCommand = {
  name: 'quality',
  summary: 'text-quality signals and pass/fail for Indonesian text',
  usage:
    'kurasi quality --db <file> [--json]   compute signals for a corpus (a resumable job)\n' +
    '       kurasi quality < texts             one text (or JSONL with "text") per line in, one JSON per line out',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    resume: { type: 'string' },
  },
  async run({ values }, io) {
    const db = stringOpt(values, 'db');
    if (db !== undefined) return runQualityDbCommand(db, values, io);
    for await (const text of readTextLines(io.stdin)) {
      const v = assessQuality(text);
      await writeLine(io.stdout, JSON.stringify({ pass: v.pass, reasons: v.reasons, signals: v.signals }));
    }
    return 0;
  },
};

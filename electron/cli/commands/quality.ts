import { assessQuality } from '../../engine/quality';
import { stringOpt, UsageError, type CliCommand } from '../command';
import { mapTextLines, STDIN_HELP, textFieldOpt } from './text-lines';
import { runQualityDbCommand } from './quality-db';

export const qualityCommand: CliCommand = {
  name: 'quality',
  summary: 'text-quality signals and pass/fail for Indonesian text',
  usage:
    'kurasi quality --db <file> [--workers N] [--json] [--resume <jobId>]   compute signals for a corpus (a resumable job)\n' +
    '       kurasi quality [--text-field NAME] < texts       one text (or JSONL with "text") per line in, one JSON per line out\n' +
    '  Output per line: {"pass":true,"reasons":[...],"signals":{...}}; a line that cannot be read gets\n' +
    '  {"pass":null,"reasons":[],"signals":null,"error":"..."}.\n' +
    '  --workers N: worker threads for --db, 1 to 64 (default: one fewer than the cores); --resume may give it anew,\n' +
    '  as it changes how the job runs, not its results.\n' +
    STDIN_HELP,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    resume: { type: 'string' },
    'text-field': { type: 'string' },
    workers: { type: 'string' },
  },
  async run({ values }, io) {
    const db = stringOpt(values, 'db');
    if (db !== undefined) {
      if (values['text-field'] !== undefined) throw new UsageError('--text-field is for texts on stdin, not with --db');
      return runQualityDbCommand(db, values, io);
    }
    if (values.workers !== undefined) throw new UsageError('--workers is for a corpus job, with --db');
    return mapTextLines(
      io,
      'quality',
      textFieldOpt(values),
      (text) => {
        const v = assessQuality(text);
        return { pass: v.pass, reasons: v.reasons, signals: v.signals };
      },
      { pass: null, reasons: [], signals: null },
    );
  },
};

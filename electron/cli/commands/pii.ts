import { detectPii, redact, HIGH_CONFIDENCE } from '../../engine/pii';
import { numberOpt, stringOpt, UsageError, type CliCommand } from '../command';
import { mapTextLines, STDIN_HELP, textFieldOpt } from './text-lines';
import { runPiiDbCommand } from './pii-db';

export const piiCommand: CliCommand = {
  name: 'pii',
  summary: 'find Indonesian personal data (NIK, KK, NPWP, phone, e-mail, IP, bank, card, passport)',
  usage:
    'kurasi pii --db <file> [--workers N] [--json] [--resume <jobId>]   scan a corpus (a resumable job)\n' +
    '       kurasi pii [--min-confidence X] [--text-field NAME] < texts  one text (or JSONL with "text") per line in, one JSON per line out\n' +
    '  Output per line: {"findings":[{"type","start","end","confidence"}],"redacted":"..."}; a line that cannot be\n' +
    '  read gets {"findings":[],"redacted":null,"error":"..."}.\n' +
    '  --workers N: worker threads for --db, 1 to 64 (default: one fewer than the cores); --resume may give it anew,\n' +
    '  as it changes how the job runs, not what it finds (--min-confidence is ignored with --resume).\n' +
    STDIN_HELP,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    'min-confidence': { type: 'string' },
    resume: { type: 'string' },
    'text-field': { type: 'string' },
    workers: { type: 'string' },
  },
  async run({ values }, io) {
    const db = stringOpt(values, 'db');
    if (db !== undefined) {
      if (values['text-field'] !== undefined) throw new UsageError('--text-field is for texts on stdin, not with --db');
      return runPiiDbCommand(db, values, io);
    }
    if (values.workers !== undefined) throw new UsageError('--workers is for a corpus job, with --db');
    const min = numberOpt(values, 'min-confidence') ?? 0.5;
    if (min < 0 || min > 1) throw new UsageError('--min-confidence must be between 0 and 1');
    const textField = textFieldOpt(values);
    return mapTextLines(
      io,
      'pii',
      textField,
      (text) => {
        const findings = detectPii(text, { minConfidence: min });
        // Redact what export would redact unreviewed: the high-confidence findings.
        const redacted = redact(text, findings.filter((f) => f.confidence >= HIGH_CONFIDENCE));
        return { findings: findings.map(({ type, start, end, confidence }) => ({ type, start, end, confidence })), redacted };
      },
      { findings: [], redacted: null },
    );
  },
};

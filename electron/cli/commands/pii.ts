import { detectPii, redact, HIGH_CONFIDENCE } from '../../engine/pii';
import { numberOpt, stringOpt, UsageError, type CliCommand } from '../command';
import { readTextLines, writeLine } from './text-lines';
import { runPiiDbCommand } from './pii-db';

export const piiCommand: CliCommand = {
  name: 'pii',
  summary: 'find Indonesian personal data (NIK, KK, NPWP, phone, e-mail, IP, bank, card, passport)',
  usage:
    'kurasi pii --db <file> [--json] [--resume <jobId>]   scan a corpus (a resumable job)\n' +
    '       kurasi pii [--min-confidence X] < texts  one text (or JSONL with "text") per line in, one JSON per line out',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    'min-confidence': { type: 'string' },
    resume: { type: 'string' },
  },
  async run({ values }, io) {
    const db = stringOpt(values, 'db');
    if (db !== undefined) return runPiiDbCommand(db, values, io);
    const min = numberOpt(values, 'min-confidence') ?? 0.5;
    if (min < 0 || min > 1) throw new UsageError('--min-confidence must be between 0 and 1');
    for await (const text of readTextLines(io.stdin)) {
      const findings = detectPii(text, { minConfidence: min });
      // Redact what export would redact unreviewed: the high-confidence findings.
      const redacted = redact(text, findings.filter((f) => f.confidence >= HIGH_CONFIDENCE));
      await writeLine(io.stdout, JSON.stringify({ findings: findings.map(({ type, start, end, confidence }) => ({ type, start, end, confidence })), redacted }));
    }
    return 0;
  },
};

import { getDetector } from '../../engine/langid/detector';
import { numberOpt, UsageError, type CliCommand } from '../command';
import { readTextLines, writeLine } from './text-lines';

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'detect the language of texts on stdin (one per line, or JSONL with "text"); one JSON per line out',
  usage: 'kurasi detect [--alternatives N] < texts',
  options: { alternatives: { type: 'string' } },
  async run({ values }, io) {
    const alternatives = numberOpt(values, 'alternatives') ?? 3;
    if (!Number.isInteger(alternatives) || alternatives < 0 || alternatives > 10) throw new UsageError('--alternatives must be an integer from 0 to 10');
    const det = getDetector();
    for await (const text of readTextLines(io.stdin)) {
      const r = det.detect(text, { alternatives });
      await writeLine(io.stdout, JSON.stringify({ lang: r.lang, confidence: r.confidence, alternatives: r.alternatives }));
    }
    return 0;
  },
};

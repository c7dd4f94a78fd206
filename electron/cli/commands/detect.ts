import { getDetector } from '../../engine/langid/detector';
import { intOpt, type CliCommand } from '../command';
import { mapTextLines, STDIN_HELP, textFieldOpt } from './text-lines';

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'detect the language of texts on stdin (one per line, or JSONL with "text"); one JSON per line out',
  usage:
    'kurasi detect [--alternatives N] [--text-field NAME] < texts\n' +
    '  Output: one JSON object per input line, in order: {"lang":"ind","confidence":0.994,"alternatives":[...]}\n' +
    '  with ISO 639-3 codes; "alternatives" lists the next most likely languages as {"lang","confidence"}.\n' +
    '  --alternatives N: how many alternatives to list, 0 to 10 (default 3).\n' +
    '  "und" (undetermined) means no language is likely enough; its confidence is then the best language\'s, and\n' +
    '  that language comes first in the alternatives. Empty or too-short text, junk (kkkk, asdfghjkl), text\n' +
    '  that is only links or e-mail addresses, and text in another language (Dutch, German, Spanish...) are\n' +
    '  "und" with confidence 0 (docs/langid.md).\n' +
    STDIN_HELP,
  options: { alternatives: { type: 'string' }, 'text-field': { type: 'string' } },
  async run({ values }, io) {
    const alternatives = intOpt(values, 'alternatives', 0, 10) ?? 3;
    const textField = textFieldOpt(values);
    const det = getDetector();
    return mapTextLines(
      io,
      'detect',
      textField,
      (text) => {
        const r = det.detect(text, { alternatives });
        return { lang: r.lang, confidence: r.confidence, alternatives: r.alternatives };
      },
      { lang: 'und', confidence: 0, alternatives: [] },
    );
  },
};

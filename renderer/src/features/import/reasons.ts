import type { Translate } from '../../i18n';
import { matchMessage, type MessagePattern } from '../../i18n/engine-messages';

/**
 * The engine words its reject reasons and import errors in English (the CLI prints them as they are); the UI shows
 * the ones it knows in the UI language, with their details, and any other text unchanged.
 */
const PATTERNS: MessagePattern[] = [
  [/^empty text$/, 'import.reason.emptyText', []],
  [/^invalid UTF-8$/, 'import.reason.invalidUtf8', []],
  [/^invalid UTF-8 at line (\d+)$/, 'import.reason.invalidUtf8At', ['line']],
  [/^not a JSON object$/, 'import.reason.notObject', []],
  [/^malformed JSON: (.*)$/s, 'import.reason.malformedJson', ['detail']],
  [/^malformed row: (\d+) fields, the header has (\d+)$/, 'import.reason.fieldCount', ['n', 'header']],
  [/^malformed row: (\d+) fields, the first row has (\d+)$/, 'import.reason.fieldCountFirstRow', ['n', 'first']],
  [/^malformed row: (.*)$/s, 'import.reason.malformedRow', ['detail']],
  [/^malformed row$/, 'import.reason.malformedRowBare', []],
  [/^unterminated quoted field$/, 'import.reason.unterminated', []],
  [/^no text field '(.*)' \(fields: (.*)\)$/s, 'import.reason.noTextFieldNamed', ['field', 'have']],
  [/^no text field \(looked for (.*); fields: (.*)\); choose one with --text-field$/s, 'import.reason.noTextField', ['looked', 'have']],
  [/^no '(.*)' field$/, 'import.reason.noField', ['field']],
  [/^'(.*)' is not a string$/, 'import.reason.notString', ['field']],
  [/^no '(.*)' id$/, 'import.reason.noId', ['field']],
  [/^empty id in column '(.*)'$/, 'import.reason.emptyId', ['field']],
  [/^(?:record is|line is) over (?:the limit of )?([\d,]+) bytes( \(unterminated quote\?\))?$/, 'import.reason.tooBig', ['bytes']],
  [/^duplicate id '(.*)' \(already used in this source by a different text\)$/s, 'import.reason.duplicateId', ['id']],
  [/^binary data, not UTF-8 text$/, 'import.reason.binary', []],
  [/^cannot read \(ENOENT\)$/, 'import.reason.missing', []],
  [/^cannot read \((E[A-Z]+)\)$/, 'import.reason.unreadable', ['code']],
  [/^no files to import \(.*\)$/, 'import.reason.noFiles', []],
  [/^not gzip data \(.*\)$/, 'import.reason.notGzip', []],
  [/^no header row: choose the text column by number with --text-column \(the first row has (\d+) columns\)$/, 'import.reason.noHeaderTextColumn', ['n']],
  [/^no text column (\d+) \(the first row has (\d+) columns?\)$/, 'import.reason.noTextColumnNumber', ['n', 'count']],
  [/^no id column (\d+) \(the first row has (\d+) columns?\)$/, 'import.reason.noIdColumnNumber', ['n', 'count']],
  [/^malformed first row \((.*)\)$/s, 'import.reason.malformedFirstRow', ['detail']],
];

/** A reject reason, or an import error that may start with the file it is about ("berita.csv: cannot read (ENOENT)"). */
export function describeImportReason(t: Translate, text: string): string {
  const whole = matchMessage(t, PATTERNS, text);
  if (whole !== null) return whole;
  // The file part may itself hold ": ", so try each split from the left.
  for (let cut = text.indexOf(': '); cut > 0; cut = text.indexOf(': ', cut + 1)) {
    const rest = matchMessage(t, PATTERNS, text.slice(cut + 2));
    if (rest !== null) return `${text.slice(0, cut)}: ${rest}`;
  }
  return text;
}

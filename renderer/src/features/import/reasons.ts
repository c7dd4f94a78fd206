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
  [/^malformed row \(stray or unbalanced quote\)$/, 'import.reason.strayQuote', []],
  [/^unterminated quoted field$/, 'import.reason.unterminated', []],
  [/^no text field '(.*)' \(fields: (.*)\)$/s, 'import.reason.noTextFieldNamed', ['field', 'have']],
  [/^no text field \(looked for (.*); fields: (.*)\); choose one with --text-field$/s, 'import.reason.noTextField', ['looked', 'have']],
  [/^no '(.*)' field$/, 'import.reason.noField', ['field']],
  [/^'(.*)' is not a string$/, 'import.reason.notString', ['field']],
  [/^no '(.*)' id$/, 'import.reason.noId', ['field']],
  [/^empty id in column '(.*)'$/, 'import.reason.emptyId', ['field']],
  [/^record is over the limit of ([\d,]+) bytes \(unterminated quote\?\)$/, 'import.reason.tooBigQuote', ['bytes']],
  [/^(?:record is|line is) over (?:the limit of )?([\d,]+) bytes$/, 'import.reason.tooBig', ['bytes']],
  [/^record is ([\d,]+) bytes, over the limit of ([\d,]+)$/, 'import.reason.recordTooBig', ['size', 'bytes']],
  [/^duplicate id '(.*)' \(already used in this source by a different text\)$/s, 'import.reason.duplicateId', ['id']],
  [/^binary data, not UTF-8 text$/, 'import.reason.binary', []],
  [/^cannot read \(ENOENT\)$/, 'import.reason.missing', []],
  [/^cannot read \((E[A-Z]+)\)$/, 'import.reason.unreadable', ['code']],
  [/^no files to import \([^)]*\); not read: (.*)$/s, 'import.reason.noFilesNotRead', ['names']],
  [/^no files to import \(.*\)$/, 'import.reason.noFiles', []],
  [/^not gzip data \(.*\)$/, 'import.reason.notGzip', []],
  [/^no header row: choose the text column by number with --text-column \(the first row has (\d+) columns\)$/, 'import.reason.noHeaderTextColumn', ['n']],
  [/^no text column (\d+) \(the first row has (\d+) columns?\)$/, 'import.reason.noTextColumnNumber', ['n', 'count']],
  [/^no id column (\d+) \(the first row has (\d+) columns?\)$/, 'import.reason.noIdColumnNumber', ['n', 'count']],
  [/^malformed first row \((.*)\)$/s, 'import.reason.malformedFirstRow', ['detail']],
  [/^malformed header row \((.*)\)$/s, 'import.reason.malformedHeader', ['detail']],
  [/^header row is not valid UTF-8$/, 'import.reason.headerNotUtf8', []],
  [/^no id column '(.*)' in the header$/s, 'import.reason.noIdColumnNamed', ['field']],
  [/^not a valid gzip file \((.*)\)$/s, 'import.reason.badGzip', ['detail']],
  [/^gzip data cut off \(the file ends in the middle of its compressed data\): the records that end before this line were imported, the rest of the file is missing$/, 'import.reason.gzipCut', []],
  [/^gzip data damaged \((.*)\): the records that end before this line were imported, the rest of the file could not be read$/s, 'import.reason.gzipDamaged', ['detail']],
];

/**
 * Messages that carry another reason inside ("not JSON lines (line 3: malformed JSON: …)", "line 1: no text field …"):
 * the inner reason is said in the UI language too.
 */
const NESTED: [RegExp, string][] = [
  [/^not JSON lines \(line (\d+): (.*)\)$/s, 'import.reason.notJsonLines'],
  [/^line (\d+): (.*)$/s, 'import.reason.atLine'],
];

function describeReason(t: Translate, text: string): string | null {
  for (const [re, key] of NESTED) {
    const m = re.exec(text);
    if (m) return t(key, { line: m[1] ?? '', reason: describeReason(t, m[2] ?? '') ?? m[2] ?? '' });
  }
  return matchMessage(t, PATTERNS, text);
}

/** A reject reason, or an import error that may start with the file it is about ("berita.csv: cannot read (ENOENT)"). */
export function describeImportReason(t: Translate, text: string): string {
  const whole = describeReason(t, text);
  if (whole !== null) return whole;
  // The file part may itself hold ": ", so try each split from the left.
  for (let cut = text.indexOf(': '); cut > 0; cut = text.indexOf(': ', cut + 1)) {
    const rest = describeReason(t, text.slice(cut + 2));
    if (rest !== null) return `${text.slice(0, cut)}: ${rest}`;
  }
  return text;
}

import { stringOpt, UsageError, type CliIo } from '../command';
import { writeLine } from '../output';

/** Byte-order marks that name the input's encoding; without one it is UTF-8. */
const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding named by the first bytes, or null while they could still be the start of a byte-order mark. */
function encodingOf(head: Uint8Array, ended: boolean): string | null {
  for (const { bytes, encoding } of BOMS) {
    if (!bytes.slice(0, head.length).every((b, i) => head[i] === b)) continue;
    if (head.length >= bytes.length) return encoding;
    return ended ? 'utf-8' : null;
  }
  return 'utf-8';
}

/** Cuts decoded text at '\n'; `partial` carries the unfinished line from one chunk to the next. */
function* completeLines(text: string, partial: string[]): Generator<string> {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    partial.push(text.slice(start, nl));
    const line = partial.join('');
    partial.length = 0;
    // CRLF is one line end; a CR anywhere else is part of the text, so output lines stay aligned with input lines.
    yield line.endsWith('\r') ? line.slice(0, -1) : line;
    start = nl + 1;
  }
  if (start < text.length) partial.push(text.slice(start));
}

/**
 * The lines of a text stream, split on '\n' only (CRLF counts as one line end, a lone CR stays in the line), every
 * one yielded (empty ones too) so output lines match input lines 1:1. The bytes are UTF-8, or UTF-16 LE/BE when they
 * start with that byte-order mark (Windows tools write it); a byte-order mark is never part of the first line.
 */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = new Uint8Array(0);
  const partial: string[] = [];
  for await (const chunk of input) {
    let bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      const encoding = encodingOf(head, false);
      if (!encoding) continue;
      decoder = new TextDecoder(encoding);
      bytes = head;
    }
    yield* completeLines(decoder.decode(bytes, { stream: true }), partial);
  }
  const rest = decoder ? decoder.decode() : new TextDecoder(encodingOf(head, true) ?? 'utf-8').decode(head);
  yield* completeLines(rest, partial);
  const last = partial.join('');
  if (last !== '') yield last;
}

export type TextLine = { text: string } | { error: string };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * One input line: a line starting with '{' is a JSON record whose `field` holds the text; any other line is the
 * text itself. A record without that string field, or a '{' line that is not JSON (cut short, say), is an error
 * rather than a guess: reading `{"content":…}` as empty, or a broken record as text, gives confident wrong answers.
 */
export function parseTextLine(line: string, field: string): TextLine {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('{')) return { text: line };
  let record: unknown;
  try {
    record = JSON.parse(trimmed);
  } catch (e) {
    return { error: `starts with "{" but is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { error: 'not a JSON object' };
  const fields = new Map<string, unknown>(Object.entries(record));
  const value = fields.get(field);
  if (typeof value === 'string') return { text: value };
  if (fields.has(field)) return { error: `"${field}" is ${describe(value)}, not a string` };
  const names = [...fields.keys()];
  const has = names.length
    ? `; it has ${names
        .slice(0, 5)
        .map((n) => JSON.stringify(n))
        .join(', ')}${names.length > 5 ? ', …' : ''}`
    : '';
  return { error: `no "${field}" field${has} (choose the field with --text-field)` };
}

/** Errors named one by one on stderr; the rest are counted. */
const LISTED_ERRORS = 5;

/**
 * The loop of every stdin command (detect, pii, quality): one JSON line out per input line, in order. A line that
 * cannot be read still gets its output line (`empty` plus "error"), so the output stays aligned; the lines at fault
 * are named on stderr at the end and the exit code is 1.
 */
export async function mapTextLines(
  io: CliIo,
  command: string,
  textField: string,
  result: (text: string) => Record<string, unknown>,
  empty: Record<string, unknown>,
): Promise<number> {
  if ('isTTY' in io.stdin && io.stdin.isTTY === true) {
    // Otherwise a bare `kurasi detect` in a terminal looks hung.
    const end = process.platform === 'win32' ? 'Ctrl-Z then Enter' : 'Ctrl-D';
    io.stderr.write(`kurasi ${command}: reading texts from standard input, one per line; ${end} to end\n`);
  }
  const errors: string[] = [];
  let failed = 0;
  let n = 0;
  for await (const line of readLines(io.stdin)) {
    n++;
    const parsed = parseTextLine(line, textField);
    if ('error' in parsed) {
      failed++;
      if (errors.length < LISTED_ERRORS) errors.push(`  line ${n}: ${parsed.error}`);
      await writeLine(io.stdout, JSON.stringify({ ...empty, error: parsed.error }));
    } else {
      await writeLine(io.stdout, JSON.stringify(result(parsed.text)));
    }
  }
  if (failed === 0) return 0;
  const more = failed > errors.length ? `\n  … and ${failed - errors.length} more` : '';
  const lines = failed === 1 ? '1 input line' : `${failed} input lines`;
  io.stderr.write(
    `kurasi ${command}: ${lines} of ${n} could not be read (their output lines carry "error"):\n${errors.join('\n')}${more}\n`,
  );
  return 1;
}

/** --text-field of the stdin commands: the JSON field that holds the text. */
export function textFieldOpt(values: Record<string, unknown>): string {
  const v = stringOpt(values, 'text-field');
  if (v === '') throw new UsageError('--text-field needs a field name');
  return v ?? 'text';
}

/** The part of --help that the stdin commands share. */
export const STDIN_HELP =
  '  Input: one text per line (UTF-8; UTF-16 when the input starts with its byte-order mark). A line starting with\n' +
  '  "{" is a JSON record whose --text-field (default "text") holds the text. A record without that string field, or\n' +
  '  a "{" line that is not valid JSON, still gets its output line, with an "error" field; such lines are named on\n' +
  '  stderr after all lines are done, and the exit code is then 1. Lines are split on LF (CRLF counts as one).\n' +
  '  When the reader of the output goes away (`| head`), the command stops quietly with exit code 0.';

import { createInterface } from 'node:readline';

/**
 * Reads stdin one text per line: a JSON object line gives its `text` field (empty without one), anything
 * else is the text itself. Yields every line (empty ones too) so output lines stay aligned with input lines.
 */
export async function* readTextLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    yield textOfLine(line);
  }
}

export function textOfLine(line: string): string {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(trimmed);
      // A JSON object is a record, never the text itself: without a string `text` it has nothing to read.
      if (v && typeof v === 'object' && !Array.isArray(v)) return 'text' in v && typeof v.text === 'string' ? v.text : '';
    } catch {
      // Not JSON after all: treat the line as text.
    }
  }
  return line;
}

/** Writes and respects back-pressure, so piping a large file does not buffer it all in memory. */
export async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

import type { ParseArgsConfig } from 'node:util';

/** Bad usage: exit code 2 with the message and the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Progress bars are drawn only when stderr is a terminal. */
  isTty: boolean;
}

export interface CliCommand {
  /** The words that select it, e.g. `import` or `labels export`. */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the exit code (0 success). Throw UsageError for bad usage, any other error for failure. */
  run(args: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }, io: CliIo): Promise<number>;
}

export function stringOpt(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = stringOpt(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function numberOpt(values: Record<string, unknown>, name: string): number | undefined {
  const v = stringOpt(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${v}'`);
  return n;
}

/** A whole number within [min, max], or undefined when the flag is not given; anything else is bad usage (exit 2). */
export function intOpt(values: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const v = stringOpt(values, name);
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${v}'`);
  return n;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n');
}

/** "1 document", "12,000 documents": a count for people, with the noun agreeing. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}

/**
 * Says on stderr which options a resumed job does not take: it carries on with the settings it was started with, as
 * they decide its results. --workers is the exception (it changes only how the work runs), so it is never listed here.
 */
export function warnIgnoredOnResume(io: CliIo, command: string, given: string[]): void {
  if (given.length === 0) return;
  const names = given.map((g) => `--${g}`).join(' and ');
  io.stderr.write(
    `kurasi ${command}: ${names} ${given.length === 1 ? 'is' : 'are'} ignored with --resume: a resumed job keeps the settings it was started with, except --workers\n`,
  );
}

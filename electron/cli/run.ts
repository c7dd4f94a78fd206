import { parseArgs } from 'node:util';
import { InvalidParamsError } from '../engine/errors';
import { UsageError, type CliCommand, type CliIo } from './command';
import { commands } from './commands';
import { isBrokenPipe, OutputClosedError, outputFailure, settled, watchOutput } from './output';

function usageAll(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    'kurasi — curate Indonesian text corpora\n\nUsage: kurasi <command> [options]   (kurasi <command> --help for details)\n\nCommands:\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n'
  );
}

/** Longest match first, so `labels export` wins over a hypothetical `labels`. */
function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const c of sorted) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command: c, rest: argv.slice(words.length) };
  }
  return null;
}

/** The help of one command: its summary and usage (which may carry more lines on its options and output). */
function commandHelp(command: CliCommand): string {
  return `${command.summary}\n\nUsage: ${command.usage}\n`;
}

/** The command `argv` names, or what to say instead: a group's subcommands, or that there is no such command. */
function resolveCommand(argv: string[]): { command: CliCommand; rest: string[] } | { problem: string; subcommands?: string } {
  // British spelling, as the messages use it.
  if (argv[0] === 'licence') argv = ['license', ...argv.slice(1)];
  const found = findCommand(argv);
  if (found) return found;
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (group.length > 0) {
    // `kurasi license` alone, or with a subcommand that does not exist: list the group's subcommands.
    const width = Math.max(...group.map((c) => c.name.length));
    const what = argv[1] === undefined || argv[1].startsWith('-') ? 'needs a subcommand' : `has no subcommand '${argv[1]}'`;
    const list = group.map((c) => `  kurasi ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
    return { problem: `kurasi: '${argv[0]}' ${what}:\n${list}\n`, subcommands: `kurasi ${argv[0]} <subcommand>:\n${list}\n` };
  }
  return { problem: `kurasi: unknown command '${argv[0]}'\n\n${usageAll()}` };
}

/**
 * Runs one command line and returns its exit code: 0 success, 1 failure, 2 bad usage. A reader of stdout that goes
 * away early (`kurasi detect < big.jsonl | head -1`) is not a failure: the command stops and the exit code is 0.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  watchOutput(io.stdout);
  watchOutput(io.stderr);
  const code = await runCommandLine(argv, io);
  await settled(io.stdout);
  const failed = outputFailure(io.stdout);
  if (code === 0 && failed && !isBrokenPipe(failed)) {
    // A full disk behind `> out.txt`: the output is incomplete, whatever the command thought.
    io.stderr.write(`kurasi: cannot write the output: ${failed.message}\n`);
    return 1;
  }
  return code;
}

async function runCommandLine(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    // No command is bad usage: the usage goes to stderr, where a script's error output is.
    io.stderr.write(usageAll());
    return 2;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const topic = argv.slice(1).filter((a) => !a.startsWith('-'));
    if (argv[0] !== 'help' || topic.length === 0) {
      io.stdout.write(usageAll());
      return 0;
    }
    // `kurasi help detect` is `kurasi detect --help`.
    const r = resolveCommand(topic);
    if ('problem' in r) {
      if (r.subcommands !== undefined && topic.length === 1) {
        // `kurasi help license`: the group's subcommands are the help asked for, not a mistake.
        io.stdout.write(r.subcommands);
        return 0;
      }
      io.stderr.write(r.problem);
      return 2;
    }
    io.stdout.write(commandHelp(r.command));
    return 0;
  }
  if (argv[0] === '--version') {
    const { appVersion } = await import('../engine/paths');
    io.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  const found = resolveCommand(argv);
  if ('problem' in found) {
    io.stderr.write(found.problem);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  let db: unknown;
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
    db = parsed.values.db;
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof OutputClosedError) return 0;
    if (e instanceof InvalidParamsError) {
      // An option value the engine's contract refuses (an empty --source, --workers 1000): bad usage, said per option.
      io.stderr.write(`kurasi ${command.name}: ${describeInvalid(e)}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`kurasi ${command.name}: ${message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`kurasi ${command.name}: ${withCorpusPath(e, message.split('\n')[0] ?? '', db)}\n`);
    return 1;
  }
}

/** "--text-field: Too small…; --workers: Too big…" from the job's parameter names (textField → --text-field). */
function describeInvalid(e: InvalidParamsError): string {
  return e.issues
    .map((i) => {
      const field = i.field.split('.').at(-1);
      return `${field ? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'input'}: ${i.message}`;
    })
    .join('; ');
}

/** SQLite's own messages ("database is locked", "file is not a database") do not say which file: add --db's. */
function withCorpusPath(e: unknown, message: string, db: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return code.startsWith('SQLITE_') && typeof db === 'string' && !message.includes(db) ? `${db}: ${message}` : message;
}

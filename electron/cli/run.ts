import { parseArgs } from 'node:util';
import { InvalidParamsError } from '../engine/errors';
import { UsageError, type CliCommand, type CliIo } from './command';
import { commands } from './commands';

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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    // No command is bad usage: the usage goes to stderr, where a script's error output is.
    io.stderr.write(usageAll());
    return 2;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(usageAll());
    return 0;
  }
  if (argv[0] === '--version') {
    const { appVersion } = await import('../engine/paths');
    io.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  // British spelling, as the messages use it.
  if (argv[0] === 'licence') argv = ['license', ...argv.slice(1)];
  const found = findCommand(argv);
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (!found && group.length > 0) {
    // `kurasi license` alone, or with a subcommand that does not exist: list the group's subcommands.
    const width = Math.max(...group.map((c) => c.name.length));
    const what = argv[1] === undefined || argv[1].startsWith('-') ? 'needs a subcommand' : `has no subcommand '${argv[1]}'`;
    io.stderr.write(`kurasi: '${argv[0]}' ${what}:\n${group.map((c) => `  kurasi ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n`);
    return 2;
  }
  if (!found) {
    io.stderr.write(`kurasi: unknown command '${argv[0]}'\n\n${usageAll()}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  let db: unknown;
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
    db = parsed.values.db;
    return await command.run(parsed, io);
  } catch (e) {
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

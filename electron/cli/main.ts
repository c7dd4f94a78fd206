import { runCli } from './run';
import type { CliIo } from './command';

const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTty: Boolean(process.stderr.isTTY) };
const code = await runCli(process.argv.slice(2), io);
process.exitCode = code;

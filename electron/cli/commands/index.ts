import type { CliCommand } from '../command';
import { importCommand } from './import';
import { statsCommand } from './stats';

/** Every `kurasi` subcommand. One line per command. */
export const commands: CliCommand[] = [
  importCommand,
  statsCommand,
];

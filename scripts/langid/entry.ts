import { basename } from 'node:path';

/**
 * True when `file` (a script's own file name) is the script being run. A suffix test is not enough: cv-ui-l10n.ts ends
 * in ui-l10n.ts, and importing ui-l10n.ts from it once ran ui-l10n's main and rewrote the training pairs.
 */
export function isEntryScript(file: string): boolean {
  return basename(process.argv[1] ?? '') === file;
}

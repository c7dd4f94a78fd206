import type { CliCommand } from '../command';
import { importCommand } from './import';
import { statsCommand } from './stats';
import { dedupeCommand } from './dedupe';
import { piiCommand } from './pii';
import { qualityCommand } from './quality';
import { licenseEvidenceCommand, licenseListCommand, licenseRefCommand, licenseSetCommand, licenseShowCommand } from './license';
import { langidCommand } from './langid';
import { detectCommand } from './detect';
import { agreementCommand, labelsConflictsCommand, labelsExportCommand, labelsImportCommand } from './labels';
import { serveCommand } from './serve';
import { exportCommand } from './export';

/** Every `kurasi` subcommand. One line per command. */
export const commands: CliCommand[] = [
  importCommand,
  statsCommand,
  dedupeCommand,
  exportCommand,
  langidCommand,
  detectCommand,
  piiCommand,
  qualityCommand,
  licenseSetCommand,
  licenseListCommand,
  licenseShowCommand,
  licenseEvidenceCommand,
  licenseRefCommand,
  labelsExportCommand, labelsImportCommand, labelsConflictsCommand, agreementCommand,
  serveCommand,
];

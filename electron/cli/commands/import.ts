import { importFormat, noteNames, type ImportResult } from '../../../shared/contract/import';
import { openEngine } from '../../engine/engine';
import { UsageError, intOpt, requireString, stringOpt, writeJson, type CliCommand } from '../command';
import { requireDone, runJobFromCli } from '../run-job';
import { resolveLicense } from '../../../shared/license/resolve';

/** Upper bound of --text-column/--id-column: far above any real CSV, so the usage message can name a range. */
const MAX_COLUMN = 100_000;

function filesCount(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}


export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import CSV/TSV, JSONL, TXT files or folders (optionally .gz) into a corpus',
  usage:
    'kurasi import <path...> --db <file> [--source <name>] [--license <SPDX>] [--format auto|csv|tsv|jsonl|txt]\n' +
    '              [--text-field <name>] [--id-field <name>] [--txt-mode file|line|paragraph]\n' +
    '              [--no-header [--text-column <n>] [--id-column <n>]] [--json]\n' +
    '  --no-header: CSV/TSV files have no header row; columns are numbered from 1 (--text-column 2), the others are\n' +
    '  kept as metadata column_<n>. --text-column may be left out when the rows have a single column.',
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    source: { type: 'string' },
    license: { type: 'string' },
    format: { type: 'string', default: 'auto' },
    'text-field': { type: 'string' },
    'id-field': { type: 'string' },
    'txt-mode': { type: 'string', default: 'file' },
    'no-header': { type: 'boolean', default: false },
    'text-column': { type: 'string' },
    'id-column': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to import');
    const db = requireString(values, 'db');
    const format = importFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format must be one of ${importFormat.options.join(', ')}`);
    const txtMode = stringOpt(values, 'txt-mode');
    if (txtMode !== 'file' && txtMode !== 'line' && txtMode !== 'paragraph') throw new UsageError('--txt-mode must be file, line or paragraph');
    const header = values['no-header'] !== true;
    for (const flag of ['text-column', 'id-column'])
      if (header && values[flag] !== undefined)
        throw new UsageError(`--${flag} numbers the columns of CSV/TSV files without a header row: add --no-header (with a header row, name the column with --${flag.replace('column', 'field')})`);
    const textColumn = intOpt(values, 'text-column', 1, MAX_COLUMN);
    const idColumn = intOpt(values, 'id-column', 1, MAX_COLUMN);
    const license = stringOpt(values, 'license');
    if (license !== undefined) {
      // Kept as declared (a source may say anything), but a data lead should hear now that it is not SPDX.
      const r = resolveLicense(license);
      if (!r.ok || r.via === 'guess')
        io.stderr.write(`kurasi import: warning: --license '${license}' is not an SPDX expression${r.ok ? ` (did you mean ${r.spdx}?)` : ''}; recorded as declared, to be reviewed\n`);
    }
    const engine = openEngine({ dbPath: db });
    try {
      const job = await runJobFromCli(
        engine,
        'import',
        {
          paths: positionals,
          source: stringOpt(values, 'source'),
          license,
          format: format.data,
          textField: stringOpt(values, 'text-field'),
          idField: stringOpt(values, 'id-field'),
          txtMode,
          header,
          textColumn,
          idColumn,
        },
        io,
      );
      requireDone(job);
      const r = job.result as ImportResult;
      if (values.json) writeJson(io, { ...r, jobId: job.id });
      else {
        io.stdout.write(`imported ${r.imported} document${r.imported === 1 ? '' : 's'} into '${r.source}' (${r.skipped} already present, ${r.rejected} rejected)\n`);
        for (const x of r.rejects.slice(0, 20)) io.stdout.write(`  rejected ${x.file}${x.line !== null ? ':' + x.line : ''}: ${x.reason}\n`);
        if (r.rejected > 20) io.stdout.write(`  … ${r.rejected - 20} more rejects (see the rejects list in the app)\n`);
        const empty = r.emptyFiles;
        if (empty && empty.count > 0)
          io.stdout.write(`  note: nothing to import in ${filesCount(empty.count)} (empty, or only blank lines or a header row): ${noteNames(empty)}\n`);
        const ignored = r.ignoredFiles;
        if (ignored && ignored.count > 0)
          io.stdout.write(
            `  note: ${filesCount(ignored.count)} in the folders not read (unknown extension; a file named on its own is read anyway): ${noteNames(ignored)}\n`,
          );
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportFilters, exportFormat, exportOptions, type ExportPreview, type ExportResult } from '../../../shared/contract/export';
import { openEngine } from '../../engine/engine';
import { previewExport } from '../../engine/export/select';
import { openCorpusToRead } from '../read-corpus';
import { requireDone, runJobFromCli } from '../run-job';
import { UsageError, numberOpt, requireString, stringOpt, writeJson, type CliCommand, type CliIo } from '../command';
import { canonicalLangCode, LANG_CODE_RULE } from '../../../shared/langid/codes';

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

function oneOf<T extends string>(values: readonly T[], v: string | undefined, flag: string): T | undefined {
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw new UsageError(`--${flag} must be one of ${values.join(', ')}`);
  return v as T;
}

function size(values: Record<string, unknown>, name: string): number | undefined {
  const n = numberOpt(values, name);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new UsageError(`--${name} must be a whole number ≥ 0`);
  return n;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** --lang codes read as the API reads them (ZSM, ms → zlm); a code that is not one is bad usage, named as such. */
function langOpt(values: Record<string, unknown>): string[] {
  const codes = list(values.lang).flatMap((l) => l.split(','));
  return codes.map((raw) => {
    if (raw.trim() === '') throw new UsageError('--lang has an empty code: give ISO 639-3 codes separated by commas, e.g. --lang ind,jav');
    const code = canonicalLangCode(raw);
    if (code === null) throw new UsageError(`--lang '${raw.trim()}' is not ${LANG_CODE_RULE}`);
    return code;
  });
}

function warn(io: CliIo, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr.write(`kurasi export: warning: ${w}\n`);
}

function printPreview(p: ExportPreview, io: { stdout: NodeJS.WritableStream }): void {
  const w = (s: string) => io.stdout.write(s + '\n');
  w(`documents to export: ${fmt(p.included.documents)} (${fmt(p.included.characters)} characters)`);
  for (const [title, rec] of [
    ['language', p.byLanguage],
    ['licence', p.byLicense],
    ['shard family', p.byShardKey],
  ] as const) {
    w(`by ${title}:`);
    for (const [k, c] of Object.entries(rec).sort(([a], [b]) => a.localeCompare(b, 'en'))) w(`  ${k.padEnd(24)} ${fmt(c.documents).padStart(12)}`);
  }
  const out = leftOut(p.excluded);
  if (out) w(`left out: ${out}`);
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write licence-gated shards (jsonl, jsonl.gz, parquet, csv) with manifest, dataset card and attribution list',
  usage:
    'kurasi export --db <file> --out <dir> [--format jsonl|jsonl.gz|parquet|csv] [--max-docs N] [--max-bytes N]\n' +
    '              [--lang ind,...] [--dedupe keep-only|all] [--label <question>=<value>]... [--license cleared|commercial]\n' +
    '              [--quality pass] [--redact-pii] [--override-reason <text>] [--meta field,...] [--name <dataset>]\n' +
    '              [--preview] [--json]\n' +
    '  --max-docs/--max-bytes limit each shard (bytes of uncompressed JSON lines; default 256 MiB, 0 = no limit).\n' +
    '  --lang takes ISO 639-3 codes in any case (ms, zsm and msa are read as zlm; id as ind; en as eng); und = no language.\n' +
    '    A code no document has is warned about on stderr, with the codes the corpus has.\n' +
    '  --preview prints counts per language and licence without writing. Re-running into the same folder resumes.',
  options: {
    db: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    'max-docs': { type: 'string' },
    'max-bytes': { type: 'string' },
    lang: { type: 'string', multiple: true },
    dedupe: { type: 'string' },
    label: { type: 'string', multiple: true },
    license: { type: 'string' },
    quality: { type: 'string' },
    'redact-pii': { type: 'boolean', default: false },
    'override-reason': { type: 'string' },
    meta: { type: 'string', multiple: true },
    name: { type: 'string' },
    preview: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const db = requireString(values, 'db');
    const preview = values.preview === true;
    const out = preview ? (stringOpt(values, 'out') ?? '.') : requireString(values, 'out');
    const labels = list(values.label).map((l) => {
      const i = l.indexOf('=');
      if (i <= 0) throw new UsageError(`--label must look like <question>=<value>, got '${l}'`);
      return { question: l.slice(0, i), value: l.slice(i + 1) };
    });
    const parsed = exportOptions.safeParse({
      out: resolve(out),
      format: oneOf(exportFormat.options, stringOpt(values, 'format'), 'format'),
      maxDocs: size(values, 'max-docs'),
      maxBytes: size(values, 'max-bytes'),
      langs: langOpt(values),
      dedupe: oneOf(['keep-only', 'all'] as const, stringOpt(values, 'dedupe'), 'dedupe'),
      labels,
      license: oneOf(['cleared', 'commercial'] as const, stringOpt(values, 'license'), 'license'),
      quality: oneOf(['pass', 'any'] as const, stringOpt(values, 'quality'), 'quality'),
      redactPii: values['redact-pii'] === true,
      overrideReason: stringOpt(values, 'override-reason'),
      meta: list(values.meta).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean),
      name: stringOpt(values, 'name'),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (preview) {
      // Counting only reads: done here on a read-only open (no job row), so it works on a corpus one may not write to.
      const { out: _out, format: _f, maxDocs: _md, maxBytes: _mb, meta: _m, name: _n, ...filters } = parsed.data;
      const corpus = openCorpusToRead(db);
      try {
        const p = previewExport(corpus, exportFilters.parse(filters));
        if (values.json) writeJson(io, p);
        else printPreview(p, io);
        warn(io, p.warnings);
        return 0;
      } finally {
        corpus.close();
      }
    }
    if (!existsSync(db)) throw new Error(`${db}: no such corpus file`);
    const engine = openEngine({ dbPath: db });
    try {
      const job = await runJobFromCli(engine, 'export', { ...parsed.data, actor: engine.actor }, io);
      requireDone(job);
      const r = job.result as ExportResult;
      if (r.documents === 0) {
        // Still a valid (empty) dataset, so exit 0; but a script should hear that nothing passed, even with --json.
        const out = leftOut(r.excluded);
        io.stderr.write(`kurasi export: warning: no document passed the filters${out ? ` (left out: ${out})` : ''}\n`);
      }
      warn(io, r.warnings ?? []);
      if (values.json) writeJson(io, { jobId: job.id, ...r });
      else {
        io.stdout.write(`exported ${fmt(r.documents)} document${r.documents === 1 ? '' : 's'} in ${r.shards.length} shard(s) to ${r.out}\n`);
        if (r.resumedShards) io.stdout.write(`kept ${r.resumedShards} shard(s) completed by an earlier run\n`);
        const out = leftOut(r.excluded);
        if (out) io.stdout.write(`left out: ${out}\n`);
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

/** "600 not-cleared, 20 language": the documents an export leaves out, per reason ('' when none). */
function leftOut(excluded: Record<string, number>): string {
  return Object.entries(excluded)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${fmt(n)} ${reason}`)
    .join(', ');
}

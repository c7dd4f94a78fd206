import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SETTABLE_REVIEW_STATES, type SettableReviewState, ROBOTS_STATUSES, TDM_STATUSES, USE_CLASSES, type RobotsStatus, type TdmStatus, type UseClass } from '../../../shared/license';
import type { LicenseSourceRow } from '../../../shared/contract/license';
import { openEngine } from '../../engine/engine';
import { evidenceFile, evidenceFromArg, findSourceRow, licenseSummary, listEvidence, listLicenseSources, setLicenseRef, setSourceLicense, toLicenseRow } from '../../engine/license';
import { listAudit } from '../../engine/store/audit';
import { UsageError, intOpt, requireString, stringOpt, writeJson, type CliCommand } from '../command';
import { openCorpusToRead } from '../read-corpus';

function oneOf<T extends string>(values: readonly T[], v: string | undefined, flag: string): T | undefined {
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw new UsageError(`--${flag} must be one of ${values.join(', ')}`);
  return v as T;
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

function openExisting(path: string) {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  return openEngine({ dbPath: path });
}

function describeRow(r: LicenseSourceRow): string {
  const flags = [r.flags.use, r.flags.attribution ? 'BY' : '', r.flags.shareAlike ? `SA:${r.flags.shareAlike}` : '', r.flags.noDerivatives ? 'ND' : '']
    .filter(Boolean)
    .join(' ');
  return `${r.name}: ${r.concludedLicense ?? '(no concluded licence)'} [${flags}] ${r.reviewState}${r.reviewer ? ` by ${r.reviewer}` : ''}`;
}

export const licenseSetCommand: CliCommand = {
  name: 'license set',
  summary: 'record a licence decision for a source (concluded licence, review state, evidence)',
  usage:
    'kurasi license set --db <file> --source <name> [--concluded <SPDX>] [--declared <text>]\n' +
    '              [--state unreviewed|in-review|needs-discussion|cleared|rejected] [--evidence <url|file>]... [--note <text>]\n' +
    '              [--terms-url <url>] [--tdm unknown|none|reserved|permitted] [--robots unknown|allowed|disallowed|not-applicable]\n' +
    '              [--accept-guess] [--actor <name>] [--json]',
  options: {
    db: { type: 'string' },
    source: { type: 'string' },
    concluded: { type: 'string' },
    declared: { type: 'string' },
    state: { type: 'string' },
    evidence: { type: 'string', multiple: true },
    note: { type: 'string' },
    'terms-url': { type: 'string' },
    tdm: { type: 'string' },
    robots: { type: 'string' },
    'accept-guess': { type: 'boolean', default: false },
    actor: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    const source = requireString(values, 'source');
    const state = oneOf<SettableReviewState>(SETTABLE_REVIEW_STATES, stringOpt(values, 'state'), 'state');
    const tdm = oneOf<TdmStatus>(TDM_STATUSES, stringOpt(values, 'tdm'), 'tdm');
    const robots = oneOf<RobotsStatus>(ROBOTS_STATUSES, stringOpt(values, 'robots'), 'robots');
    const note = stringOpt(values, 'note');
    const evidence = list(values.evidence).map((e) => evidenceFromArg(e));
    const engine = openExisting(path);
    try {
      const row = setSourceLicense(engine.db, stringOpt(values, 'actor') ?? engine.actor, {
        source,
        concluded: stringOpt(values, 'concluded'),
        declared: stringOpt(values, 'declared'),
        state,
        termsUrl: stringOpt(values, 'terms-url'),
        tdm,
        robots,
        evidence,
        note,
        acceptGuess: values['accept-guess'] === true,
      });
      if (values.json) writeJson(io, row);
      else io.stdout.write(describeRow(row) + '\n');
      return 0;
    } finally {
      await engine.close();
    }
  },
};

export const licenseListCommand: CliCommand = {
  name: 'license list',
  summary: 'every source with document count, licences, review state, reviewer and age of decision',
  usage: 'kurasi license list --db <file> [--state <state>]... [--json]',
  options: { db: { type: 'string' }, state: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    const states = list(values.state).map((s) => oneOf([...SETTABLE_REVIEW_STATES, 'stale' as const], s, 'state')!);
    const db = openCorpusToRead(path);
    try {
      const rows = listLicenseSources(db, { states });
      const summary = licenseSummary(db);
      if (values.json) {
        writeJson(io, { sources: rows, summary });
        return 0;
      }
      const header = ['source', 'docs', 'declared', 'concluded', 'use', 'state', 'reviewer', 'age'];
      const table = rows.map((r) => [
        r.name,
        String(r.documentCount),
        r.declaredLicense ?? '-',
        r.concludedLicense ?? '-',
        r.flags.use + (r.flags.shareAlike ? ' SA' : '') + (r.flags.noDerivatives ? ' ND' : '') + (r.flagsFrom === 'declared' ? '*' : ''),
        r.reviewState,
        r.reviewer ?? '-',
        r.ageDays === null ? '-' : `${r.ageDays}d`,
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
      for (const row of [header, ...table]) io.stdout.write(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
      if (rows.some((r) => r.flagsFrom === 'declared')) io.stdout.write('* from the declared licence; nothing concluded yet\n');
      const pct = (summary.commercialClearedShare * 100).toFixed(1);
      io.stdout.write(`\n${summary.clearedCommercialDocuments} of ${summary.documents} documents (${pct}%) are cleared for commercial use\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

export const licenseShowCommand: CliCommand = {
  name: 'license show',
  summary: "one source's licence facts, evidence and decision history",
  usage: 'kurasi license show --db <file> --source <name> [--json]',
  options: { db: { type: 'string' }, source: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    const source = requireString(values, 'source');
    const db = openCorpusToRead(path);
    try {
      const found = findSourceRow(db, source);
      const row = toLicenseRow(db, found);
      const evidence = listEvidence(db, found.id);
      const history = listAudit(db, 'source', found.id);
      if (values.json) {
        writeJson(io, { source: row, evidence, history });
        return 0;
      }
      io.stdout.write(describeRow(row) + '\n');
      io.stdout.write(`declared: ${row.declaredLicense ?? '-'}\nterms: ${row.termsUrl ?? '-'}\ntdm: ${row.tdm}  robots: ${row.robots}\n`);
      io.stdout.write(`evidence (${evidence.length}):\n`);
      for (const e of evidence) {
        const what = e.kind === 'url' ? e.url : e.kind === 'file' ? `${e.fileName} sha256:${e.sha256}` : '';
        io.stdout.write(`  #${e.id} ${e.kind} ${what ?? ''}${e.note ? ` — ${e.note}` : ''} (${e.addedBy}, ${e.addedAt})${e.removedAt ? ` removed by ${e.removedBy}` : ''}\n`);
      }
      const file = evidence.find((e) => e.kind === 'file');
      if (file) io.stdout.write(`  (save a file: kurasi license evidence --db ${path} --id ${file.id} --out <file|folder>)\n`);
      io.stdout.write(`history (${history.length}):\n`);
      for (const h of history) io.stdout.write(`  ${h.at} ${h.actor} ${h.action}${h.note ? ` — ${h.note}` : ''}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

/** Refusal to replace a file that is there, on every path (the message is the same with or without hard links). */
function alreadyThere(path: string): Error {
  return new Error(`${path} already exists; pass --force to replace it`);
}

/**
 * Writes `content` to `path` so it appears there only when complete (a temp file beside it, synced, then moved in).
 * Without `force` it is linked in, which fails when a file is already there instead of replacing it: no check-then-
 * write gap in which another file could appear and be overwritten.
 */
function writeNewFile(path: string, content: Uint8Array, force: boolean): void {
  if (!force && existsSync(path)) throw alreadyThere(path);
  const temp = `${path}.partial`;
  const fd = openSync(temp, 'w');
  try {
    let off = 0;
    while (off < content.length) off += writeSync(fd, content, off, content.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (force) {
      renameSync(temp, path);
      return;
    }
    try {
      linkSync(temp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyThere(path);
      // Some file systems (FAT on a USB stick) have no hard links: fall back to a check just before the move.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (existsSync(path)) throw alreadyThere(path);
      renameSync(temp, path);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

export const licenseEvidenceCommand: CliCommand = {
  name: 'license evidence',
  summary: 'save a file kept as licence evidence (see `license show` for the ids)',
  usage:
    'kurasi license evidence --db <file> --id <n> --out <file|folder> [--force] [--json]\n' +
    '  Writes the stored file under --out (or into the folder --out names, under its stored name) and prints its sha256,\n' +
    '  to compare with the one `license show` recorded. An existing file is kept unless --force is given.',
  options: {
    db: { type: 'string' },
    id: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    const id = intOpt(values, 'id', 1, Number.MAX_SAFE_INTEGER);
    if (id === undefined) throw new UsageError('--id is required');
    const out = requireString(values, 'out');
    const db = openCorpusToRead(path);
    try {
      const file = evidenceFile(db, id);
      let isFolder = false;
      try {
        isFolder = statSync(out).isDirectory();
      } catch {
        // Not there yet: it names the file to write.
      }
      const target = isFolder ? join(out, file.fileName) : out;
      writeNewFile(target, file.content, values.force === true);
      const saved = { id: file.id, fileName: file.fileName, path: target, size: file.content.length, sha256: file.sha256 };
      if (values.json) writeJson(io, saved);
      else io.stdout.write(`${target}: ${file.fileName}, ${saved.size} bytes, sha256:${saved.sha256}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

export const licenseRefCommand: CliCommand = {
  name: 'license ref',
  summary: 'declare what a LicenseRef- (site terms, written permission) allows',
  usage:
    'kurasi license ref --db <file> --ref LicenseRef-<id> --use commercial|non-commercial|research-only|unknown\n' +
    '              [--attribution] [--share-alike] [--no-derivatives] [--url <url>] [--note <text>] [--json]',
  options: {
    db: { type: 'string' },
    ref: { type: 'string' },
    use: { type: 'string' },
    attribution: { type: 'boolean', default: false },
    'share-alike': { type: 'boolean', default: false },
    'no-derivatives': { type: 'boolean', default: false },
    url: { type: 'string' },
    note: { type: 'string' },
    actor: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const path = requireString(values, 'db');
    const ref = requireString(values, 'ref');
    if (!/^LicenseRef-[A-Za-z0-9.-]+$/.test(ref)) throw new UsageError('--ref must look like LicenseRef-<letters, digits, . or ->');
    const use = oneOf<UseClass>(USE_CLASSES, requireString(values, 'use'), 'use')!;
    const engine = openExisting(path);
    try {
      const saved = setLicenseRef(engine.db, stringOpt(values, 'actor') ?? engine.actor, {
        ref,
        use,
        attribution: values.attribution === true,
        shareAlike: values['share-alike'] === true ? ref : null,
        noDerivatives: values['no-derivatives'] === true,
        url: stringOpt(values, 'url') ?? null,
        note: stringOpt(values, 'note') ?? null,
      });
      if (values.json) writeJson(io, saved);
      else io.stdout.write(`${saved.ref}: ${saved.use}${saved.attribution ? ' BY' : ''}${saved.shareAlike ? ' SA' : ''}${saved.noDerivatives ? ' ND' : ''}\n`);
      return 0;
    } finally {
      await engine.close();
    }
  },
};

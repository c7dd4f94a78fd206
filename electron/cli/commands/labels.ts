import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { CONFLICTS_PAGE_MAX, type ImportReport } from '../../../shared/contract/labels';
import { computeAgreement } from '../../engine/labels/agreement';
import { listConflicts } from '../../engine/labels/conflicts';
import { exportPack } from '../../engine/labels/pack-export';
import { importPacks } from '../../engine/labels/pack-import';
import { annotatorOr } from '../../engine/labels/settings';
import { openCorpus, type Db } from '../../engine/store/open';
import { UsageError, intOpt, requireString, writeJson, type CliCommand } from '../command';
import { openCorpusToRead } from '../read-corpus';

function openExisting(path: string): Db {
  if (!existsSync(path)) throw new Error(`${path}: no such corpus file`);
  return openCorpus(path, { mustExist: true });
}

function actorOf(db: Db): string {
  let fallback = 'unknown';
  try {
    fallback = process.env.KURASI_ACTOR ?? userInfo().username;
  } catch {
    // no user database entry (containers): keep 'unknown'
  }
  return annotatorOr(db, fallback);
}

export const labelsExportCommand: CliCommand = {
  name: 'labels export',
  summary: "write one annotator's labels as a single-file label pack (gzipped JSON)",
  usage: 'kurasi labels export --db <file> --annotator <name> --out <pack.json.gz> [--json]',
  options: { db: { type: 'string' }, annotator: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const db = openExisting(requireString(values, 'db'));
    try {
      const s = exportPack(db, requireString(values, 'annotator'), requireString(values, 'out'), actorOf(db));
      if (values.json) writeJson(io, s);
      else io.stdout.write(`${s.path}: ${s.labels} labels, ${s.spans} spans by ${s.annotator} (${s.checksum})\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

function printReport(io: Parameters<CliCommand['run']>[1], r: ImportReport): void {
  for (const p of r.packs) {
    const who = p.annotator ?? '?';
    if (p.refused) io.stdout.write(`REFUSED ${p.path} (${who}): ${p.refused}\n`);
    else
      io.stdout.write(
        `${p.path} (${who}): ${p.imported} imported, ${p.unchanged} unchanged, ${p.unknownDocuments} unknown documents, ${p.unknownLabels} unknown labels\n`,
      );
    for (const msg of p.problems) io.stdout.write(`  - ${msg}\n`);
  }
  io.stdout.write(r.committed ? `imported; ${r.conflicts} conflicts to adjudicate\n` : 'nothing imported: the corpus is unchanged\n');
}

export const labelsImportCommand: CliCommand = {
  name: 'labels import',
  summary: 'merge label packs from several annotators (all or nothing); lists conflicts',
  usage: 'kurasi labels import --db <file> <pack...> [--strict] [--json]',
  allowPositionals: true,
  options: { db: { type: 'string' }, strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one label pack');
    const db = openExisting(requireString(values, 'db'));
    try {
      const r = importPacks(db, positionals, actorOf(db), values.strict === true);
      if (values.json) writeJson(io, r);
      else printReport(io, r);
      if (!r.committed) {
        const first = r.packs.find((p) => p.refused);
        io.stderr.write(`kurasi labels import: ${first ? `${first.path}: ${first.refused}` : 'refused'}; nothing was imported\n`);
        return 1;
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

export const labelsConflictsCommand: CliCommand = {
  name: 'labels conflicts',
  summary: 'documents where annotators gave different answers and no adjudication exists yet',
  usage: `kurasi labels conflicts --db <file> [--limit 1-${CONFLICTS_PAGE_MAX}] [--json]`,
  options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const limit = intOpt(values, 'limit', 1, CONFLICTS_PAGE_MAX) ?? 50;
    const db = openCorpusToRead(requireString(values, 'db'));
    try {
      const r = listConflicts(db, 0, limit);
      if (values.json) writeJson(io, r);
      else {
        for (const c of r.rows)
          io.stdout.write(`${c.documentId}\t${c.externalId}\t${c.question}\t${c.votes.map((v) => `${v.annotator}=${JSON.stringify(v.value)}`).join(' ')}\n`);
        io.stdout.write(`${r.total} conflicts\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "agreement per label question: raw agreement, Cohen's kappa (2 annotators), Krippendorff's alpha",
  usage: 'kurasi agreement --db <file> [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values }, io) {
    const db = openCorpusToRead(requireString(values, 'db'));
    try {
      const rows = computeAgreement(db);
      if (values.json) writeJson(io, { questions: rows });
      else {
        io.stdout.write('question\tannotators\titems\traw\tkappa\talpha\n');
        for (const r of rows)
          io.stdout.write(`${r.question}\t${r.annotators.length}\t${r.items}\t${fmt(r.rawAgreement)}\t${fmt(r.cohensKappa)}\t${fmt(r.krippendorffAlpha)}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

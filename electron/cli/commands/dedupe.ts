import { closeSync, createWriteStream, existsSync, openSync } from 'node:fs';
import { once } from 'node:events';
import type { DedupeResult } from '../../../shared/contract/dedupe';
import { keepRule } from '../../../shared/contract/dedupe';
import { openEngine } from '../../engine/engine';
import type { Db } from '../../engine/store/open';
import { UsageError, numberOpt, requireString, stringOpt, writeJson, type CliCommand } from '../command';
import { requireDone, runJobFromCli } from '../run-job';

export const dedupeCommand: CliCommand = {
  name: 'dedupe',
  summary: 'find exact and near-duplicate documents (MinHash LSH) and mark all but one of each cluster duplicate',
  usage:
    'kurasi dedupe --db <file> [--threshold 0.8] [--ngram 5] [--keep longest|earliest|preferred-source|best-license]\n' +
    '              [--prefer <source,source...>] [--linkage bounded|single] [--fold-punctuation] [--full] [--workers N] [--report <file.jsonl>] [--json]',
  options: {
    db: { type: 'string' },
    threshold: { type: 'string' },
    ngram: { type: 'string' },
    keep: { type: 'string', default: 'longest' },
    prefer: { type: 'string' },
    linkage: { type: 'string', default: 'bounded' },
    'fold-punctuation': { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    workers: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values }, io) {
    const dbPath = requireString(values, 'db');
    const threshold = numberOpt(values, 'threshold') ?? 0.8;
    if (!(threshold > 0 && threshold < 1)) throw new UsageError('--threshold must be between 0 and 1 (exclusive)');
    const ngram = numberOpt(values, 'ngram') ?? 5;
    if (!Number.isInteger(ngram) || ngram < 1 || ngram > 32) throw new UsageError('--ngram must be a whole number from 1 to 32');
    const rule = keepRule.safeParse(stringOpt(values, 'keep'));
    if (!rule.success) throw new UsageError(`--keep must be one of ${keepRule.options.join(', ')}`);
    const linkage = stringOpt(values, 'linkage') ?? 'bounded';
    if (linkage !== 'bounded' && linkage !== 'single') throw new UsageError('--linkage must be bounded or single');
    const workers = numberOpt(values, 'workers');
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new UsageError('--workers must be an integer from 1 to 64');
    // A mistyped --db must not quietly create (and "deduplicate") an empty corpus.
    if (!existsSync(dbPath)) throw new Error(`${dbPath}: no such corpus file`);
    const report = stringOpt(values, 'report');
    // Before any duplicate is marked: a report that cannot be written should stop the run, not follow it.
    if (report) {
      try {
        closeSync(openSync(report, 'a'));
      } catch (e) {
        throw new Error(`${report}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
    }
    const engine = openEngine({ dbPath });
    try {
      const job = await runJobFromCli(
        engine,
        'dedupe',
        {
          threshold,
          ngram,
          keepRule: rule.data,
          preferredSources: (stringOpt(values, 'prefer') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
          foldPunctuation: values['fold-punctuation'] === true,
          linkage,
          full: values.full === true,
          ...(workers !== undefined ? { workers } : {}),
        },
        io,
      );
      requireDone(job);
      const r = job.result as DedupeResult;
      if (report) await writeReport(engine.db, report);
      if (values.json) writeJson(io, { ...r, jobId: job.id });
      else {
        io.stdout.write(
          `${r.documents} documents${r.incremental ? ` (${r.fingerprinted} new, checked against the existing index)` : ''}: ` +
            `${r.clusters} clusters (${r.exactClusters} exact, ${r.nearClusters} near), ${r.duplicates} marked duplicate ` +
            `[${r.bands}×${r.rows} LSH, ${(r.ms / 1000).toFixed(1)} s]\n`,
        );
        if (report) io.stdout.write(`report written to ${report}\n`);
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

/**
 * One JSON line per cluster of two or more documents: the ids given at import (`kept`, `members`), and beside them
 * each member's source and Kurasi document id, since the same external id can occur in two sources.
 */
async function writeReport(db: Db, path: string): Promise<void> {
  const out = createWriteStream(path);
  const rows = db
    .prepare(
      `SELECT c.id, c.kind, m.status, d.external_id, s.name, d.id FROM dedupe_clusters c JOIN dedupe_members m ON m.cluster_id = c.id
       JOIN documents d ON d.id = m.document_id JOIN sources s ON s.id = d.source_id
       ORDER BY c.size DESC, c.id, m.status = 'kept' DESC, m.document_id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, string, string, string, string, number]>;
  interface Line {
    cluster: string;
    kind: string;
    kept: string | null;
    members: string[];
    sources: string[];
    documentIds: number[];
  }
  let cur: Line | null = null;
  const flush = async () => {
    if (!cur) return;
    const line = { cluster: cur.cluster, kind: cur.kind, kept: cur.kept ?? cur.members[0], members: cur.members, sources: cur.sources, documentIds: cur.documentIds };
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  };
  for (const [id, kind, status, ext, source, docId] of rows) {
    if (!cur || cur.cluster !== String(id)) {
      await flush();
      cur = { cluster: String(id), kind, kept: null, members: [], sources: [], documentIds: [] };
    }
    if (status === 'kept' && cur.kept === null) cur.kept = ext;
    cur.members.push(ext);
    cur.sources.push(source);
    cur.documentIds.push(docId);
  }
  await flush();
  out.end();
  await once(out, 'finish');
}

/** Sizes that decide how an import runs, each overridable from the environment (tests and benchmarks set less). */

function envBytes(name: string, fallback: number): number {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(v) ? v : fallback;
}

/** Files at least this big are parsed in a worker thread while this one writes (env KURASI_IMPORT_WORKER_BYTES). */
export function workerThreshold(): number {
  return envBytes('KURASI_IMPORT_WORKER_BYTES', 8 << 20);
}

/**
 * Imports at least this big (env KURASI_IMPORT_BULK_BYTES) that are also large next to the corpus load in bulk
 * mode (bulk-load.ts): rebuilding an index afterwards scans the whole table, so it pays only when most rows are new.
 */
export function bulkThreshold(): number {
  return envBytes('KURASI_IMPORT_BULK_BYTES', 64 << 20);
}

/** The import's WAL is checkpointed when it reaches this many pages: 1 GB with 4 KB pages (tests set less). */
export function importWalPages(): number {
  return envBytes('KURASI_IMPORT_WAL_PAGES', 262_144);
}

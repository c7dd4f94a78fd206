// The export reads the licence decisions once, when it starts. A decision revoked while it runs (a source rejected,
// a document given a licence the export may not carry) must not leave: the export stops and removes what it wrote.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOptions, type ExportOptionsInput } from '../../../shared/contract/export';
import { runExport } from '../../../electron/engine/export/run-export';
import { setDocumentLicense, setSourceLicense } from '../../../electron/engine/license';
import type { Db } from '../../../electron/engine/store/open';
import { tempDir } from '../../helpers/temp';
import { seedSources, standardSpecs } from './fixture';
import { allRecords } from './read';
import { translate } from '../../../renderer/src/i18n';
import { describeEngineMessage } from '../../../renderer/src/i18n/engine-messages';

/** Every file under `dir`, relative. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

/** Runs an export whose first progress report (after the first batch, shards already closed) does `during`. */
function exportWhile(db: Db, during: () => void, opts: Partial<ExportOptionsInput> = {}) {
  const out = tempDir();
  let once = false;
  const run = runExport(db, exportOptions.parse({ out, maxDocs: 5, ...opts }), {
    actor: 'tester',
    progress: () => {
      if (once) return;
      once = true;
      during();
    },
  });
  return { out, run };
}

describe('a licence decision revoked during an export', () => {
  it('a source rejected mid-export stops it, and none of its files stay behind', async () => {
    const { db } = seedSources(standardSpecs());
    const { out, run } = exportWhile(db, () => setSourceLicense(db, 'lead', { source: 'nusax', state: 'rejected', note: 'disalin dari situs berita' }));
    const message = await run.then(
      () => '',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(message).toBe("licence decisions changed while exporting (source 'nusax' is now rejected); the export was stopped and its files removed");
    expect(describeEngineMessage((k, v) => translate('id', k, v), message)).toMatch(/^Keputusan lisensi berubah saat ekspor berjalan \(source 'nusax'/);
    expect(files(out)).toEqual([]);
    db.close();
  });

  it('a document given a non-commercial licence mid-export stops a commercial export', async () => {
    const { db, ids } = seedSources(standardSpecs());
    const doc = ids.get('talpco-ind')![3]!;
    const { out, run } = exportWhile(db, () => setDocumentLicense(db, 'lead', doc, 'CC-BY-NC-4.0'), { license: 'commercial' });
    await expect(run).rejects.toThrow(new RegExp(`document ${doc} has the licence CC-BY-NC-4.0 now`));
    expect(files(out)).toEqual([]);
    db.close();
  });

  it('a source cleared mid-export does not stop it; the export keeps the decisions it started with', async () => {
    const { db } = seedSources(standardSpecs());
    const { out, run } = exportWhile(db, () => setSourceLicense(db, 'lead', { source: 'pending', state: 'cleared' }));
    const result = await run;
    expect(result.documents).toBeGreaterThan(0);
    expect(files(out)).toContain('manifest.json');
    expect(new Set(allRecords(out).map((r) => r.rec.source))).not.toContain('pending');
    db.close();
  });
});

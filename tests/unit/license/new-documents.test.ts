// A clearing covers the documents the reviewer looked at: documents imported into a cleared source afterwards must
// not leave in an export under that clearing, neither directly nor by undoing a later rejection.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redo, undo } from '../../../electron/engine/audit/undo';
import { findSourceRow, openLicenseGate, setSourceLicense } from '../../../electron/engine/license';
import { listAudit } from '../../../electron/engine/store/audit';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { importInThread } from '../import/helpers';
import { translate } from '../../../renderer/src/i18n';
import { describeEngineMessage } from '../../../renderer/src/i18n/engine-messages';

function jsonl(name: string, texts: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, texts.map((text, i) => JSON.stringify({ id: `${name}-${i}`, text })).join('\n') + '\n');
  return path;
}

const first = ['Warga desa bergotong royong membersihkan saluran air.', 'Harga cabai naik menjelang hari raya.'];
const later = ['Teks berita yang disalin dari situs lain tanpa izin.'];

describe('documents imported into a cleared source', () => {
  it('turn the clearing stale (with an audit entry), so the export gate refuses the source; re-reading the same file does not', async () => {
    const path = tempDbPath();
    const a = jsonl('a.jsonl', first);
    await importInThread(path, { paths: [a], source: 'berita', license: 'CC-BY-4.0' });
    const db = openCorpus(path);
    setSourceLicense(db, 'ayu', { source: 'berita', concluded: 'CC-BY-4.0', state: 'cleared' });

    // The same file again adds nothing: the clearing still covers every document.
    await importInThread(path, { paths: [a], source: 'berita', license: 'CC-BY-4.0' });
    expect(findSourceRow(db, 'berita').review_state).toBe('cleared');

    const run = await importInThread(path, { paths: [jsonl('b.jsonl', later)], source: 'berita' });
    expect(run.result).toMatchObject({ imported: 1 });
    const row = findSourceRow(db, 'berita');
    expect(row.review_state).toBe('stale');
    const stale = listAudit(db, 'source', row.id).find((e) => e.action === 'license.stale');
    expect(stale).toMatchObject({ actor: 'kurasi', note: 'documents imported after clearing', after: { reviewState: 'stale', importJobId: run.jobId } });
    const gate = openLicenseGate(db, { require: 'cleared' });
    expect(gate.check(row.id).refused).toContain('stale');
    expect(gate.check(row.id).exportable).toBe(false);
    db.close();
  });

  it('leave a rejected source rejected, and undoing the rejection then does not bring the clearing back', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [jsonl('a.jsonl', first)], source: 'berita' });
    const db = openCorpus(path);
    setSourceLicense(db, 'ayu', { source: 'berita', concluded: 'CC-BY-4.0', state: 'cleared' });
    setSourceLicense(db, 'ayu', { source: 'berita', state: 'rejected', note: 'disalin dari situs berita' });
    await importInThread(path, { paths: [jsonl('b.jsonl', later)], source: 'berita' });
    expect(findSourceRow(db, 'berita').review_state).toBe('rejected');

    let message = '';
    try {
      undo(db, 'ayu');
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message).toMatch(/documents imported or removed since it was cleared; nothing was undone$/);
    // The undo toast says it in the UI language.
    expect(describeEngineMessage((k, v) => translate('id', k, v), message)).toMatch(/^Sumber \d+ mendapat atau kehilangan dokumen sejak disetujui/);
    expect(findSourceRow(db, 'berita').review_state).toBe('rejected');
    expect(openLicenseGate(db).check(findSourceRow(db, 'berita').id).exportable).toBe(false);
    db.close();
  });

  it('still lets a rejection be undone and redone when no documents came in between', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [jsonl('a.jsonl', first)], source: 'berita' });
    const db = openCorpus(path);
    setSourceLicense(db, 'ayu', { source: 'berita', concluded: 'CC-BY-4.0', state: 'cleared' });
    setSourceLicense(db, 'ayu', { source: 'berita', state: 'rejected', note: 'disalin dari situs berita' });
    undo(db, 'ayu');
    expect(findSourceRow(db, 'berita').review_state).toBe('cleared');
    redo(db, 'ayu');
    expect(findSourceRow(db, 'berita').review_state).toBe('rejected');
    db.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../../../electron/engine/store/open';
import { listAudit } from '../../../electron/engine/store/audit';
import {
  addEvidence,
  bulkSetSourceLicense,
  evidenceContent,
  evidenceFile,
  findSourceRow,
  licenseStatsSection,
  licenseSummary,
  listEvidence,
  listLicenseSources,
  openLicenseGate,
  removeEvidence,
  setDocumentLicense,
  setLicenseRef,
  setSourceLicense,
} from '../../../electron/engine/license';
import { tempDir } from '../../helpers/temp';
import { licenseCorpus } from './corpus';

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});
/** A source's audit entries in the order they were written (listAudit gives the newest first). */
function auditInOrder(d: Db, sourceId: number) {
  return listAudit(d, 'source', sourceId).reverse();
}

function corpus() {
  const c = licenseCorpus();
  db = c.db;
  return c.db;
}

describe('licence store', () => {
  it('lists every source with document count and unreviewed state', () => {
    const d = corpus();
    const rows = listLicenseSources(d);
    expect(rows.map((r) => [r.name, r.documentCount, r.reviewState, r.flags.use])).toEqual([
      ['nusax', 5, 'unreviewed', 'unknown'],
      ['talpco', 3, 'unreviewed', 'unknown'],
      ['web', 2, 'unreviewed', 'unknown'],
    ]);
  });

  it('records a decision with reviewer, time and an audit entry', () => {
    const d = corpus();
    const row = setSourceLicense(d, 'ayu', { source: 'nusax', concluded: 'CC BY-SA 4.0', state: 'cleared', note: 'LICENSE file in repo' });
    expect(row.concludedLicense).toBe('CC-BY-SA-4.0');
    expect(row.reviewState).toBe('cleared');
    expect(row.reviewer).toBe('ayu');
    expect(row.ageDays).toBe(0);
    expect(row.flags).toMatchObject({ use: 'commercial', attribution: true, shareAlike: 'CC-BY-SA-4.0' });
    const audit = listAudit(d, 'source', row.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'ayu', action: 'license.set', note: 'LICENSE file in repo' });
    expect(audit[0]!.before).toMatchObject({ reviewState: 'unreviewed', concludedLicense: null });
    expect(audit[0]!.after).toMatchObject({ reviewState: 'cleared', concludedLicense: 'CC-BY-SA-4.0' });
  });

  it('refuses invalid licences and rule-breaking transitions, changing nothing', () => {
    const d = corpus();
    expect(() => setSourceLicense(d, 'ayu', { source: 'web', concluded: 'whatever licence', state: 'cleared' })).toThrow(/not an SPDX/);
    expect(() => setSourceLicense(d, 'ayu', { source: 'web', concluded: 'GPL' })).toThrow(/did you mean GPL-3.0-or-later/);
    expect(() => setSourceLicense(d, 'ayu', { source: 'web', state: 'cleared' })).toThrow(/concluded SPDX licence/);
    expect(() => setSourceLicense(d, 'ayu', { source: 'nope', state: 'cleared' })).toThrow(/not found/);
    // A refused state change also undoes the licence written in the same call.
    setSourceLicense(d, 'ayu', { source: 'web', concluded: 'MIT', state: 'cleared' });
    expect(() => setSourceLicense(d, 'ayu', { source: 'web', concluded: 'CC-BY-4.0', state: 'rejected' })).toThrow(/needs a note/);
    const web = findSourceRow(d, 'web');
    expect([web.concluded_license, web.review_state]).toEqual(['MIT', 'cleared']);
    expect(setSourceLicense(d, 'ayu', { source: 'web', concluded: 'GPL', acceptGuess: true }).concludedLicense).toBe('GPL-3.0-or-later');
  });

  it('turns a cleared decision stale when the licence changes, whoever changes it', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-4.0', state: 'cleared' });
    // Same licence spelled differently: no change.
    expect(setSourceLicense(d, 'budi', { source: 'talpco', concluded: 'cc-by-4.0' }).reviewState).toBe('cleared');
    expect(setSourceLicense(d, 'budi', { source: 'talpco', concluded: 'CC-BY-NC-4.0' }).reviewState).toBe('stale');
    setSourceLicense(d, 'ayu', { source: 'talpco', state: 'cleared' });
    // A re-import declaring another licence writes the column directly: the trigger still catches it.
    d.prepare(`UPDATE sources SET declared_license = 'CC-BY-SA-4.0' WHERE name = 'talpco'`).run();
    expect(findSourceRow(d, 'talpco').review_state).toBe('stale');
    const actions = listAudit(d, 'source', findSourceRow(d, 'talpco').id).map((a) => `${a.actor}:${a.action}`);
    expect(actions.filter((a) => a === 'kurasi:license.stale')).toHaveLength(2);
  });

  it('re-clears in one call after changing the licence of a cleared source', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-4.0', state: 'cleared' });
    const row = setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-SA-4.0', state: 'cleared', note: 'upstream relicensed' });
    expect(row.reviewState).toBe('cleared');
    const actions = listAudit(d, 'source', row.id).map((a) => a.action);
    expect(actions).toEqual(['license.set', 'license.stale', 'license.set']);
  });

  it('stores evidence files with their sha256, and evidence changes make a cleared source stale', () => {
    const d = corpus();
    const dir = tempDir();
    const file = join(dir, 'izin-tertulis.txt');
    writeFileSync(file, 'Dengan ini kami mengizinkan penggunaan teks untuk pelatihan model.');
    const sha = createHash('sha256').update('Dengan ini kami mengizinkan penggunaan teks untuk pelatihan model.').digest('hex');
    const row = setSourceLicense(d, 'ayu', {
      source: 'web',
      concluded: 'LicenseRef-web-written-permission',
      state: 'cleared',
      termsUrl: 'https://contoh.id/ketentuan',
      tdm: 'permitted',
      robots: 'allowed',
      evidence: [{ filePath: file, note: 'signed letter' }, { url: 'https://contoh.id/ketentuan' }],
    });
    expect(row.reviewState).toBe('cleared');
    expect(row.evidenceCount).toBe(2);
    const ev = listEvidence(d, row.id);
    expect(ev.map((e) => e.kind)).toEqual(['file', 'url']);
    expect(ev[0]).toMatchObject({ fileName: 'izin-tertulis.txt', sha256: sha, note: 'signed letter', addedBy: 'ayu' });
    expect(evidenceContent(d, ev[0]!.id)?.toString()).toMatch(/mengizinkan/);

    addEvidence(d, 'budi', row.id, { note: 'site changed its terms page' });
    expect(findSourceRow(d, 'web').review_state).toBe('stale');
    setSourceLicense(d, 'ayu', { source: 'web', state: 'cleared' });
    const removed = removeEvidence(d, 'ayu', ev[1]!.id, 'dead link');
    expect(removed.removedBy).toBe('ayu');
    expect(findSourceRow(d, 'web').review_state).toBe('stale');
    expect(() => removeEvidence(d, 'ayu', ev[1]!.id)).toThrow(/already removed/);
    expect(() => addEvidence(d, 'ayu', row.id, {})).toThrow(/URL, a file or a note/);
  });

  it('keeps a clearing when its own reviewer attaches evidence within the hour, and says so in the audit log', () => {
    const d = corpus();
    const cleared = setSourceLicense(d, 'ayu', { source: 'nusax', concluded: 'CC-BY-SA-4.0', state: 'cleared' });
    const item = addEvidence(d, 'ayu', cleared.id, { url: 'https://github.com/IndoNLP/nusax/blob/main/LICENSE' });
    expect(findSourceRow(d, 'nusax').review_state).toBe('cleared');
    const entries = auditInOrder(d, cleared.id);
    expect(entries.map((e) => `${e.actor}:${e.action}`)).toEqual(['ayu:license.set', 'kurasi:license.cleared-kept', 'ayu:license.evidence.add']);
    expect(entries[1]).toMatchObject({
      note: 'evidence added by the reviewer who cleared it, within an hour of clearing',
      before: { reviewState: 'cleared' },
      after: { reviewState: 'cleared', evidenceId: item.id },
    });
    // The export gate trusts the clearing as it stands.
    expect(openLicenseGate(d, { require: 'commercial', changesText: false, override: null }).check(cleared.id).exportable).toBe(true);

    // Anyone else's evidence is not covered by ayu's clearing.
    addEvidence(d, 'budi', cleared.id, { note: 'the repository changed its LICENSE' });
    expect(findSourceRow(d, 'nusax').review_state).toBe('stale');

    // Nor is ayu's own evidence once the hour is over (the clearing is dated back rather than waited for).
    setSourceLicense(d, 'ayu', { source: 'nusax', state: 'cleared' });
    d.prepare(`UPDATE sources SET decided_at = ? WHERE id = ?`).run(new Date(Date.now() - 61 * 60_000).toISOString(), cleared.id);
    addEvidence(d, 'ayu', cleared.id, { note: 'found a second copy of the licence' });
    expect(findSourceRow(d, 'nusax').review_state).toBe('stale');
    expect(auditInOrder(d, cleared.id).at(-2)).toMatchObject({ actor: 'kurasi', action: 'license.stale', note: 'evidence added after clearing' });

    // Removing evidence always sends the source back to review, even right after its reviewer cleared it.
    setSourceLicense(d, 'ayu', { source: 'nusax', state: 'cleared' });
    removeEvidence(d, 'ayu', item.id, 'wrong link');
    expect(findSourceRow(d, 'nusax').review_state).toBe('stale');
  });

  it('keeps a note given with evidence alone, on the evidence and in its audit entry', () => {
    const d = corpus();
    const row = setSourceLicense(d, 'ayu', { source: 'web', evidence: [{ url: 'https://contoh.id/izin' }], note: 'email from the editor' });
    expect(listEvidence(d, row.id)[0]).toMatchObject({ url: 'https://contoh.id/izin', note: 'email from the editor' });
    expect(auditInOrder(d, row.id).map((e) => [e.action, e.note])).toEqual([['license.evidence.add', 'email from the editor']]);
    // An item's own note wins; the call's note is then kept as a comment of its own.
    setSourceLicense(d, 'ayu', { source: 'web', evidence: [{ url: 'https://contoh.id/ketentuan', note: 'terms page' }], note: 'checked by phone' });
    expect(listEvidence(d, row.id)[1]!.note).toBe('terms page');
    expect(auditInOrder(d, row.id).slice(1).map((e) => [e.action, e.note])).toEqual([
      ['license.evidence.add', 'terms page'],
      ['license.note', 'checked by phone'],
    ]);
  });

  it('hands out a file item\'s bytes by id, and refuses items that are not files', () => {
    const d = corpus();
    const id = findSourceRow(d, 'web').id;
    const content = Buffer.from('Izin tertulis dari pemilik situs.');
    const file = addEvidence(d, 'ayu', id, { file: { name: 'izin.txt', contentBase64: content.toString('base64') } });
    const link = addEvidence(d, 'ayu', id, { url: 'https://contoh.id/izin' });
    const got = evidenceFile(d, file.id);
    expect(got).toMatchObject({ id: file.id, fileName: 'izin.txt', sha256: file.sha256 });
    expect(got.content.equals(content)).toBe(true);
    expect(() => evidenceFile(d, link.id)).toThrow(/is not a file/);
    // A name from elsewhere (a Windows path, an older corpus) comes out as a plain file name, never a way up a folder.
    const windows = addEvidence(d, 'ayu', id, { file: { name: 'C:\\surat\\izin.pdf', contentBase64: content.toString('base64') } });
    expect(evidenceFile(d, windows.id).fileName).toBe('izin.pdf');
    d.prepare(`UPDATE license_evidence SET file_name = '..' WHERE id = ?`).run(windows.id);
    expect(evidenceFile(d, windows.id).fileName).toBe(`evidence-${windows.id}`);
    expect(() => evidenceFile(d, 999)).toThrow(/not found/);
  });

  it('applies one change to many sources, each on its own', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'nusax', concluded: 'CC-BY-SA-4.0' });
    setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-4.0' });
    const r = bulkSetSourceLicense(d, 'ayu', ['nusax', 'talpco', 'web', 'missing'], { state: 'cleared', note: 'batch' });
    expect(r.updated.map((u) => u.name)).toEqual(['nusax', 'talpco']);
    expect(r.failed.map((f) => f.source)).toEqual(['web', 'missing']);
    expect(findSourceRow(d, 'web').review_state).toBe('unreviewed');
  });

  it('summarises the share of the corpus cleared for commercial use, with document licences', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'nusax', concluded: 'CC-BY-SA-4.0', state: 'cleared' });
    setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-NC-4.0', state: 'cleared' });
    setSourceLicense(d, 'ayu', { source: 'web', concluded: 'CC-BY-4.0', state: 'in-review' });
    let s = licenseSummary(d);
    expect(s.documents).toBe(10);
    expect(s.clearedDocuments).toBe(8);
    expect(s.clearedCommercialDocuments).toBe(5);
    expect(s.commercialClearedShare).toBeCloseTo(0.5);
    expect(s.byUse).toEqual({ commercial: 7, 'non-commercial': 3, 'research-only': 0, unknown: 0 });
    expect(s.byState['cleared']).toEqual({ sources: 2, documents: 8 });

    const nusaxDoc = (d.prepare(`SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.name = 'nusax' LIMIT 1`).get() as { id: number }).id;
    setDocumentLicense(d, 'ayu', nusaxDoc, 'CC-BY-NC-ND-4.0', 'quoted from a magazine');
    s = licenseSummary(d);
    expect(s.clearedCommercialDocuments).toBe(4);
    expect(s.byLicense['CC-BY-NC-ND-4.0']).toBe(1);
    expect(listAudit(d, 'document', nusaxDoc)[0]).toMatchObject({ action: 'license.document', note: 'quoted from a magazine' });
    expect(licenseStatsSection(d)).toMatchObject({ clearedDocuments: 8, commercialClearedShare: 0.4 });
  });

  it('uses reviewer-declared flags for LicenseRef ids', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'web', concluded: 'LicenseRef-kompas-terms', state: 'cleared' });
    expect(listLicenseSources(d, { search: 'web' })[0]!.flags.use).toBe('unknown');
    setLicenseRef(d, 'ayu', { ref: 'LicenseRef-kompas-terms', use: 'research-only', attribution: true, shareAlike: null, noDerivatives: true });
    expect(listLicenseSources(d, { search: 'web' })[0]!.flags).toMatchObject({ use: 'research-only', noDerivatives: true });
    expect(listLicenseSources(d, { use: 'research-only' }).map((r) => r.name)).toEqual(['web']);
  });

  it('gives the export gate a per-document answer', () => {
    const d = corpus();
    setSourceLicense(d, 'ayu', { source: 'nusax', concluded: 'CC-BY-SA-4.0', state: 'cleared' });
    setSourceLicense(d, 'ayu', { source: 'talpco', concluded: 'CC-BY-ND-4.0', state: 'cleared' });
    const ids = Object.fromEntries(
      (d.prepare('SELECT name, id FROM sources').all() as { name: string; id: number }[]).map((r) => [r.name, r.id]),
    );
    const gate = openLicenseGate(d, { require: 'commercial', changesText: true });
    expect(gate.check(ids.nusax!).exportable).toBe(true);
    expect(gate.check(ids.nusax!).shardKey).toBe('commercial_sa-cc-by-sa-4.0');
    expect(gate.check(ids.talpco!).refused).toEqual(['no-derivatives']);
    expect(gate.check(ids.web!).refused).toContain('not-cleared');
  });
});

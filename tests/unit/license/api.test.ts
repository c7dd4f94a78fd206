import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { contract } from '../../../shared/contract';
import { licenseCorpus } from './corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

function open(): Engine {
  const { path, db } = licenseCorpus({ nusax: 3, web: 1 });
  db.close();
  engine = openEngine({ dbPath: path, actor: 'ayu' });
  return engine;
}

describe('license API', () => {
  it('records a decision with evidence and returns outputs that match the contract', async () => {
    const e = open();
    const set = await dispatch(e, 'license.set', {
      source: 'nusax',
      concluded: 'cc-by-sa-4.0',
      state: 'cleared',
      evidence: [{ url: 'https://github.com/IndoNLP/nusax' }, { file: { name: 'LICENSE', contentBase64: Buffer.from('CC BY-SA 4.0').toString('base64') } }],
    });
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    expect(contract['license.set'].output.parse(set.value)).toMatchObject({ concludedLicense: 'CC-BY-SA-4.0', reviewState: 'cleared', reviewer: 'ayu' });

    const setRow = contract['license.set'].output.parse(set.value);
    const got = await dispatch(e, 'license.get', { source: setRow.id });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const detail = contract['license.get'].output.parse(got.value);
    expect(detail.evidence.map((x) => x.kind)).toEqual(['url', 'file']);
    expect(detail.evidence[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.history.map((h) => h.action)).toEqual(['license.set', 'license.evidence.add', 'license.evidence.add']);

    const list = await dispatch(e, 'license.list', { states: ['cleared'] });
    expect(list.ok && contract['license.list'].output.parse(list.value).rows.map((r) => r.name)).toEqual(['nusax']);
    const summary = await dispatch(e, 'license.summary', {});
    expect(summary.ok && contract['license.summary'].output.parse(summary.value).commercialClearedShare).toBeCloseTo(0.75);
  });

  it('gives a file evidence item\'s stored bytes by id, validated at the boundary, and nothing else', async () => {
    const e = open();
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    const file = await dispatch(e, 'license.addEvidence', { source: 'web', file: { name: 'izin.pdf', contentBase64: bytes.toString('base64') } });
    const url = await dispatch(e, 'license.addEvidence', { source: 'web', url: 'https://contoh.id/izin' });
    if (!file.ok || !url.ok) throw new Error('evidence was not added');
    const fileItem = contract['license.addEvidence'].output.parse(file.value);
    const got = await dispatch(e, 'license.evidenceFile', { id: fileItem.id });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const out = contract['license.evidenceFile'].output.parse(got.value);
    expect(out).toMatchObject({ id: fileItem.id, fileName: 'izin.pdf', size: bytes.length, sha256: fileItem.sha256 });
    expect(Buffer.from(out.contentBase64, 'base64').equals(bytes)).toBe(true);

    const urlItem = contract['license.addEvidence'].output.parse(url.value);
    expect(await dispatch(e, 'license.evidenceFile', { id: urlItem.id })).toMatchObject({ ok: false, error: { code: 'bad-request', message: `evidence ${urlItem.id} is not a file` } });
    expect(await dispatch(e, 'license.evidenceFile', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Only an id is taken: a path (or anything else) is refused before any handler runs.
    expect(await dispatch(e, 'license.evidenceFile', { id: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(e, 'license.evidenceFile', { id: 0 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers refused decisions and bad input with typed errors', async () => {
    const e = open();
    expect(await dispatch(e, 'license.set', { source: 'web', state: 'cleared' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(e, 'license.set', { source: 'web', state: 'approved' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(e, 'license.set', { source: 'web', state: 'stale' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(e, 'license.get', { source: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await dispatch(e, 'license.set', { source: 'web', concluded: 'MIT', state: 'needs-discussion' });
    expect(await dispatch(e, 'license.set', { source: 'web', state: 'unreviewed' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('applies bulk decisions and resolves licence text for the UI', async () => {
    const e = open();
    const bulk = await dispatch(e, 'license.bulkSet', { sources: ['nusax', 'web'], concluded: 'CC-BY-4.0', state: 'in-review' });
    expect(bulk.ok && contract['license.bulkSet'].output.parse(bulk.value).updated.map((u) => u.reviewState)).toEqual(['in-review', 'in-review']);
    const r = await dispatch(e, 'license.resolve', { text: 'Creative Commons Attribution Non Commercial 4.0 (cc-by-nc-4.0)' });
    expect(r.ok && r.value).toMatchObject({ ok: true, spdx: 'CC-BY-NC-4.0', via: 'alias', flags: { use: 'non-commercial' } });
    const ref = await dispatch(e, 'license.refs.set', { ref: 'LicenseRef-izin-tempo', use: 'commercial', attribution: true, shareAlike: null, noDerivatives: false });
    expect(ref.ok).toBe(true);
    const refs = await dispatch(e, 'license.refs.list', {});
    expect(refs.ok && contract['license.refs.list'].output.parse(refs.value).map((x) => x.ref)).toEqual(['LicenseRef-izin-tempo']);
    const doc = await dispatch(e, 'license.setDocument', { documentId: 1, concluded: 'CC-BY-NC-ND-4.0', note: 'kutipan' });
    expect(doc.ok && doc.value).toEqual({ documentId: 1, concludedLicense: 'CC-BY-NC-ND-4.0' });
    const history = await dispatch(e, 'license.history', {});
    expect(history.ok && contract['license.history'].output.parse(history.value).map((h) => [h.action, h.sourceName ?? h.entityId])).toEqual([
      ['license.ref', 'LicenseRef-izin-tempo'],
      ['license.set', 'web'],
      ['license.set', 'nusax'],
    ]);
    const info = await dispatch(e, 'license.document', { documentId: 1 });
    expect(info.ok && contract['license.document'].output.parse(info.value)).toMatchObject({
      sourceName: 'nusax',
      sourceLicense: 'CC-BY-4.0',
      sourceState: 'in-review',
      documentLicense: 'CC-BY-NC-ND-4.0',
      flags: { use: 'non-commercial', noDerivatives: true },
    });
  });
});

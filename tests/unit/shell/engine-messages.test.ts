import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { describeEngineError, describeEngineMessage } from '../../../renderer/src/i18n/engine-messages';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { CancelledError, notFound } from '../../../electron/engine/errors';
import { checkTransition } from '../../../shared/license/review';
import { seedCorpus } from '../../helpers/corpus';
import { makeDirs } from '../../../electron/engine/export/atomic';
import { resolveLicense } from '../../../shared/license';
import { tempDir } from '../../helpers/temp';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const id = (key: string, vars?: Record<string, string | number>) => translate('id', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected a throw');
}

describe('engine messages on the export and licence screens', () => {
  it('says file-system errors in the UI language, keeping the path', () => {
    const file = join(tempDir(), 'hasil.csv');
    writeFileSync(file, 'x');
    const msg = messageOf(() => makeDirs(join(file, 'keluaran')));
    expect(describeEngineMessage(id, msg)).toMatch(/hasil\.csv\/keluaran: sebagian jalur ini berkas, bukan folder$/);
    expect(describeEngineMessage(en, msg)).toMatch(/hasil\.csv\/keluaran: part of this path is a file, not a folder$/);
    expect(describeEngineMessage(id, "EBUSY: resource busy, open '/x'")).toBe("EBUSY: resource busy, open '/x'");
  });

  it('says a refused licence in the UI language', () => {
    const r = resolveLicense('garbage AND (');
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : r.error;
    expect(describeEngineMessage(id, msg)).toBe('Bukan ekspresi SPDX atau nama lisensi yang dikenal: "garbage AND ("');
  });
});

describe("the engine's refusals elsewhere in the app", () => {
  /** The message of a refused API call, as the renderer receives it. */
  async function refusal(e: Engine, method: string, input: unknown): Promise<string> {
    const r = await dispatch(e, method, input);
    if (r.ok) throw new Error(`${method} was not refused`);
    return r.error.message;
  }

  it('says what real API calls refuse in Bahasa Indonesia and in English, keeping ids and names', async () => {
    const { path, db } = seedCorpus([{ text: 'Selamat pagi, apa kabar?' }, { text: 'Terima kasih banyak.' }]);
    db.close();
    engine = openEngine({ dbPath: path, actor: 'test' });
    const cases: [string, unknown, string, string][] = [
      ['documents.get', { id: 999 }, 'Dokumen 999 tidak ditemukan', 'Document 999 not found'],
      ['jobs.resume', { id: 77 }, 'Pekerjaan 77 tidak ditemukan', 'Job 77 not found'],
      ['license.get', { source: 'tidak-ada' }, "Sumber 'tidak-ada' tidak ditemukan", "Source 'tidak-ada' not found"],
      ['pii.decide', { documentId: 1, type: 'NIK', start: 0, end: 5000, decision: 'confirmed' }, 'Rentang 0–5000 berada di luar dokumen', 'Span 0–5000 is outside the document'],
      ['license.set', { source: 'test', state: 'cleared' }, 'test: sumber hanya bisa disetujui dengan lisensi SPDX yang disimpulkan', 'test: a source can only be cleared with a concluded SPDX licence'],
      ['license.addEvidence', { source: 'test' }, 'Bukti perlu URL, berkas, atau catatan', 'Evidence needs a URL, a file or a note'],
      ['dedupe.override', { action: 'merge', documentIds: [1, 2] }, 'Jalankan deduplikasi dulu sebelum menggabungkan atau memisahkan klaster', 'Run dedupe before merging or splitting clusters'],
      ['labels.adjudicate', { documentId: 1, question: 'tidak-ada', value: 'x', reason: 'karena' }, "Pertanyaan 'tidak-ada' tidak ada di skema label", "The label schema has no question 'tidak-ada'"],
      ['annotators.set', { name: '   ' }, 'Masukan tidak sah untuk annotators.set', 'Invalid input for annotators.set'],
    ];
    for (const [method, input, inId, inEn] of cases) {
      const msg = await refusal(engine, method, input);
      expect([method, describeEngineMessage(id, msg)]).toEqual([method, inId]);
      expect([method, describeEngineMessage(en, msg)]).toEqual([method, inEn]);
    }
  });

  it('names review states and kinds of personal data in the UI language', () => {
    const overturn = checkTransition('cleared', 'rejected', { concludedLicense: 'MIT', note: '' });
    expect(overturn.ok).toBe(false);
    const msg = overturn.ok ? '' : `berita: ${overturn.message}`;
    expect(describeEngineMessage(id, msg)).toBe('berita: mengubah keputusan dari Disetujui ke Ditolak perlu catatan');
    expect(describeEngineMessage(en, msg)).toBe('berita: changing a decision from Cleared to Rejected needs a note');
    const same = checkTransition('in-review', 'in-review', { concludedLicense: null });
    expect(describeEngineMessage(id, same.ok ? '' : same.message)).toBe('status sudah Sedang ditinjau');
    expect(describeEngineMessage(id, 'the PHONE finding on document 4 was decided again since; nothing was undone')).toBe(
      'Temuan Nomor telepon pada dokumen 4 sudah diputuskan lagi sejak itu; tidak ada yang dibatalkan',
    );
    // A value without a translation is kept as it came.
    expect(describeEngineMessage(id, 'job 3 is paused; only interrupted, cancelled or failed jobs can be resumed')).toBe(
      'Pekerjaan 3 paused; hanya pekerjaan yang terputus, dibatalkan, atau gagal yang bisa dilanjutkan',
    );
  });

  it('says undo conflicts, cancellation and thrown errors in the UI language', () => {
    expect(describeEngineError(id, new CancelledError())).toBe('Dibatalkan oleh pengguna');
    expect(describeEngineError(en, notFound('cluster 12'))).toBe('Cluster 12 not found');
    expect(describeEngineMessage(id, "the label 'decision' on document 7 changed since; nothing was undone")).toBe(
      "Label 'decision' pada dokumen 7 sudah berubah sejak itu; tidak ada yang dibatalkan",
    );
    expect(describeEngineMessage(id, 'the licence of source 2 was changed since; nothing was undone')).toBe('Lisensi sumber 2 sudah diubah sejak itu; tidak ada yang dibatalkan');
    expect(describeEngineMessage(id, 'these duplicate clusters changed since (another decision or a new dedupe run); nothing was undone')).toMatch(/^Klaster duplikat ini sudah berubah/);
    expect(describeEngineMessage(id, 'evidence file /tmp/surat izin.pdf not found')).toBe('Berkas bukti /tmp/surat izin.pdf tidak ada');
    expect(describeEngineMessage(id, "span ends at 120, the document has 80 characters")).toBe('Rentang berakhir di 120, padahal dokumen hanya 80 karakter');
    // Messages for a developer stay as they are.
    expect(describeEngineMessage(id, "worker 'x' is not built")).toBe("worker 'x' is not built");
  });

  it('has every error string in both languages', () => {
    for (const key of ['err.notFound.document', 'err.undo.pii', 'err.lic.needsNote', 'err.dedupe.mergeTwo', 'err.labels.spanOwner', 'err.export.noLabels']) {
      expect(translate('id', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
      expect(translate('id', key)).not.toBe(translate('en', key));
    }
  });
});


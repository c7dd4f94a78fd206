import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { describeEngineMessage } from '../../../renderer/src/i18n/engine-messages';
import { makeDirs } from '../../../electron/engine/export/atomic';
import { resolveLicense } from '../../../shared/license';
import { tempDir } from '../../helpers/temp';

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

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../../electron/engine/export/atomic';
import { tempDir } from '../../helpers/temp';

describe('makeDirs (the export folder)', () => {
  it('creates every missing level, and is a no-op when the folder exists', () => {
    const base = tempDir();
    const deep = join(base, 'rilis', '2026', 'data');
    makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('fails at once with the reason, where recursive mkdir would spin forever (under /proc)', { timeout: 5_000 }, () => {
    expect(() => makeDirs('/proc/kurasi-tidak-ada/keluaran/data')).toThrow(/ENOENT/);
    expect(existsSync('/proc/kurasi-tidak-ada')).toBe(false);
  });

  it('names a file standing where a folder should be', () => {
    const file = join(tempDir(), 'bukan-folder.csv');
    writeFileSync(file, 'x');
    expect(() => makeDirs(join(file, 'keluaran', 'data'))).toThrow(/^ENOTDIR: not a directory, \w+ '.*bukan-folder\.csv/);
  });
});

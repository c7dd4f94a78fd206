import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';

/**
 * Under Electron, better-sqlite3 must be built for Electron's ABI. `npm start` builds that copy into
 * .electron-native/<electron version>/ so the Node build in node_modules (used by tests and the CLI) is untouched.
 */
export function nativeBindingPath(): string | null {
  const electronVersion = process.versions.electron;
  if (!electronVersion) return null;
  // process.resourcesPath exists only under Electron (packaged apps keep the rebuilt binding there).
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath ?? '';
  const candidates = [
    join(resources, 'native', 'better_sqlite3.node'),
    join(projectRoot(), '.electron-native', electronVersion, 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

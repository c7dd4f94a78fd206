import type { Translate } from './index';

/**
 * The engine writes its errors in English (the CLI prints them as they are). The ones a user meets on the export
 * and licence screens are shown in the UI language, their paths and values kept; anything else unchanged.
 */
const PATTERNS: [RegExp, string, string[]][] = [
  // Node's file-system errors: "ENOTDIR: not a directory, mkdir '/data/x'".
  [/^(ENOENT|ENOTDIR|EACCES|EPERM|EEXIST|EISDIR|ENOSPC|EROFS): [^,]+, \w+ '(.+)'$/, 'err.fs', ['code', 'path']],
  [/^not an SPDX expression or known licence name: "(.*)"$/, 'err.notSpdx', ['text']],
  [/^(.+) holds an export made with other options or from another state of the corpus; choose an empty folder or delete it first$/, 'err.exportOther', ['path']],
  [/^(.+) is not empty and holds no Kurasi export; choose an empty or new folder$/, 'err.exportNotEmpty', ['path']],
  [/^metadata field '(.+)' clashes with a record field$/, 'err.metaClash', ['field']],
];

export function describeEngineMessage(t: Translate, message: string): string {
  for (const [re, key, names] of PATTERNS) {
    const m = re.exec(message);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = m[i + 1] ?? ''));
    if (key === 'err.fs') {
      const specific = `err.fs.${vars.code}`;
      const s = t(specific, vars);
      return s === specific ? t(key, vars) : s;
    }
    return t(key, vars);
  }
  return message;
}

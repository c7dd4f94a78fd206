import { translateOr, type Translate } from './index';

/**
 * The engine writes its messages in English (the CLI prints them as they are). Those a user meets in the app are
 * shown in the UI language by pattern, their paths and values kept; anything else unchanged.
 * A pattern: the message, the translation key, and the names of its capture groups as the key's variables.
 */
export type MessagePattern = [RegExp, string, string[]];

/** The translation of the first pattern that matches the whole message, else null. */
export function matchMessage(t: Translate, patterns: MessagePattern[], message: string): string | null {
  for (const [re, key, names] of patterns) {
    const m = re.exec(message);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = m[i + 1] ?? ''));
    // An error code with a wording of its own (err.fs.ENOENT) is said that way, else by the general key.
    return vars.code ? translateOr(t, `${key}.${vars.code}`, t(key, vars), vars) : t(key, vars);
  }
  return null;
}

/** Messages of the export and licence screens. */
const PATTERNS: MessagePattern[] = [
  // Node's file-system errors: "ENOTDIR: not a directory, mkdir '/data/x'".
  [/^(ENOENT|ENOTDIR|EACCES|EPERM|EEXIST|EISDIR|ENOSPC|EROFS): [^,]+, \w+ '(.+)'$/, 'err.fs', ['code', 'path']],
  [/^not an SPDX expression or known licence name: "(.*)"$/, 'err.notSpdx', ['text']],
  [/^(.+) holds an export made with other options or from another state of the corpus; choose an empty folder or delete it first$/, 'err.exportOther', ['path']],
  [/^(.+) is not empty and holds no Kurasi export; choose an empty or new folder$/, 'err.exportNotEmpty', ['path']],
  [/^metadata field '(.+)' clashes with a record field$/, 'err.metaClash', ['field']],
];

export function describeEngineMessage(t: Translate, message: string): string {
  return matchMessage(t, PATTERNS, message) ?? message;
}

import { translateOr, type Translate } from './index';

/**
 * The engine writes its messages in English (the CLI prints them as they are). Those a user meets in the app are
 * shown in the UI language by pattern, their paths and values kept; anything else unchanged.
 * A pattern: the message, the translation key, the names of its capture groups as the key's variables, and
 * optionally, per variable, a key prefix that names its values (a review state `cleared` → `lic.state.cleared`;
 * a value without a translation is kept as it came).
 */
export type MessagePattern = [RegExp, string, string[], Record<string, string>?];

/** The translation of the first pattern that matches the whole message, else null. */
export function matchMessage(t: Translate, patterns: MessagePattern[], message: string): string | null {
  for (const [re, key, names, valueKeys] of patterns) {
    const m = re.exec(message);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => {
      const v = m[i + 1] ?? '';
      const prefix = valueKeys?.[name];
      vars[name] = prefix && v ? translateOr(t, `${prefix}.${v}`, v) : v;
    });
    // An error code with a wording of its own (err.fs.ENOENT) is said that way, else by the general key.
    return vars.code ? translateOr(t, `${key}.${vars.code}`, t(key, vars), vars) : t(key, vars);
  }
  return null;
}

/**
 * Refusals of the engine's other features that reach the app (electron/engine: errors.ts notFound, jobs, undo,
 * dedupe, labels, licences, personal data, the API's input check). Messages about the program itself (a worker
 * not built, a migration out of order) stay in English: they are for a developer.
 */
const ENGINE_PATTERNS: MessagePattern[] = [
  // The more specific "evidence file … not found" before the general "<thing> <id> not found".
  [/^evidence file (.+) not found$/, 'err.lic.evidenceMissing', ['path']],
  [/^(document|job|source|evidence|cluster|span) '?(.+?)'? not found$/, 'err.notFound', ['code', 'id']],
  [/^cancelled by the user$/, 'err.cancelled', []],
  [/^the corpus is closing$/, 'err.closing', []],
  [/^invalid input for (\S+)$/, 'err.badInput', ['method']],
  [/^job (\d+) is ([a-z]+); only interrupted, cancelled or failed jobs can be resumed$/, 'err.jobs.notResumable', ['id', 'state'], { state: 'jobs.state' }],
  [/^job (\d+) was superseded by job (\d+), a later (\S+) run that finished; there is nothing to resume$/, 'err.jobs.superseded', ['id', 'later', 'kind'], { kind: 'jobs.kind' }],
  // Undo and redo that would overwrite a later change.
  [/^the label '(.+)' on document (\d+) changed since; nothing was undone$/, 'err.undo.label', ['question', 'doc']],
  [/^the span on document (\d+) changed since; nothing was undone$/, 'err.undo.span', ['doc']],
  [/^the licence of (source|document) (\d+) was changed since; nothing was undone$/, 'err.undo.licence', ['code', 'id']],
  [/^source (\d+) has had documents imported or removed since it was cleared; nothing was undone$/, 'err.undo.licenceDocuments', ['id']],
  [/^the (\S+) finding on document (\d+) was decided again since; nothing was undone$/, 'err.undo.pii', ['type', 'doc'], { type: 'piitype' }],
  [/^these duplicate clusters changed since \(another decision or a new dedupe run\); nothing was undone$/, 'err.undo.dedupe', []],
  [/^a newer dedupe run reused these cluster ids; nothing was redone$/, 'err.redo.dedupe', []],
  [/^no undo is registered for '(.+)' actions$/, 'err.undo.none', ['action']],
  // Merging and splitting duplicate clusters.
  [/^run dedupe before merging or splitting clusters$/, 'err.dedupe.notRun', []],
  [/^(?:merge|split): every document must be in a duplicate cluster$/, 'err.dedupe.notInCluster', []],
  [/^split: the documents must come from one cluster$/, 'err.dedupe.splitOne', []],
  [/^split: leave at least one document in the cluster$/, 'err.dedupe.splitLeave', []],
  [/^merge: give documents from at least two clusters$/, 'err.dedupe.mergeTwo', []],
  // Labels, spans and adjudication.
  [/^annotator name is empty$/, 'err.labels.noName', []],
  [/^an adjudication needs a reason$/, 'err.labels.noReason', []],
  [/^unknown question '(.+)'$/, 'err.labels.unknownQuestion', ['question']],
  [/^'(.+)' is not a span question$/, 'err.labels.notSpan', ['question']],
  [/^'(.+)' is not a label of '(.+)'$/, 'err.labels.notLabel', ['label', 'question']],
  [/^a span must end after it starts$/, 'err.labels.spanOrder', []],
  [/^span ends at (\d+), the document has (\d+) characters$/, 'err.labels.spanEnd', ['end', 'chars']],
  [/^span (\d+) belongs to (.+)$/, 'err.labels.spanOwner', ['id', 'who']],
  // Personal data.
  [/^span (\d+)–(\d+) is outside the document$/, 'err.pii.spanOutside', ['start', 'end']],
  // Licence review: a guessed licence, evidence, review-state rules (a bulk decision names the source first).
  [/^"(.*)" is not a known licence; did you mean (.+)\?$/, 'err.lic.guess', ['text', 'spdx']],
  [/^evidence needs a URL, a file or a note$/, 'err.lic.evidenceEmpty', []],
  [/^evidence file (.+) is larger than 25 MB$/, 'err.lic.evidenceTooBig', ['path']],
  [/^evidence file is larger than 25 MB$/, 'err.lic.evidenceTooBigUpload', []],
  [/^evidence (\d+) was already removed$/, 'err.lic.evidenceRemoved', ['id']],
  [/^(.+?: )?already ([a-z-]+)$/, 'err.lic.sameState', ['source', 'state'], { state: 'lic.state' }],
  [/^(.+?: )?cannot go from ([a-z-]+) to ([a-z-]+)$/, 'err.lic.notAllowed', ['source', 'from', 'to'], { from: 'lic.state', to: 'lic.state' }],
  [/^(.+?: )?a source can only be cleared with a concluded SPDX licence$/, 'err.lic.needsLicence', ['source']],
  [/^(.+?: )?changing a decision from ([a-z-]+) to ([a-z-]+) needs a note$/, 'err.lic.needsNote', ['source', 'from', 'to'], { from: 'lic.state', to: 'lic.state' }],
];

/** Messages of the export and licence screens, and the engine's refusals elsewhere in the app. */
const PATTERNS: MessagePattern[] = [
  // Node's file-system errors: "ENOTDIR: not a directory, mkdir '/data/x'".
  [/^(ENOENT|ENOTDIR|EACCES|EPERM|EEXIST|EISDIR|ENOSPC|EROFS): [^,]+, \w+ '(.+)'$/, 'err.fs', ['code', 'path']],
  [/^not an SPDX expression or known licence name: "(.*)"$/, 'err.notSpdx', ['text']],
  [/^(.+) holds an export made with other options or from another state of the corpus; choose an empty folder or delete it first$/, 'err.exportOther', ['path']],
  [/^(.+) is not empty and holds no Kurasi export; choose an empty or new folder$/, 'err.exportNotEmpty', ['path']],
  [/^metadata field '(.+)' clashes with a record field$/, 'err.metaClash', ['field']],
  [/^this corpus has no labels yet; remove --label$/, 'err.export.noLabels', []],
  [/^licence decisions changed while exporting \((.+)\); the export was stopped and its files removed$/, 'err.export.revoked', ['what']],
  [/^no documents have language (\S+); known: (.+)$/, 'exp.warn.noSuchLang', ['code', 'known']],
  ...ENGINE_PATTERNS,
];

export function describeEngineMessage(t: Translate, message: string): string {
  return matchMessage(t, PATTERNS, message) ?? message;
}

/** An error caught from an API call, in the UI language when its message is one the engine is known to say. */
export function describeEngineError(t: Translate, e: unknown): string {
  return describeEngineMessage(t, e instanceof Error ? e.message : String(e));
}

// One audit entry of a licence decision as a line of text: what changed, in the screen's words.
import { translateOr, type Translate } from '../../i18n';

/** The decision's fields by their names on this screen; fields not listed (ids, times, job ids) are not shown. */
const FIELD_LABEL: Record<string, string> = {
  concludedLicense: 'lic.col.concluded',
  declaredLicense: 'lic.col.declared',
  reviewState: 'lic.col.state',
  reviewer: 'lic.col.reviewer',
  termsUrl: 'lic.det.terms',
  tdm: 'lic.det.tdm',
  robots: 'lic.det.robots',
};

/** Undo and redo entries keep the decision under `state`, by the undo stack's names. */
const UNDO_FIELD: Record<string, string> = {
  declared: 'declaredLicense',
  concluded: 'concludedLicense',
  state: 'reviewState',
  reviewer: 'reviewer',
  termsUrl: 'termsUrl',
  tdm: 'tdm',
  robots: 'robots',
};

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function fromUndo(v: unknown): Record<string, unknown> {
  const inner = record(record(v).state);
  return Object.fromEntries(Object.entries(inner).flatMap(([k, x]) => (UNDO_FIELD[k] ? [[UNDO_FIELD[k], x]] : [])));
}

/** "(State: Cleared → Stale)" for the fields an entry changed; for evidence, which URL or file it was. */
export function describeEntry(t: Translate, h: { action: string; before: unknown; after: unknown }): string {
  if (h.action.startsWith('license.evidence.')) {
    const a = record(h.after);
    const what = [a.url, a.fileName].find((v): v is string => typeof v === 'string' && v !== '');
    return what ? `: ${what}` : '';
  }
  const undo = h.action === 'license.undo' || h.action === 'license.redo';
  const b = undo ? fromUndo(h.before) : record(h.before);
  const a = undo ? fromUndo(h.after) : record(h.after);
  const value = (k: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (k === 'reviewState' && typeof v === 'string') return translateOr(t, `lic.state.${v}`, v);
    return String(v);
  };
  const parts = Object.keys(a)
    .filter((k) => FIELD_LABEL[k] && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${t(FIELD_LABEL[k]!)}: ${value(k, b[k])} → ${value(k, a[k])}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

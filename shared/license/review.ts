// The review of a source's licence: unreviewed → in review → needs discussion → cleared | rejected,
// and `stale` when a cleared decision's licence or evidence changes underneath it.
import { NOASSERTION, NONE } from './spdx';
import { isValidLicenseExpression, resolveLicense } from './resolve';

export const REVIEW_STATES = ['unreviewed', 'in-review', 'needs-discussion', 'cleared', 'rejected', 'stale'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** States a person may choose; `stale` is only ever set by Kurasi. */
export const SETTABLE_REVIEW_STATES = ['unreviewed', 'in-review', 'needs-discussion', 'cleared', 'rejected'] as const;
export type SettableReviewState = (typeof SETTABLE_REVIEW_STATES)[number];

export function isReviewState(s: string): s is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(s);
}

const allowed: Record<ReviewState, readonly SettableReviewState[]> = {
  unreviewed: ['in-review', 'needs-discussion', 'cleared', 'rejected'],
  'in-review': ['unreviewed', 'needs-discussion', 'cleared', 'rejected'],
  'needs-discussion': ['in-review', 'cleared', 'rejected'],
  cleared: ['in-review', 'needs-discussion', 'rejected'],
  rejected: ['in-review', 'needs-discussion', 'cleared'],
  stale: ['in-review', 'needs-discussion', 'cleared', 'rejected'],
};

export function allowedTransitions(from: ReviewState): readonly SettableReviewState[] {
  return allowed[from];
}

export interface TransitionContext {
  /** The concluded licence the source will have after this change. */
  concludedLicense: string | null;
  note?: string | null;
}

export type TransitionCheck = { ok: true } | { ok: false; code: 'same-state' | 'not-allowed' | 'needs-licence' | 'needs-note'; message: string };

/**
 * May a source go from `from` to `to`? Clearing needs a concluded licence that is a real SPDX expression
 * (not NOASSERTION/NONE, not a guess); overturning a final decision (cleared ↔ rejected) needs a note.
 */
export function checkTransition(from: ReviewState, to: ReviewState, ctx: TransitionContext): TransitionCheck {
  if (from === to) return { ok: false, code: 'same-state', message: `already ${to}` };
  if (to === 'stale' || !allowed[from].includes(to)) {
    return { ok: false, code: 'not-allowed', message: `cannot go from ${from} to ${to}` };
  }
  if (to === 'cleared') {
    const lic = ctx.concludedLicense?.trim() ?? '';
    const spdx = lic ? resolveLicense(lic).spdx : null;
    if (!lic || !isValidLicenseExpression(lic) || spdx === NOASSERTION || spdx === NONE) {
      return { ok: false, code: 'needs-licence', message: 'a source can only be cleared with a concluded SPDX licence' };
    }
  }
  const overturn = (from === 'cleared' && to === 'rejected') || (from === 'rejected' && to === 'cleared');
  if (overturn && !ctx.note?.trim()) {
    return { ok: false, code: 'needs-note', message: `changing a decision from ${from} to ${to} needs a note` };
  }
  return { ok: true };
}

/** The state after the licence or evidence changed: a cleared decision no longer covers the new facts. */
export function stateAfterChange(state: ReviewState): ReviewState {
  return state === 'cleared' ? 'stale' : state;
}

/** Evidence or licence changed in a way that matters (same value written again does not count). */
export function licenceChanged(before: string | null | undefined, after: string | null | undefined): boolean {
  const norm = (v: string | null | undefined) => {
    if (!v?.trim()) return null;
    const r = resolveLicense(v);
    return r.ok ? r.spdx : v.trim();
  };
  return norm(before) !== norm(after);
}

import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../../../shared/license';
import { REVIEW_STATES, checkTransition, isExportable, licenceChanged, stateAfterChange } from '../../../shared/license';

describe('review state machine', () => {
  const lic = { concludedLicense: 'CC-BY-SA-4.0' };
  it('walks unreviewed → in review → needs discussion → cleared', () => {
    expect(checkTransition('unreviewed', 'in-review', lic).ok).toBe(true);
    expect(checkTransition('in-review', 'needs-discussion', lic).ok).toBe(true);
    expect(checkTransition('needs-discussion', 'cleared', lic).ok).toBe(true);
    expect(checkTransition('needs-discussion', 'rejected', lic).ok).toBe(true);
  });

  it('lets a data lead decide directly', () => {
    expect(checkTransition('unreviewed', 'cleared', lic).ok).toBe(true);
    expect(checkTransition('unreviewed', 'rejected', { concludedLicense: null }).ok).toBe(true);
  });

  it('never lets a person set stale, or move to the same state', () => {
    for (const from of REVIEW_STATES) {
      const r = checkTransition(from, 'stale', lic);
      expect(r.ok).toBe(false);
    }
    const same = checkTransition('cleared', 'cleared', lic);
    expect(!same.ok && same.code).toBe('same-state');
  });

  it('refuses to clear without a real concluded licence', () => {
    for (const concludedLicense of [null, '', 'NOASSERTION', 'unknown', 'GPL', 'nonsense']) {
      const r = checkTransition('in-review', 'cleared', { concludedLicense });
      expect(!r.ok && r.code, String(concludedLicense)).toBe('needs-licence');
    }
    expect(checkTransition('in-review', 'cleared', { concludedLicense: 'LicenseRef-written-permission' }).ok).toBe(true);
  });

  it('needs a note to overturn a decision', () => {
    const r = checkTransition('cleared', 'rejected', lic);
    expect(!r.ok && r.code).toBe('needs-note');
    expect(checkTransition('cleared', 'rejected', { ...lic, note: 'terms changed in 2025' }).ok).toBe(true);
    expect(checkTransition('rejected', 'cleared', { ...lic, note: 'written permission received' }).ok).toBe(true);
  });

  it('does not allow going back to unreviewed after discussion started', () => {
    const r = checkTransition('needs-discussion', 'unreviewed', lic);
    expect(!r.ok && r.code).toBe('not-allowed');
  });

  it('turns only cleared decisions stale when licence or evidence changes', () => {
    const after = Object.fromEntries(REVIEW_STATES.map((s) => [s, stateAfterChange(s)]));
    expect(after).toEqual({
      unreviewed: 'unreviewed',
      'in-review': 'in-review',
      'needs-discussion': 'needs-discussion',
      cleared: 'stale',
      rejected: 'rejected',
      stale: 'stale',
    } satisfies Record<ReviewState, ReviewState>);
    expect(checkTransition('stale', 'cleared', lic).ok).toBe(true);
  });

  it('treats spellings of the same licence as no change', () => {
    expect(licenceChanged('CC BY-SA 4.0', 'cc-by-sa-4.0')).toBe(false);
    expect(licenceChanged('CC-BY-SA-4.0', 'CC-BY-4.0')).toBe(true);
    expect(licenceChanged(null, 'MIT')).toBe(true);
    expect(licenceChanged(null, '  ')).toBe(false);
  });
});

describe('isExportable', () => {
  const cleared = { reviewState: 'cleared' as const, concludedLicense: 'CC-BY-SA-4.0' };
  it('passes a cleared source', () => {
    const d = isExportable(cleared);
    expect(d.exportable).toBe(true);
    expect(d.shardKey).toBe('commercial_sa-cc-by-sa-4.0');
  });

  it('refuses uncleared and stale sources unless overridden with a reason', () => {
    for (const reviewState of ['unreviewed', 'in-review', 'needs-discussion', 'stale'] as const) {
      const d = isExportable({ ...cleared, reviewState });
      expect(d.exportable, reviewState).toBe(false);
      const o = isExportable({ ...cleared, reviewState }, { override: { reason: 'pilot run, legal ok by mail' } });
      expect(o.exportable).toBe(true);
      expect(o.overridden).toBe(true);
      expect(o.warnings.length).toBeGreaterThan(0);
      expect(isExportable({ ...cleared, reviewState }, { override: { reason: '  ' } }).exportable).toBe(false);
    }
  });

  it('never passes a rejected source, even overridden', () => {
    const d = isExportable({ ...cleared, reviewState: 'rejected' }, { override: { reason: 'please' } });
    expect(d.exportable).toBe(false);
    expect(d.refused).toContain('rejected');
  });

  it('requires commercial use when asked; unknown is never commercial', () => {
    expect(isExportable(cleared, { require: 'commercial' }).exportable).toBe(true);
    const nc = isExportable({ ...cleared, concludedLicense: 'CC-BY-NC-4.0' }, { require: 'commercial' });
    expect(nc.refused).toEqual(['not-commercial']);
    const ref = isExportable({ ...cleared, concludedLicense: 'LicenseRef-site-terms' }, { require: 'commercial' });
    expect(ref.refused).toEqual(['unknown-use']);
    const over = isExportable({ ...cleared, reviewState: 'unreviewed', concludedLicense: null }, { require: 'commercial', override: { reason: 'x' } });
    expect(over.exportable).toBe(false);
  });

  it('leaves no-derivatives documents out of exports that change text', () => {
    const nd = { ...cleared, concludedLicense: 'CC-BY-ND-4.0' };
    expect(isExportable(nd).exportable).toBe(true);
    expect(isExportable(nd, { changesText: true }).refused).toEqual(['no-derivatives']);
  });

  it('uses a document licence over the source licence', () => {
    const d = isExportable(cleared, { documentLicense: 'CC-BY-NC-ND-4.0', require: 'commercial' });
    expect(d.refused).toEqual(['not-commercial']);
  });

  it('refuses a TDM reservation (overridable) and warns about robots.txt', () => {
    expect(isExportable({ ...cleared, tdm: 'reserved' }).refused).toEqual(['tdm-reserved']);
    expect(isExportable({ ...cleared, tdm: 'permitted' }).exportable).toBe(true);
    const r = isExportable({ ...cleared, robots: 'disallowed' });
    expect(r.exportable).toBe(true);
    expect(r.warnings).toEqual(['robots-disallowed']);
  });

  it('refuses a document under two share-alike families', () => {
    expect(isExportable({ ...cleared, concludedLicense: 'CC-BY-SA-4.0 AND ODbL-1.0' }).refused).toEqual(['licence-conflict']);
  });
});

import { describe, expect, it } from 'vitest';
import type { UseClass } from '../../../shared/license';
import { combineLicenses, licenseFlags, shardKey } from '../../../shared/license';

// expression → use, attribution, share-alike family, no-derivatives.
const table: Array<[string | null, UseClass, boolean, string | null, boolean]> = [
  ['CC-BY-4.0', 'commercial', true, null, false],
  ['CC-BY-SA-4.0', 'commercial', true, 'CC-BY-SA-4.0', false],
  ['CC BY-SA 3.0', 'commercial', true, 'CC-BY-SA-3.0', false],
  ['CC-BY-ND-4.0', 'commercial', true, null, true],
  ['CC-BY-NC-4.0', 'non-commercial', true, null, false],
  ['CC-BY-NC-SA-4.0', 'non-commercial', true, 'CC-BY-NC-SA-4.0', false],
  ['CC-BY-NC-ND-4.0', 'non-commercial', true, null, true],
  ['CC0-1.0', 'commercial', false, null, false],
  ['public domain', 'commercial', false, null, false],
  ['odc-by', 'commercial', true, null, false],
  ['odbl', 'commercial', true, 'ODbL-1.0', false],
  ['Apache-2.0', 'commercial', true, null, false],
  ['GPL-3.0-or-later', 'commercial', true, 'GPL-3.0', false],
  ['fair-noncommercial-research-license', 'research-only', true, null, false],
  ['unknown', 'unknown', true, null, false],
  ['other', 'unknown', true, null, false],
  [null, 'unknown', true, null, false],
  ['GPL', 'unknown', true, null, false], // a guess is not trusted
  ['LicenseRef-kompas-terms', 'unknown', true, null, false],
  // OR: the licensee picks the least restrictive branch.
  ['CC-BY-NC-4.0 OR CC-BY-SA-4.0', 'commercial', true, 'CC-BY-SA-4.0', false],
  ['MIT OR GPL-3.0-only', 'commercial', true, null, false],
  ['CC-BY-NC-4.0 OR LicenseRef-x', 'non-commercial', true, null, false],
  // AND: every term applies.
  ['MIT AND CC-BY-NC-4.0', 'non-commercial', true, null, false],
  ['CC0-1.0 AND CC-BY-ND-4.0', 'commercial', true, null, true],
  ['CC-BY-4.0 AND LicenseRef-x', 'unknown', true, null, false],
];

describe('licenseFlags', () => {
  it.each(table)('%s → %s', (expr, use, attribution, shareAlike, nd) => {
    const f = licenseFlags(expr);
    expect({ use: f.use, attribution: f.attribution, shareAlike: f.shareAlike, nd: f.noDerivatives }).toEqual({
      use,
      attribution,
      shareAlike,
      nd,
    });
  });

  it('lists ids it cannot classify, and uses reviewer-declared flags for LicenseRefs', () => {
    expect(licenseFlags('LicenseRef-kompas-terms').unclassified).toEqual(['LicenseRef-kompas-terms']);
    const refs = {
      'LicenseRef-kompas-terms': { use: 'research-only' as const, attribution: true, shareAlike: null, noDerivatives: true },
    };
    const f = licenseFlags('LicenseRef-kompas-terms', refs);
    expect(f.use).toBe('research-only');
    expect(f.noDerivatives).toBe(true);
    expect(f.unclassified).toEqual([]);
  });

  it('reports two share-alike families joined by AND as a conflict', () => {
    const f = licenseFlags('CC-BY-SA-4.0 AND GPL-3.0-only');
    expect(f.shareAlike).toBe('CC-BY-SA-4.0+GPL-3.0');
    expect(f.conflicts).toHaveLength(1);
    expect(licenseFlags('GPL-3.0-only AND GPL-3.0-or-later').conflicts).toEqual([]);
  });

  it('records which licences apply after choosing OR branches', () => {
    expect(licenseFlags('(MIT OR GPL-3.0-only) AND CC-BY-4.0').licenses).toEqual(['CC-BY-4.0', 'MIT']);
  });
});

describe('combineLicenses', () => {
  // combination → use class and flags.
  const table: Array<[Array<string | null>, UseClass, boolean, string | null, boolean, string]> = [
    [['CC-BY-4.0', 'MIT'], 'commercial', true, null, false, 'CC-BY-4.0 AND MIT'],
    [['CC0-1.0', 'PDDL-1.0'], 'commercial', false, null, false, 'CC0-1.0 AND PDDL-1.0'],
    [['CC-BY-4.0', 'CC-BY-NC-4.0'], 'non-commercial', true, null, false, 'CC-BY-4.0 AND CC-BY-NC-4.0'],
    [['CC-BY-NC-4.0', 'fair-noncommercial-research-license'], 'research-only', true, null, false, 'CC-BY-NC-4.0 AND LicenseRef-HF-fair-noncommercial-research-license'],
    [['CC-BY-4.0', 'unknown'], 'unknown', true, null, false, 'NOASSERTION'],
    [['CC0-1.0', null], 'unknown', true, null, false, 'NOASSERTION'],
    [['CC-BY-SA-4.0', 'cc-by-sa-4.0', 'CC BY-SA 4.0', 'CC0-1.0'], 'commercial', true, 'CC-BY-SA-4.0', false, 'CC-BY-SA-4.0 AND CC0-1.0'],
    [['CC-BY-ND-4.0', 'CC-BY-4.0'], 'commercial', true, null, true, 'CC-BY-4.0 AND CC-BY-ND-4.0'],
    [['MIT OR GPL-2.0-only', 'CC-BY-4.0'], 'commercial', true, null, false, 'CC-BY-4.0 AND (MIT OR GPL-2.0-only)'],
    [[], 'unknown', false, null, false, 'NOASSERTION'],
  ];
  it.each(table)('%j → %s', (exprs, use, attribution, shareAlike, nd, expression) => {
    const c = combineLicenses(exprs);
    expect({ use: c.use, attribution: c.attribution, shareAlike: c.shareAlike, nd: c.noDerivatives, expression: c.expression }).toEqual({
      use,
      attribution,
      shareAlike,
      nd,
      expression,
    });
  });

  it('flags mixed share-alike families so the shard is split', () => {
    const c = combineLicenses(['CC-BY-SA-4.0', 'ODbL-1.0']);
    expect(c.conflicts.join(' ')).toMatch(/share-alike/);
    expect(combineLicenses(['CC-BY-SA-4.0', 'CC-BY-4.0']).conflicts).toEqual([]);
  });

  it('gives the same expression whatever the order', () => {
    expect(combineLicenses(['MIT', 'CC-BY-4.0', 'Apache-2.0']).expression).toBe(
      combineLicenses(['Apache-2.0', 'CC-BY-4.0', 'MIT', 'MIT']).expression,
    );
  });
});

describe('shardKey', () => {
  it('separates use classes, share-alike families and no-derivatives', () => {
    const keys = ['CC-BY-4.0', 'MIT', 'CC-BY-SA-4.0', 'CC-BY-SA-3.0', 'ODbL-1.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0', 'unknown'].map(
      (e) => shardKey(licenseFlags(e)),
    );
    expect(keys).toEqual([
      'commercial',
      'commercial',
      'commercial_sa-cc-by-sa-4.0',
      'commercial_sa-cc-by-sa-3.0',
      'commercial_sa-odbl-1.0',
      'non-commercial',
      'non-commercial_sa-cc-by-nc-sa-4.0',
      'commercial_nd',
      'unknown',
    ]);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9._-]+$/);
  });
});

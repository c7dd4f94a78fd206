import { describe, expect, it } from 'vitest';
import { huggingFaceLicenseId, isValidLicenseExpression, resolveLicense } from '../../../shared/license';

// alias → SPDX: the resolution table from issue 7, plus spellings seen on Indonesian sites.
const table: Array<[string, string, string]> = [
  ['CC-BY-SA-4.0', 'CC-BY-SA-4.0', 'spdx'],
  ['MIT', 'MIT', 'spdx'],
  ['MIT or Apache-2.0', 'MIT OR Apache-2.0', 'spdx'],
  ['mit or apache-2.0', 'MIT OR Apache-2.0', 'normalized'],
  ['(MIT OR GPL-3.0-only) AND CC-BY-SA-4.0', '(MIT OR GPL-3.0-only) AND CC-BY-SA-4.0', 'spdx'],
  ['LicenseRef-kompas-terms', 'LicenseRef-kompas-terms', 'spdx'],
  ['CC BY-SA 4.0', 'CC-BY-SA-4.0', 'alias'],
  ['CC BY 4.0', 'CC-BY-4.0', 'alias'],
  ['CC-BY 4.0', 'CC-BY-4.0', 'alias'],
  ['cc-by-sa-4.0', 'CC-BY-SA-4.0', 'normalized'],
  ['cc-by-nc-nd-4.0', 'CC-BY-NC-ND-4.0', 'normalized'],
  ['apache-2.0', 'Apache-2.0', 'normalized'],
  ['odc-by', 'ODC-By-1.0', 'alias'],
  ['odbl', 'ODbL-1.0', 'alias'],
  ['pddl', 'PDDL-1.0', 'alias'],
  ['other', 'LicenseRef-other', 'alias'],
  ['unknown', 'NOASSERTION', 'alias'],
  ['gpl-3.0', 'GPL-3.0-only', 'alias'],
  ['fair-noncommercial-research-license', 'LicenseRef-HF-fair-noncommercial-research-license', 'alias'],
  ['Creative Commons Attribution Share Alike 4.0 (cc-by-sa-4.0)', 'CC-BY-SA-4.0', 'alias'],
  ['Creative Commons Attribution Non Commercial Share Alike 4.0 (cc-by-nc-sa-4.0)', 'CC-BY-NC-SA-4.0', 'alias'],
  ['Creative Commons Zero v1.0 Universal (cc0-1.0)', 'CC0-1.0', 'alias'],
  ['Apache license 2.0 (apache-2.0)', 'Apache-2.0', 'alias'],
  ['Unknown (unknown)', 'NOASSERTION', 'alias'],
  ['Other (other)', 'LicenseRef-other', 'alias'],
  ['Creative Commons Attribution Share Alike 4.0', 'CC-BY-SA-4.0', 'alias'],
  ['Creative Commons Attribution 4.0 International', 'CC-BY-4.0', 'alias'],
  ['CC BY-NC-ND 3.0 IGO', 'CC-BY-NC-ND-3.0-IGO', 'alias'],
  ['Lisensi Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional', 'CC-BY-SA-4.0', 'alias'],
  ['CC BY-NC-SA 4.0 Internasional', 'CC-BY-NC-SA-4.0', 'alias'],
  ['Atribusi-NonKomersial-TanpaTurunan 4.0 Internasional (CC BY-NC-ND 4.0)', 'CC-BY-NC-ND-4.0', 'alias'],
  ['public domain', 'CC-PDM-1.0', 'alias'],
  ['Domain Publik', 'CC-PDM-1.0', 'alias'],
  ['CC0', 'CC0-1.0', 'alias'],
  ['Apache License, Version 2.0', 'Apache-2.0', 'alias'],
  ['licenseref-site-terms AND cc-by-4.0', 'LicenseRef-site-terms AND CC-BY-4.0', 'normalized'],
  ['noassertion', 'NOASSERTION', 'normalized'],
  ['NONE', 'NONE', 'spdx'],
];

describe('resolveLicense', () => {
  it.each(table)('%s → %s (%s)', (input, spdx, via) => {
    const r = resolveLicense(input);
    expect(r.ok).toBe(true);
    expect(r.spdx).toBe(spdx);
    expect(r.via).toBe(via);
  });

  it('marks spdx-correct guesses and does not accept them as a concluded licence', () => {
    const r = resolveLicense('GPL');
    expect(r.ok && r.via).toBe('guess');
    expect(r.warnings.join(' ')).toMatch(/guess/);
    expect(isValidLicenseExpression('GPL')).toBe(false);
    expect(isValidLicenseExpression('CC BY-SA 4.0')).toBe(true);
  });

  it('rejects text that is no licence', () => {
    for (const bad of ['', '   ', 'blah blah', 'Creative Commons Attribution']) {
      const r = resolveLicense(bad);
      expect(r.ok, bad).toBe(false);
    }
    // Broken expressions are at best a guess, never a valid concluded licence.
    expect(isValidLicenseExpression('MIT AND')).toBe(false);
  });

  it('warns about deprecated SPDX ids', () => {
    const r = resolveLicense('GPL-2.0');
    expect(r.ok).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/deprecated/);
  });

  it('gives the Hugging Face card id back', () => {
    expect(huggingFaceLicenseId('CC-BY-SA-4.0')).toBe('cc-by-sa-4.0');
    expect(huggingFaceLicenseId('ODC-By-1.0')).toBe('odc-by');
    expect(huggingFaceLicenseId('ODbL-1.0')).toBe('odbl');
    expect(huggingFaceLicenseId('NOASSERTION')).toBe('unknown');
    expect(huggingFaceLicenseId('LicenseRef-kompas-terms')).toBe('other');
    expect(huggingFaceLicenseId('MIT AND CC-BY-4.0')).toBe('other');
    expect(huggingFaceLicenseId('LicenseRef-HF-llama3')).toBe('llama3');
  });
});

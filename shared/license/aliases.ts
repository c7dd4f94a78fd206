// Common ways people write licences, mapped to SPDX. Keys are compared after `aliasKey` normalisation.
import { NOASSERTION } from './spdx';

/** Hugging Face `license:` ids that are not SPDX ids (the SPDX-shaped ones resolve case-insensitively). */
const huggingFace: Record<string, string> = {
  'odc-by': 'ODC-By-1.0',
  odbl: 'ODbL-1.0',
  pddl: 'PDDL-1.0',
  'c-uda': 'C-UDA-1.0',
  'lgpl-lr': 'LGPLLR',
  'gpl-2.0': 'GPL-2.0-only',
  'gpl-3.0': 'GPL-3.0-only',
  'lgpl-2.1': 'LGPL-2.1-only',
  'lgpl-3.0': 'LGPL-3.0-only',
  'agpl-3.0': 'AGPL-3.0-only',
  other: 'LicenseRef-other',
  unknown: NOASSERTION,
  // Model / research licences on the Hub with no SPDX id: kept as references so a reviewer must look at them.
  openrail: 'LicenseRef-HF-openrail',
  'openrail++': 'LicenseRef-HF-openrail-plus-plus',
  'bigscience-openrail-m': 'LicenseRef-HF-bigscience-openrail-m',
  'creativeml-openrail-m': 'LicenseRef-HF-creativeml-openrail-m',
  'bigscience-bloom-rail-1.0': 'LicenseRef-HF-bigscience-bloom-rail-1.0',
  'bigcode-openrail-m': 'LicenseRef-HF-bigcode-openrail-m',
  'deepfloyd-if-license': 'LicenseRef-HF-deepfloyd-if-license',
  'apple-ascl': 'LicenseRef-HF-apple-ascl',
  'openmdw-1.0': 'LicenseRef-HF-openmdw-1.0',
  llama2: 'LicenseRef-HF-llama2',
  llama3: 'LicenseRef-HF-llama3',
  'llama3.1': 'LicenseRef-HF-llama3.1',
  'llama3.2': 'LicenseRef-HF-llama3.2',
  'llama3.3': 'LicenseRef-HF-llama3.3',
  llama4: 'LicenseRef-HF-llama4',
  gemma: 'LicenseRef-HF-gemma',
  'h-research': 'LicenseRef-HF-h-research',
  'intel-research': 'LicenseRef-HF-intel-research',
  'apple-amlr': 'LicenseRef-HF-apple-amlr',
  'fair-noncommercial-research-license': 'LicenseRef-HF-fair-noncommercial-research-license',
};

/** Free-text spellings seen in dataset cards, catalogues and Indonesian sites. */
const freeText: Record<string, string> = {
  'public domain': 'CC-PDM-1.0',
  'domain publik': 'CC-PDM-1.0',
  'ranah publik': 'CC-PDM-1.0',
  'public domain mark 1.0': 'CC-PDM-1.0',
  cc0: 'CC0-1.0',
  'cc zero': 'CC0-1.0',
  'cc0 1.0 universal': 'CC0-1.0',
  'creative commons zero v1.0 universal': 'CC0-1.0',
  'creative commons zero 1.0': 'CC0-1.0',
  'mit license': 'MIT',
  'the mit license': 'MIT',
  'apache 2': 'Apache-2.0',
  'apache 2.0': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  'apache license, version 2.0': 'Apache-2.0',
  'apache license v2.0': 'Apache-2.0',
  'open data commons attribution license': 'ODC-By-1.0',
  'open data commons attribution license v1.0': 'ODC-By-1.0',
  'open data commons open database license': 'ODbL-1.0',
  'open database license': 'ODbL-1.0',
  'open database license v1.0': 'ODbL-1.0',
  'open data commons public domain dedication and license': 'PDDL-1.0',
  'gnu general public license v3.0': 'GPL-3.0-only',
  'gnu general public license v2.0': 'GPL-2.0-only',
  'gnu free documentation license v1.3': 'GFDL-1.3-only',
  'unknown license': NOASSERTION,
  'tidak diketahui': NOASSERTION,
  'lisensi tidak diketahui': NOASSERTION,
  'not specified': NOASSERTION,
  'lainnya': 'LicenseRef-other',
  'other license': 'LicenseRef-other',
};

export function aliasKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The SPDX expression an alias stands for, or null. */
export function lookupAlias(text: string): string | null {
  const key = aliasKey(text);
  return huggingFace[key] ?? freeText[key] ?? null;
}

/** Hugging Face ids for the card header, keyed by SPDX id (ids the Hub spells the same, lower-cased, are added on use). */
const spdxToHuggingFace: Record<string, string> = {
  'ODC-By-1.0': 'odc-by',
  'ODbL-1.0': 'odbl',
  'PDDL-1.0': 'pddl',
  'C-UDA-1.0': 'c-uda',
  'LGPLLR': 'lgpl-lr',
  'GPL-2.0-only': 'gpl-2.0',
  'GPL-2.0-or-later': 'gpl-2.0',
  'GPL-3.0-only': 'gpl-3.0',
  'GPL-3.0-or-later': 'gpl-3.0',
  'LGPL-2.1-only': 'lgpl-2.1',
  'LGPL-2.1-or-later': 'lgpl-2.1',
  'LGPL-3.0-only': 'lgpl-3.0',
  'LGPL-3.0-or-later': 'lgpl-3.0',
  'AGPL-3.0-only': 'agpl-3.0',
  'AGPL-3.0-or-later': 'agpl-3.0',
  [NOASSERTION]: 'unknown',
};
const huggingFaceSpdxShaped = new Set(
  ('apache-2.0 mit afl-3.0 artistic-2.0 bsl-1.0 bsd-2-clause bsd-3-clause bsd-3-clause-clear cc0-1.0 cc-by-2.0 cc-by-2.5 ' +
    'cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0 cc-by-nc-nd-3.0 ' +
    'cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0 cdla-permissive-1.0 ' +
    'cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2 isc lppl-1.3c ms-pl mpl-2.0 osl-3.0 ' +
    'postgresql ofl-1.1 ncsa unlicense zlib').split(' '),
);

/**
 * The Hugging Face dataset-card `license:` value for a canonical SPDX expression: the Hub's id when the
 * expression is one licence the Hub knows, `unknown` for NOASSERTION, otherwise `other`.
 */
export function huggingFaceLicenseId(expression: string): string {
  const mapped = spdxToHuggingFace[expression];
  if (mapped) return mapped;
  const hf = /^LicenseRef-HF-(.+)$/.exec(expression);
  if (hf?.[1]) {
    const id = hf[1] === 'openrail-plus-plus' ? 'openrail++' : hf[1];
    if (huggingFace[id]) return id;
  }
  const lower = expression.toLowerCase();
  return huggingFaceSpdxShaped.has(lower) ? lower : 'other';
}

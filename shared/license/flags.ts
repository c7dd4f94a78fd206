// What a licence lets a corpus do: use class, attribution, share-alike family, no-derivatives.
import type { SpdxNode } from './spdx';
import { NOASSERTION, NONE, formatExpression, tryParseExpression } from './spdx';
import { resolveLicense } from './resolve';

/** Ordered from least to most restrictive; `unknown` is the most restrictive and never commercial. */
export const USE_CLASSES = ['commercial', 'non-commercial', 'research-only', 'unknown'] as const;
export type UseClass = (typeof USE_CLASSES)[number];

export interface BasicFlags {
  use: UseClass;
  attribution: boolean;
  /** Share-alike family (e.g. "CC-BY-SA-4.0", "ODbL-1.0", "GPL-3.0"); several joined by "+" when ANDed; null if none. */
  shareAlike: string | null;
  noDerivatives: boolean;
}

export interface LicenseFlags extends BasicFlags {
  /** Canonical expression the flags were computed from; null when the input could not be resolved. */
  expression: string | null;
  /** Licence ids whose terms apply after choosing the most permissive branch of every OR. Sorted, unique. */
  licenses: string[];
  /** Ids Kurasi has no flags for (treated as use `unknown`): unclassified SPDX ids or undeclared LicenseRefs. */
  unclassified: string[];
  /** Incompatibilities inside the expression, e.g. two share-alike families joined by AND. */
  conflicts: string[];
}

/** Flags a reviewer declared for site terms and written permissions (`LicenseRef-…`), keyed by the full ref id. */
export type LicenseRefFlags = Record<string, BasicFlags>;

const attr = (use: UseClass, extra: Partial<BasicFlags> = {}): BasicFlags => ({
  use,
  attribution: true,
  shareAlike: null,
  noDerivatives: false,
  ...extra,
});
const SA = '*'; // placeholder: replaced with the licence's own family

// First match wins. Anything not listed is `unknown` until a reviewer says otherwise.
const rules: Array<[RegExp, BasicFlags]> = [
  [/^CC-BY-NC-ND-/, attr('non-commercial', { noDerivatives: true })],
  [/^CC-BY-NC-SA-/, attr('non-commercial', { shareAlike: SA })],
  [/^CC-BY-NC-/, attr('non-commercial')],
  [/^CC-BY-ND-/, attr('commercial', { noDerivatives: true })],
  [/^CC-BY-SA-/, attr('commercial', { shareAlike: SA })],
  [/^CC-BY-/, attr('commercial')],
  [/^CC-SA-/, attr('commercial', { attribution: false, shareAlike: SA })],
  [/^(CC0-1\.0|CC-PDDC|CC-PDM-1\.0|PDDL-1\.0|Unlicense|0BSD|MIT-0|WTFPL|DL-DE-ZERO-2\.0|NCBI-PD|ANTLR-PD)$/, attr('commercial', { attribution: false })],
  [/^(ODbL-|CDLA-Sharing-|GFDL-|GPL-|AGPL-|LGPL-|MPL-|EPL-|EUPL-|OSL-|CDDL-|MS-RL|OFL-|CECILL-(1|2|C))/, attr('commercial', { shareAlike: SA })],
  [/^(ODC-By-|OGL-|NLOD-|DL-DE-BY-|etalab-|OGDL-Taiwan-|CDLA-Permissive-|O-UDA-)/, attr('commercial')],
  [/^(NCGL-UK-|PolyForm-Noncommercial-)/, attr('non-commercial')],
  [/^(MIT|Apache-|BSD-|ISC|Zlib|BSL-1\.0|PostgreSQL|NCSA|Artistic-|AFL-|ECL-|MS-PL|X11|Python-|PSF-|Unicode-|W3C|JSON$|Beerware|LPPL-|CECILL-B|Libpng|libpng-|ICU$|IJG|HPND)/, attr('commercial')],
  // Hugging Face research licences (see aliases.ts).
  [/^LicenseRef-HF-(h-research|intel-research|apple-amlr|fair-noncommercial-research-license)$/, attr('research-only')],
];

const UNKNOWN: BasicFlags = { use: 'unknown', attribution: true, shareAlike: null, noDerivatives: false };

/** Family key of a share-alike licence: "GPL-3.0-or-later" and "GPL-3.0-only" and "GPL-3.0+" are one family. */
export function shareAlikeFamily(id: string): string {
  return id.replace(/\+$/, '').replace(/-(only|or-later)$/, '');
}

/** Flags of one licence id (no operators). `known` is false when the id fell through to `unknown`. */
export function idFlags(id: string, refs?: LicenseRefFlags): { flags: BasicFlags; known: boolean } {
  const base = id.replace(/\+$/, '');
  const declared = refs?.[base];
  if (declared) return { flags: declared, known: true };
  for (const [re, flags] of rules) {
    if (re.test(base)) {
      return { flags: flags.shareAlike === SA ? { ...flags, shareAlike: shareAlikeFamily(base) } : flags, known: true };
    }
  }
  return { flags: UNKNOWN, known: false };
}

const rank = (u: UseClass): number => USE_CLASSES.indexOf(u);

/** How restrictive a set of flags is, for picking an OR branch: use first, then ND, SA, attribution. */
function restrictiveness(f: BasicFlags): number {
  return rank(f.use) * 16 + (f.noDerivatives ? 8 : 0) + (f.shareAlike ? 4 : 0) + (f.attribution ? 2 : 0);
}

interface Walk extends BasicFlags {
  licenses: string[];
  unclassified: string[];
  conflicts: string[];
}

/** Both sets of terms apply: the most restrictive use wins; attribution, share-alike and ND carry over. */
export function andFlags<T extends BasicFlags>(a: T, b: BasicFlags): BasicFlags {
  const families = new Set<string>();
  for (const f of [a.shareAlike, b.shareAlike]) for (const part of f ? f.split('+') : []) families.add(part);
  return {
    use: rank(a.use) >= rank(b.use) ? a.use : b.use,
    attribution: a.attribution || b.attribution,
    shareAlike: families.size ? [...families].sort().join('+') : null,
    noDerivatives: a.noDerivatives || b.noDerivatives,
  };
}

function walk(node: SpdxNode, refs: LicenseRefFlags | undefined): Walk {
  if ('license' in node) {
    const { flags, known } = idFlags(node.license, refs);
    return { ...flags, licenses: [node.license], unclassified: known ? [] : [node.license], conflicts: [] };
  }
  const left = walk(node.left, refs);
  const right = walk(node.right, refs);
  if (node.conjunction === 'or') return restrictiveness(right) < restrictiveness(left) ? right : left;
  const merged = andFlags(left, right);
  const conflicts = [...left.conflicts, ...right.conflicts];
  if (left.shareAlike && right.shareAlike && left.shareAlike !== right.shareAlike) {
    conflicts.push(`share-alike ${left.shareAlike} AND ${right.shareAlike}`);
  }
  return {
    ...merged,
    licenses: [...left.licenses, ...right.licenses],
    unclassified: [...left.unclassified, ...right.unclassified],
    conflicts,
  };
}

const cache = new Map<string, LicenseFlags>();
// Answers that depend on declared LicenseRef flags are cached per refs object (one per load from the store).
const refCaches = new WeakMap<LicenseRefFlags, Map<string, LicenseFlags>>();

/**
 * Flags of a licence expression (any spelling `resolveLicense` accepts; guesses are not trusted and give
 * `unknown`). OR: the licensee may pick, so the least restrictive branch is used. AND: every term applies.
 * Null, NOASSERTION, NONE and unresolvable text are `unknown`. Memoised (per `refs` object when given:
 * do not mutate a refs object after passing it).
 */
export function licenseFlags(expr: string | null | undefined, refs?: LicenseRefFlags): LicenseFlags {
  const key = expr ?? '';
  let store = cache;
  if (refs && Object.keys(refs).length > 0) {
    store = refCaches.get(refs) ?? new Map<string, LicenseFlags>();
    refCaches.set(refs, store);
  }
  const hit = store.get(key);
  if (hit) return hit;
  const result = Object.freeze(computeFlags(expr, refs));
  if (store.size >= 10_000) store.clear();
  store.set(key, result);
  return result;
}

function computeFlags(expr: string | null | undefined, refs: LicenseRefFlags | undefined): LicenseFlags {
  const resolved = expr ? resolveLicense(expr) : null;
  if (!resolved || !resolved.ok || resolved.via === 'guess') {
    return { ...UNKNOWN, expression: null, licenses: [], unclassified: [], conflicts: [] };
  }
  const spdx = resolved.spdx;
  if (spdx === NOASSERTION || spdx === NONE) {
    return { ...UNKNOWN, expression: spdx, licenses: [], unclassified: [], conflicts: [] };
  }
  const node = tryParseExpression(spdx);
  if (!node) return { ...UNKNOWN, expression: null, licenses: [], unclassified: [], conflicts: [] };
  const w = walk(node, refs);
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return {
    use: w.use,
    attribution: w.attribution,
    shareAlike: w.shareAlike,
    noDerivatives: w.noDerivatives,
    expression: formatExpression(node),
    licenses: uniq(w.licenses),
    unclassified: uniq(w.unclassified),
    conflicts: w.conflicts,
  };
}

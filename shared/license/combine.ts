// The licence of a set of documents (a shard, an export) and the key that keeps incompatible ones apart.
import type { BasicFlags, LicenseFlags, LicenseRefFlags } from './flags';
import { andFlags, licenseFlags } from './flags';
import { NOASSERTION } from './spdx';

export interface CombinedLicense extends BasicFlags {
  /**
   * SPDX expression of the whole set: the distinct concluded expressions joined by AND (sorted, so the same
   * set always gives the same text); NOASSERTION when any member's licence is missing or unresolved.
   */
  expression: string;
  /** Distinct canonical member expressions, sorted. */
  parts: string[];
  /** Licence ids whose terms apply (OR branches already chosen), sorted, unique. */
  licenses: string[];
  /** Members with no usable licence (null, NOASSERTION, NONE, unresolvable, or a guess), as given. */
  unresolved: string[];
  unclassified: string[];
  /** Why this set must not be one shard, e.g. two share-alike families. Empty when it may. */
  conflicts: string[];
}

const EMPTY: BasicFlags = { use: 'commercial', attribution: false, shareAlike: null, noDerivatives: false };

/**
 * Combine many documents' (or sources') licences: the most restrictive use wins, unknown is never
 * commercial, attribution, share-alike and no-derivatives carry over. Duplicates cost nothing: pass one
 * expression per distinct licence when combining millions of documents.
 */
export function combineLicenses(exprs: Iterable<string | null | undefined>, refs?: LicenseRefFlags): CombinedLicense {
  let flags: BasicFlags = EMPTY;
  let any = false;
  const seen = new Set<string | null | undefined>();
  const parts = new Set<string>();
  const licenses = new Set<string>();
  const unclassified = new Set<string>();
  const unresolved: string[] = [];
  const conflicts = new Set<string>();
  for (const expr of exprs) {
    if (seen.has(expr)) continue;
    seen.add(expr);
    any = true;
    const f: LicenseFlags = licenseFlags(expr, refs);
    flags = andFlags(flags, f);
    if (!f.expression || f.expression === NOASSERTION || f.expression === 'NONE') unresolved.push(String(expr ?? ''));
    else parts.add(f.expression);
    for (const id of f.licenses) licenses.add(id);
    for (const id of f.unclassified) unclassified.add(id);
    for (const c of f.conflicts) conflicts.add(c);
  }
  if (!any) flags = { ...EMPTY, use: 'unknown' };
  if (flags.shareAlike?.includes('+')) conflicts.add(`share-alike families ${flags.shareAlike.split('+').join(', ')} in one set`);
  const sortedParts = [...parts].sort();
  return {
    ...flags,
    expression: unresolved.length || sortedParts.length === 0 ? NOASSERTION : sortedParts.map((p) => wrap(p, sortedParts.length)).join(' AND '),
    parts: sortedParts,
    licenses: [...licenses].sort(),
    unresolved: [...new Set(unresolved)].sort(),
    unclassified: [...unclassified].sort(),
    conflicts: [...conflicts].sort(),
  };
}

function wrap(expr: string, count: number): string {
  return count > 1 && / OR /.test(expr) ? `(${expr})` : expr;
}

/**
 * Filename-safe key of the shard a document may go into. Documents with different keys must never share a
 * shard: it separates use classes, share-alike families and no-derivatives material, e.g. `commercial`,
 * `commercial_sa-cc-by-sa-4.0`, `non-commercial_nd`, `unknown`.
 */
export function shardKey(flags: Pick<BasicFlags, 'use' | 'shareAlike' | 'noDerivatives'>): string {
  let key: string = flags.use;
  if (flags.shareAlike) key += `_sa-${flags.shareAlike.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`;
  if (flags.noDerivatives) key += '_nd';
  return key;
}

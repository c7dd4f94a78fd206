// SPDX expression parsing, canonical formatting and identifier lookup.
import parseSpdx from 'spdx-expression-parse';
import type { SpdxNode } from 'spdx-expression-parse';
// Imported by path, not by package name: the CLI bundle keeps bare imports external, and plain Node ESM
// refuses a JSON module without an import attribute (which esbuild drops). A path gets the list bundled.
import licenseIds from '../../node_modules/spdx-license-ids/index.json';
import deprecatedIds from '../../node_modules/spdx-license-ids/deprecated.json';

export type { SpdxNode };

/** SPDX's own words for "nobody said" and "no licence": valid as a whole licence field, never inside an expression. */
export const NOASSERTION = 'NOASSERTION';
export const NONE = 'NONE';

const current = new Set<string>(licenseIds);
const deprecated = new Set<string>(deprecatedIds);
const byLower = new Map<string, string>();
for (const id of [...licenseIds, ...deprecatedIds]) byLower.set(id.toLowerCase(), id);

export function isSpdxId(id: string): boolean {
  return current.has(id) || deprecated.has(id);
}
export function isDeprecatedSpdxId(id: string): boolean {
  return deprecated.has(id);
}
/** The SPDX id spelled with its official case, or null ('cc-by-sa-4.0' → 'CC-BY-SA-4.0'). */
export function canonicalSpdxId(id: string): string | null {
  return byLower.get(id.toLowerCase()) ?? null;
}
export function isLicenseRef(id: string): boolean {
  return /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

/** Parses a strict SPDX expression; throws on anything else. */
export function parseExpression(expr: string): SpdxNode {
  return parseSpdx(expr.trim());
}

export function tryParseExpression(expr: string): SpdxNode | null {
  try {
    return parseExpression(expr);
  } catch {
    return null;
  }
}

/** Canonical text of a parsed expression: upper-case operators, parentheses only where OR sits under AND. */
export function formatExpression(node: SpdxNode): string {
  if ('license' in node) {
    return node.license + (node.plus ? '+' : '') + (node.exception ? ` WITH ${node.exception}` : '');
  }
  const side = (child: SpdxNode): string => {
    const text = formatExpression(child);
    return node.conjunction === 'and' && 'conjunction' in child && child.conjunction === 'or' ? `(${text})` : text;
  };
  return `${side(node.left)} ${node.conjunction.toUpperCase()} ${side(node.right)}`;
}

/** Every licence id named in an expression (base ids, without `+` or exceptions), in order of appearance. */
export function expressionIds(node: SpdxNode): string[] {
  if ('license' in node) return [node.license];
  return [...expressionIds(node.left), ...expressionIds(node.right)];
}

// Turns whatever a source says about its licence into a canonical SPDX expression.
import correct from 'spdx-correct';
import { lookupAlias } from './aliases';
import { parseCreativeCommonsName } from './cc-names';
import {
  NOASSERTION,
  NONE,
  canonicalSpdxId,
  expressionIds,
  formatExpression,
  isDeprecatedSpdxId,
  tryParseExpression,
} from './spdx';

/**
 * How an input was understood:
 * - `spdx`: already a valid SPDX expression (only re-spaced / operators upper-cased);
 * - `normalized`: SPDX ids in the wrong case or Hugging Face ids inside an expression;
 * - `alias`: a known spelling (Hugging Face id, SEACrowd label, Creative Commons name in words, common free text);
 * - `guess`: spdx-correct's best guess: show it to a person, never store it as a concluded licence unasked.
 */
export type ResolutionVia = 'spdx' | 'normalized' | 'alias' | 'guess';

export type LicenseResolution =
  | { ok: true; input: string; spdx: string; via: ResolutionVia; warnings: string[] }
  | { ok: false; input: string; spdx: null; via: null; warnings: string[]; error: string };

const cache = new Map<string, LicenseResolution>();
const CACHE_LIMIT = 10_000;

/** Resolve a licence string to a canonical SPDX expression (or NOASSERTION / NONE). Pure and memoised. */
export function resolveLicense(input: string): LicenseResolution {
  const hit = cache.get(input);
  if (hit) return hit;
  const result = resolveUncached(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

/** True when `input` is acceptable as a concluded licence: resolved with certainty (not a guess). */
export function isValidLicenseExpression(input: string): boolean {
  const r = resolveLicense(input);
  return r.ok && r.via !== 'guess';
}

function resolveUncached(input: string): LicenseResolution {
  const text = input.trim();
  if (!text) return fail(input, 'empty licence');
  const special = text.toUpperCase();
  if (special === NOASSERTION || special === NONE) return done(input, special, special === text ? 'spdx' : 'normalized');

  const strict = canonical(text);
  if (strict) return done(input, strict, 'spdx');

  const alias = lookupAlias(text);
  if (alias) return done(input, alias, 'alias');

  // SEACrowd: "Creative Commons Attribution Share Alike 4.0 (cc-by-sa-4.0)": trust the id in brackets, then the name.
  const bracket = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(text);
  if (bracket?.[1] && bracket[2]) {
    for (const part of [bracket[2], bracket[1]]) {
      const inner = resolveUncached(part);
      if (inner.ok && inner.via !== 'guess') return done(input, inner.spdx, 'alias');
    }
  }

  const tokens = normalizeTokens(text);
  if (tokens) return done(input, tokens, 'normalized');

  const cc = parseCreativeCommonsName(text);
  if (cc) return done(input, cc, 'alias');

  const guessed = safeCorrect(text);
  if (guessed) return done(input, guessed, 'guess');
  return fail(input, `not an SPDX expression or known licence name: "${text}"`);
}

function canonical(expr: string): string | null {
  const node = tryParseExpression(expr);
  return node ? formatExpression(node) : null;
}

/** Fix case of SPDX ids and operators and map Hugging Face ids token by token: "cc-by-4.0 or mit". */
function normalizeTokens(text: string): string | null {
  const parts = text.split(/(\s+|\(|\))/).filter((p) => p && !/^\s+$/.test(p));
  if (parts.length === 0) return null;
  const out: string[] = [];
  let afterWith = false;
  for (const part of parts) {
    const upper = part.toUpperCase();
    if (part === '(' || part === ')') out.push(part);
    else if (upper === 'AND' || upper === 'OR' || upper === 'WITH') {
      out.push(upper);
      afterWith = upper === 'WITH';
      continue;
    } else if (afterWith) out.push(part);
    else {
      const plus = part.endsWith('+') ? '+' : '';
      const id = plus ? part.slice(0, -1) : part;
      const mapped = mapToken(id);
      if (!mapped) return null;
      out.push(mapped + plus);
    }
    afterWith = false;
  }
  return canonical(out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
}

function mapToken(id: string): string | null {
  const ref = /^licenseref-(.+)$/i.exec(id);
  if (ref) return `LicenseRef-${ref[1]}`;
  const alias = lookupAlias(id);
  if (alias && alias !== NOASSERTION) return alias;
  return canonicalSpdxId(id);
}

function safeCorrect(text: string): string | null {
  try {
    const guess = correct(text, { upgrade: true });
    return guess ? canonical(guess) : null;
  } catch {
    return null;
  }
}

function done(input: string, spdx: string, via: ResolutionVia): LicenseResolution {
  const warnings: string[] = [];
  if (via === 'guess') warnings.push(`guessed "${spdx}" from "${input.trim()}"; confirm before use`);
  const node = spdx === NOASSERTION || spdx === NONE ? null : tryParseExpression(spdx);
  if (node) {
    for (const id of expressionIds(node)) {
      if (isDeprecatedSpdxId(id)) warnings.push(`${id} is a deprecated SPDX id`);
    }
  }
  return { ok: true, input, spdx, via, warnings };
}

function fail(input: string, error: string): LicenseResolution {
  return { ok: false, input, spdx: null, via: null, warnings: [], error };
}

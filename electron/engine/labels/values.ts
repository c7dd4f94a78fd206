import type { LabelQuestion, LabelSchema, LabelValue } from '../../../shared/contract/labels';

/** Why a value does not fit its question, or null when it does. */
export function valueProblem(q: LabelQuestion, value: LabelValue): string | null {
  const allowed = new Set(q.options.map((o) => o.value));
  switch (q.kind) {
    case 'single':
      return typeof value === 'string' && allowed.has(value) ? null : `'${String(value)}' is not an option of '${q.key}'`;
    case 'multi':
      if (!Array.isArray(value) || value.length === 0) return `'${q.key}' takes a non-empty list of options`;
      for (const v of value) if (!allowed.has(v)) return `'${v}' is not an option of '${q.key}'`;
      return null;
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? null : `'${q.key}' takes a rating from 1 to 5`;
    case 'note':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 10_000 ? null : `'${q.key}' takes a note of 1 to 10000 characters`;
    case 'span':
      return `'${q.key}' is a span question: add spans, not a document value`;
  }
}

/** The stored form: multi-choice answers are sorted and unique so equal answers compare equal. */
export function canonicalValue(q: LabelQuestion, value: LabelValue): LabelValue {
  if (q.kind === 'multi' && Array.isArray(value)) return [...new Set(value)].sort();
  if (q.kind === 'note' && typeof value === 'string') return value.trim();
  return value;
}

export function findQuestion(schema: LabelSchema, key: string): LabelQuestion | undefined {
  return schema.questions.find((q) => q.key === key);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

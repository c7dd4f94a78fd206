import type { LabelSchema } from '../../../../shared/contract/labels';
import type { Lang } from '../../i18n';
import { formatValue } from './keys';

/**
 * What people read instead of the schema's internal keys: a question's title ("Alasan dibuang" for
 * `drop_reason`) and an option's title ("Buang" for `drop`), in the UI language. A key the schema does not know
 * (the schema changed since, or no schema yet) is shown as it is.
 */
export interface LabelNames {
  question(key: string): string;
  value(question: string, value: unknown): string;
}

export function labelNames(schema: LabelSchema | null, lang: Lang): LabelNames {
  const pick = (t: { id: string; en: string }) => (lang === 'en' ? t.en : t.id);
  const find = (key: string) => schema?.questions.find((q) => q.key === key);
  const option = (question: string, v: unknown): string => {
    const o = find(question)?.options.find((x) => x.value === v);
    return o ? pick(o.title) : formatValue(v);
  };
  return {
    question: (key) => {
      const q = find(key);
      return q ? pick(q.title) : key;
    },
    value: (question, v) => (Array.isArray(v) ? v.map((x) => option(question, x)).join(', ') : option(question, v)),
  };
}

/** Keys as they are, for views with no schema at hand. */
export const rawNames: LabelNames = { question: (key) => key, value: (_q, v) => formatValue(v) };

import type { DocumentLabels, LabelQuestion, LabelSchema, LabelValue } from '../../../../shared/contract/labels';

export type KeyAction =
  | { kind: 'submit' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'skip' }
  /** Set answers in order (a reason key also answers the question it depends on; changing that clears dependants). */
  | { kind: 'set'; steps: { question: string; value: LabelValue | null }[] }
  | { kind: 'span'; question: string; label: string };

export function ownValue(labels: DocumentLabels | null, question: string): LabelValue | undefined {
  return labels?.labels.find((l) => l.annotator === labels.annotator && l.question === question)?.value;
}

/** Whether a question is asked, given the annotator's current answers. */
export function isAsked(q: LabelQuestion, labels: DocumentLabels | null): boolean {
  return !q.when || ownValue(labels, q.when.question) === q.when.value;
}

/** Digits not taken by an option answer the first rating question. */
function ratingKey(schema: LabelSchema, key: string): { question: string; value: number } | null {
  if (!/^[1-5]$/.test(key)) return null;
  const taken = schema.questions.some((q) => q.options.some((o) => o.hotkey === key));
  const rating = schema.questions.find((q) => q.kind === 'rating');
  return !taken && rating ? { question: rating.key, value: Number(key) } : null;
}

/** What a key press means on the annotation screen, or null when it means nothing. */
export function keyAction(schema: LabelSchema, labels: DocumentLabels | null, key: string): KeyAction | null {
  if (key === 'Enter') return { kind: 'submit' };
  if (key === 'u') return { kind: 'undo' };
  if (key === 'U') return { kind: 'redo' };
  if (key === 's') return { kind: 'skip' };
  const k = key.toLowerCase();
  for (const q of schema.questions) {
    const opt = q.options.find((o) => o.hotkey === k);
    if (!opt) continue;
    if (q.kind === 'span') return { kind: 'span', question: q.key, label: opt.value };
    const steps: { question: string; value: LabelValue | null }[] = [];
    if (q.when && ownValue(labels, q.when.question) !== q.when.value) steps.push({ question: q.when.question, value: q.when.value });
    const current = ownValue(labels, q.key);
    if (q.kind === 'multi') {
      const set = new Set(Array.isArray(current) ? current : []);
      if (set.has(opt.value)) set.delete(opt.value);
      else set.add(opt.value);
      steps.push({ question: q.key, value: set.size ? [...set].sort() : null });
    } else {
      steps.push({ question: q.key, value: current === opt.value ? null : opt.value });
      // Answers that depended on the old answer no longer apply.
      for (const dep of schema.questions)
        if (dep.when?.question === q.key && dep.when.value !== opt.value && ownValue(labels, dep.key) !== undefined) steps.push({ question: dep.key, value: null });
    }
    return { kind: 'set', steps };
  }
  const r = ratingKey(schema, k);
  if (r) return { kind: 'set', steps: [{ question: r.question, value: ownValue(labels, r.question) === r.value ? null : r.value }] };
  return null;
}

/** Code-point offset of a UTF-16 index in text (spans are stored in code points). */
export function codePointOffset(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

/** UTF-16 index of a code-point offset. */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  let cp = 0;
  while (cp < codePoints && i < text.length) {
    const c = text.codePointAt(i) ?? 0;
    i += c > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

import { describe, expect, it } from 'vitest';
import { starterSchema } from '../../../electron/engine/labels/starter-schema';
import { codePointOffset, keyAction, utf16Offset } from '../../../renderer/src/features/annotate/keys';
import type { DocumentLabels, LabelValue } from '../../../shared/contract/labels';

function labels(answers: Record<string, LabelValue>): DocumentLabels {
  return {
    documentId: 1,
    annotator: 'ani',
    labels: Object.entries(answers).map(([question, value], i) => ({ id: i + 1, documentId: 1, annotator: 'ani', question, value, at: '2026-01-01T00:00:00Z' })),
    spans: [],
    adjudications: [],
    blind: false,
  };
}

describe('annotation keys', () => {
  it('maps Enter, u, s and one key per label of the starter schema', () => {
    expect(keyAction(starterSchema, null, 'Enter')).toEqual({ kind: 'submit' });
    expect(keyAction(starterSchema, null, 'u')).toEqual({ kind: 'undo' });
    expect(keyAction(starterSchema, null, 's')).toEqual({ kind: 'skip' });
    expect(keyAction(starterSchema, null, 'U')).toEqual({ kind: 'redo' });
    expect(keyAction(starterSchema, null, 'k')).toEqual({ kind: 'set', steps: [{ question: 'decision', value: 'keep' }] });
    expect(keyAction(starterSchema, null, 'x')).toBeNull();
  });

  it('a reason key also answers drop; keep clears the reason; pressing the same key again clears the answer', () => {
    expect(keyAction(starterSchema, labels({}), '3')).toEqual({
      kind: 'set',
      steps: [{ question: 'decision', value: 'drop' }, { question: 'drop_reason', value: 'duplicate' }],
    });
    expect(keyAction(starterSchema, labels({ decision: 'drop' }), '3')).toEqual({ kind: 'set', steps: [{ question: 'drop_reason', value: 'duplicate' }] });
    expect(keyAction(starterSchema, labels({ decision: 'drop', drop_reason: 'toxic' }), 'k')).toEqual({
      kind: 'set',
      steps: [{ question: 'decision', value: 'keep' }, { question: 'drop_reason', value: null }],
    });
    expect(keyAction(starterSchema, labels({ decision: 'keep' }), 'k')).toEqual({ kind: 'set', steps: [{ question: 'decision', value: null }] });
  });

  it('converts between UTF-16 indexes and code-point offsets (spans are in code points)', () => {
    const text = 'a😀b🇮🇩c';
    expect(codePointOffset(text, 3)).toBe(2); // after the emoji (2 UTF-16 units)
    expect(utf16Offset(text, 2)).toBe(3);
    for (let cp = 0; cp <= [...text].length; cp++) expect(codePointOffset(text, utf16Offset(text, cp))).toBe(cp);
  });
});

import { forwardRef } from 'react';
import type { SpanRecord } from '../../../../shared/contract/labels';
import { utf16Offset } from './keys';

/** The document text with span labels marked (overlapping spans are listed in the question panel only). */
export const DocText = forwardRef<HTMLDivElement, { text: string; spans: SpanRecord[] }>(function DocText({ text, spans }, ref) {
  const parts: { text: string; label?: string }[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = utf16Offset(text, s.start);
    const end = utf16Offset(text, s.end);
    if (start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: text.slice(start, end), label: s.label });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <div className="doc-text" ref={ref}>
      {parts.map((p, i) =>
        p.label ? (
          <mark key={i} title={p.label} className="span-mark">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
});

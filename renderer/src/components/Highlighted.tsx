import type { HighlightedText } from '../../../shared/contract/browse';

/** Text with matches in <mark>, built from parts (never innerHTML). */
export function Highlighted({ parts }: { parts: HighlightedText }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

import { useI18n } from '../i18n';

/**
 * A count in a summary table that opens what it counts (usually the filtered document list): a link-styled button
 * whose label says what opens, or the plain number when there is nothing to open.
 */
export function CountLink({ count, label, testId, onOpen }: { count: number; label: string; testId: string; onOpen(): void }) {
  const { n } = useI18n();
  if (count <= 0) return <>{n(count)}</>;
  return (
    <button type="button" className="link" data-testid={testId} aria-label={label} title={label} onClick={onOpen}>
      {n(count)}
    </button>
  );
}

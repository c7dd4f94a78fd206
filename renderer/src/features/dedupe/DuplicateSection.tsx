import { useEffect, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useCheckedThrough } from './checked';

/** Document pane: which duplicate cluster the document is in, and whether it is kept. */
export function DuplicateSection({ doc }: { doc: DocumentRecord; query: string; refresh(): void }) {
  const { t } = useI18n();
  const [cluster, setCluster] = useState<Output<'dedupe.cluster'> | null>(null);
  const checked = useCheckedThrough();
  useEffect(() => {
    if (doc.dupCluster === null) {
      setCluster(null);
      return;
    }
    api.call('dedupe.cluster', { id: doc.dupCluster }).then(setCluster, () => setCluster(null));
  }, [doc.id, doc.dupCluster, doc.dupStatus]);
  if (!cluster || !doc.dupStatus) {
    const seen = checked !== undefined && checked !== null && doc.id <= checked;
    return (
      <p className="muted" data-testid="dedupe-section">
        {t(seen ? 'dedupe.section.none' : 'dedupe.section.unchecked')}
      </p>
    );
  }
  return (
    <p data-testid="dedupe-section">
      {t('dedupe.section.in', {
        id: String(cluster.id),
        kind: t(`dedupe.kind.${cluster.kind}`),
        size: cluster.size,
        status: t(doc.dupStatus === 'kept' ? 'dedupe.kept' : 'dedupe.duplicate'),
      })}
    </p>
  );
}

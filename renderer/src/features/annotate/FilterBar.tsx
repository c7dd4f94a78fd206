import { useEffect, useState, type FormEvent } from 'react';
import type { QueueFilter } from '../../../../shared/contract/labels';
import type { SourceRecord } from '../../../../shared/contract/corpus';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';

/** Which documents the queue offers: by source, language, duplicate cluster, or a seeded random sample. */
export function QueueFilterBar({ value, onApply }: { value: QueueFilter; onApply(f: QueueFilter): void }) {
  const { t } = useI18n();
  const [sources, setSources] = useState<SourceRecord[]>([]);
  const [draft, setDraft] = useState({
    sourceId: value.sourceId ? String(value.sourceId) : '',
    lang: value.lang ?? '',
    dupCluster: value.dupCluster !== undefined ? String(value.dupCluster) : '',
    seed: value.seed !== undefined ? String(value.seed) : '',
  });
  useEffect(() => {
    api.call('sources.list', {}).then(setSources, () => setSources([]));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: QueueFilter = {};
    if (draft.sourceId) f.sourceId = Number(draft.sourceId);
    if (draft.lang.trim()) f.lang = draft.lang.trim();
    if (draft.dupCluster.trim() && Number.isInteger(Number(draft.dupCluster))) f.dupCluster = Number(draft.dupCluster);
    if (draft.seed.trim() && Number.isInteger(Number(draft.seed))) f.seed = Math.abs(Number(draft.seed));
    // Label keys are ignored while a field has focus: after Enter here, the next k or d labels instead of typing.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    onApply(f);
  };
  return (
    <form className="queue-filter filter-bar" onSubmit={submit} data-testid="queue-filter">
      <label className="filter">
        {t('annotate.filter.source')}
        <select value={draft.sourceId} onChange={(e) => setDraft({ ...draft, sourceId: e.target.value })}>
          <option value="">{t('annotate.filter.any')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        {t('annotate.filter.lang')}
        <input size={5} value={draft.lang} onChange={(e) => setDraft({ ...draft, lang: e.target.value })} placeholder="ind" />
      </label>
      <label className="filter">
        {t('annotate.filter.cluster')}
        <input size={6} inputMode="numeric" value={draft.dupCluster} onChange={(e) => setDraft({ ...draft, dupCluster: e.target.value })} />
      </label>
      <label className="filter">
        {t('annotate.filter.seed')}
        <input size={6} inputMode="numeric" value={draft.seed} onChange={(e) => setDraft({ ...draft, seed: e.target.value })} />
      </label>
      <button type="submit">{t('annotate.filter.apply')}</button>
    </form>
  );
}

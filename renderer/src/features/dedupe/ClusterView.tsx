import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useShell } from '../../shell/context';
import { describeEngineError, describeEngineMessage } from '../../i18n/engine-messages';
import { diffWords, type Span } from './diff';

type Detail = Output<'dedupe.cluster'>;

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((s, i) =>
        s.changed ? (
          <mark key={i} className="dedupe-diff">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** The kept member on the left, the chosen member on the right, their differing words highlighted; K/D/S act on the right one. */
export function ClusterView({ clusterId, onChanged }: { clusterId: number; onChanged(): void }) {
  const { t, n } = useI18n();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [member, setMember] = useState(1);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('dedupe.cluster', { id: clusterId }).then(
      (d) => {
        setDetail(d);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [clusterId]);
  useEffect(() => {
    setMember(1);
    load();
  }, [load]);
  // Ctrl+Z / Ctrl+Shift+Z (or any change elsewhere) can move a member between kept and duplicate: show it as it is now,
  // on the same member.
  const { corpusVersion } = useShell();
  const seenVersion = useRef(corpusVersion);
  useEffect(() => {
    if (seenVersion.current === corpusVersion) return;
    seenVersion.current = corpusVersion;
    load();
  }, [corpusVersion, load]);

  const act = useCallback(
    async (action: 'keep' | 'drop' | 'split') => {
      const m = detail?.members[member];
      if (!m) return;
      try {
        await api.call('dedupe.override', { action, documentIds: [m.documentId] });
        onChanged();
        load();
      } catch (e) {
        setError(describeEngineError(t, e));
      }
    },
    [detail, member, onChanged, load],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return;
      const count = detail?.members.length ?? 0;
      if (e.key === 'ArrowRight') setMember((m) => Math.min(m + 1, count - 1));
      else if (e.key === 'ArrowLeft') setMember((m) => Math.max(m - 1, 1));
      else if (e.key === 'k' || e.key === 'K') void act('keep');
      else if (e.key === 'd' || e.key === 'D') void act('drop');
      else if (e.key === 's' || e.key === 'S') void act('split');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detail, act]);

  const left = detail?.members[0];
  const right = detail?.members[Math.min(member, (detail?.members.length ?? 1) - 1)];
  const diff = useMemo(() => (left && right ? diffWords(left.text, right.text) : null), [left, right]);
  if (error) return <p className="error">{describeEngineMessage(t, error)}</p>;
  if (!detail || !left || !right || !diff) return null;
  const badge = (m: Detail['members'][number]) => (
    <span className={`chip dup-${m.status}`}>
      {t(m.status === 'kept' ? 'dedupe.kept' : 'dedupe.duplicate')}
      {m.overridden ? ` · ${t('dedupe.overridden')}` : ''}
    </span>
  );
  return (
    <div className="dedupe-cluster" data-testid="dedupe-cluster">
      <div className="dedupe-members" role="tablist">
        {detail.members.map((m, i) => (
          <button key={m.documentId} type="button" role="tab" aria-selected={i === member} className={i === member ? 'active' : ''} onClick={() => i > 0 && setMember(i)}>
            {m.externalId} {badge(m)}
          </button>
        ))}
      </div>
      <div className="dedupe-side-by-side">
        <article>
          <header>
            <strong>{left.externalId}</strong> · {left.sourceName} · {n(left.charCount)} {badge(left)}
          </header>
          <div className="dedupe-text">{member === 0 ? left.text : <Spans spans={diff.a} />}</div>
        </article>
        {member > 0 && (
          <article>
            <header>
              <strong>{right.externalId}</strong> · {right.sourceName} · {n(right.charCount)} {badge(right)} ·{' '}
              {t('dedupe.similarity', { value: `${n(right.similarity * 100)}%` })}
            </header>
            <div className="dedupe-text">
              <Spans spans={diff.b} />
            </div>
            <div className="actions">
              <button type="button" onClick={() => void act('keep')}>
                {t('dedupe.keep')}
              </button>
              <button type="button" onClick={() => void act('drop')}>
                {t('dedupe.drop')}
              </button>
              <button type="button" onClick={() => void act('split')}>
                {t('dedupe.split')}
              </button>
            </div>
          </article>
        )}
      </div>
    </div>
  );
}

import { useCallback, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../../shared/contract/corpus';
import type { QueueFilter } from '../../../../shared/contract/labels';
import { api } from '../../api/client';

export interface Position {
  doc: DocumentRecord;
  /** The cursor that led to this document (asking again with it shows it again, e.g. after a reload). */
  from: number;
  /** The cursor to ask with for the next document. */
  next: number;
}

function storageKey(filter: QueueFilter): string {
  return `kurasi-annotate:${JSON.stringify(filter)}`;
}

/**
 * Walks the annotation queue. The position is kept in localStorage per filter, so a reload shows the same
 * document (labelled documents leave the queue on the engine side anyway).
 */
export function useQueue(filter: QueueFilter) {
  const [pos, setPos] = useState<Position | null>(null);
  const [done, setDone] = useState(false);
  const posRef = useRef<Position | null>(null);
  const visited = useRef<Position[]>([]);

  const show = useCallback(
    (p: Position | null) => {
      posRef.current = p;
      setPos(p);
      setDone(p === null);
      if (p) localStorage.setItem(storageKey(filter), String(p.from));
    },
    [filter],
  );

  const fetchFrom = useCallback(
    async (cursor: number): Promise<Position | null> => {
      let c = cursor;
      // A seeded walk stops at its time budget; keep asking until it finds a document or the end.
      for (let i = 0; i < 200; i++) {
        const r = await api.call('queue.next', { filter, cursor: c });
        if (r.document) return { doc: r.document, from: c, next: r.cursor };
        if (!r.more) return null;
        c = r.cursor;
      }
      return null;
    },
    [filter],
  );

  /**
   * The first document from a cursor on; past the end, the queue starts again from the top, where the documents
   * skipped on the way still wait (the queue is only done when nothing matching is left unlabelled).
   */
  const fetchWrapping = useCallback(
    async (cursor: number): Promise<{ p: Position | null; wrapped: boolean }> => {
      const p = await fetchFrom(cursor);
      if (p || cursor <= 0) return { p, wrapped: false };
      const again = await fetchFrom(0);
      return { p: again, wrapped: again !== null };
    },
    [fetchFrom],
  );

  const start = useCallback(async () => {
    visited.current = [];
    const saved = Number(localStorage.getItem(storageKey(filter)) ?? '0');
    const { p } = await fetchWrapping(Number.isFinite(saved) && saved >= 0 ? saved : 0);
    if (p) visited.current.push(p);
    show(p);
  }, [fetchWrapping, filter, show]);

  /** Moves to the next document; `wrapped` when that meant going back to the top for skipped documents. */
  const advance = useCallback(async (): Promise<{ wrapped: boolean }> => {
    const cur = posRef.current;
    if (!cur) return { wrapped: false };
    const { p, wrapped } = await fetchWrapping(cur.next);
    if (p) visited.current.push(p);
    show(p);
    return { wrapped };
  }, [fetchWrapping, show]);

  /** Goes back to a document (after an undo that touched it). */
  const goTo = useCallback(
    async (documentId: number) => {
      if (posRef.current?.doc.id === documentId) return;
      const seen = [...visited.current].reverse().find((p) => p.doc.id === documentId);
      if (seen) return show(seen);
      const doc = await api.call('documents.get', { id: documentId });
      const from = filter.seed === undefined ? documentId - 1 : (posRef.current?.from ?? 0);
      show({ doc, from, next: filter.seed === undefined ? documentId : (posRef.current?.next ?? 0) });
    },
    [filter, show],
  );

  return { pos, posRef, done, start, advance, goTo };
}

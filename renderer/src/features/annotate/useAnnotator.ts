import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';

/** The annotator identity kept with the corpus; null until chosen on first run. */
export function useAnnotator() {
  const [name, setName] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('annotators.current', {}).then((r) => setName(r.name), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const choose = useCallback(async (n: string) => {
    const r = await api.call('annotators.set', { name: n });
    setName(r.name);
  }, []);
  return { name, error, choose, loading: name === undefined };
}

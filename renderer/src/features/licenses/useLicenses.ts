import { useCallback, useEffect, useState } from 'react';
import type { LicenseSourceRow, LicenseSummary } from '../../../../shared/contract/license';
import type { ReviewState, UseClass } from '../../../../shared/license';
import { api } from '../../api/client';
import { useShell } from '../../shell/context';

export interface LicenseFilter {
  states: ReviewState[];
  use: UseClass | '';
  search: string;
}

/** The sources list and summary, refetched on every corpus change and after each decision. */
export function useLicenses(filter: LicenseFilter) {
  const { corpusVersion } = useShell();
  const [rows, setRows] = useState<LicenseSourceRow[] | null>(null);
  const [summary, setSummary] = useState<LicenseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { states, use, search } = filter;
  const stateKey = states.join(',');

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .call('license.list', {
        ...(stateKey ? { states: stateKey.split(',') as ReviewState[] } : {}),
        ...(use ? { use } : {}),
        ...(search.trim() ? { search } : {}),
      })
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setSummary(r.summary);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [stateKey, use, search, corpusVersion, version]);

  return { rows, summary, error, reload };
}

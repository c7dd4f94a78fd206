import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useShell } from '../../shell/context';

// One summary request per corpus version, shared by every duplicate cell of the browser page.
let cached: { version: number; promise: Promise<number | null> } | null = null;

function checkedThrough(version: number): Promise<number | null> {
  if (!cached || cached.version !== version) {
    const promise = api.call('dedupe.summary', {}).then(
      (s) => s.checkedThrough,
      () => null,
    );
    cached = { version, promise };
  }
  return cached.promise;
}

/**
 * The highest document id the last finished dedupe run looked at (null: never run; undefined: still loading).
 * A document up to it without a duplicate status is unique; a later one is not checked yet.
 */
export function useCheckedThrough(): number | null | undefined {
  const { corpusVersion } = useShell();
  const [value, setValue] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void checkedThrough(corpusVersion).then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, [corpusVersion]);
  return value;
}

import { useEffect, useMemo, useState } from 'react';
import type { LabelSchema } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useShell } from '../../shell/context';
import { labelNames, type LabelNames } from './labelNames';

/** The label schema's display names for a view that has no schema of its own (fetched again when the corpus changes). */
export function useLabelNames(): LabelNames {
  const { lang } = useI18n();
  const { corpusVersion } = useShell();
  const [schema, setSchema] = useState<LabelSchema | null>(null);
  useEffect(() => {
    let live = true;
    // Without the schema the keys themselves are shown: still correct, only less friendly.
    api.call('labels.schema', {}).then((s) => live && setSchema(s), () => undefined);
    return () => {
      live = false;
    };
  }, [corpusVersion]);
  return useMemo(() => labelNames(schema, lang), [schema, lang]);
}

import { importOptions, type ImportResult } from '../../../shared/contract/import';
import { defineJob } from '../jobs/types';

// Placeholder until the streaming importers land (see electron/engine/import/README.md).
export const importJob = defineJob({
  kind: 'import',
  params: importOptions,
  changes: 'documents',
  async run(ctx): Promise<ImportResult> {
    ctx.progress(0, null);
    throw new Error('import is not implemented yet');
  },
});

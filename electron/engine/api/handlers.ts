import type { Handlers } from './handler';
import { corpusHandlers } from './corpus-handlers';
import { dedupeHandlers } from './dedupe-handlers';
import { importHandlers } from './import-handlers';
import { jobHandlers } from './job-handlers';
import { browseHandlers } from './browse-handlers';
import { licenseHandlers } from './license-handlers';
import { labelsHandlers } from './labels-handlers';
import { langidHandlers } from './langid-handlers';
import { exportHandlers } from './export-handlers';
import { piiHandlers } from './pii-handlers';
import { qualityHandlers } from './quality-handlers';

/** One handler per contract method. One line per feature. */
export const handlers: Handlers = {
  ...corpusHandlers,
  ...dedupeHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...exportHandlers,
  ...langidHandlers,
  ...browseHandlers,
  ...licenseHandlers,
  ...labelsHandlers,
  ...piiHandlers,
  ...qualityHandlers,
};

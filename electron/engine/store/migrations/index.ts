import type { Migration } from '../migration';
import { migration0001 } from './0001-core';
import { migration0002 } from './0002-langid';
import { migration0003 } from './0003-dedupe';
import { migration0004 } from './0004-labels';
import { migration0005 } from './0005-license';
import { migration0006 } from './0006-pii';
import { migration0007 } from './0007-quality';
import { migration0008 } from './0008-browse';
import { migration0009 } from './0009-document-indexes';
import { migration0010 } from './0010-dup-status-cover';
import { migration0011 } from './0011-reject-reread';
import { migration0012 } from './0012-job-owner';
import { migration0013 } from './0013-lang-aliases';
import { migration0014 } from './0014-langid-summary-recount';
import { migration0015 } from './0015-lang-reason';
import { migration0016 } from './0016-action-groups';
import { migration0017 } from './0017-evidence-keeps-clearing';

/** In order; checked to increase by one at start-up. One line per migration file. */
export const migrations: Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];

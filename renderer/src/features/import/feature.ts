import type { Feature } from '../types';

/** The import dialog is opened by the shell (header button, empty corpus); it has no screen of its own. */
export const importFeature: Feature = { id: 'import' };

/**
 * The phases jobs report as their progress message. The engine and the CLI print them as they are; the UI shows
 * them translated (`jobs.phase.<value>` in renderer/src/i18n/shell.ts). Any other message (an import's current
 * file name) is shown as it is.
 */
export const JOB_PHASE = {
  readingFiles: 'reading files',
  rebuildingIndexes: 'rebuilding the indexes',
  buildingSearchIndex: 'building the search index',
  savingCorpus: 'writing the corpus file',
  counting: 'counting',
  mergingLabelPacks: 'merging label packs',
  fingerprinting: 'fingerprinting',
  clustering: 'clustering',
  verifying: 'verifying',
  writing: 'writing',
} as const;

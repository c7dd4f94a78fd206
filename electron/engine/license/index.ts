// The licence feature's engine API. Pure logic lives in shared/license (the renderer uses it too).
export * from '../../../shared/license';
export { openLicenseGate, type CorpusLicenseGate } from './gate';
export { licenseSummary, licenseStatsSection } from './summary';
export { setSourceLicense, bulkSetSourceLicense, setDocumentLicense, documentLicenseInfo, documentLicenseMap, normalizeConcluded, type SetLicenseInput } from './store';
export { addEvidence, removeEvidence, listEvidence, evidenceContent, evidenceFile, evidenceFromArg, type EvidenceInput } from './evidence';
export { listLicenseRefs, loadLicenseRefs, setLicenseRef, type LicenseRefEntry } from './refs';
export { findSourceRow, selectSourceRows, toLicenseRow } from './rows';
export { listLicenseSources, recentLicenseDecisions } from './list';

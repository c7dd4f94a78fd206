import { actorOf } from './actor';
import type { HandlerMap } from './handler';
import { listAudit } from '../store/audit';
import {
  addEvidence,
  bulkSetSourceLicense,
  documentLicenseInfo,
  evidenceFile,
  findSourceRow,
  licenseFlags,
  licenseSummary,
  listEvidence,
  listLicenseRefs,
  listLicenseSources,
  recentLicenseDecisions,
  removeEvidence,
  resolveLicense,
  setDocumentLicense,
  setLicenseRef,
  setSourceLicense,
  toLicenseRow,
} from '../license';

export const licenseHandlers = {
  'license.list': (engine, input) => ({ rows: listLicenseSources(engine.db, input), summary: licenseSummary(engine.db) }),
  'license.summary': (engine) => licenseSummary(engine.db),
  'license.get': (engine, input) => {
    const row = findSourceRow(engine.db, input.source);
    return {
      row: toLicenseRow(engine.db, row),
      evidence: listEvidence(engine.db, row.id),
      history: listAudit(engine.db, 'source', row.id).map((a) => ({
        id: a.id,
        at: a.at,
        actor: a.actor,
        action: a.action,
        before: a.before,
        after: a.after,
        note: a.note,
      })),
    };
  },
  'license.set': (engine, input) => setSourceLicense(engine.db, actorOf(engine), input),
  'license.bulkSet': (engine, input) => {
    const { sources, ...change } = input;
    return bulkSetSourceLicense(engine.db, actorOf(engine), sources, change);
  },
  'license.addEvidence': (engine, input) => {
    const { source, ...evidence } = input;
    return addEvidence(engine.db, actorOf(engine), findSourceRow(engine.db, source).id, evidence);
  },
  'license.evidenceFile': (engine, input) => {
    const { content, ...file } = evidenceFile(engine.db, input.id);
    return { ...file, size: content.length, contentBase64: content.toString('base64') };
  },
  'license.removeEvidence': (engine, input) => removeEvidence(engine.db, actorOf(engine), input.id, input.note),
  'license.setDocument': (engine, input) => setDocumentLicense(engine.db, actorOf(engine), input.documentId, input.concluded, input.note),
  'license.document': (engine, input) => documentLicenseInfo(engine.db, input.documentId),
  'license.history': (engine, input) => recentLicenseDecisions(engine.db, input.limit),
  'license.refs.list': (engine) => listLicenseRefs(engine.db),
  'license.refs.set': (engine, input) => setLicenseRef(engine.db, actorOf(engine), input),
  'license.resolve': (_engine, input) => {
    const r = resolveLicense(input.text);
    const f = licenseFlags(r.ok && r.via !== 'guess' ? r.spdx : null);
    return {
      ok: r.ok,
      spdx: r.spdx,
      via: r.via,
      warnings: [...r.warnings],
      ...(r.ok ? {} : { error: r.error }),
      flags: { use: f.use, attribution: f.attribution, shareAlike: f.shareAlike, noDerivatives: f.noDerivatives, unclassified: [...f.unclassified], conflicts: [...f.conflicts] },
    };
  },
} satisfies HandlerMap<
  | 'license.list'
  | 'license.summary'
  | 'license.get'
  | 'license.set'
  | 'license.bulkSet'
  | 'license.addEvidence'
  | 'license.evidenceFile'
  | 'license.removeEvidence'
  | 'license.setDocument'
  | 'license.document'
  | 'license.history'
  | 'license.refs.list'
  | 'license.refs.set'
  | 'license.resolve'
>;

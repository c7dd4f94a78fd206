import type { QuestionAgreement } from '../../../shared/contract/labels';
import type { Db } from '../store/open';
import { cohensKappa, krippendorffAlphaNominal, rawAgreement } from './agreement-math';
import { getSchema } from './settings';

/**
 * Agreement per question of a nominal kind (single, multi as the whole set, rating as categories). Notes and
 * spans have no categorical answer to compare and are left out.
 */
export function computeAgreement(db: Db): QuestionAgreement[] {
  const schema = getSchema(db);
  const stmt = db.prepare('SELECT document_id AS doc, annotator, value FROM labels WHERE question = ? ORDER BY document_id');
  const out: QuestionAgreement[] = [];
  for (const q of schema.questions) {
    if (q.kind === 'note' || q.kind === 'span') continue;
    const byDoc = new Map<number, Map<string, string>>();
    const annotators = new Set<string>();
    for (const r of stmt.iterate(q.key) as IterableIterator<{ doc: number; annotator: string; value: string }>) {
      let m = byDoc.get(r.doc);
      if (!m) byDoc.set(r.doc, (m = new Map()));
      m.set(r.annotator, r.value);
      annotators.add(r.annotator);
    }
    const units = [...byDoc.values()].map((m) => [...m.values()]);
    const shared = units.filter((u) => u.length >= 2);
    const names = [...annotators].sort();
    let kappa: number | null = null;
    if (names.length === 2) {
      const [a, b] = names as [string, string];
      const pairs: [string, string][] = [];
      for (const m of byDoc.values()) {
        const x = m.get(a);
        const y = m.get(b);
        if (x !== undefined && y !== undefined) pairs.push([x, y]);
      }
      kappa = cohensKappa(pairs);
    }
    out.push({
      question: q.key,
      annotators: names,
      items: shared.length,
      rawAgreement: rawAgreement(shared),
      cohensKappa: kappa,
      krippendorffAlpha: krippendorffAlphaNominal(units),
    });
  }
  return out;
}

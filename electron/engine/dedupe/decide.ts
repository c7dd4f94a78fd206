// Which member of a cluster is kept, and the user's overrides on top of the rule.
import type { KeepRule } from '../../../shared/contract/dedupe';
import type { Db } from '../store/open';

export interface MemberInfo {
  id: number;
  charCount: number;
  sourceName: string;
  reviewState: string;
}

// Best licence state first: a cleared source beats one still in review, which beats an unreviewed one.
const LICENSE_RANK: Record<string, number> = { cleared: 0, 'in-review': 1, 'needs-discussion': 2, unreviewed: 3, stale: 4, rejected: 5 };

/** The document a rule keeps; ties go to the longest, then the earliest import. */
export function chooseKept(members: readonly MemberInfo[], rule: KeepRule, preferredSources: readonly string[] = []): number {
  const pref = (m: MemberInfo) => {
    const i = preferredSources.indexOf(m.sourceName);
    return i < 0 ? preferredSources.length : i;
  };
  const primary = (m: MemberInfo): number => {
    switch (rule) {
      case 'longest':
        return -m.charCount;
      case 'earliest':
        return m.id;
      case 'preferred-source':
        return pref(m);
      case 'best-license':
        return LICENSE_RANK[m.reviewState] ?? 3;
    }
  };
  let best = members[0]!;
  for (const m of members.slice(1)) {
    const a = primary(m);
    const b = primary(best);
    if (a < b || (a === b && (m.charCount > best.charCount || (m.charCount === best.charCount && m.id < best.id)))) best = m;
  }
  return best.id;
}

export function memberInfoStatement(db: Db): (id: number) => MemberInfo | undefined {
  const st = db.prepare(
    'SELECT d.id AS id, d.char_count AS charCount, s.name AS sourceName, s.review_state AS reviewState FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?',
  );
  return (id) => st.get(id) as MemberInfo | undefined;
}

export type OverrideAction = 'keep' | 'drop' | 'split' | 'merge';

export interface OverrideRow {
  id: number;
  action: OverrideAction;
  documentIds: number[];
  others: number[] | null;
}

export function loadOverrides(db: Db): OverrideRow[] {
  const rows = db.prepare('SELECT id, action, document_ids, others FROM dedupe_overrides ORDER BY id').all() as {
    id: number;
    action: OverrideAction;
    document_ids: string;
    others: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    documentIds: JSON.parse(r.document_ids) as number[],
    others: r.others === null ? null : (JSON.parse(r.others) as number[]),
  }));
}

/**
 * Re-applies the structural overrides (merge, split) to freshly computed clusters, oldest first, and
 * returns the final groups (of document ids, two or more each) plus the per-document status overrides.
 * Split: the listed documents leave whatever group also holds one of the documents they were split from.
 */
export function applyOverrides(
  groups: number[][],
  overrides: readonly OverrideRow[],
  known: (docId: number) => boolean,
): { groups: number[][]; status: Map<number, 'kept' | 'duplicate'> } {
  const groupOf = new Map<number, number>();
  const sets: (Set<number> | null)[] = groups.map((g, i) => {
    for (const d of g) groupOf.set(d, i);
    return new Set(g);
  });
  const status = new Map<number, 'kept' | 'duplicate'>();
  const ensure = (d: number): number => {
    let g = groupOf.get(d);
    if (g === undefined) {
      g = sets.length;
      sets.push(new Set([d]));
      groupOf.set(d, g);
    }
    return g;
  };
  for (const o of overrides) {
    const docs = o.documentIds.filter(known);
    if (o.action === 'keep' || o.action === 'drop') {
      for (const d of docs) status.set(d, o.action === 'keep' ? 'kept' : 'duplicate');
    } else if (o.action === 'merge') {
      if (docs.length < 2) continue;
      const target = ensure(docs[0]!);
      for (const d of docs.slice(1)) {
        const g = ensure(d);
        if (g === target) continue;
        for (const x of sets[g]!) {
          sets[target]!.add(x);
          groupOf.set(x, target);
        }
        sets[g] = null;
      }
    } else {
      const others = new Set(o.others ?? []);
      const byGroup = new Map<number, number[]>();
      for (const d of docs) {
        const g = groupOf.get(d);
        if (g === undefined) continue;
        const hasOther = [...sets[g]!].some((x) => others.has(x) || (o.others === null && !docs.includes(x)));
        if (!hasOther) continue;
        let l = byGroup.get(g);
        if (!l) byGroup.set(g, (l = []));
        l.push(d);
      }
      for (const [g, moving] of byGroup) {
        const fresh = sets.length;
        sets.push(new Set(moving));
        for (const d of moving) {
          sets[g]!.delete(d);
          groupOf.set(d, fresh);
        }
      }
    }
  }
  const out: number[][] = [];
  for (const s of sets) if (s && s.size > 1) out.push([...s].sort((a, b) => a - b));
  return { groups: out, status };
}

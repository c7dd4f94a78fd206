import { describe, expect, it } from 'vitest';
import { BoundedLinker, UnionFind } from '../../../electron/engine/dedupe/cluster';
import { dedupeTexts, textJaccard } from '../../../electron/engine/dedupe/pipeline';

/** Symmetric similarity from a small table "a-b" → value. */
function table(values: Record<string, number>): (a: number, b: number) => number {
  return (a, b) => values[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? 0;
}

function linker(sim: (a: number, b: number) => number, weights: number[], failShare: number): BoundedLinker {
  return new BoundedLinker(new UnionFind(weights.length), () => true, (i) => weights[i]!, sim, { threshold: 0.8, floor: 0.5, failShare, closeShare: 0, closeFloor: 1, maxChecks: 100 });
}

describe('bounded linkage', () => {
  // 0 = an original, 1 and 2 = two variants of it that are close to it but not to each other.
  const siblings = table({ '0-1': 0.85, '0-2': 0.85, '1-2': 0.7 });

  it('strict complete linkage (failShare 0) keeps two dissimilar siblings apart', () => {
    const l = linker(siblings, [1, 1, 1], 0);
    expect(l.tryJoin(0, 1)).toBe(true);
    expect(l.tryJoin(0, 2)).toBe(false);
    expect(l.uf.find(2)).not.toBe(l.uf.find(0));
  });

  it('joins when at most the allowed share of the new pairs (weighted by exact copies) is below the threshold', () => {
    // Without copies the join would create (0,2) and (1,2): half of them fail — refused at 0.34.
    const alone = linker(siblings, [1, 1, 1], 0.34);
    alone.tryJoin(0, 1);
    expect(alone.tryJoin(0, 2)).toBe(false);
    // With an exact copy of the original (weight 2) it creates three pairs of which one fails — accepted.
    const copied = linker(siblings, [2, 1, 1], 0.34);
    copied.tryJoin(0, 1);
    expect(copied.tryJoin(0, 2)).toBe(true);
    expect(copied.uf.find(2)).toBe(copied.uf.find(1));
  });

  it('allows a larger share when every pair below the threshold is a near miss', () => {
    const near = (v: number) => {
      const l = new BoundedLinker(new UnionFind(3), () => true, () => 1, table({ '0-1': 0.85, '0-2': 0.85, '1-2': v }), {
        threshold: 0.8,
        floor: 0.5,
        failShare: 0.34,
        closeShare: 0.5,
        closeFloor: 0.79,
        maxChecks: 100,
      });
      l.tryJoin(0, 1);
      return l.tryJoin(0, 2);
    };
    expect(near(0.795)).toBe(true);
    expect(near(0.7)).toBe(false);
  });

  it('never puts a pair under the floor together, whatever the share', () => {
    const l = linker(table({ '0-1': 0.85, '0-2': 0.85, '1-2': 0.4 }), [5, 1, 1], 0.9);
    l.tryJoin(0, 1);
    expect(l.tryJoin(0, 2)).toBe(false);
  });
});

describe('linkage in the pipeline', () => {
  const words = Array.from({ length: 200 }, (_, i) => `kata${i}`);
  const original = words.join(' ');
  const variant = (from: number) => words.map((w, i) => (i >= from && i < from + 15 ? `ganti${i}` : w)).join(' ');
  const head = variant(0);
  const tail = variant(185);

  it('the fixture is a sibling chain: both variants ≥ 0.8 to the original, < 0.8 to each other', () => {
    expect(textJaccard(original, head)).toBeGreaterThan(0.8);
    expect(textJaccard(original, tail)).toBeGreaterThan(0.8);
    expect(textJaccard(head, tail)).toBeLessThan(0.8);
  });

  it('single linkage chains the siblings; bounded linkage does not, unless the original has copies', () => {
    const members = (texts: string[], linkage: 'single' | 'bounded') => dedupeTexts(texts, { linkage }).clusters.map((c) => c.members);
    expect(members([original, head, tail], 'single')).toEqual([[0, 1, 2]]);
    expect(members([original, head, tail], 'bounded')).toEqual([[0, 1]]);
    // Two exact copies of the original: joining the second variant creates 3 pairs, 1 below 0.8.
    expect(members([original, head, tail, original.toUpperCase()], 'bounded')).toEqual([[0, 1, 2, 3]]);
  });
});

// The dedupe pipeline on in-memory texts: exact groups by normalized-text hash, then MinHash LSH over
// one representative per exact group, candidates verified by true shingle Jaccard, union-find clusters.
// The job runs the same steps with the texts streamed from SQLite and the signatures from a worker pool.
import { BoundedLinker, UnionFind, clusterCandidates, collectCandidates } from './cluster';
import { DEFAULT_NUM_PERM, MinHasher, bandKeysInto, lshParams, type LshParams } from './minhash';
import { Shingler, jaccardSorted, type ShingleOptions } from './shingle';

export interface DedupeConfig {
  threshold: number;
  ngram: number;
  numPerm: number;
  foldPunctuation: boolean;
  shortDocWords?: number;
  /**
   * 'bounded' (default): two clusters join only if the pairs the join creates are all ≥ LINK_FLOOR and
   * mostly (all but `failShare`) ≥ `threshold` — see BoundedLinker. 'single': any verified link joins, so
   * chains A~B~C put A and C together however dissimilar they are.
   */
  linkage: Linkage;
  /** With bounded linkage: share of a join's new pairs that may be below the threshold (see BoundedLinker). */
  failShare: number;
  /** With bounded linkage: the larger share allowed when every pair below the threshold is a near miss. */
  closeShare: number;
}

/** No two documents less similar than this are ever clustered together. */
export const LINK_FLOOR = 0.5;

/**
 * A join is accepted when at least two thirds of the pairs it creates reach the threshold. Chosen on the
 * planted eval (docs/benchmarks/dedupe-eval.md lists the whole curve): 0 = strict complete linkage loses
 * recall (0.93), 0.5 lets sibling chains back in (strict precision 0.95).
 */
export const DEFAULT_FAIL_SHARE = 0.34;

/**
 * Near misses: a join may have up to half of its new pairs below the threshold if all of those are within
 * CLOSE_MARGIN of it (two sibling copies at 0.79 of each other). On the planted eval this moved recall up by
 * ≈ 0.005 and precision down by ≈ 0.005, balancing the two goals over three planted corpora.
 */
export const DEFAULT_CLOSE_SHARE = 0.5;
export const CLOSE_MARGIN = 0.01;

export type Linkage = 'bounded' | 'single';

export function dedupeConfig(partial: Partial<DedupeConfig> = {}): DedupeConfig {
  const cfg = {
    threshold: partial.threshold ?? 0.8,
    ngram: partial.ngram ?? 5,
    numPerm: partial.numPerm ?? DEFAULT_NUM_PERM,
    foldPunctuation: partial.foldPunctuation ?? false,
    shortDocWords: partial.shortDocWords,
    linkage: partial.linkage ?? 'bounded',
    failShare: partial.failShare ?? DEFAULT_FAIL_SHARE,
    closeShare: partial.closeShare ?? DEFAULT_CLOSE_SHARE,
  };
  if (!(cfg.threshold > 0 && cfg.threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${cfg.threshold}`);
  return cfg;
}

function shinglePartial(cfg: DedupeConfig): Partial<ShingleOptions> {
  const base = { ngram: cfg.ngram, foldPunctuation: cfg.foldPunctuation };
  return cfg.shortDocWords === undefined ? base : { ...base, shortDocWords: cfg.shortDocWords };
}

/** Per-thread scratch that turns one text into its band keys (and optionally its shingle set). */
export class Signer {
  readonly shingler: Shingler;
  readonly hasher: MinHasher;
  readonly lsh: LshParams;
  private readonly sig: Int32Array;

  constructor(cfg: DedupeConfig) {
    this.shingler = new Shingler(shinglePartial(cfg));
    this.hasher = new MinHasher(cfg.numPerm);
    this.lsh = lshParams(cfg.threshold, cfg.numPerm);
    this.sig = new Int32Array(cfg.numPerm);
  }

  /** Writes band keys to out[off..off+bands); returns the shingle count (0 = nothing to compare). */
  bandKeys(text: string, out: Uint32Array, off: number): number {
    const n = this.shingler.run(text);
    if (n === 0) {
      out.fill(0, off, off + this.lsh.bands);
      return 0;
    }
    this.hasher.signatureInto(this.shingler.shingles, n, this.sig, 0);
    bandKeysInto(this.sig, 0, this.lsh, out, off);
    return n;
  }

  /** Sorted distinct shingles of a text, for exact Jaccard verification. */
  shingleSet(text: string): Int32Array {
    return this.shingler.set(text);
  }
}

export type ClusterKind = 'exact' | 'near';

export interface DedupeCluster {
  /** Indices into the input, ascending. */
  members: number[];
  kind: ClusterKind;
}

export interface DedupeResult {
  clusters: DedupeCluster[];
  lsh: LshParams;
  verifications: number;
  exactGroups: number;
}

/** How many earlier bucket members each member is paired with in the first (parallel) verification pass. */
export const FIRST_PASS_LOOKBACK = 8;

/**
 * The first pass pairs each bucket member with the FIRST_PASS_LOOKBACK before it, so with no bucket larger
 * than that + 1 it has already seen every candidate pair, and the second walk over all bands (≈ 1.3 s for a
 * million documents) would only retry joins the linkage refused — a refusal is final.
 */
export function needsSecondPass(largestBucket: number): boolean {
  return largestBucket > FIRST_PASS_LOOKBACK + 1;
}

/**
 * Applies the first pass: candidate pairs (flat index pairs) and their true Jaccard `j`, joined best pair first
 * (deterministic whatever order the pool answered in), and returns what the second, sequential pass over
 * the LSH buckets needs: `verify` (pairs that failed here are not computed again) and `join`.
 */
export function verifyFirstPass(
  pairs: Uint32Array,
  j: Float32Array,
  uf: UnionFind,
  cfg: DedupeConfig,
  isRep: (i: number) => boolean,
  weight: (i: number) => number,
  similarity: (a: number, b: number) => number,
): { join: (a: number, b: number) => boolean; verify: (a: number, b: number) => boolean; verifications: number } {
  const linker =
    cfg.linkage === 'bounded'
      ? new BoundedLinker(uf, isRep, weight, similarity, {
          threshold: cfg.threshold,
          failShare: cfg.failShare,
          floor: LINK_FLOOR,
          closeShare: cfg.closeShare,
          closeFloor: cfg.threshold - CLOSE_MARGIN,
          maxChecks: 4096,
        })
      : null;
  const join = linker ? (a: number, b: number) => linker.tryJoin(a, b) : (a: number, b: number) => (uf.union(a, b), true);
  const n = uf.parent.length;
  const failed = new Set<number>();
  const ok: number[] = [];
  for (let i = 0; i < j.length; i++) {
    if (j[i]! >= cfg.threshold) ok.push(i);
    else failed.add(pairs[2 * i]! * n + pairs[2 * i + 1]!);
  }
  ok.sort((x, y) => j[y]! - j[x]! || pairs[2 * x]! - pairs[2 * y]! || pairs[2 * x + 1]! - pairs[2 * y + 1]!);
  for (const i of ok) join(pairs[2 * i]!, pairs[2 * i + 1]!);
  const verify = (a: number, b: number): boolean => {
    if (failed.has(Math.min(a, b) * n + Math.max(a, b))) return false;
    return similarity(a, b) >= cfg.threshold;
  };
  return { join, verify, verifications: j.length };
}

/** Whole pipeline in one thread: used by the eval, the tests and small corpora. */
export function dedupeTexts(texts: readonly string[], partial: Partial<DedupeConfig> = {}): DedupeResult {
  const cfg = dedupeConfig(partial);
  const n = texts.length;
  const signer = new Signer(cfg);
  const bands = signer.lsh.bands;
  const uf = new UnionFind(n);
  const exactIds = new Map<string, number>();
  const exactOf = new Int32Array(n);
  const keys = new Uint32Array(n * bands);
  const sets: (Int32Array | undefined)[] = new Array(n);
  const members: number[] = [];
  for (let i = 0; i < n; i++) {
    const count = signer.bandKeys(texts[i]!, keys, i * bands);
    const key = signer.shingler.exactKeyHex();
    const first = exactIds.get(key);
    if (first !== undefined) {
      exactOf[i] = first;
      uf.union(first, i);
      continue;
    }
    exactIds.set(key, i);
    exactOf[i] = i;
    if (count > 0) {
      members.push(i);
      sets[i] = signer.shingler.lastSet();
    }
  }
  const sim = (a: number, b: number) => jaccardSorted(sets[a]!, sets[b]!);
  const memberArr = Uint32Array.from(members);
  const copies = new Int32Array(n);
  for (let i = 0; i < n; i++) copies[exactOf[i]!]!++;
  const buckets = { largestBucket: 0 };
  const pairs = collectCandidates(keys, bands, memberArr, uf, FIRST_PASS_LOOKBACK, 0, buckets);
  const scores = new Float32Array(pairs.length / 2);
  for (let i = 0; i < scores.length; i++) scores[i] = sim(pairs[2 * i]!, pairs[2 * i + 1]!);
  const { join, verify, verifications: first } = verifyFirstPass(
    pairs,
    scores,
    uf,
    cfg,
    (i) => exactOf[i] === i && sets[i] !== undefined,
    (i) => copies[i]!,
    sim,
  );
  const verifications = first + (needsSecondPass(buckets.largestBucket) ? clusterCandidates(keys, bands, memberArr, uf, verify, { join }) : 0);
  const clusters = uf.groups().map((g): DedupeCluster => {
    const rep = exactOf[g[0]!];
    return { members: g, kind: g.every((m) => exactOf[m] === rep) ? 'exact' : 'near' };
  });
  return { clusters, lsh: signer.lsh, verifications, exactGroups: exactIds.size };
}

/** True word-n-gram Jaccard of two texts with the same shingling the pipeline uses. */
export function textJaccard(a: string, b: string, partial: Partial<DedupeConfig> = {}): number {
  const s = new Shingler(shinglePartial(dedupeConfig(partial)));
  return jaccardSorted(s.set(a), s.set(b));
}

// The dedupe pipeline on in-memory texts: exact groups by normalized-text hash, then MinHash LSH over
// one representative per exact group, candidates verified by true shingle Jaccard, union-find clusters.
// The job runs the same steps with the texts streamed from SQLite and the signatures from a worker pool.
import { UnionFind, clusterCandidates } from './cluster';
import { DEFAULT_NUM_PERM, MinHasher, bandKeysInto, lshParams, type LshParams } from './minhash';
import { Shingler, jaccardSorted, type ShingleOptions } from './shingle';

export interface DedupeConfig {
  threshold: number;
  ngram: number;
  numPerm: number;
  foldPunctuation: boolean;
  shortDocWords?: number;
}

export function dedupeConfig(partial: Partial<DedupeConfig> = {}): DedupeConfig {
  const cfg = {
    threshold: partial.threshold ?? 0.8,
    ngram: partial.ngram ?? 5,
    numPerm: partial.numPerm ?? DEFAULT_NUM_PERM,
    foldPunctuation: partial.foldPunctuation ?? false,
    shortDocWords: partial.shortDocWords,
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
  const verifications = clusterCandidates(keys, bands, Uint32Array.from(members), uf, (a, b) =>
    jaccardSorted(sets[a]!, sets[b]!) >= cfg.threshold,
  );
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

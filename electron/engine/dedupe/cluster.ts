// LSH bucketing and union-find clustering over flat typed arrays (no Map of buckets: each band's keys
// are radix-sorted, and runs of equal keys are the buckets).

export class UnionFind {
  readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.rank = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const up = p[p[x]!]!;
      p[x] = up; // path halving
      x = up;
    }
    return x;
  }

  /** Joins the sets of a and b; returns false if they already were one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.rank[ra]! < this.rank[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]!++;
    return true;
  }

  /** Groups of two or more members, each sorted ascending, groups ordered by their smallest member. */
  groups(): number[][] {
    // Typed counts first: a million singletons must not each cost an array.
    const n = this.parent.length;
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) size[this.find(i)]!++;
    const slot = new Int32Array(n).fill(-1);
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      if (size[r]! < 2) continue;
      if (slot[r] === -1) {
        slot[r] = out.length;
        out.push([]);
      }
      out[slot[r]!]!.push(i);
    }
    return out;
  }
}

/** Sorts `idx` (doc indices) by `keys[idx[i] * stride + band]`, stable; two 16-bit LSD passes. */
export function radixSortByKey(idx: Uint32Array, keys: Uint32Array, stride: number, band: number, tmp: Uint32Array): void {
  const n = idx.length;
  const count = new Uint32Array(65536);
  for (let shift = 0; shift <= 16; shift += 16) {
    count.fill(0);
    const src = shift === 0 ? idx : tmp;
    const dst = shift === 0 ? tmp : idx;
    for (let i = 0; i < n; i++) count[(keys[src[i]! * stride + band]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const doc = src[i]!;
      dst[count[(keys[doc * stride + band]! >>> shift) & 0xffff]!++] = doc;
    }
  }
}

/** Sorts (key, value) pairs by key, stable, in place; two 16-bit LSD passes over contiguous arrays. */
export function radixSortPairs(key: Uint32Array, val: Uint32Array, keyTmp: Uint32Array, valTmp: Uint32Array, count: Uint32Array): void {
  const n = key.length;
  for (let shift = 0; shift <= 16; shift += 16) {
    const sk = shift === 0 ? key : keyTmp;
    const sv = shift === 0 ? val : valTmp;
    const dk = shift === 0 ? keyTmp : key;
    const dv = shift === 0 ? valTmp : val;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(sk[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = sk[i]!;
      const pos = count[(k >>> shift) & 0xffff]!++;
      dk[pos] = k;
      dv[pos] = sv[i]!;
    }
  }
}

export interface CandidateOptions {
  /** How many earlier bucket members each member is compared with (bounds work in huge buckets). */
  lookback?: number;
  /** Stop looking back after this many failed verifications for one member. */
  maxFailures?: number;
  /** If set, docs with index < firstNew are already clustered: only pairs with a newer doc are tried. */
  firstNew?: number;
  /** Called between bands (progress, cancellation). */
  onBand?: (band: number) => void;
  /** Joins a verified pair (default: `uf.union`); false = refused (counts as a failure), e.g. complete linkage. */
  join?: (a: number, b: number) => boolean;
}

/**
 * Sorts the members by each band's key and calls `visit(idx, start, end)` for every bucket of two or more that
 * holds a new doc (index >= firstNew). Runs keep doc order (stable sort), so new docs are at the end of each run.
 */
function forEachBucket(
  keys: Uint32Array,
  bands: number,
  members: Uint32Array,
  firstNew: number,
  visit: (idx: Uint32Array, start: number, end: number) => void,
  onBand?: (band: number) => void,
): void {
  const n = members.length;
  const idx = new Uint32Array(n);
  const tmp = new Uint32Array(n);
  const bk = new Uint32Array(n);
  const bkTmp = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let band = 0; band < bands; band++) {
    // Band-major copy first, so the sort reads and writes contiguous arrays.
    for (let i = 0; i < n; i++) {
      const d = members[i]!;
      idx[i] = d;
      bk[i] = keys[d * bands + band]!;
    }
    radixSortPairs(bk, idx, bkTmp, tmp, count);
    let start = 0;
    while (start < n) {
      const key = bk[start];
      let end = start + 1;
      while (end < n && bk[end] === key) end++;
      if (end - start > 1 && idx[end - 1]! >= firstNew) visit(idx, start, end);
      start = end;
    }
    onBand?.(band);
  }
}

/**
 * Walks the LSH buckets and unions verified pairs. `members` lists the docs that take part (e.g. one
 * representative per exact-duplicate group, docs with shingles). `verify(a, b)` decides a pair; pairs
 * already in one set are never verified again. Returns the number of verifications made.
 */
export function clusterCandidates(
  keys: Uint32Array,
  bands: number,
  members: Uint32Array,
  uf: UnionFind,
  verify: (a: number, b: number) => boolean,
  opts: CandidateOptions = {},
): number {
  const lookback = opts.lookback ?? 32;
  const maxFailures = opts.maxFailures ?? 8;
  const firstNew = opts.firstNew ?? 0;
  const join = opts.join ?? ((a: number, b: number) => uf.union(a, b));
  let verifications = 0;
  forEachBucket(
    keys,
    bands,
    members,
    firstNew,
    (idx, start, end) => {
      for (let k = start + 1; k < end; k++) {
        const b = idx[k]!;
        let failures = 0;
        for (let q = k - 1; q >= start && q >= k - lookback; q--) {
          const a = idx[q]!;
          if (a < firstNew && b < firstNew) break;
          if (uf.find(a) === uf.find(b)) continue;
          verifications++;
          if (!(verify(a, b) && join(a, b)) && ++failures >= maxFailures) break;
        }
      }
    },
    opts.onBand,
  );
  return verifications;
}

/**
 * Distinct candidate pairs (a < b, as flat index pairs) from the LSH buckets: each member against the
 * `lookback` members before it in each bucket, skipping pairs `uf` already joins. Used to verify most
 * pairs in parallel before the sequential pass (which then mostly finds them joined already).
 */
export function collectCandidates(
  keys: Uint32Array,
  bands: number,
  members: Uint32Array,
  uf: UnionFind,
  lookback: number,
  firstNew = 0,
  stats: { largestBucket: number } = { largestBucket: 0 },
): Uint32Array {
  const seen = new Set<number>();
  const total = uf.parent.length;
  let out = new Uint32Array(1024);
  let m = 0;
  forEachBucket(keys, bands, members, firstNew, (idx, start, end) => {
    if (end - start > stats.largestBucket) stats.largestBucket = end - start;
    for (let k = start + 1; k < end; k++) {
      const b = idx[k]!;
      for (let q = k - 1; q >= start && q >= k - lookback; q--) {
        const a = idx[q]!;
        if (a < firstNew && b < firstNew) break;
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const pk = lo * total + hi;
        if (seen.has(pk) || uf.find(a) === uf.find(b)) continue;
        seen.add(pk);
        if (m + 2 > out.length) {
          const bigger = new Uint32Array(out.length * 2);
          bigger.set(out);
          out = bigger;
        }
        out[m++] = lo;
        out[m++] = hi;
      }
    }
  });
  return out.slice(0, m);
}

export interface LinkerOptions {
  /** Jaccard a pair of cluster members should reach. */
  threshold: number;
  /**
   * Share of the new pairs a join creates (weighted by exact-copy counts) that may fall below `threshold`
   * (0 = strict complete linkage). Two copies of one original that are each ≥ 0.8 similar to it may be only
   * 0.7 similar to each other; joining them costs one such pair and saves one pair per copy of the original.
   */
  failShare: number;
  /** No pair in a cluster may be below this, ever. */
  floor: number;
  /**
   * A join whose below-threshold pairs are all at least `closeFloor` similar (near misses) may have up to
   * `closeShare` of them — e.g. two sibling copies at 0.76 of each other. 0 turns this off.
   */
  closeShare: number;
  closeFloor: number;
  /** At most this many cross pairs are compared per join (the earliest members of each side); then it joins. */
  maxChecks: number;
}

/**
 * Bounded-linkage joins on top of a UnionFind: two clusters become one only if the pairs the join creates
 * are all at least `floor` similar and at most `failShare` of them (by weight) are below `threshold`, so a
 * chain A~B~C~D cannot pull dissimilar texts together the way single linkage does. Members are compared one
 * document per exact-copy group (`isRep`), weighted by the size of that group (`weight`). Members of each
 * set are kept as circular linked lists. Very large joins compare at most `maxChecks` pairs and then accept:
 * templated pages can make clusters of thousands, where all pairs would be quadratic.
 */
export class BoundedLinker {
  readonly uf: UnionFind;
  private readonly next: Int32Array;
  private readonly mass: Float64Array;
  /** Cross-pair similarity checks made (beyond the candidate pairs themselves). */
  checks = 0;

  constructor(
    uf: UnionFind,
    private readonly isRep: (i: number) => boolean,
    private readonly weight: (i: number) => number,
    private readonly similarity: (a: number, b: number) => number,
    private readonly opts: LinkerOptions,
  ) {
    this.uf = uf;
    const n = uf.parent.length;
    this.next = new Int32Array(n);
    this.mass = new Float64Array(n);
    for (let i = 0; i < n; i++) this.next[i] = i;
    // Sets the union-find already holds (exact copies, clusters of an earlier run) become lists too.
    const last = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const r = uf.find(i);
      if (isRep(i)) this.mass[r] = this.mass[r]! + weight(i);
      if (r === i) continue;
      this.splice(last[r] === -1 ? r : last[r]!, i);
      last[r] = i;
    }
  }

  private splice(a: number, b: number): void {
    const na = this.next[a]!;
    this.next[a] = this.next[b]!;
    this.next[b] = na;
  }

  private merge(ra: number, rb: number): void {
    const m = this.mass[ra]! + this.mass[rb]!;
    this.uf.union(ra, rb);
    this.splice(ra, rb);
    this.mass[this.uf.find(ra)] = m;
  }

  /** Joins without checks (clusters a finished run already decided). */
  join(a: number, b: number): void {
    const ra = this.uf.find(a);
    const rb = this.uf.find(b);
    if (ra !== rb) this.merge(ra, rb);
  }

  /** Joins the clusters of a and b (whose own pair is verified) if their cross pairs allow it; false if not. */
  tryJoin(a: number, b: number): boolean {
    const ra = this.uf.find(a);
    const rb = this.uf.find(b);
    if (ra === rb) return true;
    const { threshold, floor, failShare, closeShare, closeFloor } = this.opts;
    const cross = this.mass[ra]! * this.mass[rb]!;
    const allowed = Math.max(failShare, closeShare) * cross;
    let failed = 0;
    let farFailed = 0;
    let budget = this.opts.maxChecks;
    let x = ra;
    outer: do {
      if (this.isRep(x)) {
        let y = rb;
        do {
          if (this.isRep(y) && !((x === a && y === b) || (x === b && y === a))) {
            if (budget-- <= 0) break outer;
            this.checks++;
            const s = this.similarity(x, y);
            if (s < floor) return false;
            if (s < threshold) {
              const w = this.weight(x) * this.weight(y);
              failed += w;
              if (s < closeFloor) farFailed += w;
              if (failed > allowed) return false;
            }
          }
          y = this.next[y]!;
        } while (y !== rb);
      }
      x = this.next[x]!;
    } while (x !== ra);
    // Over the plain share, the join stands only if every pair below the threshold is a near miss.
    if (failed > failShare * cross && (farFailed > 0 || failed > closeShare * cross)) return false;
    this.merge(ra, rb);
    return true;
  }
}

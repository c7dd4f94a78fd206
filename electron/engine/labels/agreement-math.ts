/**
 * Agreement statistics on nominal values. A unit is one document's answers to one question, one per
 * annotator who answered (missing answers simply absent).
 */

/** Share of agreeing pairs over all annotator pairs in units with at least two answers; null if none. */
export function rawAgreement(units: readonly (readonly string[])[]): number | null {
  let agree = 0;
  let pairs = 0;
  for (const u of units) {
    for (let i = 0; i < u.length; i++)
      for (let j = i + 1; j < u.length; j++) {
        pairs++;
        if (u[i] === u[j]) agree++;
      }
  }
  return pairs === 0 ? null : agree / pairs;
}

/**
 * Cohen's kappa for two annotators over the items both answered: (po − pe) / (1 − pe), with pe from each
 * annotator's own marginals. When pe = 1 (both always give the same single value) kappa is undefined → null.
 */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [k, na] of a) pe += (na / n) * ((b.get(k) ?? 0) / n);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, where o is the
 * coincidence matrix (each unit with m ≥ 2 values adds its ordered value pairs weighted 1/(m − 1)) and n_c its
 * marginals. Units with fewer than two values are not pairable and are left out. Null when undefined
 * (no pairable values, or a single value used throughout).
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const nc = new Map<string, number>();
  let disagreeObserved = 0;
  for (const u of pairable) {
    const m = u.length;
    const counts = new Map<string, number>();
    for (const v of u) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Ordered pairs of different values within the unit: m² − Σ count².
    let same = 0;
    for (const c of counts.values()) same += c * c;
    disagreeObserved += (m * m - same) / (m - 1);
    for (const [v, c] of counts) nc.set(v, (nc.get(v) ?? 0) + c);
  }
  let n = 0;
  let sumSq = 0;
  for (const c of nc.values()) {
    n += c;
    sumSq += c * c;
  }
  const disagreeExpected = n * n - sumSq;
  if (n < 2 || disagreeExpected === 0) return null;
  return 1 - ((n - 1) * disagreeObserved) / disagreeExpected;
}

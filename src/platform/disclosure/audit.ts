/**
 * Query-set audit for published aggregates about people (docs/decisions/015-disclosure-control.md). Pure; no I/O.
 *
 * Every published figure (a count, mean, SD, share, t, p …) is a function of per-person additive
 * quantities (Σ 1, Σ x, Σ x², Σ 1[improved] …) over one set of people: the figure's query set. Whatever a
 * reader combines linearly, the combination is a vector in the row space of the released sets' indicator
 * vectors (Chin & Özsoyoglu, IEEE TSE 1982). So the audit works on the sets, not on the values, and holds
 * for every additive statistic at once, rounded or not:
 *
 * 1. Primary: a figure over 0 < n < k people is withheld.
 * 2. Homogeneity: a mean whose rounded value, with its n and the per-person bounds, pins every member to a
 *    span ≤ 3 × `minSpan` points (e.g. five people all at 100) is withheld (three times: the before, after and
 *    change means of one set bound each other).
 * 3. Differencing and linear combinations: the people are split into atoms (people who belong to exactly
 *    the same sets, earlier releases included); every vector of the span is constant on atoms. A release
 *    is refused while the span of the earlier sets plus the new ones contains the indicator of an atom of
 *    fewer than k people (a person, or a small group: a difference of two selections, periods, cells or
 *    reports) or the indicator of a withheld figure's set (its count and means would be recovered).
 *    Such figures are withheld one at a time — the smallest new figure whose removal takes the exposed
 *    vector out of the span — until nothing is exposed.
 *
 * A unit atom vector is in the row space iff a row of the reduced row echelon form equals it, so all
 * atoms are checked in one pass over the basis.
 */

export interface MeanCheck {
  /** Σ of the per-person values behind the published (rounded) mean. */
  sum: number;
  /** Bounds of one person's value (e.g. 0 and 100 for a score, −100 and 100 for a change). */
  min: number;
  max: number;
  /** The rounding step of the published mean (1 = whole points). */
  step: number;
}

export interface Candidate {
  /** The caller's key of the figure, e.g. 'overall' or 'by-sector:sote'. */
  id: string;
  /** The query set: keys of the people behind the figure (never shown). */
  members: readonly string[];
  /** The means published with it, for the homogeneity rule. */
  means?: readonly MeanCheck[];
  /** Withheld whatever the audit finds (e.g. not enough pairs for statistics). */
  withheld?: boolean;
  /** The table whose cells partition a published total: the withheld cells of one table together must not be derivable either. */
  table?: string;
  /**
   * Candidates published as one figure over several sets (e.g. a mean change: Σ after over the follow-ups'
   * keys minus Σ before over the baselines' keys) share a bundle and are released or withheld together.
   */
  bundle?: string;
  /** `members` named by index into the report's key space (release.ts `KeySpace`): hashed without re-reading the keys. */
  keyed?: { space: { readonly keys: readonly string[]; hashOf(indices: ArrayLike<number>): string }; indices: ArrayLike<number> };
}

/** Why a figure is withheld: too few people; it would reveal a withheld or small group; an earlier report overlaps; all members alike. */
export type WithholdReason = 'small' | 'complementary' | 'earlier' | 'homogeneous';

export interface AuditOptions {
  /** Smallest published set. */
  k: number;
  /** A person's consistent values must span more than this (points). */
  minSpan: number;
}

export interface ReleasePlan {
  released: ReadonlySet<string>;
  withheld: ReadonlyMap<string, WithholdReason>;
}

const EPS = 1e-9;

/** The span of one member of a set of n whose rounded mean (with its step) is `sum / n`, from that equation alone. */
export function memberSpan(n: number, check: MeanCheck): number {
  const rounded = Math.round(check.sum / n / check.step) * check.step;
  const half = check.step / 2;
  const lo = Math.max(check.min, n * (rounded - half) - check.max * (n - 1));
  const hi = Math.min(check.max, n * (rounded + half) - check.min * (n - 1));
  return hi - lo;
}

/** Reduced row echelon form (floating point, partial pivoting) of 0/1 (or small integer) rows. */
class Basis {
  rows: Float64Array[] = [];
  pivots: number[] = [];
  readonly width: number;
  constructor(width: number, input: readonly Float64Array[]) {
    this.width = width;
    const m = input.map((r) => Float64Array.from(r));
    let row = 0;
    for (let col = 0; col < width && row < m.length; col++) {
      let best = row;
      for (let i = row + 1; i < m.length; i++) if (Math.abs(m[i]![col]!) > Math.abs(m[best]![col]!)) best = i;
      if (Math.abs(m[best]![col]!) < EPS) continue;
      [m[row], m[best]] = [m[best]!, m[row]!];
      const p = m[row]!;
      const inv = 1 / p[col]!;
      for (let j = col; j < width; j++) p[j]! *= inv;
      for (let i = 0; i < m.length; i++) {
        if (i === row) continue;
        const f = m[i]![col]!;
        if (Math.abs(f) < EPS) continue;
        const r = m[i]!;
        for (let j = col; j < width; j++) r[j]! -= f * p[j]!;
      }
      this.pivots.push(col);
      row++;
    }
    this.rows = m.slice(0, row);
  }

  /** Whether `v` lies in the row space. */
  contains(v: Float64Array): boolean {
    const r = Float64Array.from(v);
    this.rows.forEach((row, i) => {
      const f = r[this.pivots[i]!]!;
      if (Math.abs(f) < EPS) return;
      for (let j = 0; j < this.width; j++) r[j]! -= f * row[j]!;
    });
    return r.every((x) => Math.abs(x) < 1e-7);
  }

  /** The atoms whose unit vector lies in the row space (a basis row equal to it). */
  unitColumns(): Set<number> {
    const out = new Set<number>();
    this.rows.forEach((row, i) => {
      let nonzero = 0;
      for (let j = 0; j < this.width && nonzero < 2; j++) if (Math.abs(row[j]!) > 1e-7) nonzero++;
      if (nonzero === 1) out.add(this.pivots[i]!);
    });
    return out;
  }
}

function distinctCount(members: readonly string[]): number {
  let ordered = true;
  for (let i = 1; i < members.length && ordered; i++) ordered = members[i - 1]! < members[i]!;
  return ordered ? members.length : new Set(members).size;
}

/** Steps 1 and 2: what each figure alone decides (too few people, all members alike). */
export function screen(
  candidates: readonly Candidate[],
  { k, minSpan }: AuditOptions,
  /** `assumeDistinct`: count by length (the release's fast path, which only trusts lists the register holds as sets). */
  { assumeDistinct = false }: { assumeDistinct?: boolean } = {},
): Map<string, WithholdReason> {
  const withheld = new Map<string, WithholdReason>();
  for (const c of candidates) {
    const n = assumeDistinct ? c.members.length : distinctCount(c.members);
    if (c.withheld || (n > 0 && n < k)) withheld.set(c.id, 'small');
    // Three times the span: the means of one set (before, after, change) bound each other's sums too.
    else if (n > 0 && c.means?.some((m) => memberSpan(n, m) <= 3 * minSpan)) withheld.set(c.id, 'homogeneous');
  }
  return withheld;
}

const setKey = (members: readonly string[]) => [...members].sort().join('\u0000');

/**
 * Which candidates may be released, given the query sets released before (by anyone, for the same
 * per-person values: the register). Deterministic for the same input.
 */
export function planRelease(prior: readonly (readonly string[])[], candidates: readonly Candidate[], options: AuditOptions): ReleasePlan {
  const { k } = options;
  const withheld = screen(candidates, options);
  // Atoms over every set involved: prior, released and withheld candidates.
  const priorKeys = new Set<string>();
  const priorSets: (readonly string[])[] = [];
  for (const p of prior) {
    const key = setKey(p);
    if (p.length === 0 || priorKeys.has(key)) continue;
    priorKeys.add(key);
    priorSets.push(p);
  }
  const allSets = [...priorSets, ...candidates.map((c) => c.members)];
  const signature = new Map<string, number[]>();
  allSets.forEach((set, s) => {
    for (const person of new Set(set)) {
      let sig = signature.get(person);
      if (!sig) signature.set(person, (sig = []));
      sig.push(s);
    }
  });
  const rawAtomOf = new Map<string, number>();
  const atomIndex = new Map<string, number>();
  const rawSize: number[] = [];
  for (const [person, sig] of signature) {
    const key = sig.join(',');
    let a = atomIndex.get(key);
    if (a === undefined) {
      atomIndex.set(key, (a = rawSize.length));
      rawSize.push(0);
    }
    rawSize[a]!++;
    rawAtomOf.set(person, a);
  }
  // Large atoms first: then the basis rows pivoting on small atoms span the vectors that only small atoms carry.
  const order = rawSize.map((_, a) => a).sort((a, b) => rawSize[b]! - rawSize[a]! || a - b);
  const position = new Array<number>(order.length);
  order.forEach((a, i) => (position[a] = i));
  const atomSize = order.map((a) => rawSize[a]!);
  const atomOf = new Map<string, number>();
  for (const [person, a] of rawAtomOf) atomOf.set(person, position[a]!);
  const width = atomSize.length;
  const vector = (set: readonly string[]) => {
    const v = new Float64Array(width);
    for (const person of set) v[atomOf.get(person)!] = 1;
    return v;
  };
  const priorRows = priorSets.map(vector);
  const candidateRows = candidates.map((c) => vector(c.members));
  const priorBasis = new Basis(width, priorRows);
  const priorUnits = priorBasis.unitColumns();
  // Figures over the same set stand or fall together (withholding one of them alone would hide nothing), and so do the sets of one bundle.
  const keys = candidates.map((c) => setKey(c.members));
  // Components of "same set or same bundle", closed transitively (a bundle's set may be another bundle's too).
  const component = candidates.map((_, i) => i);
  const root = (i: number): number => (component[i] === i ? i : (component[i] = root(component[i]!)));
  const firstOf = new Map<string, number>();
  candidates.forEach((c, i) => {
    for (const tag of [`set:${keys[i]}`, `bundle:${c.bundle ?? c.id}`]) {
      const j = firstOf.get(tag);
      if (j === undefined) firstOf.set(tag, i);
      else component[root(i)] = root(j);
    }
  });
  const together = (i: number, j: number) => root(i) === root(j);
  const bySize = candidates.map((c, i) => ({ c, i, n: new Set(c.members).size })).sort((a, b) => a.n - b.n || (a.c.id < b.c.id ? -1 : 1));
  // A component partly withheld by the screen (one of its sets small or alike) is withheld whole.
  candidates.forEach((c, i) => {
    if (withheld.has(c.id)) return;
    const j = candidates.findIndex((d, jj) => withheld.has(d.id) && together(i, jj));
    if (j >= 0) withheld.set(c.id, withheld.get(candidates[j]!.id)!);
  });
  const releasedRows = (skip?: number) =>
    candidates.flatMap((c, i) =>
      withheld.has(c.id) || (skip !== undefined && together(i, skip)) || candidateRows[i]!.every((x) => x === 0) ? [] : [candidateRows[i]!],
    );
  const unit = (a: number) => {
    const v = new Float64Array(width);
    v[a] = 1;
    return v;
  };

  for (let guard = 0; guard <= candidates.length; guard++) {
    const basis = new Basis(width, [...priorRows, ...releasedRows()]);
    // The first exposed vector: a small atom, then a withheld figure's set.
    let exposed: Float64Array | null = null;
    for (const a of basis.unitColumns()) {
      if (atomSize[a]! < k && !priorUnits.has(a)) {
        exposed = unit(a);
        break;
      }
    }
    if (!exposed) {
      for (const [i, c] of candidates.entries()) {
        if (!withheld.has(c.id) || c.members.length === 0) continue;
        const v = candidateRows[i]!;
        if (basis.contains(v) && !priorBasis.contains(v)) {
          exposed = v;
          break;
        }
      }
    }
    if (!exposed) {
      // Withheld cells of one table together (their pooled count and mean).
      for (const table of new Set(candidates.flatMap((c) => (c.table ? [c.table] : [])))) {
        const v = new Float64Array(width);
        let n = 0;
        candidates.forEach((c, i) => {
          if (c.table !== table || !withheld.has(c.id)) return;
          candidateRows[i]!.forEach((x, j) => (x !== 0 ? (v[j] = 1) : undefined));
          n += c.members.length;
        });
        if (n > 0 && n < k && basis.contains(v) && !priorBasis.contains(v)) {
          exposed = v;
          break;
        }
      }
    }
    if (!exposed) {
      // Two released sets (one of them new) that differ by fewer than k people: their difference is a small
      // group's sum, even when that group is split over several atoms (a tracker the unit check misses).
      const rowsNow = [...priorRows, ...releasedRows()];
      search: for (let i = priorRows.length; i < rowsNow.length; i++) {
        const a = rowsNow[i]!;
        for (let j = 0; j < i; j++) {
          const b = rowsNow[j]!;
          let n = 0;
          for (let x = 0; x < width && n < k; x++) if (a[x] !== b[x]) n += atomSize[x]!;
          if (n === 0 || n >= k) continue;
          const d = a.map((v, x) => v - b[x]!);
          if (!priorBasis.contains(d)) {
            exposed = d;
            break search;
          }
        }
      }
    }
    if (!exposed) {
      // Any basis vector over fewer than k people (a small sum or difference of people's values).
      for (const row of basis.rows) {
        let n = 0;
        row.forEach((x, j) => (Math.abs(x) > 1e-7 ? (n += atomSize[j]!) : undefined));
        if (n < k && !priorBasis.contains(row)) {
          exposed = row;
          break;
        }
      }
    }
    if (!exposed) break;
    const target = exposed;
    const needsEarlier = priorRows.length > 0 && !new Basis(width, releasedRows()).contains(target);
    const reason: WithholdReason = needsEarlier ? 'earlier' : 'complementary';
    const open = bySize.filter(({ c, n }) => !withheld.has(c.id) && n > 0);
    const fix = open.find(({ i }) => !new Basis(width, [...priorRows, ...releasedRows(i)]).contains(target));
    // No single figure fixes it: withhold the smallest one touching the exposed atoms and look again.
    const touching = fix ?? open.find(({ i }) => candidateRows[i]!.some((x, j) => x !== 0 && target[j] !== 0)) ?? open[0];
    if (!touching) break;
    candidates.forEach((c, i) => {
      if (together(i, touching.i) && !withheld.has(c.id)) withheld.set(c.id, reason);
    });
  }
  const released = new Set(candidates.filter((c) => !withheld.has(c.id)).map((c) => c.id));
  return { released, withheld };
}

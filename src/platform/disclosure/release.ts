// The disclosure-control layer's one entry point (docs/decisions/015-disclosure-control.md): a feature
// hands over the candidate figures of one report with their query sets, the layer consults the register
// of earlier releases (installation-wide, per domain of per-person values), decides what may be
// released (audit.ts), records the newly released sets, and only then lets the caller build the
// published shape — branded `Released<T>`, the only type renderers and exporters accept.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { planRelease, screen, type AuditOptions, type Candidate, type ReleasePlan, type WithholdReason } from './audit.ts';
import { candidateHash, setHashOf } from './set-hash.ts';

export { KeySpace, setHashOf } from './set-hash.ts';

export type { Candidate, ReleasePlan, WithholdReason } from './audit.ts';

declare const releasedBrand: unique symbol;
/**
 * The output type of this layer. Renderers and exporters of figures about people accept only
 * `Released<T>`; the only ways to get one are `releaseFigures` (which audits) and `deriveReleased`
 * (a pure reshaping of something already released, e.g. the report into its tables).
 */
export type Released<T> = T & { readonly [releasedBrand]: true };

// The one cast that makes a Released value; not exported.
const markReleased = <T>(value: T): Released<T> => value as Released<T>;

/** Several releases (e.g. one per domain) reshaped into one published shape. */
export function combineReleased<T, U>(parts: readonly Released<T>[], reshape: (parts: readonly T[]) => U): Released<U> {
  return markReleased(reshape(parts));
}

/** A pure reshaping of released figures (formatting, labelling): it may drop or reshape, never add figures. */
export function deriveReleased<T, U>(value: Released<T>, reshape: (value: T) => U): Released<U> {
  return markReleased(reshape(value));
}

/** Smallest published set and the span (points) a person's consistent values must exceed. */
export const DISCLOSURE_K = 5;
export const DISCLOSURE_MIN_SPAN = 10;
export const defaultAudit: AuditOptions = { k: DISCLOSURE_K, minSpan: DISCLOSURE_MIN_SPAN };

export interface ReleaseScope {
  /** The organisation whose report this is (recorded with the sets it releases first). */
  organizationId: string;
  /** Which per-person values the figures are computed from, e.g. 'score:who-5'. Releases of one domain are audited together. */
  domain: string;
}

/** A PostgreSQL array literal as one bound parameter (ids and hex hashes need no quoting; the cast validates them). */
const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

/** What the audit of one report decided. `reason(id)` is null for a released figure. */
export interface Decision {
  released(id: string): boolean;
  reason(id: string): WithholdReason | null;
}

/** The decision of a plan (pure; for building a report from `planRelease` in tests and the harness). */
export function decisionOf(plan: ReleasePlan): Decision {
  return { released: (id) => plan.released.has(id), reason: (id) => plan.withheld.get(id) ?? null };
}

/**
 * Audit the candidates against the register and build the published shape from the decision.
 * Fast path: when every set that would be released is already in the register, nothing new is revealed
 * and nothing is written. Otherwise, under a transaction-scoped advisory lock on the domain (so two
 * concurrent reports are audited one after the other), the earlier sets that share a person with this
 * report are read, the plan is made and the newly released sets are recorded.
 */
/** Members as a sorted, duplicate-free list (a linear check first: callers usually pass them sorted). */
function sortedMembers(members: readonly string[]): readonly string[] {
  let ordered = true;
  for (let i = 1; i < members.length && ordered; i++) ordered = members[i - 1]! < members[i]!;
  return ordered ? members : [...new Set(members)].sort();
}

/**
 * Plans already made in this process, by a fingerprint of every candidate's set and screen result: a plan
 * is reused only while everything it released is still in the register, so it releases nothing new (its
 * withheld figures stay withheld, which is always safe).
 */
const planCache = new Map<string, ReleasePlan>();
const PLAN_CACHE_SIZE = 500;

export async function releaseFigures<T>(
  db: Db,
  scope: ReleaseScope,
  candidates: readonly Candidate[],
  build: (decision: Decision) => T,
  options: AuditOptions = defaultAudit,
): Promise<Released<T>> {
  // The fast path takes the lists as they come (a list with a repeated key hashes unlike its set, so it is
  // never found in the register and goes the full way, which counts and audits distinct members).
  const screened = screen(candidates, options, { assumeDistinct: true });
  const setHashes = candidates.map((c) => (c.members.length === 0 ? '' : candidateHash(c)));
  const open = candidates.flatMap((c, i) => (screened.get(c.id) === 'small' || c.members.length === 0 ? [] : [i]));
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([scope.domain, options, candidates.map((c, i) => [c.id, setHashes[i], screened.get(c.id) ?? null, c.table ?? null, c.bundle ?? null])]),
    )
    .digest('hex');
  const hashes = open.map((i) => setHashes[i]!);
  if (hashes.length > 0) {
    const known = await db.execute<{ set_hash: string }>(
      sql`SELECT set_hash FROM disclosure_releases WHERE domain = ${scope.domain} AND set_hash = ANY(${arrayLiteral(hashes)}::text[])`,
    );
    const knownSet = new Set(known.rows.map((r) => r.set_hash));
    if (hashes.every((h) => knownSet.has(h))) {
      // Everything to release was released before (so it passed the audit then, as a set of distinct
      // members: the screen's counts by length are exact): only the size rule applies.
      const released = new Set(candidates.filter((c) => !screened.has(c.id)).map((c) => c.id));
      return markReleased(build(decisionOf({ released, withheld: screened })));
    }
    const cached = planCache.get(fingerprint);
    if (cached && candidates.every((c, i) => !cached.released.has(c.id) || c.members.length === 0 || knownSet.has(setHashes[i]!))) {
      return markReleased(build(decisionOf(cached)));
    }
  }
  // The full way: distinct, sorted members (the register's form), audited against every earlier set that shares a person.
  const sorted = candidates.map((c) => sortedMembers(c.members));
  const input = candidates.map((c, i) => ({ ...c, members: sorted[i]! }));
  const distinctHashes = sorted.map((m, i) => (m === candidates[i]!.members ? setHashes[i]! : m.length === 0 ? '' : setHashOf(m)));
  const plan = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${'disclosure:' + scope.domain}, 0))`);
    const everyone = [...new Set(sorted.flat())];
    // The overlap through the GIN index: a sequential scan tests `&&` row by row, pairwise over both arrays
    // (minutes for sets of 50,000), and the planner prefers it while the register is small.
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const prior =
      everyone.length === 0
        ? []
        : (
            await tx.execute<{ members: string[] }>(
              sql`SELECT members::text[] AS members FROM disclosure_releases WHERE domain = ${scope.domain} AND members && ${arrayLiteral(everyone)}::uuid[]`,
            )
          ).rows.map((r) => r.members);
    const made = planRelease(prior, input, options);
    const fresh = new Map<string, string[]>();
    candidates.forEach((c, i) => {
      if (made.released.has(c.id) && sorted[i]!.length > 0) fresh.set(distinctHashes[i]!, [...sorted[i]!]);
    });
    for (const [setHash, members] of fresh) {
      await tx.execute(sql`
        INSERT INTO disclosure_releases (id, domain, set_hash, members, size, organization_id)
        VALUES (${newId()}, ${scope.domain}, ${setHash}, ${arrayLiteral(members)}::uuid[], ${members.length}, ${scope.organizationId})
        ON CONFLICT (domain, set_hash) DO NOTHING`);
    }
    return made;
  });
  if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value!);
  planCache.set(fingerprint, plan);
  return markReleased(build(decisionOf(plan)));
}

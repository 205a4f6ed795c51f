// Programme evaluation: the rows the report is built from. Per person (the id only as the key of
// the disclosure layer's query sets, never published): the baseline score and the comparison score of one instrument, with the person's
// attributes for breakdowns. Every statement filters organization_id first (indexes start with it).
// The callers (evaluation.ts, the /evaluation page and exports) publish aggregates only.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';

/** What the baseline is compared with: the latest follow-up (any wave > 0 or exit), or a fixed wave. */
export const evaluationComparisons = ['latest', 'wave1', 'wave2'] as const;
export type EvaluationComparison = (typeof evaluationComparisons)[number];

export interface EvaluationScope {
  organizationId: string;
  instrumentId: string;
  /** Inclusive calendar dates (Helsinki) of baseline submission. */
  from: string;
  to: string;
  comparison: EvaluationComparison;
  /** Only these groups (by the group recorded with the baseline); empty = the whole organisation. */
  groupIds: readonly string[];
}

/** One paired (or unpaired) person. */
export interface EvaluationRow {
  /** The person's user id: only the disclosure layer sees it (the key of the participation domain's sets). */
  personId: string;
  /** The baseline's check-in: the key of this value in the score domain's query sets (one key per value, so two reports that use different follow-ups of one person differ in their sets). */
  baselineKey: string;
  baseline: number;
  /** The comparison score's check-in (null with `after`). */
  afterKey: string | null;
  /** null = no comparison score (yet). */
  after: number | null;
  /** A follow-up of the chosen kind was due (due on or before today): counts for attrition. */
  followUpDue: boolean;
  ageAtBaseline: number | null;
  gender: string | null;
  sector: string | null;
  municipality: string | null;
  groupFormat: string | null;
}

/** The people behind the response counts (user ids, each once, in no order): the disclosure layer's query sets, never published. */
export interface EvaluationCounts {
  /** Consenting people with a baseline check-in due within the period (in the chosen groups). */
  invited: readonly string[];
  /** Of those, the ones who submitted it with a score for the instrument. */
  responded: readonly string[];
}

function comparisonFilter(comparison: EvaluationComparison): SQL {
  if (comparison === 'wave1') return sql`s.kind = 'full' AND s.wave = 1`;
  if (comparison === 'wave2') return sql`s.kind = 'full' AND s.wave = 2`;
  return sql`(s.kind = 'exit' OR (s.kind = 'full' AND s.wave > 0))`;
}

function dueFilter(comparison: EvaluationComparison): SQL {
  if (comparison === 'wave1') return sql`ci.kind = 'full' AND ci.wave = 1`;
  if (comparison === 'wave2') return sql`ci.kind = 'full' AND ci.wave = 2`;
  // full check-ins have wave ≥ 1 and exits none: no wave test, so the (org, user, kind, due_on) index covers it
  return sql`ci.kind IN ('full', 'exit')`;
}

function groupFilter(column: SQL, groupIds: readonly string[]): SQL {
  if (groupIds.length === 0) return sql`TRUE`;
  return sql`${column} IN (${sql.join(
    groupIds.map((g) => sql`${g}::uuid`),
    sql`, `,
  )})`;
}

/** The Helsinki-day window [from 00:00, to + 1 day 00:00) as timestamptz bounds. */
function periodBounds(from: string, to: string): { start: SQL; end: SQL } {
  return {
    start: sql`(${from}::date::timestamp AT TIME ZONE 'Europe/Helsinki')`,
    end: sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki')`,
  };
}

/**
 * Per person with a baseline score submitted within [from, to]: the baseline (their first one in the
 * period), the comparison score (the latest later follow-up of the chosen kind), whether such a
 * follow-up was due, and the attributes. One statement.
 */
export async function evaluationRows(db: Tx, scope: EvaluationScope): Promise<EvaluationRow[]> {
  const { start, end } = periodBounds(scope.from, scope.to);
  const org = scope.organizationId;
  const result = await db.execute<{
    user_id: string;
    baseline_key: string;
    baseline: number;
    after_key: string | null;
    after: number | null;
    follow_up_due: boolean;
    age: number | null;
    gender: string | null;
    sector: string | null;
    municipality: string | null;
    group_format: string | null;
  }>(sql`
    WITH base AS (
      SELECT DISTINCT ON (s.user_id) s.user_id, s.check_in_id, s.group_id, s.score, s.submitted_at
      FROM check_in_scores s
      WHERE s.organization_id = ${org} AND s.instrument_id = ${scope.instrumentId} AND s.kind = 'baseline'
        AND s.submitted_at >= ${start} AND s.submitted_at < ${end}
        AND ${groupFilter(sql`s.group_id`, scope.groupIds)}
      ORDER BY s.user_id, s.submitted_at
    ), follow AS (
      SELECT DISTINCT ON (s.user_id) s.user_id, s.check_in_id, s.score
      FROM check_in_scores s
      JOIN base b ON b.user_id = s.user_id
      WHERE s.organization_id = ${org} AND s.instrument_id = ${scope.instrumentId} AND ${comparisonFilter(scope.comparison)}
        AND s.submitted_at > b.submitted_at
      ORDER BY s.user_id, s.submitted_at DESC
    ), due AS (
      SELECT DISTINCT ci.user_id
      FROM check_ins ci
      WHERE ci.organization_id = ${org} AND ${dueFilter(scope.comparison)} AND ci.due_on <= current_date
    )
    SELECT b.user_id, b.check_in_id AS baseline_key, b.score::float8 AS baseline, f.check_in_id AS after_key, f.score::float8 AS after, (d.user_id IS NOT NULL) AS follow_up_due,
      (extract(year FROM b.submitted_at AT TIME ZONE 'Europe/Helsinki')::int - p.birth_year) AS age,
      p.gender, c.sector, c.municipality, g.format AS group_format
    FROM base b
    LEFT JOIN follow f ON f.user_id = b.user_id
    LEFT JOIN due d ON d.user_id = b.user_id
    LEFT JOIN entrepreneur_profiles p ON p.organization_id = ${org} AND p.user_id = b.user_id
    LEFT JOIN companies c ON c.organization_id = ${org} AND c.id = p.company_id
    LEFT JOIN groups g ON g.organization_id = ${org} AND g.id = b.group_id

  `);
  return result.rows.map((r) => ({
    personId: r.user_id,
    baselineKey: r.baseline_key,
    baseline: Number(r.baseline),
    afterKey: r.after === null ? null : r.after_key,
    after: r.after === null ? null : Number(r.after),
    followUpDue: r.follow_up_due || r.after !== null,
    ageAtBaseline: r.age === null ? null : Number(r.age),
    gender: r.gender,
    sector: r.sector,
    municipality: r.municipality,
    groupFormat: r.group_format,
  }));
}

/** Response: consenting people with a baseline due within the period vs those who answered it (this instrument). */
export async function evaluationCounts(db: Tx, scope: EvaluationScope): Promise<EvaluationCounts> {
  const org = scope.organizationId;
  // Two comma-separated lists in one row: far cheaper to move and parse than a row per person (a hash
  // aggregate, one row per person; the disclosure layer needs no order).
  const result = await db.execute<{ invited: string | null; responded: string | null }>(sql`
    SELECT string_agg(u::text, ',') AS invited, string_agg(u::text, ',') FILTER (WHERE answered) AS responded
    FROM (
      SELECT ci.user_id AS u, bool_or(ci.status = 'submitted' AND EXISTS (
          SELECT 1 FROM check_in_scores s
          WHERE s.organization_id = ${org} AND s.check_in_id = ci.id AND s.instrument_id = ${scope.instrumentId})) AS answered
      FROM check_ins ci
      JOIN measurement_consents mc ON mc.organization_id = ${org} AND mc.user_id = ci.user_id
      WHERE ci.organization_id = ${org} AND ci.kind = 'baseline'
        AND ci.due_on BETWEEN ${scope.from}::date AND ${scope.to}::date
        AND ${groupFilter(sql`ci.group_id`, scope.groupIds)}
      GROUP BY ci.user_id
    ) people
  `);
  const row = result.rows[0];
  const list = (text: string | null | undefined) => (text ? text.split(',') : []);
  return { invited: list(row?.invited), responded: list(row?.responded) };
}

/** Groups of the organisation for the form (id, name). */
export async function evaluationGroups(db: Tx, { organizationId }: { organizationId: string }): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`
    SELECT id, name FROM groups WHERE organization_id = ${organizationId} ORDER BY name, id
  `);
  return result.rows;
}

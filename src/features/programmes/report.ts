// The ESF monitoring report of a programme (issue 17, points 3–4, 7; ADR 036): planned against
// realised values of every indicator of the programme's set, with the breakdowns the funder's
// monitoring form asks (gender, age band, employment status, education; the companies by size,
// sector and municipality) and the activities (meetings held, participant hours, expert hours,
// events and attendees, trainees started and graduated).
//
// Realised values are always computed, never typed: the participant and result indicators by the
// pure model of indicators.ts (`countParticipantIndicators`), applied once per distinct combination
// of start and end facts that PostgreSQL groups (GROUP BY), so the work grows with the number of
// combinations, not of people. Every figure keeps its query set (the people or companies behind it):
// the staff's drill-down reads it, and the funder's report hands it to the disclosure layer.
//
// Period: participant indicators and breakdowns count those who started in [from, to]; result
// indicators those who left in [from, to] (with their start facts, whenever they started); the
// companies and activities those the programme's activities reached in the period.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import { addDays, zonedTimeToUtc } from '../meetings/zoned-time.ts';
import { trainingCounts } from '../training/index.ts';
import {
  ageBands,
  countParticipantIndicators,
  educationLevels,
  employmentStatuses,
  genders,
  indicatorsOf,
  type EndFacts,
  type IndicatorSet,
  type LeavingSituation,
  type SoleTraderRule,
  type StartFacts,
} from './indicators.ts';
import { targetsOf, type Programme } from './programmes.queries.ts';

export interface ReportPeriod {
  /** Inclusive Helsinki dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

/** A figure and the keys behind it (user ids for people, company ids, registration ids for attendees, enrolment ids for trainees); keys are never shown. */
export interface Figure {
  value: number;
  members: string[];
}

export const breakdownKinds = ['gender', 'age', 'employment', 'education'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];
export const companyBreakdownKinds = ['size', 'sector', 'municipality'] as const;
export type CompanyBreakdownKind = (typeof companyBreakdownKinds)[number];

/** The categories of each people breakdown, in the form's order; `unanswered` last. */
export const breakdownCategories: Record<BreakdownKind, readonly string[]> = {
  gender: [...genders, 'unanswered'],
  age: [...ageBands, 'unanswered'],
  employment: [...employmentStatuses, 'unanswered'],
  education: [...educationLevels, 'unanswered'],
};

export const genderColumns = [...genders, 'unanswered'] as const;
export type GenderColumn = (typeof genderColumns)[number];

export interface IndicatorRow {
  code: string;
  kind: 'participants' | 'results' | 'entities';
  planned: number | null;
  realised: Figure;
  /** By gender (people indicators only). */
  byGender: Record<GenderColumn, Figure> | null;
}

export const activityKeys = ['meetingsHeld', 'participantHours', 'participantsAttending', 'expertSessions', 'expertHours', 'eventsHeld', 'eventAttendees', 'traineesStarted', 'traineesCompleted'] as const;
export type ActivityKey = (typeof activityKeys)[number];
/** Figures not about people (no query set to audit): shown exactly to everyone who may read the report. */
export const activityNotAboutPeople: ReadonlySet<ActivityKey> = new Set(['meetingsHeld', 'eventsHeld']);

export interface ProgrammeReport {
  programmeId: string;
  organizationId: string;
  set: IndicatorSet;
  soleTraderRule: SoleTraderRule;
  period: ReportPeriod;
  indicators: IndicatorRow[];
  /** Participants who started in the period, by category. */
  breakdowns: Record<BreakdownKind, Record<string, Figure>>;
  /** Companies counted as supported (after the sole-trader rule), by category ('' = not recorded). */
  companies: Figure;
  companyBreakdowns: Record<CompanyBreakdownKind, Record<string, Figure>>;
  activities: Record<ActivityKey, Figure>;
}

const fig = (members: string[] = []): Figure => ({ value: members.length, members });
const union = (a: readonly string[], b: readonly string[]) => (b.length === 0 ? [...a] : [...a, ...b]);

/** The instants of a period: Helsinki midnight of `from` and of the day after `to`. */
export function periodInstants(period: ReportPeriod): { from: Date; to: Date } {
  return { from: zonedTimeToUtc(period.from, '00:00'), to: zonedTimeToUtc(addDays(period.to, 1), '00:00') };
}

type FactsRow = {
  gender: StartFacts['gender'];
  employment_status: StartFacts['employmentStatus'];
  age_band: StartFacts['ageBand'];
  education: StartFacts['education'];
  disability: string | null;
  minority: string | null;
  third_country_national: string | null;
  foreign_background: string | null;
  homeless: string | null;
  rural: string | null;
  situations: LeavingSituation[] | null;
  started_in: boolean;
  ended_in: boolean;
  members: string[];
};

/** The participants grouped by their facts (one row per distinct combination), with who they are. */
async function participantGroups(db: Tx, p: Programme, period: ReportPeriod): Promise<FactsRow[]> {
  const result = await db.execute<FactsRow>(sql`
    SELECT s.gender, s.employment_status, s.age_band, s.education, s.disability, s.minority, s.third_country_national,
           s.foreign_background, s.homeless, s.rural,
           CASE WHEN e.ended_on BETWEEN ${period.from}::date AND ${period.to}::date THEN e.situations END AS situations,
           (s.started_on BETWEEN ${period.from}::date AND ${period.to}::date) AS started_in,
           (e.ended_on IS NOT NULL AND e.ended_on BETWEEN ${period.from}::date AND ${period.to}::date) AS ended_in,
           array_agg(s.user_id::text ORDER BY s.user_id) AS members
    FROM programme_participant_starts s
    LEFT JOIN programme_participant_ends e ON e.organization_id = s.organization_id AND e.programme_id = s.programme_id AND e.user_id = s.user_id
    WHERE s.organization_id = ${p.organizationId} AND s.programme_id = ${p.id}
      AND (s.started_on BETWEEN ${period.from}::date AND ${period.to}::date OR e.ended_on BETWEEN ${period.from}::date AND ${period.to}::date)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`);
  return result.rows;
}

type CompanyRow = { size: string | null; sector: string | null; municipality: string | null; members: string[] };

/**
 * The companies the programme's activities reached in the period, each once (by its organisation and
 * id): the companies of the linked groups' members who were members in the period, and the companies
 * advised in the linked advice sessions held in it. Under the rule 'participant' a sole trader coached
 * in a group is a participant, not a supported SME: such a company is left out (reached by advice
 * alone, it is counted).
 */
async function companyGroups(db: Tx, p: Programme, from: Date, to: Date): Promise<CompanyRow[]> {
  const result = await db.execute<CompanyRow>(sql`
    WITH coached AS (
      SELECT DISTINCT ep.organization_id, ep.company_id
      FROM programme_groups pg
      JOIN group_members gm ON gm.organization_id = pg.organization_id AND gm.group_id = pg.group_id
      JOIN entrepreneur_profiles ep ON ep.organization_id = gm.organization_id AND ep.user_id = gm.user_id
      WHERE pg.programme_organization_id = ${p.organizationId} AND pg.programme_id = ${p.id}
        AND ep.company_id IS NOT NULL AND gm.joined_at < ${to.toISOString()}::timestamptz
        AND (gm.left_at IS NULL OR gm.left_at >= ${from.toISOString()}::timestamptz)
    ), advised AS (
      SELECT DISTINCT s.organization_id, s.company_id
      FROM programme_advice_sessions pa
      JOIN advice_sessions s ON s.organization_id = pa.organization_id AND s.id = pa.session_id
      WHERE pa.programme_organization_id = ${p.organizationId} AND pa.programme_id = ${p.id}
        AND s.company_id IS NOT NULL AND s.status IN ('held', 'booked') AND s.cancelled_at IS NULL
        AND s.starts_at >= ${from.toISOString()}::timestamptz AND s.starts_at < ${to.toISOString()}::timestamptz
    ), reached AS (
      SELECT organization_id, company_id, true AS in_group FROM coached
      UNION ALL SELECT organization_id, company_id, false FROM advised
    ), counted AS (
      SELECT r.organization_id, r.company_id, bool_or(r.in_group) AS in_group FROM reached r GROUP BY 1, 2
    )
    SELECT c.size, c.sector, c.municipality, array_agg(c.id::text ORDER BY c.id) AS members
    FROM counted k JOIN companies c ON c.organization_id = k.organization_id AND c.id = k.company_id
    WHERE NOT (${p.soleTraderRule} = 'participant' AND k.in_group AND c.size = 'sole')
    GROUP BY 1, 2, 3`);
  return result.rows;
}

type ActivityRow = { meetings: string[] | null; attending: string[] | null; participant_hours: string | null; sessions: string[] | null; advised: string[] | null; expert_hours: string | null; events: string[] | null; attendees: string[] | null };

/** The linked activities held in the period: one statement, a subquery per family. */
async function activityFigures(db: Tx, p: Programme, from: Date, to: Date): Promise<ActivityRow> {
  const f = from.toISOString();
  const t = to.toISOString();
  const result = await db.execute<ActivityRow>(sql`
    WITH held AS (
      SELECT m.organization_id, m.id, extract(epoch FROM m.ends_at - m.starts_at) / 3600 AS hours
      FROM programme_groups pg JOIN meetings m ON m.organization_id = pg.organization_id AND m.group_id = pg.group_id
      WHERE pg.programme_organization_id = ${p.organizationId} AND pg.programme_id = ${p.id}
        AND m.status = 'scheduled' AND m.starts_at >= ${f}::timestamptz AND m.starts_at < ${t}::timestamptz AND m.starts_at < now()
    ), present AS (
      SELECT a.user_id, coalesce(a.hours::float8, h.hours) AS hours
      FROM held h JOIN attendance a ON a.organization_id = h.organization_id AND a.meeting_id = h.id
      WHERE a.status IN ('present', 'late')
    ), sessions AS (
      SELECT s.id, s.user_id, extract(epoch FROM s.ends_at - s.starts_at) / 3600 AS hours
      FROM programme_advice_sessions pa JOIN advice_sessions s ON s.organization_id = pa.organization_id AND s.id = pa.session_id
      WHERE pa.programme_organization_id = ${p.organizationId} AND pa.programme_id = ${p.id}
        AND s.status IN ('held', 'booked') AND s.cancelled_at IS NULL AND (s.attendance IS NULL OR s.attendance <> 'no_show')
        AND s.starts_at >= ${f}::timestamptz AND s.starts_at < ${t}::timestamptz AND s.starts_at < now()
    ), evs AS (
      SELECT e.organization_id, e.id
      FROM programme_events pe JOIN events e ON e.organization_id = pe.organization_id AND e.id = pe.event_id
      WHERE pe.programme_organization_id = ${p.organizationId} AND pe.programme_id = ${p.id}
        AND e.status = 'published' AND e.starts_at >= ${f}::timestamptz AND e.starts_at < ${t}::timestamptz AND e.starts_at < now()
    )
    SELECT (SELECT array_agg(id::text ORDER BY id) FROM held) AS meetings,
           (SELECT array_agg(DISTINCT user_id::text) FROM present) AS attending,
           (SELECT sum(hours)::text FROM present) AS participant_hours,
           (SELECT array_agg(id::text ORDER BY id) FROM sessions) AS sessions,
           (SELECT array_agg(DISTINCT coalesce(user_id::text, id::text)) FROM sessions) AS advised,
           (SELECT sum(hours)::text FROM sessions) AS expert_hours,
           (SELECT array_agg(id::text ORDER BY id) FROM evs) AS events,
           (SELECT array_agg(r.id::text ORDER BY r.id) FROM evs JOIN event_registrations r ON r.organization_id = evs.organization_id AND r.event_id = evs.id
              WHERE r.status = 'confirmed' AND r.attended) AS attendees`);
  return result.rows[0]!;
}

const round1 = (v: string | null) => Math.round(Number(v ?? 0) * 10) / 10;

function emptyGenderFigures(): Record<GenderColumn, Figure> {
  return { woman: fig(), man: fig(), non_binary: fig(), prefer_not: fig(), unanswered: fig() };
}

/** The report of one programme for one period (the programme as loaded; the caller has authorised the reader). */
export async function computeReport(db: Db, programme: Programme, period: ReportPeriod): Promise<ProgrammeReport> {
  const { from, to } = periodInstants(period);
  const key = { organizationId: programme.organizationId, programmeId: programme.id };
  const [groupsOfFacts, companyRows, activity, targets, training] = await Promise.all([
    participantGroups(db, programme, period),
    companyGroups(db, programme, from, to),
    activityFigures(db, programme, from, to),
    targetsOf(db, key),
    trainingCounts(db, { organizationId: programme.organizationId, from, to }),
  ]);

  const set = programme.indicatorSet;
  const definitions = indicatorsOf(set);
  const people = new Map(definitions.filter((d) => d.kind !== 'entities').map((d) => [d.code, { total: [] as string[], byGender: new Map<GenderColumn, string[]>() }]));
  const breakdowns = Object.fromEntries(breakdownKinds.map((k) => [k, new Map<string, string[]>()])) as Record<BreakdownKind, Map<string, string[]>>;
  const add = (map: Map<string, string[]>, category: string, members: readonly string[]) => map.set(category, union(map.get(category) ?? [], members));

  for (const row of groupsOfFacts) {
    const start: StartFacts = {
      userId: 'group',
      gender: row.gender,
      employmentStatus: row.employment_status,
      ageBand: row.age_band,
      education: row.education,
      special: {
        disability: row.disability as never,
        minority: row.minority as never,
        thirdCountNational: row.third_country_national as never,
        foreignBackground: row.foreign_background as never,
        homeless: row.homeless as never,
        rural: row.rural as never,
      },
    };
    const ends: EndFacts[] = row.ended_in ? [{ userId: 'group', situations: row.situations ?? [] }] : [];
    // The pure model decides, for this combination of facts, which indicators count it.
    for (const count of countParticipantIndicators(set, [start], ends)) {
      if (count.total === 0) continue;
      const definition = definitions.find((d) => d.code === count.code)!;
      if (definition.kind === 'participants' && !row.started_in) continue;
      const entry = people.get(count.code)!;
      entry.total = union(entry.total, row.members);
      add(entry.byGender, row.gender ?? 'unanswered', row.members);
    }
    if (!row.started_in) continue;
    add(breakdowns.gender, row.gender ?? 'unanswered', row.members);
    add(breakdowns.age, row.age_band ?? 'unanswered', row.members);
    add(breakdowns.employment, row.employment_status ?? 'unanswered', row.members);
    add(breakdowns.education, row.education ?? 'unanswered', row.members);
  }

  const companyMembers = companyRows.flatMap((r) => r.members);
  const companyBreakdowns = Object.fromEntries(companyBreakdownKinds.map((k) => [k, new Map<string, string[]>()])) as Record<CompanyBreakdownKind, Map<string, string[]>>;
  for (const r of companyRows) {
    add(companyBreakdowns.size, r.size ?? '', r.members);
    add(companyBreakdowns.sector, r.sector ?? '', r.members);
    add(companyBreakdowns.municipality, r.municipality ?? '', r.members);
  }

  const indicators: IndicatorRow[] = definitions.map((d) => {
    const planned = targets.get(d.code) ?? null;
    if (d.kind === 'entities') return { code: d.code, kind: d.kind, planned, realised: fig(companyMembers), byGender: null };
    const entry = people.get(d.code)!;
    const byGender = emptyGenderFigures();
    for (const g of genderColumns) byGender[g] = fig(entry.byGender.get(g) ?? []);
    return { code: d.code, kind: d.kind, planned, realised: fig(entry.total), byGender };
  });

  const toFigures = (map: Map<string, string[]>, categories?: readonly string[]) => {
    const keys = categories ?? [...map.keys()].sort();
    return Object.fromEntries(keys.map((k) => [k, fig(map.get(k) ?? [])]));
  };

  const attending = activity.attending ?? [];
  const advised = activity.advised ?? [];
  return {
    programmeId: programme.id,
    organizationId: programme.organizationId,
    set,
    soleTraderRule: programme.soleTraderRule,
    period,
    indicators,
    breakdowns: {
      gender: toFigures(breakdowns.gender, breakdownCategories.gender),
      age: toFigures(breakdowns.age, breakdownCategories.age),
      employment: toFigures(breakdowns.employment, breakdownCategories.employment),
      education: toFigures(breakdowns.education, breakdownCategories.education),
    },
    companies: fig(companyMembers),
    companyBreakdowns: {
      size: toFigures(companyBreakdowns.size, ['sole', 'micro', 'small', 'medium', ...(companyBreakdowns.size.has('') ? [''] : [])]),
      sector: toFigures(companyBreakdowns.sector),
      municipality: toFigures(companyBreakdowns.municipality),
    },
    activities: {
      meetingsHeld: fig(activity.meetings ?? []),
      participantHours: { value: round1(activity.participant_hours), members: attending },
      participantsAttending: fig(attending),
      expertSessions: { value: (activity.sessions ?? []).length, members: advised },
      expertHours: { value: round1(activity.expert_hours), members: advised },
      eventsHeld: fig(activity.events ?? []),
      eventAttendees: fig(activity.attendees ?? []),
      traineesStarted: fig(training.members.started),
      traineesCompleted: fig(training.members.completed),
    },
  };
}

// Use case: a coordinator (or the organisation's admin) opens the organisation dashboard for a period
// (issue 17, point 6; ADR 032). One statement per figure family, in parallel. Counts of rows the
// coordinator may read anyway (groups, meetings and attendance, events and registrations, advice
// sessions, expert hours) are exact; everything about people's own doings or answers goes through the
// disclosure layer: the small steps as one query set of people (`participation:steps`), and the
// check-in response and outcome change as the evaluation itself releases them, for each half-year of
// its release lattice that the period touches (runEvaluation: the same candidates, domains and
// register as /evaluation, so the dashboard reveals nothing the evaluation page would not).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { combineReleased, releaseFigures, type Released, type WithholdReason } from '../../platform/disclosure/release.ts';
import { authorize, dashboardPolicy } from '../../platform/policy/index.ts';
import { adviceCounts } from '../advice/counting.ts';
import { runEvaluation } from '../outcomes/run-evaluation.ts';
import type { Instrument } from '../outcomes/instruments/index.ts';
import {
  eventFigures,
  expertHoursFigures,
  groupFigures,
  meetingFigures,
  stepRows,
  type DashboardScope,
  type EventRow,
  type GroupFigures,
  type GroupMeetingRow,
} from './dashboard.queries.ts';
import { latticeHalves, type DashboardPeriod } from './period.ts';
import { STEPS_DOMAIN } from '../steps/steps.queries.ts';
import { changeDirection, rate, roundedRate, type ChangeDirection } from './rates.ts';

/** The comparison the outcome trend uses: the evaluation's default (the latest follow-up). */
export const TREND_COMPARISON = 'latest' as const;

export interface MeetingTotals {
  planned: number;
  held: number;
  cancelled: number;
  /** Held meetings with attendance recorded. */
  recorded: number;
  attended: number;
  attendanceRecords: number;
  /** present or late / attendance records of held meetings; null without any record. */
  attendanceRate: number | null;
  byGroup: (GroupMeetingRow & { attendanceRate: number | null })[];
}

export interface EventTotals {
  events: number;
  held: number;
  cancelled: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  /** attended / confirmed of the events held; null when none was confirmed. */
  attendanceRate: number | null;
  list: EventRow[];
}

export interface StepFigures {
  set: number | null;
  followedUp: number | null;
  done: number | null;
  followUpRate: number | null;
  reason: WithholdReason | null;
}

export interface TrendHalf {
  /** The evaluation's period key ("2026-H1") and its dates. */
  key: string;
  from: string;
  to: string;
  nBaseline: number | null;
  nPaired: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  direction: ChangeDirection;
  /** Baseline check-ins: invited and answered (the evaluation's response). */
  invited: number | null;
  responded: number | null;
  responseRate: number | null;
  /** Follow-ups: due and answered (the evaluation's attrition, read as a response rate). */
  followUpsDue: number | null;
  followedUp: number | null;
  followUpRate: number | null;
  withheldReason: WithholdReason | null;
}

export interface OutcomeTrend {
  instrumentId: string;
  higherIsBetter: boolean;
  step: number;
  halves: TrendHalf[];
}

export interface Dashboard {
  period: { from: string; to: string };
  groups: GroupFigures;
  meetings: MeetingTotals;
  events: EventTotals;
  advice: { sessions: number; hours: number; noShows: number; companies: number };
  experts: { entries: number; experts: number; hours: number };
  steps: Released<StepFigures>;
  outcomes: Released<OutcomeTrend>;
}

const sum = <T>(list: readonly T[], f: (x: T) => number) => list.reduce((s, x) => s + f(x), 0);

export function meetingTotals(byGroup: readonly GroupMeetingRow[]): MeetingTotals {
  const attended = sum(byGroup, (g) => g.attended);
  const attendanceRecords = sum(byGroup, (g) => g.attendanceRecords);
  return {
    planned: sum(byGroup, (g) => g.planned),
    held: sum(byGroup, (g) => g.held),
    cancelled: sum(byGroup, (g) => g.cancelled),
    recorded: sum(byGroup, (g) => g.recorded),
    attended,
    attendanceRecords,
    attendanceRate: roundedRate(rate(attended, attendanceRecords)),
    byGroup: byGroup.map((g) => ({ ...g, attendanceRate: roundedRate(rate(g.attended, g.attendanceRecords)) })),
  };
}

export function eventTotals(list: readonly EventRow[]): EventTotals {
  const held = list.filter((e) => e.held);
  const active = list.filter((e) => e.status !== 'cancelled');
  const heldConfirmed = sum(held, (e) => e.confirmed);
  return {
    events: active.length,
    held: held.length,
    cancelled: list.length - active.length,
    confirmed: sum(active, (e) => e.confirmed),
    waitlisted: sum(active, (e) => e.waitlisted),
    attended: sum(held, (e) => e.attended),
    attendanceRate: roundedRate(
      rate(
        sum(held, (e) => e.attended),
        heldConfirmed,
      ),
    ),
    list: [...list],
  };
}

export async function loadDashboard(
  actor: Actor | null,
  deps: { db: Db; reportDb?: Db },
  input: { organizationId: string; period: Pick<DashboardPeriod, 'from' | 'to' | 'fromInstant' | 'toInstant'>; instrument: Instrument; now?: Date },
): Promise<Dashboard> {
  const { organizationId, period, instrument } = input;
  authorize(actor, { organizationId }, dashboardPolicy.view);
  const now = input.now ?? new Date();
  const reads = deps.reportDb ?? deps.db;
  const scope: DashboardScope = { organizationId, from: period.fromInstant, to: period.toInstant, now };
  const halves = latticeHalves(period.from, period.to);
  const [groups, byGroup, events, advice, experts, steps, trend] = await Promise.all([
    groupFigures(reads, scope),
    meetingFigures(reads, scope),
    eventFigures(reads, scope),
    adviceCounts(reads, { organizationId, from: period.fromInstant, to: period.toInstant }, now),
    expertHoursFigures(reads, scope),
    stepRows(reads, scope).then((rows) =>
      releaseFigures(deps.db, { organizationId, domain: STEPS_DOMAIN }, [{ id: 'steps', members: rows.people }], (decision): StepFigures => {
        if (!decision.released('steps')) return { set: null, followedUp: null, done: null, followUpRate: null, reason: decision.reason('steps') ?? 'small' };
        return { set: rows.set, followedUp: rows.followedUp, done: rows.done, followUpRate: roundedRate(rate(rows.followedUp, rows.set)), reason: null };
      }),
    ),
    // The half-years one after another: each takes the register's lock of its domains in turn anyway.
    (async () => {
      const reports = [];
      for (const half of halves) {
        reports.push(await runEvaluation(actor, deps, { organizationId, from: half.from, to: half.to, comparison: TREND_COMPARISON, instrument }));
      }
      return reports;
    })(),
  ]);
  const higherIsBetter = instrument.scoring.kind === 'scale' ? instrument.scoring.higherIsBetter : true;
  const outcomes = combineReleased(trend, (reports): OutcomeTrend => ({
    instrumentId: instrument.id,
    higherIsBetter,
    step: reports[0]?.step ?? 1,
    halves: reports.map((r, i) => {
      const half = halves[i]!;
      const tTest = r.paired?.tTest ?? null;
      const change = r.paired ? { meanChange: r.paired.meanChange, ciLow: tTest?.ciLow ?? null, ciHigh: tTest?.ciHigh ?? null } : null;
      return {
        key: half.key,
        from: half.from,
        to: half.to,
        nBaseline: r.nBaseline,
        nPaired: r.nPaired,
        meanBefore: r.paired?.meanBefore ?? null,
        meanAfter: r.paired?.meanAfter ?? null,
        meanChange: r.paired?.meanChange ?? null,
        ciLow: tTest?.ciLow ?? null,
        ciHigh: tTest?.ciHigh ?? null,
        direction: changeDirection(change, higherIsBetter),
        invited: r.response.invited,
        responded: r.response.responded,
        responseRate: r.response.rate === null ? null : roundedRate(r.response.rate),
        followUpsDue: r.attrition.due,
        followedUp: r.attrition.followedUp,
        followUpRate: roundedRate(r.attrition.due === null || r.attrition.followedUp === null ? null : rate(r.attrition.followedUp, r.attrition.due)),
        withheldReason: r.published ? null : r.withheldReason,
      };
    }),
  }));
  return {
    period: { from: period.from, to: period.to },
    groups,
    meetings: meetingTotals(byGroup),
    events: eventTotals(events),
    advice: { sessions: advice.sessions, hours: advice.hours, noShows: advice.noShows, companies: advice.companies },
    experts: { entries: experts.entries, experts: experts.experts, hours: Math.round((experts.minutes / 60) * 100) / 100 },
    steps,
    outcomes,
  };
}

// The monitoring report as it is shown and exported (ADR 036): the exact figures for the lead
// organisation's staff, or the figures the disclosure layer releases for a funder. One shape for
// both, so the page and the three exports render the same tables; a withheld figure is null.
//
// The funder's figures: every figure about people is a candidate with its query set, in the
// domain of its keys (participants by user id, companies by id, event attendees by registration,
// trainees by enrolment); a breakdown's cells are one `table` each, so a withheld cell cannot be
// found as the total minus the others. The layer audits them against every earlier release
// (installation-wide), so no two reports combine to reveal a small group either.
import type { Db } from '../../platform/db/db.ts';
import { releaseFigures, type Candidate, type Decision, type Released, type WithholdReason, combineReleased } from '../../platform/disclosure/release.ts';
import { TRAINING_DOMAIN } from '../training/index.ts';
import {
  activityKeys,
  activityNotAboutPeople,
  breakdownKinds,
  companyBreakdownKinds,
  genderColumns,
  type ActivityKey,
  type BreakdownKind,
  type CompanyBreakdownKind,
  type Figure,
  type GenderColumn,
  type ProgrammeReport,
} from './report.ts';

export const PROGRAMME_PARTICIPANTS_DOMAIN = 'participation:programmes';
export const PROGRAMME_COMPANIES_DOMAIN = 'participation:programme-companies';
export const PROGRAMME_EVENTS_DOMAIN = 'participation:programme-events';

export interface ViewCell {
  value: number | null;
  /** Why a funder's figure is withheld (null when shown). */
  reason: WithholdReason | null;
  /** The drill-down key of the figure (the staff's list of people or companies behind it). */
  figure: string;
}

export interface ReportView {
  exact: boolean;
  indicators: { code: string; kind: 'participants' | 'results' | 'entities'; planned: number | null; realised: ViewCell; byGender: Record<GenderColumn, ViewCell> | null }[];
  breakdowns: Record<BreakdownKind, { category: string; cell: ViewCell }[]>;
  companies: ViewCell;
  companyBreakdowns: Record<CompanyBreakdownKind, { category: string; cell: ViewCell }[]>;
  activities: Record<ActivityKey, ViewCell>;
}

type Shown = (id: string, f: Figure) => ViewCell;

function shape(report: ProgrammeReport, exact: boolean, shown: Shown): ReportView {
  const breakdowns = Object.fromEntries(
    breakdownKinds.map((k) => [k, Object.entries(report.breakdowns[k]).map(([category, f]) => ({ category, cell: shown(`b:${k}:${category}`, f) }))]),
  ) as ReportView['breakdowns'];
  const companyBreakdowns = Object.fromEntries(
    companyBreakdownKinds.map((k) => [k, Object.entries(report.companyBreakdowns[k]).map(([category, f]) => ({ category, cell: shown(`c:${k}:${category}`, f) }))]),
  ) as ReportView['companyBreakdowns'];
  return {
    exact,
    indicators: report.indicators.map((row) => ({
      code: row.code,
      kind: row.kind,
      planned: row.planned,
      realised: row.kind === 'entities' ? shown('companies', row.realised) : shown(`i:${row.code}`, row.realised),
      byGender: row.byGender ? (Object.fromEntries(genderColumns.map((g) => [g, shown(`i:${row.code}:${g}`, row.byGender![g])])) as Record<GenderColumn, ViewCell>) : null,
    })),
    breakdowns,
    companies: shown('companies', report.companies),
    companyBreakdowns,
    activities: Object.fromEntries(activityKeys.map((k) => [k, shown(`a:${k}`, report.activities[k])])) as Record<ActivityKey, ViewCell>,
  };
}

/** The exact figures, for those who may see the rows behind them (the lead organisation's staff). */
export function exactReportView(report: ProgrammeReport): ReportView {
  return shape(report, true, (id, f) => ({ value: f.value, reason: null, figure: id }));
}

/** The candidates of one report, per domain (an id is a figure's drill-down key). */
function candidatesOf(report: ProgrammeReport): Record<string, Candidate[]> {
  const people: Candidate[] = [];
  const companies: Candidate[] = [];
  const events: Candidate[] = [];
  const training: Candidate[] = [];
  for (const row of report.indicators) {
    if (row.kind === 'entities') continue;
    people.push({ id: `i:${row.code}`, members: row.realised.members });
    for (const g of genderColumns) people.push({ id: `i:${row.code}:${g}`, members: row.byGender![g].members, table: `i:${row.code}` });
  }
  for (const k of breakdownKinds) for (const [category, f] of Object.entries(report.breakdowns[k])) people.push({ id: `b:${k}:${category}`, members: f.members, table: `b:${k}` });
  companies.push({ id: 'companies', members: report.companies.members });
  for (const k of companyBreakdownKinds)
    for (const [category, f] of Object.entries(report.companyBreakdowns[k])) companies.push({ id: `c:${k}:${category}`, members: f.members, table: `c:${k}` });
  for (const k of activityKeys) {
    if (activityNotAboutPeople.has(k)) continue;
    const c = { id: `a:${k}`, members: report.activities[k].members };
    if (k === 'eventAttendees') events.push(c);
    else if (k === 'traineesStarted' || k === 'traineesCompleted') training.push(c);
    else people.push(c);
  }
  return { [PROGRAMME_PARTICIPANTS_DOMAIN]: people, [PROGRAMME_COMPANIES_DOMAIN]: companies, [PROGRAMME_EVENTS_DOMAIN]: events, [TRAINING_DOMAIN]: training };
}

/**
 * The figures a funder may see: each about people released or withheld by the disclosure layer
 * (small cells, complementary cells, overlaps with earlier releases); meetings and events held
 * are not about people and are shown as they are.
 */
export async function releasedReportView(db: Db, report: ProgrammeReport): Promise<Released<ReportView>> {
  const byDomain = candidatesOf(report);
  const decisions = await Promise.all(
    Object.entries(byDomain).map(([domain, candidates]) => releaseFigures(db, { organizationId: report.organizationId, domain }, candidates, (d: Decision) => ({ ids: new Set(candidates.map((c) => c.id)), d }))),
  );
  return combineReleased(decisions, (parts) =>
    shape(report, false, (id, f) => {
      const part = parts.find((p) => p.ids.has(id));
      if (!part) return { value: f.value, reason: null, figure: id };
      const reason = part.d.reason(id);
      return { value: part.d.released(id) ? f.value : null, reason: part.d.released(id) ? null : (reason ?? 'small'), figure: id };
    }),
  );
}

// Use case: the lead organisation's coordinator opens the people or companies behind one figure
// of the monitoring report (ADR 036). Authorised by reportPolicy.drillDown, the figure recomputed
// for the period, and the read recorded in the audit log with its subjects (as the participants'
// page does): the list is personal data, the participants' special categories among it.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordStaffRead } from '../../platform/audit/staff-reads.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { reportPolicy } from '../../platform/policy/index.ts';
import { loadAuthorized } from './load.ts';
import { computeReport, type Figure, type ProgrammeReport, type ReportPeriod } from './report.ts';

export interface DrillDownRow {
  id: string;
  name: string;
}

export interface DrillDown {
  programmeName: string;
  figure: string;
  /** 'people' (user ids) or 'companies'. */
  kind: 'people' | 'companies';
  rows: DrillDownRow[];
}

/** The figure of a report by its key (as report-view.ts names them), with what its members are. */
export function figureOf(report: ProgrammeReport, key: string): { kind: 'people' | 'companies'; figure: Figure } | null {
  const [head, a, b] = key.split(':');
  if (key === 'companies') return { kind: 'companies', figure: report.companies };
  if (head === 'i' && a) {
    const row = report.indicators.find((r) => r.code === a);
    if (!row) return null;
    if (row.kind === 'entities') return b === undefined ? { kind: 'companies', figure: row.realised } : null;
    if (b === undefined) return { kind: 'people', figure: row.realised };
    const g = row.byGender?.[b as keyof NonNullable<typeof row.byGender>];
    return g ? { kind: 'people', figure: g } : null;
  }
  if (head === 'b' && a && b !== undefined) {
    const f = report.breakdowns[a as keyof ProgrammeReport['breakdowns']]?.[b];
    return f ? { kind: 'people', figure: f } : null;
  }
  if (head === 'c' && a && b !== undefined) {
    const f = report.companyBreakdowns[a as keyof ProgrammeReport['companyBreakdowns']]?.[b];
    return f ? { kind: 'companies', figure: f } : null;
  }
  if (head === 'a' && (a === 'participantHours' || a === 'participantsAttending' || a === 'expertSessions' || a === 'expertHours')) return { kind: 'people', figure: report.activities[a] };
  return null;
}

export async function readReportFigure(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; period: ReportPeriod; figure: string }): Promise<DrillDown> {
  const { programme } = await loadAuthorized(deps.db, actor, input.programmeId, reportPolicy.drillDown);
  const report = await computeReport(deps.db, programme, input.period);
  const found = figureOf(report, input.figure);
  if (!found) throw new NotFoundError();
  const ids = found.figure.members;
  return deps.db.transaction(async (tx) => {
    const rows =
      ids.length === 0
        ? []
        : found.kind === 'people'
          ? (await tx.execute<{ id: string; name: string }>(sql`SELECT id::text AS id, name FROM users WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY name, id`)).rows
          : (await tx.execute<{ id: string; name: string }>(sql`SELECT id::text AS id, name FROM companies WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY name, id`)).rows;
    await recordStaffRead(tx, actor!, {
      organizationId: programme.organizationId,
      purpose: 'programmes.report',
      targetType: 'programme',
      targetId: programme.id,
      subjectUserIds: found.kind === 'people' ? ids : [],
    });
    return { programmeName: programme.name, figure: input.figure, kind: found.kind, rows };
  });
}

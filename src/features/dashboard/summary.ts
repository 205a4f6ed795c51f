// The dashboard's summary on the coordinator's home: this half-year's meetings, attendance and events —
// exact counts of the organisation's own rows only (nothing that needs the disclosure layer, so a home
// page load writes nothing to its register). The caller checks dashboardPolicy.view.
import type { Tx } from '../../platform/db/db.ts';
import { eventFigures, meetingFigures } from './dashboard.queries.ts';
import { eventTotals, meetingTotals } from './load-dashboard.ts';
import { parsePeriod } from './period.ts';

export interface DashboardSummary {
  from: string;
  to: string;
  held: number;
  planned: number;
  attendanceRate: number | null;
  events: number;
  confirmed: number;
}

export async function dashboardSummary(db: Tx, { organizationId, now = new Date() }: { organizationId: string; now?: Date }): Promise<DashboardSummary> {
  const period = parsePeriod(new URLSearchParams(), now);
  const scope = { organizationId, from: period.fromInstant, to: period.toInstant, now };
  const [byGroup, list] = await Promise.all([meetingFigures(db, scope), eventFigures(db, scope)]);
  const meetings = meetingTotals(byGroup);
  const events = eventTotals(list);
  return {
    from: period.from,
    to: period.to,
    held: meetings.held,
    planned: meetings.planned,
    attendanceRate: meetings.attendanceRate,
    events: events.events,
    confirmed: events.confirmed,
  };
}

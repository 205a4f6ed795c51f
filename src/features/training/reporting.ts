// Counts of the facilitator training for reporting (issue 15, point 8): trainees started, completed
// and dropped out in a period, and the hours — the cohort sessions held and the trainees' hours in
// them (attended or compensated). `trainingCounts` gives the exact figures to those who may see the
// rows; `releasedTrainingCounts` is what a report for anyone else (the funder's report) calls: the
// figures about people pass the disclosure layer (domain participation:training).
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import { releaseFigures, type Released, type WithholdReason } from '../../platform/disclosure/release.ts';

export const TRAINING_DOMAIN = 'participation:training';

export interface TrainingCountsScope {
  organizationId: string;
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
}

export interface TrainingCounts {
  /** Trainees whose cohort's first session fell in the period (invited ones who never joined not counted). */
  started: number;
  /** Completions confirmed in the period. */
  completed: number;
  /** Drop-outs among those started in the period. */
  dropped: number;
  /** Hours of cohort sessions held in the period. */
  sessionHours: number;
  /** Hours trainees spent in those sessions (present or compensated). */
  traineeHours: number;
  /** The people behind each figure (enrolment ids), for the disclosure audit; never shown. */
  members: { started: string[]; dropped: string[]; completed: string[]; hours: string[] };
}

export async function trainingCounts(db: Tx, { organizationId, from, to }: TrainingCountsScope): Promise<TrainingCounts> {
  const { rows } = await db.execute<{ started: string[] | null; dropped: string[] | null; completed: string[] | null; session_hours: string | null; trainee_hours: string | null; hours: string[] | null }>(sql`
    WITH firsts AS (
      SELECT cohort_id, min(starts_at) AS first_at FROM cohort_sessions WHERE organization_id = ${organizationId} GROUP BY cohort_id
    ), started AS (
      SELECT e.id, e.status FROM enrolments e JOIN firsts f ON f.cohort_id = e.cohort_id
      WHERE e.organization_id = ${organizationId} AND e.user_id IS NOT NULL AND f.first_at >= ${from.toISOString()}::timestamptz AND f.first_at < ${to.toISOString()}::timestamptz
    ), held AS (
      SELECT id, extract(epoch FROM ends_at - starts_at) / 3600 AS hours FROM cohort_sessions
      WHERE organization_id = ${organizationId} AND starts_at >= ${from.toISOString()}::timestamptz AND starts_at < ${to.toISOString()}::timestamptz
    ), present AS (
      SELECT a.enrolment_id, h.hours FROM training_session_attendance a JOIN held h ON h.id = a.cohort_session_id
      WHERE a.organization_id = ${organizationId} AND a.status IN ('present', 'compensated')
    )
    SELECT (SELECT array_agg(id::text ORDER BY id) FROM started) AS started,
           (SELECT array_agg(id::text ORDER BY id) FROM started WHERE status = 'dropped') AS dropped,
           (SELECT array_agg(id::text ORDER BY id) FROM enrolments WHERE organization_id = ${organizationId} AND status = 'completed'
              AND completed_at >= ${from.toISOString()}::timestamptz AND completed_at < ${to.toISOString()}::timestamptz) AS completed,
           (SELECT sum(hours)::text FROM held) AS session_hours,
           (SELECT sum(hours)::text FROM present) AS trainee_hours,
           (SELECT array_agg(DISTINCT enrolment_id::text) FROM present) AS hours`);
  const row = rows[0];
  const round = (v: string | null | undefined) => Math.round(Number(v ?? 0) * 10) / 10;
  return {
    started: row?.started?.length ?? 0,
    completed: row?.completed?.length ?? 0,
    dropped: row?.dropped?.length ?? 0,
    sessionHours: round(row?.session_hours),
    traineeHours: round(row?.trainee_hours),
    members: { started: row?.started ?? [], dropped: row?.dropped ?? [], completed: row?.completed ?? [], hours: row?.hours ?? [] },
  };
}

export interface ReleasedTrainingCounts {
  started: number | null;
  dropped: number | null;
  completed: number | null;
  /** Not about people: the hours of sessions held. */
  sessionHours: number;
  traineeHours: number | null;
  reasons: { started: WithholdReason | null; dropped: WithholdReason | null; completed: WithholdReason | null; traineeHours: WithholdReason | null };
}

/** The training's counts for a report read by people who may not see the rows (e.g. the funder's). */
export async function releasedTrainingCounts(db: Db, scope: TrainingCountsScope): Promise<Released<ReleasedTrainingCounts>> {
  const counts = await trainingCounts(db, scope);
  return releaseFigures(
    db,
    { organizationId: scope.organizationId, domain: TRAINING_DOMAIN },
    [
      { id: 'started', members: counts.members.started },
      { id: 'dropped', members: counts.members.dropped },
      { id: 'completed', members: counts.members.completed },
      { id: 'hours', members: counts.members.hours },
    ],
    (d) => ({
      started: d.released('started') ? counts.started : null,
      dropped: d.released('dropped') ? counts.dropped : null,
      completed: d.released('completed') ? counts.completed : null,
      sessionHours: counts.sessionHours,
      traineeHours: d.released('hours') ? counts.traineeHours : null,
      reasons: { started: d.reason('started'), dropped: d.reason('dropped'), completed: d.reason('completed'), traineeHours: d.reason('hours') },
    }),
  );
}

// Training reminders, as for meetings and steps (src/features/reminders, run by its sweep): about
// two days before a cohort session to each active trainee, and a few days before an assignment's
// due time (23.59 Helsinki time, computed as rules.ts does) to a trainee who has not submitted it;
// in each person's language, Helsinki time, only if they have not turned meeting or step reminders
// off. Exactly once per person, target and occasion (reminders_sent, claimed in the mail's transaction).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { sendReminderOnce } from '../meetings/reminders-sent.ts';
import { firstName } from '../board/board.queries.ts';
import { localized } from './template.ts';
import type { LocalizedText } from './training.schema.ts';

export const TRAINING_SESSION_LEAD_MS = 48 * 3600_000;
export const TRAINING_DUE_LEAD_MS = 3 * 86_400_000;

export interface TrainingReminderDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

const occasion = (d: Date) => d.toISOString().slice(0, 19) + 'Z';
const localeOf = (v: string | null): Locale => (isLocale(v) ? v : 'fi');


export async function runTrainingReminders(deps: TrainingReminderDeps, now: Date = new Date()): Promise<{ sessions: number; due: number }> {
  const settings = `${deps.config.appUrl}/profile/notifications`;
  const sessions = await deps.db.execute<{ organization_id: string; cohort_session_id: string; starts_at: string | Date; online_url: string | null; session_title: LocalizedText; course_title: LocalizedText; user_id: string; email: string; name: string; locale: string | null }>(sql`
    SELECT cs.organization_id, cs.id AS cohort_session_id, cs.starts_at, cs.online_url, s.title AS session_title, c.title AS course_title,
           u.id AS user_id, u.email, u.name, u.locale
    FROM cohort_sessions cs
    JOIN course_sessions s ON s.organization_id = cs.organization_id AND s.id = cs.session_id
    JOIN cohorts k ON k.organization_id = cs.organization_id AND k.id = cs.cohort_id
    JOIN courses c ON c.organization_id = k.organization_id AND c.id = k.course_id
    JOIN enrolments e ON e.organization_id = cs.organization_id AND e.cohort_id = cs.cohort_id AND e.status = 'active' AND e.user_id IS NOT NULL
    JOIN users u ON u.id = e.user_id
    LEFT JOIN reminder_preferences rp ON rp.user_id = u.id
    WHERE cs.starts_at > ${now.toISOString()} AND cs.starts_at <= ${new Date(now.getTime() + TRAINING_SESSION_LEAD_MS).toISOString()}
      AND COALESCE(rp.meeting_reminders, true)
    ORDER BY cs.starts_at, u.id`);
  let sessionCount = 0;
  for (const r of sessions.rows) {
    const startsAt = new Date(r.starts_at);
    const locale = localeOf(r.locale);
    const ok = await sendReminderOnce(
      deps,
      { organizationId: r.organization_id, kind: 'training_session', targetId: r.cohort_session_id, userId: r.user_id, occasion: occasion(startsAt) },
      {
        to: r.email,
        userId: r.user_id,
        locale,
        template: 'trainingSessionReminder',
        values: { name: firstName(r.name) || r.name, course: localized(r.course_title, locale), session: localized(r.session_title, locale), when: formatDateTime(locale, startsAt), link: r.online_url ?? `${deps.config.appUrl}/training/my`, settings },
      },
    );
    if (ok) sessionCount += 1;
  }
  const due = await deps.db.execute<{ organization_id: string; assignment_id: string; enrolment_id: string; due_at: string | Date; title: LocalizedText; user_id: string; email: string; name: string; locale: string | null }>(sql`
    SELECT * FROM (
      SELECT e.organization_id, a.id AS assignment_id, e.id AS enrolment_id, a.title, u.id AS user_id, u.email, u.name, u.locale, rp.step_reminders,
             (((cs.starts_at AT TIME ZONE 'Europe/Helsinki')::date + a.due_days_after) + time '23:59:59') AT TIME ZONE 'Europe/Helsinki' AS due_at
      FROM enrolments e
      JOIN cohort_sessions cs ON cs.organization_id = e.organization_id AND cs.cohort_id = e.cohort_id
      JOIN course_assignments a ON a.organization_id = cs.organization_id AND a.session_id = cs.session_id
      JOIN users u ON u.id = e.user_id
      LEFT JOIN reminder_preferences rp ON rp.user_id = u.id
      WHERE e.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM submissions sb WHERE sb.organization_id = e.organization_id AND sb.enrolment_id = e.id AND sb.assignment_id = a.id)
    ) d
    WHERE d.due_at > ${now.toISOString()} AND d.due_at <= ${new Date(now.getTime() + TRAINING_DUE_LEAD_MS).toISOString()} AND COALESCE(d.step_reminders, true)
    ORDER BY d.due_at, d.user_id`);
  let dueCount = 0;
  for (const r of due.rows) {
    const dueAt = new Date(r.due_at);
    const locale = localeOf(r.locale);
    const ok = await sendReminderOnce(
      deps,
      { organizationId: r.organization_id, kind: 'training_due', targetId: r.assignment_id, userId: r.user_id, occasion: occasion(dueAt) },
      {
        to: r.email,
        userId: r.user_id,
        locale,
        template: 'trainingDueReminder',
        values: { name: firstName(r.name) || r.name, assignment: localized(r.title, locale), due: formatDateTime(locale, dueAt), link: `${deps.config.appUrl}/training/my/${r.enrolment_id}/assignments/${r.assignment_id}`, settings },
      },
    );
    if (ok) dueCount += 1;
  }
  return { sessions: sessionCount, due: dueCount };
}
